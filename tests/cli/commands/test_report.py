"""``troubleshoot report``: the figures, in the format asked for, where asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.sessions.test_figures import WEEK
from troubleshoot.sessions.store import Store


@pytest.fixture(autouse=True)
def week() -> None:
    with Store.open() as db:
        for session in WEEK:
            db.put(session)


def test_report_json_counts_what_the_store_holds_since_a_day(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["report", "--format", "json", "--since", "2026-11-23"])
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["total"]["sessions"] == 11 and data["trees"][0]["resolved"] == 4


def test_report_html_goes_to_the_file_named(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "report.html"
    result = cli(["report", "--format", "html", "--output", str(target)])
    assert result.code == 0 and result.out == ""
    assert f"Report written to {target}" in result.err
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_table_is_the_default(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["report"])
    assert result.code == 0
    assert "Sessions per tree" in result.out and "desk#release" in result.out


def test_report_csv_and_an_unknown_format(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli(["report", "--format", "csv"]).out.startswith("section,tree,node,label,value")
    bad = cli(["report", "--format", "pdf"])
    assert bad.code == 2 and "--format: choose one of table, csv, json, html" in bad.err


def test_a_report_is_written_privately_and_never_through_a_link(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    (tmp_path / "link.csv").symlink_to(victim)
    refused = cli(["report", "--format", "csv", "--output", str(tmp_path / "link.csv")])
    assert refused.code == 1 and victim.read_text() == "keep me\n"
    assert (
        refused.err
        == f"troubleshoot: {tmp_path / 'link.csv'}: is a symbolic link; name the file itself\n"
    )
    assert cli(["report", "--format", "csv", "--output", str(tmp_path / "r.csv")]).code == 0
    assert (tmp_path / "r.csv").stat().st_mode & 0o777 == 0o600
