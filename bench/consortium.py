"""Benchmark: a consortium's records at scale, on SQLite and on PostgreSQL.

A consortium of 50 branches doing 200 walks a day for 90 days keeps about 900,000
sessions. This measures what its IT would feel: how fast a bulk import (a sync of
every desk's records) goes, how long ``report`` takes over all of it and over the
last week, and how big the database grows. It is a benchmark, not a test: nothing
here fails on a timing, and it prints its results.

Run from the project root after installing it (with the ``postgres`` extra for the
second half): ``python bench/consortium.py``. ``--days``, ``--branches`` and
``--per-day`` shrink it (``--days 9`` is a tenth); ``--postgres URL`` names a server,
else a throwaway one is started when the server's programs are installed, and
``--no-postgres`` leaves it out.

The sessions are copies of a few real walks of the test trees (resolved, escalated,
urgent, couldn't try, patron left, unfinished), spread over the branches and the
days with new ids and start times, so the report counts real events.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

from troubleshoot.handoff import content  # noqa: E402
from troubleshoot.sessions import records, tally  # noqa: E402
from troubleshoot.sessions.records import Move, Session  # noqa: E402
from troubleshoot.sessions.selection import Selection  # noqa: E402
from troubleshoot.sessions.storage import SessionStore  # noqa: E402
from troubleshoot.tree.catalog import Catalog  # noqa: E402
from troubleshoot.walk import engine  # noqa: E402
from troubleshoot.walk.prompts import Action, Cannot, Choose, EscalateNow, PatronLeft  # noqa: E402

TREES = Catalog([ROOT / "tests" / "fixtures" / "walks"])
FIRST_DAY = dt.date(2026, 6, 1)
CHUNK = 5_000  # sessions per transaction on import


def walk(tree: str, *moves: tuple[float, Action]) -> Session:
    """A session recorded as the recorder does it; closed when the walk ended."""
    started = dt.datetime(2026, 1, 1, 10, 0)
    state = engine.start(TREES, tree, started)
    session = records.begin(state, TREES.load(tree).digest)
    for minutes, action in moves:
        now = started + dt.timedelta(minutes=minutes)
        state = engine.apply(TREES, state, action, now)
        session = records.advance(session, Move(action, now), state)
    if state.ending is not None:
        session = records.close(session, content.build(TREES, state))
    return session


PC, MANY, FIXED, NOT_FIXED = Choose(0), Choose(2), Choose(0), Choose(1)
TEMPLATES = [
    walk("desk", (1, PC), (3, FIXED)),
    walk("desk", (1, PC), (4, NOT_FIXED), (8, FIXED)),
    walk("desk", (1, PC), (3, NOT_FIXED), (6, NOT_FIXED)),  # escalated
    walk("desk", (1, MANY)),  # urgent
    walk("desk", (1, PC), (5, EscalateNow())),
    walk("desk", (12, PC), (13, Choose(1)), (15, FIXED)),  # over budget, kept going
    walk("desk", (1, PC), (2, PatronLeft())),
    walk("desk", (1, PC)),  # unfinished
    walk("other", (1, Choose(0)), (2, Choose(0))),
    walk("desk", (1, PC), (2, Cannot("No key to the release station")), (4, FIXED)),
    walk("desk", (1, PC), (2, Cannot("Printer is off")), (3, NOT_FIXED)),
]


def sessions(branches: int, per_day: int, days: int, seed: int = 0) -> Iterator[Session]:
    """Copies of the template walks, *per_day* at each branch on each day, 08:00 to 19:59."""
    rng = random.Random(seed)
    for day in range(days):
        date = FIRST_DAY + dt.timedelta(days=day)
        for branch in range(branches):
            for _ in range(per_day):
                t = rng.choice(TEMPLATES)
                started = dt.datetime.combine(
                    date, dt.time(rng.randrange(8, 20), rng.randrange(60))
                )
                ended = started + (t.ended - t.started) if t.ended else None
                yield replace(
                    t,
                    id=str(uuid.UUID(int=rng.getrandbits(128))),
                    started=started,
                    ended=ended,
                    updated=ended or started,
                    branch=f"Branch {branch + 1:02d}",
                    desk=f"desk-{branch + 1:02d}-{rng.randrange(3)}",
                )


def chunks(items: Iterator[Session], size: int) -> Iterator[list[Session]]:
    chunk: list[Session] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def measure(store: SessionStore, args: argparse.Namespace) -> dict[str, float]:
    total = args.branches * args.per_day * args.days
    began = time.perf_counter()
    for chunk in chunks(sessions(args.branches, args.per_day, args.days), CHUNK):
        store.put_all(chunk)
    imported = time.perf_counter() - began
    results = {"sessions": float(total), "import_s": imported, "import_rate": total / imported}
    last_week = FIRST_DAY + dt.timedelta(days=max(0, args.days - 7))
    for name, since in (("all", None), ("week", last_week)):
        began = time.perf_counter()
        built = tally.report(store, Selection(since=since))  # as report computes it
        results[f"report_{name}_s"] = time.perf_counter() - began
        results[f"report_{name}_sessions"] = float(built.total.sessions)
    return results


def show(engine: str, results: dict[str, float], size: int) -> None:
    print(f"\n{engine}")
    print(f"  sessions imported     {results['sessions']:>12,.0f}")
    print(f"  bulk import           {results['import_s']:>10.1f} s  "
          f"({results['import_rate']:,.0f} sessions/s)")  # fmt: skip
    for name, label in (("all", "report, all days"), ("week", "report, last 7 days")):
        print(f"  {label:<21} {results[f'report_{name}_s']:>10.2f} s  "
              f"({results[f'report_{name}_sessions']:,.0f} sessions)")  # fmt: skip
    print(f"  database size         {size / 1e6:>10.1f} MB")


def sqlite(args: argparse.Namespace, folder: Path) -> None:
    from troubleshoot.sessions.store import Store

    path = folder / "consortium.db"
    with Store.open(path) as store:
        results = measure(store, args)
    size = sum(p.stat().st_size for p in folder.glob("consortium.db*"))
    show("SQLite", results, size)


@contextlib.contextmanager
def server(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    import importlib

    import pytest

    sys.path.insert(0, str(ROOT))
    helpers = importlib.import_module("tests.postgres")  # the tests' throwaway server
    try:
        with helpers.cluster() as found:
            yield helpers.fresh_database(found)
    except pytest.skip.Exception as e:
        print(f"\nPostgreSQL left out: {e}")
        yield ""


def postgres(args: argparse.Namespace) -> None:
    from troubleshoot.sessions.pgstore import PgStore

    with server(args.postgres) as url:
        if not url:
            return
        with PgStore.open(url) as store:
            results = measure(store, args)
            row = store.conn.execute("SELECT pg_database_size(current_database()) AS size")
            size = row.fetchone()["size"]  # type: ignore[index]
        show("PostgreSQL", results, size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--branches", type=int, default=50)
    parser.add_argument("--per-day", type=int, default=200)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--postgres", metavar="URL", help="a server to use (an empty database)")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()
    total = args.branches * args.per_day * args.days
    print(f"{args.branches} branches x {args.per_day} sessions a day x {args.days} days "
          f"= {total:,} sessions")  # fmt: skip
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory(prefix="troubleshoot-bench-") as folder:
            sqlite(args, Path(folder))
    if not args.no_postgres:
        postgres(args)


if __name__ == "__main__":
    main()
