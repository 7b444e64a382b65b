"""Session records in SQLite, written as the walk goes.

Every action is committed the moment it is applied, so killing the process loses at
most the answer being typed. Several desk terminals may share one data folder, so
the database runs in WAL mode, keeps each transaction to one short write, and when
SQLite answers "database is locked" tries again after a short random pause, for up
to :data:`WAIT_SECONDS`. (SQLite's own busy handler sleeps in coarse steps that made
two busy terminals several times slower than one.)

The database schema carries a version, and :data:`MIGRATIONS` takes an older file
up to the current one; rows.py turns a session into rows and back. Recording a walk,
and what happens when this database cannot be had, is in recording.py.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from troubleshoot import paths
from troubleshoot.errors import TroubleshootError
from troubleshoot.sessions import rows as rows_
from troubleshoot.sessions.records import Move, Session
from troubleshoot.walk.prompts import Entry

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
        self._write(lambda conn: rows_.save(conn, session, moves_from, events_from))

    def put(self, session: Session) -> None:
        """Write a whole session, replacing any earlier copy of it."""

        def work(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM moves WHERE session = ?", (session.id,))
            conn.execute("DELETE FROM events WHERE session = ?", (session.id,))
            rows_.save(conn, session, 0, 0)

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
                    moves.setdefault(m["session"], []).append(rows_.move(m))
                for e in self._read(
                    f"SELECT * FROM events WHERE session IN ({marks}) ORDER BY session, seq", chunk
                ):
                    events.setdefault(e["session"], []).append(rows_.entry(e))
        return [
            rows_.session(row, moves.get(row["id"], []), events.get(row["id"], [])) for row in rows
        ]


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
