"""The report's sessions, read lean from either engine: what the figures count, no more.

Since schema 5 the engine sums the figures itself (aggregate.py); this reading is
for a file opened read-only below it, which has no summary rows yet.

A consortium keeps hundreds of thousands of sessions, and decoding each one whole
(its moves, facts, path and every transcript line) is what made ``report`` take a
minute. The figures (figures.py, steps.py) need only a few columns of each session
and four kinds of transcript line, so this module reads just those, with the
report's filters in the SQL's WHERE clause where the indexes of migration 4 serve
them. The sessions it gives back are real :class:`Session` values with everything
else left empty, so the figures are still computed by the one definition in
figures.py, and a test checks they come out the same as from whole sessions.

The SQL is written once, with ``?`` for its parameters; PostgreSQL's driver wants
``%s``, and is given the same text with the marks swapped (no SQL here contains a
``%`` or a literal ``?``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from troubleshoot.handoff.content import HandOff
from troubleshoot.sessions import aggregate
from troubleshoot.sessions import figures as figures_
from troubleshoot.sessions.pgstore import PgStore
from troubleshoot.sessions.records import Session
from troubleshoot.sessions.rows import Row, entry, when
from troubleshoot.sessions.selection import Selection
from troubleshoot.sessions.storage import SessionStore
from troubleshoot.sessions.store import Store
from troubleshoot.tree.values import Budget
from troubleshoot.walk.prompts import Entry, Kind, Outcome

#: The transcript lines any figure looks at: step results (steps.py), the offer to
#: stop guessing and staff going on anyway (overruns), and the end reached (the
#: reason at an escalation node).
KINDS = (Kind.RESULT, Kind.STOP_OFFERED, Kind.KEPT_GOING, Kind.END)

#: A session row worth counting, as ``Store.sessions`` has it: ended, or moved at least once.
_KEPT = "(s.outcome IS NOT NULL OR EXISTS (SELECT 1 FROM moves m WHERE m.session = s.id))"
_COLUMNS = "s.id, s.tree, s.started, s.branch, s.outcome, s.ended, s.end_tree, s.end_node, "
_COLUMNS += "s.by_staff, s.handoff IS NOT NULL AS closed"

#: Whether the hand-off was marked urgent, read from its JSON by the engine itself:
#: decoding every hand-off in Python cost more than all the rest of the reading.
SQLITE_URGENT = "json_extract(s.handoff, '$.urgent')"
POSTGRES_URGENT = "(s.handoff::json ->> 'urgent') = 'true'"

Read = Callable[[str, Sequence[Any]], Sequence[Row]]


def where(selection: Selection) -> tuple[str, list[Any]]:
    """The selection as a WHERE clause over ``sessions s``, with its parameters."""
    clauses, params = selection.clauses("s.")
    return " AND ".join([_KEPT, *clauses]), params


def lean_sessions(
    read: Read, selection: Selection, mark: str = "?", urgent: str = SQLITE_URGENT
) -> list[Session]:
    """The sessions *selection* admits, each with only what the figures count.

    *mark* is the engine's parameter mark and *urgent* its way to read the hand-off's
    urgent flag. A closed session is given a stand-in hand-off that carries only that
    flag: closed and urgent are all the figures ask of it.
    """
    clause, params = where(selection)
    kinds = [str(k) for k in KINDS]

    def sql(text: str) -> str:
        return text.replace("?", mark)

    events: dict[str, list[Entry]] = {}
    for e in read(
        sql(
            "SELECT e.session, e.kind, e.at, e.tree, e.node, e.text, e.value, e.detail "
            # sessions first (SQLite keeps a CROSS JOIN's order): a span of days is
            # then a range of the start-time index, not a scan of every event.
            f"FROM sessions s CROSS JOIN events e WHERE e.session = s.id AND {clause} "
            f"AND e.kind IN ({', '.join('?' * len(kinds))}) ORDER BY e.session, e.seq"
        ),
        [*params, *kinds],
    ):
        events.setdefault(e["session"], []).append(entry(e))
    found = read(
        sql(f"SELECT {_COLUMNS}, {urgent} AS urgent FROM sessions s WHERE {clause}"), params
    )
    return [_session(row, events.get(row["id"], ())) for row in found]


def _stand_in(urgent: bool) -> HandOff:
    """A hand-off that says only whether it was urgent; nothing reads the rest of it."""
    moment = dt.datetime(2000, 1, 1)
    return HandOff(
        (),
        Outcome.RESOLVED,
        "",
        urgent,
        False,
        moment,
        moment,
        "",
        "",
        (),
        (),
        (),
        (),
        (),
        (),
        (),
        (),
        (),
    )


_STAND_INS = {True: _stand_in(True), False: _stand_in(False)}


def _session(row: Row, events: Iterable[Entry]) -> Session:
    return Session(
        id=row["id"],
        tree=row["tree"],
        digest="",
        started=when(row["started"]),
        budget=Budget(0, 0),
        events=tuple(events),
        outcome=Outcome(row["outcome"]) if row["outcome"] else None,
        ended=when(row["ended"]) if row["ended"] else None,
        end_tree=row["end_tree"],
        end_node=row["end_node"],
        by_staff=bool(row["by_staff"]),
        handoff=_STAND_INS[bool(row["urgent"])] if row["closed"] else None,
        branch=row["branch"],
    )


def chosen(store: SessionStore, selection: Selection) -> list[Session]:
    """What the report counts from *store*: lean where the engine is known, else whole.

    Whole sessions may include some the selection does not admit (figures.build
    leaves them out); lean ones are only those it admits.
    """
    if isinstance(store, Store) and store.version() >= 3:  # older files lack the branch
        return lean_sessions(store._read, selection)
    if isinstance(store, PgStore):
        return lean_sessions(store._read, selection, "%s", POSTGRES_URGENT)
    return store.sessions(since=selection.since, tree=selection.tree)


def report(
    store: SessionStore, selection: Selection, titles: Mapping[str, str] | None = None
) -> figures_.Report:
    """The report over *store*: summed by the engine where its summary rows are kept
    (schema 5, aggregate.py), else counted here from the sessions :func:`chosen` reads."""
    if isinstance(store, Store) and store.version() >= 5:
        return aggregate.report(store._read, selection, titles)
    if isinstance(store, PgStore):
        with store.summing() as read:
            return aggregate.report(read, selection, titles, postgres=True)
    return figures_.build(chosen(store, selection), selection=selection, titles=titles)
