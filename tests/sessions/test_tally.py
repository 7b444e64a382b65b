"""The report read lean from the database counts exactly what the whole sessions count.

figures.build over whole sessions is the definition; tally.py reads only some
columns and transcript lines, with the filters done in SQL. Both are run here over
the same varied records (the hand-checked week, copied to other days around a new
year, branches named, empty and literally "(no branch)") and every filter the
report has, on each engine, and must give the same Report, figure for figure.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from pathlib import Path

import pytest

from tests.sessions.test_engines import Opener, open_store  # noqa: F401 (a fixture)
from tests.sessions.test_figures import WEEK
from tests.sessions.test_store import _as_schema
from troubleshoot.frozen import replace
from troubleshoot.sessions import figures, tally
from troubleshoot.sessions.records import Session
from troubleshoot.sessions.selection import NO_BRANCH, Selection
from troubleshoot.sessions.store import Store

BRANCHES = ["", "Main", "East", NO_BRANCH]


def varied(count: int = 150, seed: int = 7) -> list[Session]:
    """Copies of the week's walks moved to other days and branches, some at the same minute."""
    rng = random.Random(seed)
    found = list(WEEK)
    for _ in range(count):
        t = rng.choice(WEEK)
        shift = dt.timedelta(days=rng.randrange(-20, 60), minutes=rng.choice([0, 0, 7]))
        found.append(
            replace(
                t,
                id=str(uuid.UUID(int=rng.getrandbits(128))),
                started=t.started + shift,
                ended=t.ended + shift if t.ended else None,
                updated=(t.updated + shift) if t.updated else None,
                branch=rng.choice(BRANCHES),
            )
        )
    return found


D = dt.date
CASES = [
    Selection(),
    Selection(since=D(2026, 11, 23)),
    Selection(until=D(2026, 11, 25)),
    Selection(since=D(2026, 11, 24), until=D(2026, 11, 24)),
    Selection(since=D(2026, 12, 28), until=D(2027, 1, 4)),  # across the new year
    Selection(tree="desk"),
    Selection(tree="other", since=D(2026, 12, 1)),
    Selection(branch="Main"),
    Selection(branch=NO_BRANCH),
    Selection(branch="East", tree="desk", until=D(2026, 12, 20)),
    Selection(tree="nowhere"),
    Selection(since=D(2030, 1, 1)),
]


@pytest.mark.parametrize("selection", CASES, ids=str)
def test_the_lean_report_is_the_report_of_the_whole_sessions(
    open_store: Opener,  # noqa: F811
    selection: Selection,
) -> None:
    records = varied()
    with open_store() as db:
        db.put_all(records)
    with open_store() as db:
        fast = tally.report(db, selection, titles={"desk": "Desk"})
        whole = figures.build(db.sessions(), selection=selection, titles={"desk": "Desk"})
    assert fast == figures.build(records, selection=selection, titles={"desk": "Desk"})
    assert fast == whole
    assert (
        fast.total.sessions > 0 or selection.tree == "nowhere" or selection.since == D(2030, 1, 1)
    )


def test_a_file_below_the_branch_column_is_read_whole(private_data: Path) -> None:
    """A file opened read-only below schema 3 has no branch column: whole sessions count."""
    with Store.open() as db:
        db.put_all(WEEK)
    _as_schema(private_data / "sessions.db", 2)
    with Store.open(readonly=True) as db:
        assert db.version() == 2
        assert tally.report(db, Selection(tree="desk")) == figures.build(
            WEEK, selection=Selection(tree="desk")
        )


def test_the_days_are_ranges_over_the_start_time() -> None:
    clause, params = tally.where(Selection(D(2026, 11, 23), D(2026, 11, 29), branch=NO_BRANCH))
    assert clause == (f"{tally._KEPT} AND s.started >= ? AND s.started < ? AND s.branch IN ('', ?)")
    assert params == ["2026-11-23", "2026-11-30", NO_BRANCH]
