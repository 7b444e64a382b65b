"""``troubleshoot history``: what was walked, filtered, and one session in full."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import FIXTURE_DIR
from troubleshoot.sessions.store import Store

WALKS = FIXTURE_DIR / "walks"


@pytest.fixture
def walked(cli, monkeypatch: pytest.MonkeyPatch) -> list[str]:  # type: ignore[no-untyped-def]
    """A resolved desk walk on Monday, an escalated one on Tuesday, an unfinished other."""
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(WALKS))
    for now, args, typed in [
        ("2026-11-23T10:00:00", ["desk", "--initials", "ab"], "1\n1\n"),
        ("2026-11-24T14:00:00", ["desk"], "3\nHP 4\n\n"),
        ("2026-11-24T15:00:00", ["other"], "2\nq\n1\n"),
    ]:
        monkeypatch.setenv("TROUBLESHOOT_NOW", now)
        assert cli(["run", *args, "--plain"], input=typed).code == 0
    with Store.open() as db:
        return [s.id for s in db.sessions()]


def test_history_lists_every_session_with_its_outcome(cli, walked: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = cli(["history"])
    assert result.code == 0
    lines = result.out.splitlines()
    assert [line.split()[4] for line in lines[1:4]] == ["resolved", "escalated", "unfinished"]
    assert walked[0][:8] in lines[1] and "AB" in lines[1]
    assert "desk#outage" in lines[2] and "other#join (now)" in lines[3]
    assert lines[-1] == "3 session(s)"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--outcome", "resolved"], [0]),
        (["--outcome", "unfinished"], [2]),
        (["--tree", "desk"], [0, 1]),
        (["--since", "2026-11-24"], [1, 2]),
        (["--tree", "desk", "--since", "2026-11-24"], [1]),
    ],
)
def test_history_filters_by_tree_outcome_and_day(  # type: ignore[no-untyped-def]
    cli, walked: list[str], options: list[str], expected: list[int]
) -> None:
    result = cli(["history", "--format", "json", *options])
    assert result.code == 0, result.err
    assert [row["id"] for row in json.loads(result.out)] == [walked[i] for i in expected]


def test_history_as_csv_has_a_header_and_one_row_per_session(cli, walked: list[str]) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.DictReader(io.StringIO(cli(["history", "--format", "csv"]).out)))
    assert [r["outcome"] for r in rows] == ["resolved", "escalated", "unfinished"]
    assert rows[1]["end"] == "desk#outage" and rows[0]["initials"] == "AB"


def test_history_show_prints_the_transcript_and_the_hand_off(cli, walked: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = cli(["history", "show", walked[1][:8]])
    assert result.code == 0
    assert "Where did the patron print from? -> Many PCs at once" in result.out
    assert "escalated: Nothing prints from any PC." in result.out
    assert "# Hand-off: Desk printer" in result.out and "- Printer name: HP 4" in result.out


def test_history_show_of_an_unfinished_session_says_how_to_resume(cli, walked: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = cli(["history", "show", walked[2]])
    assert f"'troubleshoot resume {walked[2][:8]}' continues it" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["history", "--format", "xml"], "--format: choose one of table, json, csv"),
        (["history", "--outcome", "won"], "--outcome: choose one of"),
        (["history", "--since", "monday"], "--since: 'monday' is not a date"),
        (["history", "shw", "abc"], "usage: troubleshoot history show ID"),
    ],
)
def test_history_usage_mistakes_are_one_line_and_exit_2(  # type: ignore[no-untyped-def]
    cli, args: list[str], message: str
) -> None:
    result = cli(args)
    assert result.code == 2 and message in result.err


def test_history_show_of_an_unknown_id_is_an_error(cli, walked: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = cli(["history", "show", "ffffffff"])
    assert result.code == 1 and "no session 'ffffffff'" in result.err
