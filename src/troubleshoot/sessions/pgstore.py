"""Session records in a PostgreSQL database the site shares between its desks.

The same calls as the desk's SQLite file (storage.py), with the same rows
(rows.py): only the SQL and the connection differ. psycopg is an optional extra
(``pip install 'troubleshoot[postgres]'``) and is imported only when a site names
a server. A desk never waits long for the network: the connection gives up after
:data:`CONNECT_SECONDS`, and the caller then records locally.

Times stay ISO text in this desk's local time, as in SQLite, compared byte by byte
(``COLLATE "C"``), so both engines sort and filter the same records the same way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from troubleshoot.errors import TroubleshootError
from troubleshoot.frozen import replace
from troubleshoot.sessions import rows as rows_
from troubleshoot.sessions import schema, summary
from troubleshoot.sessions.failures import StoreError
from troubleshoot.sessions.records import Move, Session
from troubleshoot.sessions.schema import SCHEMA_VERSION, Many
from troubleshoot.walk.prompts import Entry

if TYPE_CHECKING:
    import psycopg

T = TypeVar("T")

#: How long a desk waits for the server before it records locally instead.
CONNECT_SECONDS = 2

#: Any number, the same at every desk: holds back a second desk's migration until
#: the first one's is done.
_MIGRATION_LOCK = 7_265_110

KEPT = "(outcome IS NOT NULL OR EXISTS (SELECT 1 FROM moves WHERE moves.session = sessions.id))"
RESUMABLE = "handoff IS NULL AND imported = 0"


def where(url: str) -> str:
    """The server and database a URL names, for messages: never its user or password."""
    from urllib.parse import parse_qs, urlsplit

    try:
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        host = parts.hostname or query.get("host", ["localhost"])[0]
        port = parts.port or query.get("port", [""])[0]
    except ValueError:
        return "(a URL that cannot be read)"
    if host.startswith("/"):
        host = "local socket"
    return f"{host}{f':{port}' if port else ''}/{parts.path.lstrip('/')}"


class PgStore:
    """The site's shared session records. Open with :meth:`open`; each call is one
    transaction, and every failure leaves as a :class:`StoreError`."""

    def __init__(self, conn: psycopg.Connection[dict[str, Any]], url: str) -> None:
        self.conn = conn
        self.url = url

    @classmethod
    def open(cls, url: str, *, timeout: float = CONNECT_SECONDS) -> PgStore:
        """The store at *url*, its schema brought up to date now."""
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError:
            raise StoreError(
                f"cannot use the shared session store at {where(url)}: this install has no "
                "PostgreSQL driver (pip install 'troubleshoot[postgres]')"
            ) from None
        try:
            conn = psycopg.connect(
                url, connect_timeout=max(1, round(timeout)), autocommit=True, row_factory=dict_row
            )
        except psycopg.Error as e:
            raise cls._trouble(url, e) from None
        store = cls(conn, url)
        try:
            store._migrate()
        except BaseException:
            conn.close()
            raise
        return store

    @staticmethod
    def _trouble(url: str, error: BaseException) -> StoreError:
        detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return StoreError(f"cannot use the shared session store at {where(url)}: {detail}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PgStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------

    def _write(self, work: Callable[[psycopg.Cursor[dict[str, Any]]], T]) -> T:
        import psycopg

        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                return work(cur)
        except psycopg.Error as e:
            raise self._trouble(self.url, e) from None

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        import psycopg

        try:
            with self.conn.cursor() as cur:
                cur.execute(sql, tuple(params))
                return cur.fetchall()
        except psycopg.Error as e:
            raise self._trouble(self.url, e) from None

    @contextlib.contextmanager
    def summing(self) -> Iterator[Callable[[str, Sequence[Any]], list[dict[str, Any]]]]:
        """Reads for the report's sums, in one transaction with room to group in memory.

        Grouping a consortium's million summary rows needs more than the server's
        default 4 MB of working memory: without it the server sorts them on disk, and
        the report took twice as long (measured at 900,000 sessions). Compiling the
        queries (JIT) cost more than it saved.
        """
        import psycopg

        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                cur.execute("SET LOCAL work_mem = '64MB'")
                cur.execute("SET LOCAL jit = off")

                def read(sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
                    cur.execute(sql, tuple(params))
                    return cur.fetchall()

                yield read
        except psycopg.Error as e:
            raise self._trouble(self.url, e) from None

    def version(self) -> int:
        found = self._read("SELECT to_regclass('troubleshoot_schema') IS NOT NULL AS made")[0][
            "made"
        ]
        if not found:
            return 0
        found = int(self._read("SELECT version FROM troubleshoot_schema")[0]["version"])
        return schema.shared_version(found)

    def _migrate(self) -> None:
        def upgrade(cur: psycopg.Cursor[dict[str, Any]]) -> None:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            cur.execute("CREATE TABLE IF NOT EXISTS troubleshoot_schema (version INTEGER)")
            cur.execute("SELECT version FROM troubleshoot_schema")
            row = cur.fetchone()
            found = schema.shared_version(int(row["version"])) if row else 0
            if found > SCHEMA_VERSION:
                raise TroubleshootError(
                    f"the shared session store at {where(self.url)} was written by a newer "
                    f"troubleshoot (schema {found}; this one knows {SCHEMA_VERSION}); "
                    "update the tool"
                )
            for step in schema.steps(found, "postgresql"):
                if isinstance(step, str):
                    cur.execute(step)
                else:
                    rows_.fill(step, lambda sql, params: _query(cur, sql, params), _many(cur))
            if row is None:
                cur.execute("INSERT INTO troubleshoot_schema VALUES (%s)", (SCHEMA_VERSION,))
            else:
                cur.execute("UPDATE troubleshoot_schema SET version = %s", (SCHEMA_VERSION,))

        if self.version() != SCHEMA_VERSION:
            try:
                self._write(upgrade)
            except TroubleshootError as e:
                raise StoreError(e.message) from None

    # -- writing -------------------------------------------------------------------

    def save(self, session: Session, moves_from: int = 0, events_from: int = 0) -> None:
        """Write the session row and the moves and events not written before."""
        self._write(lambda cur: _save(cur, session, moves_from, events_from))

    def put(self, session: Session) -> None:
        self.put_all([session])

    def put_all(self, sessions: Iterable[Session], *, imported: bool = False) -> None:
        chosen = [replace(s, imported=True) if imported else s for s in sessions]

        if chosen:
            self._write(lambda cur: _put_all(cur, chosen))

    # -- reading -------------------------------------------------------------------

    def get(self, key: str) -> Session | None:
        key = key.strip().lower()
        found = self._read("SELECT * FROM sessions WHERE id = %s", (key,))
        if not found and len(key) >= 4:
            pattern = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            found = self._read(
                "SELECT * FROM sessions WHERE id LIKE %s ESCAPE '\\' LIMIT 2", (pattern + "%",)
            )
            if len(found) > 1:
                raise TroubleshootError(f"more than one session starts with '{key}'")
        loaded = self._load(found)
        return loaded[0] if loaded else None

    def sessions(
        self,
        *,
        since: dt.date | None = None,
        tree: str | None = None,
        outcome: str | None = None,
        unfinished: bool = False,
        full: bool = True,
    ) -> list[Session]:
        clauses, params = [KEPT], []
        if since:
            clauses.append("started >= %s")
            params.append(since.isoformat())
        if tree:
            clauses.append("tree = %s")
            params.append(tree)
        if outcome == "unfinished":
            clauses.append("handoff IS NULL")
        elif outcome:
            clauses.append("outcome = %s AND handoff IS NOT NULL")
            params.append(outcome)
        if unfinished:
            clauses.append(RESUMABLE)
        sql = f"SELECT * FROM sessions WHERE {' AND '.join(clauses)} ORDER BY started, id"
        return self._load(self._read(sql, params), full=full)

    def latest_unfinished(self) -> Session | None:
        found = self._read(
            f"SELECT * FROM sessions WHERE {RESUMABLE} AND {KEPT} "
            "ORDER BY updated DESC NULLS LAST, started DESC LIMIT 1"
        )
        loaded = self._load(found)
        return loaded[0] if loaded else None

    def completeness(self, ids: list[str]) -> dict[str, tuple[bool, int, int]]:
        found: dict[str, tuple[bool, int, int]] = {}
        for chunk in rows_.chunks(ids, 500):
            for row in self._read(
                "SELECT id, handoff IS NOT NULL AS closed,"
                " (SELECT count(*) FROM moves WHERE moves.session = sessions.id) AS moves,"
                " (SELECT count(*) FROM events WHERE events.session = sessions.id) AS events"
                " FROM sessions WHERE id = ANY(%s)",
                (chunk,),
            ):
                found[row["id"]] = (bool(row["closed"]), int(row["moves"]), int(row["events"]))
        return found

    def count(self) -> int:
        return int(self._read("SELECT count(*) AS n FROM sessions")[0]["n"])

    def _load(self, found: list[dict[str, Any]], *, full: bool = True) -> list[Session]:
        moves: dict[str, list[Move]] = {}
        events: dict[str, list[Entry]] = {}
        if full and found:
            ids = [row["id"] for row in found]
            for chunk in rows_.chunks(ids, 500):
                for m in self._read(
                    "SELECT * FROM moves WHERE session = ANY(%s) ORDER BY session, seq", (chunk,)
                ):
                    moves.setdefault(m["session"], []).append(rows_.move(m))
                for e in self._read(
                    "SELECT * FROM events WHERE session = ANY(%s) ORDER BY session, seq", (chunk,)
                ):
                    events.setdefault(e["session"], []).append(rows_.entry(e))
        try:
            return [
                rows_.session(row, moves.get(row["id"], []), events.get(row["id"], []))
                for row in found
            ]
        except (ValueError, TypeError, KeyError) as e:
            raise self._trouble(self.url, e) from None


def _save(
    cur: psycopg.Cursor[dict[str, Any]], s: Session, moves_from: int, events_from: int
) -> None:
    names = ", ".join(rows_.COLUMNS)
    marks = ", ".join(f"%({c})s" for c in rows_.COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in rows_.COLUMNS if c != "id")
    cur.execute(
        f"INSERT INTO sessions ({names}) VALUES ({marks}) ON CONFLICT (id) DO UPDATE SET {updates}",
        rows_.values(s),
    )
    cur.executemany(
        "INSERT INTO moves (session, seq, at, action) VALUES (%s, %s, %s, %s)",
        rows_.move_values(s, moves_from),
    )
    cur.executemany(
        "INSERT INTO events (session, seq, kind, at, tree, node, text, value, detail) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
        rows_.event_values(s, events_from),
    )
    summary.write(_many(cur), [s])


def _many(cur: psycopg.Cursor[dict[str, Any]]) -> Many:
    """One statement per row, written with ``?`` marks as schema.py and summary.py write them."""

    def many(sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            cur.executemany(sql.replace("?", "%s"), rows)

    return many


def _query(cur: psycopg.Cursor[dict[str, Any]], sql: str, params: Sequence[Any]) -> list[Any]:
    cur.execute(sql.replace("?", "%s"), tuple(params))
    return cur.fetchall()


def _put_all(cur: psycopg.Cursor[dict[str, Any]], sessions: list[Session]) -> None:
    """Whole sessions in bulk: a few statements for the lot, not one round trip per row.

    Earlier copies go first (their moves, events and summaries with them, by the
    foreign keys' cascade), then every table is filled by one COPY. A session sent
    twice is still kept once: the last copy of an id in *sessions* is the one
    written, as writing them one by one would leave it.
    """
    latest = {s.id: s for s in sessions}
    cur.execute("DELETE FROM sessions WHERE id = ANY(%s)", (list(latest),))
    tables: list[tuple[str, Sequence[str], Iterable[Sequence[Any]]]] = [
        ("sessions", rows_.COLUMNS,
         ([rows_.values(s)[c] for c in rows_.COLUMNS] for s in latest.values())),
        ("moves", ("session", "seq", "at", "action"),
         (row for s in latest.values() for row in rows_.move_values(s, 0))),
        ("events", ("session", "seq", "kind", "at", "tree", "node", "text", "value", "detail"),
         (row for s in latest.values() for row in rows_.event_values(s, 0))),
        ("summaries", summary.SUMMARY_COLUMNS,
         (summary.summary_row(s, summary.kept(s)) for s in latest.values())),
        ("step_results", summary.STEP_COLUMNS,
         (row for s in latest.values() for row in summary.step_rows(s))),
    ]  # fmt: skip
    for table, columns, found in tables:
        with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in found:
                copy.write_row(row)
