"""Figures per branch, per week and per step, and the report's filters, worked out by hand.

The week of walks is the one in test_figures.py (S0 to S11). Here its sessions are
placed at branches: S1 to S5 at Central, S6 to S8 at Northside, the rest at none.

  Central (S1 S2 S3 S4 S5): resolved S1 3, S2 8; escalated S3 6, S4 1 (urgent), S5 5.
      5 sessions, 5 ended: resolved 2/5, escalated 3/5; resolve median (3+8)/2 = 5.5,
      p90 ceil(0.9*2) = 2nd = 8; escalate 1 5 6: median 5, p90 3rd = 6; no overrun.
  Northside (S6 S7 S8): resolved S6 15 (over budget), S7 patron left, S8 unfinished.
      3 sessions, 2 ended: resolved 1/2, escalated 0/2; resolve 15 and 15; 1 overrun.
  (no branch) (S9 S10 S11): escalated S9 2, S10 5 (over budget); resolved S11 12.
      3 sessions, all ended: 1/3 and 2/3; resolve 12, 12; escalate 2 5: median 3.5,
      p90 2nd = 5; 1 overrun.

Four more walks on Fri 27, each reaching the release step and then the paper tray:

  C1 10:00 release couldn't try "No key to the release station", paper fixed   4 min
  C2 11:00 release couldn't try "  no KEY to the release   station", paper fixed
  C3 12:00 release couldn't try "Printer is off", paper not fixed -> escalated
  C4 13:00 release not fixed, start over, release again (repeat: stop offered, keep
           going), then couldn't try "printer is off", paper fixed

  release: last results couldn't try in all four (C4's "not fixed" came before its
      last word) -> tried 0, couldn't try 4; reasons "No key to the release station" 2
      (C1, C2: case and spaces ignored, the first spelling kept), "Printer is off" 2.
  paper: fixed C1 C2 C4 = 3, not fixed C3 = 1 -> tried 4, fix rate 3/4.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.sessions.test_figures import (
    FIXED,
    KEEP_GOING,
    MONDAY,
    NOT_FIXED,
    PAPER,
    PC,
    RELEASE,
    WEEK,
    walk,
)
from troubleshoot.errors import Exit, TroubleshootError
from troubleshoot.frozen import replace
from troubleshoot.sessions import figures, trend
from troubleshoot.sessions.figures import Figures
from troubleshoot.sessions.selection import Selection, selection
from troubleshoot.sessions.steps import StepFigures
from troubleshoot.walk.prompts import Cannot, Restart

BRANCHES = ["", "Central", "Central", "Central", "Central", "Central", "Northside",
            "Northside", "Northside", "", "", ""]  # fmt: skip
PLACED = [replace(s, branch=b) for s, b in zip(WEEK, BRANCHES, strict=True)]

COULD_NOT = [
    walk("desk", 27, "10:00", (1, PC), (2, Cannot("No key to the release station")), (4, FIXED)),
    walk("desk", 27, "11:00", (1, PC), (2, Cannot("  no KEY to the release   station")),
         (3, FIXED)),
    walk("desk", 27, "12:00", (1, PC), (2, Cannot("Printer is off")), (3, NOT_FIXED)),
    walk("desk", 27, "13:00", (1, PC), (2, NOT_FIXED), (3, Restart()), (4, PC),
         (5, KEEP_GOING), (6, Cannot("printer is off")), (7, FIXED)),
]  # fmt: skip


def test_outcomes_per_branch_with_times_to_escalate() -> None:
    branches = figures.build(PLACED, since=MONDAY).branches
    assert branches == (
        Figures("(no branch)", 3, 1, 2, 0, 0, 0, 1 / 3, 2 / 3, 12.0, 12.0, 1, 0, 3.5, 5.0),
        Figures("Central", 5, 2, 3, 0, 0, 0, 2 / 5, 3 / 5, 5.5, 8.0, 0, 1, 5.0, 6.0),
        Figures("Northside", 3, 1, 0, 1, 1, 0, 1 / 2, 0.0, 15.0, 15.0, 1, 0, None, None),
    )


def test_each_step_counts_fixed_not_fixed_and_could_not_try_by_its_last_result() -> None:
    steps = figures.build(COULD_NOT).steps
    assert steps == (
        StepFigures("desk", "paper", PAPER, 3, 1, 0),
        StepFigures(
            "desk", "release", RELEASE, 0, 0, 4,
            (("No key to the release station", 2), ("Printer is off", 2)),
        ),
    )  # fmt: skip
    assert (steps[0].tried, steps[0].fix_rate) == (4, 0.75)
    assert (steps[1].tried, steps[1].fix_rate) == (0, None)


def test_steps_over_the_week_keep_the_failing_steps_figures() -> None:
    week = figures.build(WEEK, since=MONDAY)
    assert week.steps == (
        StepFigures("desk", "release", RELEASE, 2, 4, 0),
        StepFigures("desk", "paper", PAPER, 2, 1, 0),
    )


def test_the_weekly_trend_runs_in_iso_weeks_and_shows_empty_weeks() -> None:
    assert [f.group for f in figures.build(WEEK, since=MONDAY).weeks] == ["2026-W48"]
    later = replace(WEEK[1], started=dt.datetime(2026, 12, 7, 10, 0), id="later")
    weeks = figures.build([*WEEK, later]).weeks
    assert [(f.group, f.sessions, f.resolved) for f in weeks] == [
        ("2026-W47", 1, 1),
        ("2026-W48", 11, 4),
        ("2026-W49", 0, 0),
        ("2026-W50", 1, 1),
    ]
    assert trend.monday("2026-W48") == MONDAY
    assert trend.week_of(dt.date(2027, 1, 1)) == "2026-W53"  # a Friday: ISO year 2026


def test_until_is_a_day_counted_and_tree_and_branch_narrow_it() -> None:
    tuesday = figures.build(PLACED, selection=Selection(since=MONDAY, until=MONDAY))
    assert tuesday.total.sessions == 3  # S1 S2 S3, Monday only
    assert figures.build(PLACED, selection=Selection(tree="other")).total.sessions == 1
    none = figures.build(PLACED, selection=Selection(branch="(no branch)"))
    assert none.total.sessions == 4  # S0 S9 S10 S11
    assert [f.group for f in none.branches] == ["(no branch)"]


def test_titles_name_trees_for_people_but_never_change_a_figure() -> None:
    titled = figures.build(WEEK, titles={"desk": "Desk printer"})
    assert titled.title("desk") == "Desk printer" and titled.title("other") == "other"
    assert titled.trees == figures.build(WEEK).trees


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [
        ("23/11/2026", None, "--since: '23/11/2026' is not a day like 2026-11-23 (YYYY-MM-DD)"),
        (None, "2026-02-30", "--until: '2026-02-30' is not a day like 2026-11-23 (YYYY-MM-DD)"),
        ("2026-11-23", "2026-11-01", "--until: 2026-11-01 is before --since 2026-11-23"),
    ],
)
def test_a_bad_day_is_one_clear_line(since: str | None, until: str | None, message: str) -> None:
    with pytest.raises(TroubleshootError) as caught:
        selection(since, until)
    assert str(caught.value) == message and caught.value.exit_code == Exit.USAGE
