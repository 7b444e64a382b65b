"""Session records in SQLite, written as the walk goes.

Every action is committed the moment it is applied, so killing the process loses at
most the answer being typed. Several desk terminals may share one data folder, so
the database runs in WAL mode, keeps each transaction to one short write, and when
SQLite answers "database is locked" tries again after a short random pause, for up
to :data:`WAIT_SECONDS`. (SQLite's own busy handler sleeps in coarse steps that made
two busy terminals several times slower than one.)

The database schema carries a version, and ``schema.MIGRATIONS`` takes an older file
up to the current one; rows.py turns a session into rows and back.

A damaged file, a read-only one or one held too long by another terminal is never a
crash: every failure leaves as a :class:`StoreError` saying what is wrong and how to
rescue the records (failures.py). Commands that only read open the file
read-only, and :meth:`Store.rescue` reads what a damaged file still holds. Recording
a walk, and what happens when this database cannot be had, is in recording.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import random
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from troubleshoot import files, paths
from troubleshoot.errors import TroubleshootError
from troubleshoot.frozen import replace
from troubleshoot.sessions import rows as rows_
from troubleshoot.sessions import summary
from troubleshoot.sessions.failures import StoreError, busy, newer, trouble
from troubleshoot.sessions.records import Move, Session
from troubleshoot.sessions.schema import SCHEMA_VERSION, steps
from troubleshoot.walk.prompts import Entry

T = TypeVar("T")

WAIT_SECONDS = 5.0  # how long one write waits for other terminals before giving up

#: Sessions worth listing: not a walk left at its first prompt. Earlier versions kept
#: those from the first prompt on; they have nothing to resume and nothing to count.
KEPT = "(outcome IS NOT NULL OR EXISTS (SELECT 1 FROM moves WHERE moves.session = sessions.id))"


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
            if not busy(e) or time.monotonic() > give_up:
                raise
        time.sleep(delay * (1 + random.random()))
        delay = min(delay * 1.5, 0.05)


class Store:
    """The session database. Open with :meth:`open`; every method is one transaction.

    Every SQLite failure leaves as a :class:`StoreError` that says what is wrong
    with the file and how to rescue it, never as a crash.
    """

    def __init__(
        self, conn: sqlite3.Connection, path: Path, wait: float, schema: int = SCHEMA_VERSION
    ) -> None:
        self.conn = conn
        self.path = path
        self.wait = wait
        self.schema = schema  # below the current one only for a file opened read-only

    @classmethod
    def open(
        cls, path: Path | None = None, *, wait: float | None = None, readonly: bool = False
    ) -> Store:
        """The database at *path*, made if missing (private to this user).

        *readonly* is for commands that only read: they work on a file nobody may
        write, and never create one (a missing file reads as no sessions).
        """
        path = path or paths.database()
        wait = WAIT_SECONDS if wait is None else wait
        if readonly:
            return cls._open_readonly(path, wait)
        try:
            _make(path)
            conn = sqlite3.connect(str(path), timeout=0, isolation_level=None)
        except (OSError, sqlite3.Error) as e:
            raise trouble(path, e) from None
        store = cls(conn, path, wait)
        try:
            conn.execute("PRAGMA busy_timeout = 0")  # _retry does the waiting
            _retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone(), wait)
            conn.execute("PRAGMA synchronous = FULL")  # an answer survives a power cut
            conn.execute("PRAGMA foreign_keys = ON")
            store._migrate()
            store._check_writable()
        except (sqlite3.Error, StoreError) as e:
            conn.close()
            raise e if isinstance(e, StoreError) else trouble(path, e) from None
        return store

    @classmethod
    def _open_readonly(cls, path: Path, wait: float) -> Store:
        if not path.exists():
            return cls._empty(path, wait)
        last: sqlite3.Error = sqlite3.OperationalError("cannot open")
        # Without the right to make the WAL index beside it, SQLite can still read a
        # file as immutable: enough to list and rescue what it holds.
        for query in ("mode=ro", "mode=ro&immutable=1"):
            try:
                conn, found = _connect_readonly(f"{path.absolute().as_uri()}?{query}")
            except sqlite3.Error as e:
                last = e
                continue
            if found > SCHEMA_VERSION:
                conn.close()
                raise newer(path, found)
            if found == 0:  # an empty file: no sessions yet
                conn.close()
                return cls._empty(path, wait)
            return cls(conn, path, wait, found)
        raise trouble(path, last)

    @classmethod
    def _empty(cls, path: Path, wait: float) -> Store:
        """No sessions, for reading a database that does not exist yet."""
        store = cls(sqlite3.connect(":memory:", isolation_level=None), path, wait)
        store._migrate()
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

        try:
            return _retry(attempt, self.wait)
        except sqlite3.Error as e:
            raise trouble(self.path, e) from None

    def _check_writable(self) -> None:
        """A file that can be read but not written says so now, not at the first answer:
        SQLite opens it quietly read-only; a change rolled back at once finds out."""
        conn = self.conn

        def attempt() -> None:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            finally:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")

        try:
            _retry(attempt, self.wait)
        except sqlite3.Error as e:
            raise trouble(self.path, e) from None

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        try:
            return _retry(lambda: _rows(self.conn, sql, params), self.wait)
        except sqlite3.Error as e:
            raise trouble(self.path, e) from None

    def version(self) -> int:
        return int(self._read("PRAGMA user_version")[0][0])

    def _migrate(self) -> None:
        if self.version() == SCHEMA_VERSION:
            return

        def upgrade(conn: sqlite3.Connection) -> None:
            found = int(conn.execute("PRAGMA user_version").fetchone()[0])  # again, locked
            if found > SCHEMA_VERSION:
                raise newer(self.path, found)
            for step in steps(found, "sqlite"):
                if isinstance(step, str):
                    conn.execute(step)
                else:
                    rows_.fill(step, lambda sql, params: _rows(conn, sql, params), conn.executemany)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

        self._write(upgrade)

    # -- writing -------------------------------------------------------------------

    def save(self, session: Session, moves_from: int = 0, events_from: int = 0) -> None:
        """Write the session row and the moves and events not written before."""
        self._write(lambda conn: rows_.save(conn, session, moves_from, events_from))

    def put(self, session: Session) -> None:
        """Write a whole session, replacing any earlier copy of it."""
        self.put_all([session])

    def put_all(self, sessions: Iterable[Session], *, imported: bool = False) -> None:
        """Write whole sessions in one transaction, replacing earlier copies (the last of
        an id sent twice wins); *imported* marks them as another desk's."""
        chosen = [replace(s, imported=True) if imported else s for s in sessions]

        def work(conn: sqlite3.Connection) -> None:
            for session in chosen:
                conn.execute("DELETE FROM moves WHERE session = ?", (session.id,))
                conn.execute("DELETE FROM events WHERE session = ?", (session.id,))
                rows_.save(conn, session, 0, 0, summarise=False)
            summary.write(conn.executemany, {s.id: s for s in chosen}.values())

        if chosen:
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

        *outcome* is resolved, escalated, abandoned, or unfinished (not closed: under
        way, or stopped at an end before its hand-off was made);
        *unfinished* means not closed, which is what ``resume`` can pick up.
        """
        where, params = [KEPT], []
        if since:
            where.append("started >= ?")
            params.append(since.isoformat())
        if tree:
            where.append("tree = ?")
            params.append(tree)
        if outcome == "unfinished":  # a walk that reached an end stays so until its hand-off
            where.append("handoff IS NULL")
        elif outcome:
            where.append("outcome = ? AND handoff IS NOT NULL")
            params.append(outcome)
        if unfinished:
            where.append(self._resumable)
        sql = f"SELECT * FROM sessions WHERE {' AND '.join(where)} ORDER BY started, id"
        return self._load(self._read(sql, params), full=full)

    def latest_unfinished(self) -> Session | None:
        rows = self._read(
            f"SELECT * FROM sessions WHERE {self._resumable} AND {KEPT} "
            "ORDER BY updated DESC, started DESC LIMIT 1"
        )
        found = self._load(rows)
        return found[0] if found else None

    def completeness(self, ids: list[str]) -> dict[str, tuple[bool, int, int]]:
        """How complete the copies held of these sessions are (see ``Session.completeness``)."""
        found: dict[str, tuple[bool, int, int]] = {}
        for chunk in rows_.chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for row in self._read(
                "SELECT id, handoff IS NOT NULL AS closed,"
                " (SELECT count(*) FROM moves WHERE moves.session = sessions.id) AS moves,"
                " (SELECT count(*) FROM events WHERE events.session = sessions.id) AS events"
                f" FROM sessions WHERE id IN ({marks})",
                chunk,
            ):
                found[row["id"]] = (bool(row["closed"]), row["moves"], row["events"])
        return found

    @property
    def _resumable(self) -> str:
        """Not closed, and begun at this desk."""
        return "handoff IS NULL" + (" AND imported = 0" if self.schema >= 2 else "")

    def count(self) -> int:
        return int(self._read("SELECT count(*) AS n FROM sessions")[0]["n"])

    def rescue(self) -> tuple[list[Session], int]:
        """Every session that can still be read whole, in start order, and how many cannot.

        A damaged page loses the sessions on it, not the file: ids are listed from
        the primary key's index (it usually survives a damaged table page, and the
        table when it does not), then each session is read on its own.
        """
        ids: list[str] = []
        for source in ("sessions INDEXED BY sqlite_autoindex_sessions_1", "sessions NOT INDEXED"):
            try:
                ids = [row["id"] for row in self._read(f"SELECT id FROM {source}")]
                break
            except StoreError:
                continue
        found, lost = [], 0
        for key in ids:
            try:
                found += self._load(self._read("SELECT * FROM sessions WHERE id = ?", (key,)))
            except StoreError:
                lost += 1
        found.sort(key=lambda s: (s.started.replace(tzinfo=None), s.id))
        return found, lost

    def _load(self, rows: list[sqlite3.Row], *, full: bool = True) -> list[Session]:
        try:
            return self._sessions(rows, full)
        except (ValueError, TypeError, KeyError) as e:  # a value that is not what was written
            raise trouble(self.path, e) from None

    def _sessions(self, rows: list[sqlite3.Row], full: bool) -> list[Session]:
        moves: dict[str, list[Move]] = {}
        events: dict[str, list[Entry]] = {}
        if full and rows:
            ids = [row["id"] for row in rows]
            for chunk in rows_.chunks(ids, 500):
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


def _rows(conn: sqlite3.Connection, sql: str, params: Iterable[Any]) -> list[sqlite3.Row]:
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, tuple(params)).fetchall()


def _make(path: Path) -> None:
    """A new database file, private to this user, in a private folder if one is made.

    SQLite makes its WAL and index files with the mode of the database, so they are
    private too. A link where the database should be is refused, never followed.
    """
    files.private_dir(path.parent)
    if path.is_symlink():
        raise OSError(errno.ELOOP, "is a symbolic link; name the database file itself", str(path))
    with contextlib.suppress(FileExistsError):
        files.create(path, b"", sync=False)


def _connect_readonly(uri: str) -> tuple[sqlite3.Connection, int]:
    """A read-only connection and the schema version it reads, or sqlite3.Error."""
    conn = sqlite3.connect(uri, uri=True, timeout=0, isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout = 0")
        return conn, int(_retry(lambda: conn.execute("PRAGMA user_version").fetchone()[0]))
    except BaseException:
        conn.close()
        raise
