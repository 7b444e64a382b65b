"""The report's terminal tables: whole lines at 80 columns, names never cut short."""

from __future__ import annotations

import io

from rich.console import Console

from tests.sessions.test_breakdowns import COULD_NOT, PLACED
from tests.sessions.test_figures import MONDAY, WEEK
from troubleshoot.frozen import replace
from troubleshoot.sessions import figures
from troubleshoot.sessions.records import Session
from troubleshoot.ui import report_table
from troubleshoot.ui.report import By

LONG = "toolscreen-magnifier-and-large-print-settings"
TITLES = {LONG: "Screen magnifier and large print settings", "other": "Laptop printing"}


def renamed(session: Session) -> Session:
    """The session as if the desk tree had a long id, as real trees do."""

    def name(tree: str) -> str:
        return LONG if tree == "desk" else tree

    events = tuple(replace(e, tree=name(e.tree)) for e in session.events)
    return replace(session, tree=name(session.tree), end_tree=name(session.end_tree), events=events)


LONG_WEEK = [renamed(s) for s in [*PLACED, *COULD_NOT]]


def lines(by: By, titles: dict[str, str] | None = None, width: int = 80) -> list[str]:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, markup=False, color_system=None)
    report_table.show(console, figures.build(LONG_WEEK, since=MONDAY, titles=titles), by)
    return [line.rstrip() for line in buffer.getvalue().splitlines()]


def test_a_long_tree_id_folds_onto_the_next_line_instead_of_being_cut() -> None:
    shown = lines(By.TREE)
    assert all(len(line) <= 80 for line in shown) and not any("…" in line for line in shown)
    start = shown.index("Sessions per tree")
    assert shown[start + 1 : start + 6] == [
        "tree                            sess  res  esc  urg  ref  left  open  res%  esc%",
        "toolscreen-magnifier-and-large    14    7    5    1    0     1     1   54%   38%",
        "-print-settings",
        "other                              1    0    1    0    0     0     0    0%  100%",
        "all                               15    7    6    1    0     1     1   50%   43%",
    ]


def test_titles_name_the_trees_and_wrap_with_the_id_below() -> None:
    shown = lines(By.TREE, TITLES)
    assert all(len(line) <= 80 for line in shown) and not any("…" in line for line in shown)
    start = shown.index("Sessions per tree")
    assert shown[start + 1 : start + 9] == [
        "tree                            sess  res  esc  urg  ref  left  open  res%  esc%",
        "Screen magnifier and large        14    7    5    1    0     1     1   54%   38%",
        "print settings",
        "toolscreen-magnifier-and-large",
        "-print-settings",
        "Laptop printing                    1    0    1    0    0     0     0    0%  100%",
        "other",
        "all                               15    7    6    1    0     1     1   50%   43%",
    ]
    times = shown.index(
        "tree                              res median  res p90  esc median  esc p90  over"
    )
    assert shown[times + 1 : times + 2] == [
        "Screen magnifier and large print           7       15           5        6     3"
    ]
    nodes = shown.index("Where walks most often end in escalation")
    assert shown[nodes + 1 : nodes + 4] == [
        "node                                   reason                           sessions",
        "Screen magnifier and large print       stopped by staff                        2",
        "settings #release",
    ]


def test_by_step_shows_fix_counts_and_the_reasons_staff_gave() -> None:
    shown = lines(By.STEP, TITLES)
    start = shown.index("What came of each step")
    assert shown[start + 1 : start + 10] == [
        "step                                           tried  fixed  not  couldn't  fix%",
        "Release the job at the station.                    6      2    4         4   33%",
        "  in Screen magnifier and large print",
        "settings",
        "  couldn't try: No key to the release station",
        "(2); Printer is off (2)",
        "Check the paper tray.                              7      5    2         0   71%",
        "  in Screen magnifier and large print",
        "settings",
    ]
    assert 'Steps most often marked "not fixed"' not in shown


def test_by_branch_and_by_week_name_their_groups() -> None:
    branches = lines(By.BRANCH)
    start = branches.index("Sessions per branch")
    assert branches[start + 1 : start + 6] == [
        "branch       sess  res  esc  urg  ref  left  open  res%  esc%",
        "(no branch)     7    4    3    0    0     0     0   57%   43%",
        "Central         5    2    3    1    0     0     0   40%   60%",
        "Northside       3    1    0    0    0     1     1   50%    0%",
        "all            15    7    6    1    0     1     1   50%   43%",
    ]
    weeks = lines(By.WEEK)
    start = weeks.index("Sessions per week (ISO weeks, from Monday)")
    assert weeks[start + 2] == (
        "2026-W48 (from 23 Nov)    15    7    6    1    0     1     1   50%   43%"
    )


def test_the_table_names_every_section_for_the_week() -> None:
    buffer = io.StringIO()
    report_table.show(Console(file=buffer, width=100, markup=False), figures.build(WEEK))
    text = buffer.getvalue()
    for heading in ("Sessions per tree", "end in escalation", '"not fixed"', "Budget overruns",
                    "Busiest hours"):  # fmt: skip
        assert heading in text
    assert "desk #release" in text and "Staff kept going in 1" in text
