"""Session records in SQLite, written as the walk goes.

Every action is committed the moment it is applied, so killing the process loses at
most the answer being typed. Several desk terminals may share one data folder, so
the database runs in WAL mode, keeps each transaction to one short write, and when
SQLite answers "database is locked" tries again after a short random pause, for up
to :data:`WAIT_SECONDS`. (SQLite's own busy handler sleeps in coarse steps that made
two busy terminals several times slower than one.)

The database schema carries a version, and :data:`MIGRATIONS` takes an older file
up to the current one. Recording a walk, and what happens when this database cannot
be had, is in recording.py.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from troubleshoot import paths
from troubleshoot.errors import TroubleshootError
from troubleshoot.sessions import codec
from troubleshoot.sessions.records import Move, Session
from troubleshoot.tree.model import Budget
from troubleshoot.walk.prompts import Entry, Kind, Outcome

T = TypeVar("T")

WAIT_SECONDS = 5.0  # how long one write waits for other terminals before giving up

#: MIGRATIONS[n] takes a database at schema version n to version n + 1.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            tree TEXT NOT NULL,
            digest TEXT NOT NULL,
            started TEXT NOT NULL,
            budget_minutes INTEGER NOT NULL,
            budget_steps INTEGER NOT NULL,
            start_node TEXT,
            admin INTEGER NOT NULL,
            forbidden TEXT NOT NULL,
            initials TEXT NOT NULL,
            path TEXT NOT NULL,
            at_tree TEXT NOT NULL,
            at_node TEXT NOT NULL,
            updated TEXT,
            outcome TEXT,
            ended TEXT,
            end_tree TEXT NOT NULL,
            end_node TEXT NOT NULL,
            by_staff INTEGER NOT NULL,
            facts TEXT NOT NULL,
            handoff TEXT
        )""",
        """CREATE TABLE moves (
            session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            PRIMARY KEY (session, seq)
        )""",
        """CREATE TABLE events (
            session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            tree TEXT NOT NULL,
            node TEXT NOT NULL,
            text TEXT NOT NULL,
            value TEXT NOT NULL,
            detail TEXT NOT NULL,
            PRIMARY KEY (session, seq)
        )""",
        "CREATE INDEX sessions_started ON sessions (started)",
        "CREATE INDEX sessions_updated ON sessions (updated)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

_COLUMNS = (
    "id", "tree", "digest", "started", "budget_minutes", "budget_steps", "start_node", "admin",
    "forbidden", "initials", "path", "at_tree", "at_node", "updated", "outcome", "ended",
    "end_tree", "end_node", "by_staff", "facts", "handoff",
)  # fmt: skip


class StoreError(TroubleshootError):
    """The session records cannot be opened or written."""


def _busy(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _retry(attempt: Callable[[], T], patience: float | None = None) -> T:
    """Run *attempt* again while SQLite says another terminal holds the lock.

    The pauses start at a millisecond, about what another terminal's write takes,
    and are jittered so that two waiting terminals do not wake in step.
    """
    give_up = time.monotonic() + (WAIT_SECONDS if patience is None else patience)
    delay = 0.001
    while True:
        try:
            return attempt()
        except sqlite3.OperationalError as e:
            if not _busy(e) or time.monotonic() > give_up:
                raise
        time.sleep(delay * (1 + random.random()))
        delay = min(delay * 1.5, 0.05)


class Store:
    """The session database. Open with :meth:`open`; every method is one transaction."""

    def __init__(self, conn: sqlite3.Connection, path: Path, wait: float) -> None:
        self.conn = conn
        self.path = path
        self.wait = wait

    @classmethod
    def open(cls, path: Path | None = None, *, wait: float | None = None) -> Store:
        path = path or paths.database()
        wait = WAIT_SECONDS if wait is None else wait
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), timeout=0, isolation_level=None)
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"cannot open the session records {path}: {e}") from None
        store = cls(conn, path, wait)
        try:
            conn.execute("PRAGMA busy_timeout = 0")  # _retry does the waiting
            _retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone(), wait)
            conn.execute("PRAGMA synchronous = FULL")  # an answer survives a power cut
            conn.execute("PRAGMA foreign_keys = ON")
            store._migrate()
        except sqlite3.Error as e:
            conn.close()
            raise StoreError(f"cannot open the session records {path}: {e}") from None
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------

    def _write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        conn = self.conn

        def attempt() -> T:
            conn.execute("BEGIN IMMEDIATE")
            try:
                result = work(conn)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            return result

        return _retry(attempt, self.wait)

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        cursor = self.conn.cursor()
        cursor.row_factory = sqlite3.Row
        return _retry(lambda: cursor.execute(sql, tuple(params)).fetchall(), self.wait)

    def version(self) -> int:
        return int(
            _retry(lambda: self.conn.execute("PRAGMA user_version").fetchone(), self.wait)[0]
        )

    def _migrate(self) -> None:
        if self.version() == SCHEMA_VERSION:
            return

        def upgrade(conn: sqlite3.Connection) -> None:
            found = int(conn.execute("PRAGMA user_version").fetchone()[0])  # again, locked
            if found > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by a newer troubleshoot (schema {found}; "
                    f"this one knows {SCHEMA_VERSION}); update the tool"
                )
            for version in range(found, SCHEMA_VERSION):
                for statement in MIGRATIONS[version]:
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

        self._write(upgrade)

    # -- writing -------------------------------------------------------------------

    def save(self, session: Session, moves_from: int = 0, events_from: int = 0) -> None:
        """Write the session row and the moves and events not written before."""
        self._write(lambda conn: _save(conn, session, moves_from, events_from))

    def put(self, session: Session) -> None:
        """Write a whole session, replacing any earlier copy of it."""

        def work(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM moves WHERE session = ?", (session.id,))
            conn.execute("DELETE FROM events WHERE session = ?", (session.id,))
            _save(conn, session, 0, 0)

        self._write(work)

    # -- reading -------------------------------------------------------------------

    def get(self, key: str) -> Session | None:
        """The session with this id, or the one id that starts with *key*."""
        key = key.strip().lower()
        rows = self._read("SELECT * FROM sessions WHERE id = ?", (key,))
        if not rows and len(key) >= 4:
            pattern = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            rows = self._read(
                "SELECT * FROM sessions WHERE id LIKE ? ESCAPE '\\' LIMIT 2", (pattern + "%",)
            )
            if len(rows) > 1:
                raise TroubleshootError(f"more than one session starts with '{key}'")
        found = self._load(rows)
        return found[0] if found else None

    def sessions(
        self,
        *,
        since: dt.date | None = None,
        tree: str | None = None,
        outcome: str | None = None,
        unfinished: bool = False,
        full: bool = True,
    ) -> list[Session]:
        """Sessions in the order they started; *full* adds their moves and events.

        *outcome* is resolved, escalated, abandoned, or unfinished (no outcome yet);
        *unfinished* means not closed, which is what ``resume`` can pick up.
        """
        where, params = ["1"], []
        if since:
            where.append("started >= ?")
            params.append(since.isoformat())
        if tree:
            where.append("tree = ?")
            params.append(tree)
        if outcome == "unfinished":
            where.append("outcome IS NULL")
        elif outcome:
            where.append("outcome = ?")
            params.append(outcome)
        if unfinished:
            where.append("handoff IS NULL")
        sql = f"SELECT * FROM sessions WHERE {' AND '.join(where)} ORDER BY started, id"
        return self._load(self._read(sql, params), full=full)

    def latest_unfinished(self) -> Session | None:
        rows = self._read(
            "SELECT * FROM sessions WHERE handoff IS NULL ORDER BY updated DESC, started DESC "
            "LIMIT 1"
        )
        found = self._load(rows)
        return found[0] if found else None

    def count(self) -> int:
        return int(self._read("SELECT count(*) AS n FROM sessions")[0]["n"])

    def _load(self, rows: list[sqlite3.Row], *, full: bool = True) -> list[Session]:
        moves: dict[str, list[Move]] = {}
        events: dict[str, list[Entry]] = {}
        if full and rows:
            ids = [row["id"] for row in rows]
            for chunk in _chunks(ids, 500):
                marks = ",".join("?" * len(chunk))
                for m in self._read(
                    f"SELECT * FROM moves WHERE session IN ({marks}) ORDER BY session, seq", chunk
                ):
                    data = json.loads(m["action"])
                    moves.setdefault(m["session"], []).append(
                        Move(codec.action_from_json(data), _when(m["at"]))
                    )
                for e in self._read(
                    f"SELECT * FROM events WHERE session IN ({marks}) ORDER BY session, seq", chunk
                ):
                    events.setdefault(e["session"], []).append(
                        Entry(
                            Kind(e["kind"]),
                            _when(e["at"]),
                            e["tree"],
                            e["node"],
                            e["text"],
                            e["value"],
                            e["detail"],
                        )
                    )
        return [_session(row, moves.get(row["id"], []), events.get(row["id"], [])) for row in rows]


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _when(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _save(conn: sqlite3.Connection, s: Session, moves_from: int, events_from: int) -> None:
    row = {
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
    }
    names = ", ".join(_COLUMNS)
    marks = ", ".join(f":{c}" for c in _COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS if c != "id")
    conn.execute(
        f"INSERT INTO sessions ({names}) VALUES ({marks}) ON CONFLICT (id) DO UPDATE SET {updates}",
        row,
    )
    conn.executemany(
        "INSERT INTO moves (session, seq, at, action) VALUES (?, ?, ?, ?)",
        [
            (s.id, seq, m.at.isoformat(), json.dumps(codec.action_to_json(m.action)))
            for seq, m in enumerate(s.moves[moves_from:], moves_from)
        ],
    )
    conn.executemany(
        "INSERT INTO events (session, seq, kind, at, tree, node, text, value, detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (s.id, seq, e.kind, e.at.isoformat(), e.tree, e.node, e.text, e.value, e.detail)
            for seq, e in enumerate(s.events[events_from:], events_from)
        ],
    )


def _session(row: sqlite3.Row, moves: list[Move], events: list[Entry]) -> Session:
    handoff = row["handoff"]
    return Session(
        id=row["id"],
        tree=row["tree"],
        digest=row["digest"],
        started=_when(row["started"]),
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
        updated=_when(row["updated"]) if row["updated"] else None,
        outcome=Outcome(row["outcome"]) if row["outcome"] else None,
        ended=_when(row["ended"]) if row["ended"] else None,
        end_tree=row["end_tree"],
        end_node=row["end_node"],
        by_staff=bool(row["by_staff"]),
        facts=tuple((a, b) for a, b in json.loads(row["facts"])),
        handoff=codec.handoff_from_json(json.loads(handoff)) if handoff else None,
    )
