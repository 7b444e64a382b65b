"""``troubleshoot report``: the figures, in the format asked for, where asked."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR
from tests.sessions.test_breakdowns import PLACED
from tests.ui.test_report_table import LONG, renamed
from troubleshoot.sessions.store import Store


@pytest.fixture(autouse=True)
def week(monkeypatch: pytest.MonkeyPatch) -> None:
    """The week of walks at their branches, with the desk's trees (and so their titles)."""
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(FIXTURE_DIR / "walks"))
    monkeypatch.setenv("COLUMNS", "80")
    with Store.open() as db:
        for session in PLACED:
            db.put(session)


def test_report_json_counts_what_the_store_holds_since_a_day(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["report", "--format", "json", "--since", "2026-11-23"])
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["total"]["sessions"] == 11 and data["trees"][0]["resolved"] == 4
    assert data["trees"][0]["title"] == "Desk printer" and len(data["branches"]) == 3


def test_report_html_goes_to_the_file_named(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "report.html"
    result = cli(["report", "--format", "html", "--output", str(target)])
    assert result.code == 0 and result.out == ""
    assert f"Report written to {target}" in result.err
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def shown(out: str) -> list[str]:
    return [line.rstrip() for line in out.splitlines()]


def test_report_table_is_the_default_and_names_trees_by_title(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["report"])
    assert result.code == 0, result.err
    lines = shown(result.out)
    start = lines.index("Sessions per tree")
    assert lines[start + 1 : start + 7] == [
        "tree             sess  res  esc  urg  ref  left  open  res%  esc%",
        "Desk printer       11    5    4    1    0     1     1   50%   40%",
        "desk",
        "Laptop printing     1    0    1    0    0     0     0    0%  100%",
        "other",
        "all                12    5    5    1    0     1     1   45%   45%",
    ]
    assert "Desk printer #release  stopped by staff                        2" in lines


def test_report_by_branch_with_since_until_and_tree(cli) -> None:  # type: ignore[no-untyped-def]
    args = ["report", "--by", "branch", "--since", "2026-11-23", "--until", "2026-11-24"]
    lines = shown(cli([*args, "--tree", "desk"]).out)
    assert lines[:2] == [
        "Session report: from 2026-11-23, to 2026-11-24, tree desk: sessions from",
        "2026-11-23 to 2026-11-24",
    ]
    start = lines.index("Sessions per branch")
    assert lines[start + 1 : start + 5] == [  # S1 to S5 at Central, S6 at Northside
        "branch     sess  res  esc  urg  ref  left  open  res%  esc%",
        "Central       5    2    3    1    0     0     0   40%   60%",
        "Northside     1    1    0    0    0     0     0  100%    0%",
        "all           6    3    3    1    0     0     0   50%   50%",
    ]


def test_report_csv_by_week_for_one_branch(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["report", "--by", "week", "--branch", "Northside", "--format", "csv"])
    assert result.code == 0, result.err
    assert list(csv.reader(io.StringIO(result.out))) == [
        ["week", "monday", "sessions", "resolved", "escalated", "urgent", "referred",
         "patron_left", "unfinished", "resolved_share", "escalated_share",
         "median_minutes_to_resolve", "p90_minutes_to_resolve", "median_minutes_to_escalate",
         "p90_minutes_to_escalate", "budget_overruns"],
        ["2026-W48", "2026-11-23", "3", "1", "0", "0", "0", "1", "1", "0.5000", "0.0000", "15",
         "15", "", "", "1"],
    ]  # fmt: skip


def test_report_csv_by_step_names_steps_and_tree_titles(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli(["report", "--by", "step", "--format", "csv"]).out.splitlines()
    assert out == [
        "tree,tree_title,node,step,tried,fixed,not_fixed,could_not_try,fix_rate,reasons",
        "desk,Desk printer,release,Release the job at the station.,7,3,4,0,0.4286,",
        "desk,Desk printer,paper,Check the paper tray.,3,2,1,0,0.6667,",
    ]


def test_a_long_tree_id_is_never_cut_at_80_columns(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trees = tmp_path / "trees"
    trees.mkdir()
    text = (FIXTURE_DIR / "walks" / "desk.yaml").read_text(encoding="utf-8")
    (trees / f"{LONG}.yaml").write_text(
        text.replace("title: Desk printer", "title: Screen magnifier and large print settings"),
        encoding="utf-8",
    )
    with Store.open() as db:
        db.put(renamed(PLACED[1]))
    monkeypatch.setenv("TROUBLESHOOT_TREES", f"{FIXTURE_DIR / 'walks'}{os.pathsep}{trees}")
    lines = shown(cli(["report", "--tree", LONG]).out)
    start = lines.index("Sessions per tree")
    assert lines[start + 1 : start + 6] == [
        "tree                            sess  res  esc  urg  ref  left  open  res%  esc%",
        "Screen magnifier and large         1    1    0    0    0     0     0  100%    0%",
        "print settings",
        "toolscreen-magnifier-and-large",
        "-print-settings",
    ]
    assert not any("…" in line or len(line) > 80 for line in lines)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--since", "yesterday"],
            "--since: 'yesterday' is not a day like 2026-11-23 (YYYY-MM-DD)",
        ),
        (
            ["--until", "2026-13-01"],
            "--until: '2026-13-01' is not a day like 2026-11-23 (YYYY-MM-DD)",
        ),
        (["--by", "month"], "--by: choose one of tree, branch, week, step (not 'month')"),
        (["--format", "pdf"], "--format: choose one of table, csv, json, html (not 'pdf')"),
    ],
)
def test_bad_input_is_one_line_and_a_usage_error(cli, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    bad = cli(["report", *args])
    assert bad.code == 2 and bad.err == f"troubleshoot: {message}\n" and bad.out == ""


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
