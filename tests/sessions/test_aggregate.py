"""The figures summed by the database are the figures counted in Python, on both engines.

figures.build over whole sessions is the definition. aggregate.py sums the summary
rows each write keeps (schema 5) instead; here both run over the same varied records
(test_tally's, with the couldn't-try walks of test_breakdowns copied to other days and
to the very same minute, reasons spelled several ways) and must give the same Report.
The summary rows of sessions kept before schema 5 are made when a store is upgraded,
and a batch written twice, or naming one session twice, is still counted once.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from pathlib import Path

import pytest

from tests.sessions.test_breakdowns import COULD_NOT
from tests.sessions.test_engines import Opener, open_store  # noqa: F401 (a fixture)
from tests.sessions.test_store import _as_schema
from tests.sessions.test_tally import varied
from troubleshoot.frozen import replace
from troubleshoot.sessions import figures, tally
from troubleshoot.sessions.records import Session
from troubleshoot.sessions.selection import NO_BRANCH, Selection
from troubleshoot.sessions.store import Store

D = dt.date
TITLES = {"desk": "Desk"}


def mixed(seed: int = 11) -> list[Session]:
    """test_tally's records and copies of the couldn't-try walks, some at the same minute."""
    rng = random.Random(seed)
    found = varied()
    for n in range(40):
        t = COULD_NOT[n % len(COULD_NOT)]
        shift = dt.timedelta(days=rng.choice([0, 0, 3, -9]))
        found.append(
            replace(
                t,
                id=str(uuid.UUID(int=rng.getrandbits(128))),
                started=t.started + shift,
                ended=t.ended + shift if t.ended else None,
                branch=rng.choice(["", "Main", "East"]),
            )
        )
    return found


@pytest.mark.parametrize(
    "selection",
    [
        Selection(),
        Selection(since=D(2026, 11, 24), until=D(2026, 12, 20)),
        Selection(tree="desk", branch="Main"),
        Selection(branch=NO_BRANCH),
        Selection(tree="nowhere"),
    ],
    ids=str,
)
def test_the_summed_report_is_the_report_of_the_whole_sessions(
    open_store: Opener,  # noqa: F811
    selection: Selection,
) -> None:
    records = mixed()
    with open_store() as db:
        db.put_all(records)
        summed = tally.report(db, selection, titles=TITLES)
    expected = figures.build(records, selection=selection, titles=TITLES)
    assert summed == expected
    assert selection.tree == "nowhere" or any(s.cannot for s in summed.steps)


def test_a_store_of_schema_4_gets_its_summary_rows_when_upgraded(private_data: Path) -> None:
    records = mixed()
    with Store.open() as db:
        db.put_all(records)
    _as_schema(private_data / "sessions.db", 4)
    with Store.open(readonly=True) as db:  # not upgraded: read lean, counted in Python
        assert db.version() == 4
        assert tally.report(db, Selection(tree="desk")) == figures.build(
            records, selection=Selection(tree="desk")
        )
    with Store.open() as db:
        assert db.version() == 5
        assert tally.report(db, Selection()) == figures.build(records, selection=Selection())


def test_a_shared_store_numbered_before_schema_5_is_upgraded_and_summed(
    postgres_url: str,
) -> None:
    """PostgreSQL stores once had a numbering of their own: their 2 is the shared 4."""
    from troubleshoot.sessions.pgstore import PgStore

    records = mixed()
    with PgStore.open(postgres_url) as db:
        db.put_all(records)
        db.conn.execute("DROP TABLE step_results")
        db.conn.execute("DROP TABLE summaries")
        db.conn.execute("UPDATE troubleshoot_schema SET version = 2")
        assert db.version() == 4
    with PgStore.open(postgres_url) as db:
        assert db.version() == 5
        assert tally.report(db, Selection()) == figures.build(records, selection=Selection())


def test_a_batch_sent_twice_or_naming_a_session_twice_is_kept_once(
    open_store: Opener,  # noqa: F811
) -> None:
    records = mixed()[:30]
    first, later = records[3], replace(records[3], branch="East", desk="late copy")
    batch = [*records, first, later]
    with open_store() as db:
        db.put_all(batch)
        db.put_all(batch)
        assert db.count() == len(records)
        assert db.get(first.id) == later
        kept = [later if s.id == first.id else s for s in records]
        assert tally.report(db, Selection()) == figures.build(kept, selection=Selection())
