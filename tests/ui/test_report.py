"""The report as CSV and JSON: the same figures, one row per group of the chosen --by."""

from __future__ import annotations

import csv
import io
import json

from tests.sessions.test_breakdowns import COULD_NOT, PLACED
from tests.sessions.test_figures import MONDAY, WEEK
from troubleshoot.frozen import replace
from troubleshoot.sessions import figures
from troubleshoot.ui import report as views
from troubleshoot.ui.report import By
from troubleshoot.walk.prompts import Kind

WEEK_REPORT = figures.build(WEEK, since=MONDAY, titles={"desk": "Desk printer"})
PLACED_REPORT = figures.build([*PLACED, *COULD_NOT], since=MONDAY)


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_json_carries_the_figures_rounded_for_people() -> None:
    data = json.loads(views.to_json(WEEK_REPORT))
    desk = data["trees"][0]
    assert (desk["tree"], desk["title"], desk["sessions"]) == ("desk", "Desk printer", 10)
    assert (desk["resolved_share"], desk["urgent"]) == (0.4444, 1)
    assert (desk["median_minutes"], desk["p90_minutes"]) == (10.0, 15.0)
    assert (desk["escalate_median_minutes"], desk["escalate_p90_minutes"]) == (5.0, 6.0)
    assert data["escalation_nodes"][0] == {
        "tree": "desk", "node": "release", "reason": "stopped by staff", "count": 2
    }  # fmt: skip
    assert data["overruns"] == {
        "sessions": 2,
        "by_reason": [{"reason": "minutes", "sessions": 1}, {"reason": "repeat", "sessions": 1}],
        "kept_going": 1,
    }
    assert data["busiest_hours"][0] == {"hour": 10, "sessions": 4}
    assert (data["by"], data["since"], data["until"]) == ("tree", "2026-11-23", None)


def test_json_holds_branches_weeks_and_steps_as_values() -> None:
    data = json.loads(views.to_json(PLACED_REPORT, By.STEP))
    assert data["by"] == "step"
    assert [b["branch"] for b in data["branches"]] == ["(no branch)", "Central", "Northside"]
    assert data["weeks"] == [
        {
            "week": "2026-W48", "sessions": 15, "resolved": 7, "escalated": 6, "abandoned": 1,
            "unfinished": 1, "referred": 0, "resolved_share": 0.5, "escalated_share": 0.4286,
            "median_minutes": 7.0, "p90_minutes": 15.0, "overruns": 3, "urgent": 1,
            "escalate_median_minutes": 4.0, "escalate_p90_minutes": 6.0, "monday": "2026-11-23",
        }
    ]  # fmt: skip
    release = data["steps"][0]
    assert release == {
        "tree": "desk", "tree_title": "desk", "node": "release",
        "step": "Release the job at the station.", "tried": 6, "fixed": 2, "not_fixed": 4,
        "could_not_try": 4, "fix_rate": 0.3333,
        "reasons": [
            {"reason": "No key to the release station", "sessions": 2},
            {"reason": "Printer is off", "sessions": 2},
        ],
    }  # fmt: skip


def test_csv_by_tree_is_one_row_per_tree_under_one_header() -> None:
    assert rows(views.to_csv(WEEK_REPORT)) == [
        ["tree", "title", *views.OUTCOME_FIELDS],
        ["desk", "Desk printer", "10", "4", "4", "1", "0", "1", "1", "0.4444", "0.4444", "10",
         "15", "5", "6", "2"],
        ["other", "other", "1", "0", "1", "0", "0", "0", "0", "0.0000", "1.0000", "", "", "2",
         "2", "0"],
    ]  # fmt: skip


def test_csv_by_branch_week_and_step() -> None:
    by_branch = rows(views.to_csv(PLACED_REPORT, By.BRANCH))
    assert by_branch[0][:4] == ["branch", "sessions", "resolved", "escalated"]
    assert [r[0] for r in by_branch[1:]] == ["(no branch)", "Central", "Northside"]
    assert by_branch[2] == ["Central", "5", "2", "3", "1", "0", "0", "0", "0.4000", "0.6000",
                            "5.5", "8", "5", "6", "0"]  # fmt: skip
    by_week = rows(views.to_csv(PLACED_REPORT, By.WEEK))
    assert [r[:3] for r in by_week] == [
        ["week", "monday", "sessions"], ["2026-W48", "2026-11-23", "15"]
    ]  # fmt: skip
    assert rows(views.to_csv(PLACED_REPORT, By.STEP)) == [
        list(views.STEP_FIELDS),
        ["desk", "desk", "release", "Release the job at the station.", "6", "2", "4", "4",
         "0.3333", "No key to the release station (2); Printer is off (2)"],
        ["desk", "desk", "paper", "Check the paper tray.", "7", "5", "2", "0", "0.7143", ""],
    ]  # fmt: skip


def test_csv_cells_that_would_run_as_formulas_are_plain_text() -> None:
    hostile = [
        replace(
            s,
            tree="=cmd|' /C calc'!A0",
            branch="@SUM(1+1)",
            events=tuple(
                replace(e, text="@SUM(1+1)*cmd|' /C calc'!A0") if e.kind == Kind.RESULT else e
                for e in s.events
            ),
        )
        for s in WEEK
    ]
    built = figures.build(hostile, since=MONDAY)
    by_tree = rows(views.to_csv(built))
    assert by_tree[1][:3] == ["'=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0", "11"]
    assert rows(views.to_csv(built, By.BRANCH))[1][0] == "'@SUM(1+1)"
    assert rows(views.to_csv(built, By.STEP))[1][3] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    every = [c for by in By for row in rows(views.to_csv(built, by)) for c in row]
    assert not [cell for cell in every if cell.startswith(("=", "+", "-", "@"))]
