"""The session database's tables, and a session as rows of them and back.

One row in ``sessions`` per walk, one in ``moves`` per action and one in ``events``
per transcript line, with what the report counts of it beside them (summary.py).
Lists, facts and the hand-off are kept as JSON text in their columns. The tables
are in schema.py; the transactions and the waiting in store.py and pgstore.py.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from troubleshoot.sessions import codec, schema, summary
from troubleshoot.sessions.records import Move, Session
from troubleshoot.tree.model import Budget
from troubleshoot.walk.prompts import Entry, Kind, Outcome

#: The tables and their versions are in schema.py, written once for both engines.
MIGRATIONS, SCHEMA_VERSION = schema.MIGRATIONS, schema.SCHEMA_VERSION

COLUMNS = (
    "id", "tree", "digest", "started", "budget_minutes", "budget_steps", "start_node", "admin",
    "forbidden", "initials", "path", "at_tree", "at_node", "updated", "outcome", "ended",
    "end_tree", "end_node", "by_staff", "facts", "handoff", "imported", "library", "branch",
    "desk",
)  # fmt: skip


Row = schema.Row


def chunks(items: list[str], size: int) -> Iterator[list[str]]:
    """*items* a few at a time: SQLite takes at most 999 parameters in one statement."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def when(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def values(s: Session) -> dict[str, Any]:
    """The session's own row, by column: the same values in every engine."""
    return {
        "id": s.id,
        "tree": s.tree,
        "digest": s.digest,
        "started": s.started.isoformat(),
        "budget_minutes": s.budget.minutes,
        "budget_steps": s.budget.steps,
        "start_node": s.start_node,
        "admin": int(s.admin),
        "forbidden": json.dumps(list(s.forbidden)),
        "initials": s.initials,
        "path": json.dumps(list(s.path)),
        "at_tree": s.at_tree,
        "at_node": s.at_node,
        "updated": s.updated.isoformat() if s.updated else None,
        "outcome": s.outcome,
        "ended": s.ended.isoformat() if s.ended else None,
        "end_tree": s.end_tree,
        "end_node": s.end_node,
        "by_staff": int(s.by_staff),
        "facts": json.dumps([list(pair) for pair in s.facts], ensure_ascii=False),
        "handoff": (
            json.dumps(codec.handoff_to_json(s.handoff), ensure_ascii=False) if s.handoff else None
        ),
        "imported": int(s.imported),
        "library": s.library,
        "branch": s.branch,
        "desk": s.desk,
    }


def move_values(s: Session, start: int) -> list[tuple[str, int, str, str]]:
    """(session, seq, at, action) for each move from *start* on."""
    return [
        (s.id, seq, m.at.isoformat(), json.dumps(codec.action_to_json(m.action)))
        for seq, m in enumerate(s.moves[start:], start)
    ]


def event_values(s: Session, start: int) -> list[tuple[Any, ...]]:
    """(session, seq, kind, at, tree, node, text, value, detail) for each event from *start* on."""
    return [
        (s.id, seq, str(e.kind), e.at.isoformat(), e.tree, e.node, e.text, e.value, e.detail)
        for seq, e in enumerate(s.events[start:], start)
    ]


def save(
    conn: sqlite3.Connection, s: Session, moves_from: int, events_from: int, summarise: bool = True
) -> None:
    """Write the session row, and its moves and events from the given positions on, and
    unless told not to (a batch writes them all at once) its summary rows."""
    names = ", ".join(COLUMNS)
    marks = ", ".join(f":{c}" for c in COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in COLUMNS if c != "id")
    conn.execute(
        f"INSERT INTO sessions ({names}) VALUES ({marks}) ON CONFLICT (id) DO UPDATE SET {updates}",
        values(s),
    )
    conn.executemany(
        "INSERT INTO moves (session, seq, at, action) VALUES (?, ?, ?, ?)",
        move_values(s, moves_from),
    )
    conn.executemany(
        "INSERT INTO events (session, seq, kind, at, tree, node, text, value, detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        event_values(s, events_from),
    )
    if summarise:
        summary.write(conn.executemany, [s])


def move(row: Row) -> Move:
    return Move(codec.action_from_json(json.loads(row["action"])), when(row["at"]))


def entry(row: Row) -> Entry:
    return Entry(
        Kind(row["kind"]),
        when(row["at"]),
        row["tree"],
        row["node"],
        row["text"],
        row["value"],
        row["detail"],
    )


def session(row: Row, moves: list[Move], events: list[Entry]) -> Session:
    handoff = row["handoff"]
    names = set(row.keys())  # a file read as it is, below the current schema, lacks some

    def text(name: str) -> str:
        return str(row[name]) if name in names else ""

    return Session(
        id=row["id"],
        tree=row["tree"],
        digest=row["digest"],
        started=when(row["started"]),
        budget=Budget(row["budget_minutes"], row["budget_steps"]),
        start_node=row["start_node"],
        admin=bool(row["admin"]),
        forbidden=tuple(json.loads(row["forbidden"])),
        initials=row["initials"],
        moves=tuple(moves),
        events=tuple(events),
        path=tuple(json.loads(row["path"])),
        at_tree=row["at_tree"],
        at_node=row["at_node"],
        updated=when(row["updated"]) if row["updated"] else None,
        outcome=Outcome(row["outcome"]) if row["outcome"] else None,
        ended=when(row["ended"]) if row["ended"] else None,
        end_tree=row["end_tree"],
        end_node=row["end_node"],
        by_staff=bool(row["by_staff"]),
        facts=tuple((a, b) for a, b in json.loads(row["facts"])),
        handoff=codec.handoff_from_json(json.loads(handoff)) if handoff else None,
        imported="imported" in names and bool(row["imported"]),  # schema 2
        library=text("library"),  # schema 3
        branch=text("branch"),
        desk=text("desk"),
    )


def fill(step: schema.Fill, query: schema.Query, many: schema.Many, chunk: int = 500) -> None:
    """Fill what *step* names from the sessions already kept (so far only their summaries)."""
    ids = [row["id"] for row in query("SELECT id FROM sessions", ())]
    for part in chunks(ids, chunk):
        marks = ", ".join("?" * len(part))
        moved = {
            row["session"]
            for row in query(f"SELECT DISTINCT session FROM moves WHERE session IN ({marks})", part)
        }
        events: dict[str, list[Entry]] = {}
        for e in query(
            f"SELECT * FROM events WHERE session IN ({marks}) ORDER BY session, seq", part
        ):
            events.setdefault(e["session"], []).append(entry(e))
        found = [
            session(row, [], events.get(row["id"], []))
            for row in query(f"SELECT * FROM sessions WHERE id IN ({marks})", part)
        ]
        many(
            summary.UPSERT_SUMMARY,
            [summary.summary_row(s, s.outcome is not None or s.id in moved) for s in found],
        )
        many(summary.INSERT_STEPS, [row for s in found for row in summary.step_rows(s)])
