"""The session database's tables, written once for both engines, as numbered migrations.

The desk's SQLite file and a site's shared PostgreSQL keep the same tables with the
same columns, so a session is the same rows in either (rows.py). The two engines
differ in two words only, and the DDL names them as placeholders:

- ``{c}`` after a time or id column: PostgreSQL compares text by the server's locale
  unless told ``COLLATE "C"``; SQLite always compares bytes. Times are ISO text, and
  byte order is their order, so both engines sort and filter alike.
- ``{real}``: a double in both (SQLite's REAL is 8 bytes, PostgreSQL's only 4), so a
  time in minutes read back is the very number Python computed.

``MIGRATIONS[n]`` takes a database at version n to n + 1. A step is SQL text, or a
:class:`Fill` that fills a new table from the rows already there (Python computes
what SQL cannot, such as an ISO week; rows.fill does it). PostgreSQL stores numbered 1 and 2 before
the numbering was shared are this list's 3 and 4 (see :func:`shared_version`).
"""

from __future__ import annotations

import enum
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Union

#: A row as either engine gives it: by column name, with its names from keys().
Row = Union[sqlite3.Row, Mapping[str, Any]]  # noqa: UP007 (Python 3.10 runs this line)
#: Runs one query (``?`` marks) and gives its rows; and runs one statement per row.
Query = Callable[[str, Sequence[Any]], Sequence[Row]]
Many = Callable[[str, Sequence[Sequence[Any]]], object]


class Fill(enum.Enum):
    """A migration step that fills a new table from the rows already there (rows.fill)."""

    SUMMARIES = "summaries"


Step = Union[str, Fill]  # noqa: UP007


#: The report's --tree and --branch over a span of days, read from an index (tally.py).
REPORT_INDEXES = (
    "CREATE INDEX sessions_tree_started ON sessions (tree, started)",
    "CREATE INDEX sessions_branch_started ON sessions (branch, started)",
)

#: What the report counts of each session, one narrow row each (summary.py), and the
#: last result of each step tried in it: the figures are then sums in SQL.
SUMMARY_TABLES = (
    """CREATE TABLE summaries (
        session TEXT{c} PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        tree TEXT NOT NULL,
        started TEXT{c} NOT NULL,
        branch TEXT NOT NULL,
        week TEXT NOT NULL,
        hour INTEGER NOT NULL,
        kept INTEGER NOT NULL,
        outcome TEXT,
        minutes {real},
        urgent INTEGER NOT NULL,
        overruns TEXT NOT NULL,
        kept_going INTEGER NOT NULL,
        end_tree TEXT NOT NULL,
        end_node TEXT NOT NULL,
        end_reason TEXT NOT NULL
    )""",
    """CREATE TABLE step_results (
        session TEXT{c} NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        started TEXT{c} NOT NULL,
        walk_tree TEXT NOT NULL,
        branch TEXT NOT NULL,
        tree TEXT NOT NULL,
        node TEXT NOT NULL,
        text TEXT NOT NULL,
        result TEXT NOT NULL,
        reason_key TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (session, seq)
    )""",
    "CREATE INDEX summaries_started ON summaries (started)",
    "CREATE INDEX step_results_started ON step_results (started)",
    # Covering indexes in the order the report groups by (aggregate.py): SQLite groups
    # by sorting, unless it can read the rows already in order.
    "CREATE INDEX summaries_cells ON summaries (tree, branch, week, outcome, minutes, overruns, "
    "end_tree, end_node, end_reason, kept, started, urgent, kept_going)",
    "CREATE INDEX summaries_hours ON summaries (hour, kept, started)",
    "CREATE INDEX step_results_cells ON step_results (tree, node, text, result, reason_key, "
    "reason, started, walk_tree, branch)",
)

MIGRATIONS: tuple[tuple[Step, ...], ...] = (
    (
        """CREATE TABLE sessions (
            id TEXT{c} PRIMARY KEY,
            tree TEXT NOT NULL,
            digest TEXT NOT NULL,
            started TEXT{c} NOT NULL,
            budget_minutes INTEGER NOT NULL,
            budget_steps INTEGER NOT NULL,
            start_node TEXT,
            admin INTEGER NOT NULL,
            forbidden TEXT NOT NULL,
            initials TEXT NOT NULL,
            path TEXT NOT NULL,
            at_tree TEXT NOT NULL,
            at_node TEXT NOT NULL,
            updated TEXT{c},
            outcome TEXT,
            ended TEXT{c},
            end_tree TEXT NOT NULL,
            end_node TEXT NOT NULL,
            by_staff INTEGER NOT NULL,
            facts TEXT NOT NULL,
            handoff TEXT
        )""",
        """CREATE TABLE moves (
            session TEXT{c} NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            PRIMARY KEY (session, seq)
        )""",
        """CREATE TABLE events (
            session TEXT{c} NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
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
    # 2: sessions imported from another desk's export, which are not resumed here.
    ("ALTER TABLE sessions ADD COLUMN imported INTEGER NOT NULL DEFAULT 0",),
    # 3: where each walk was done; records made before stay empty there.
    (
        "ALTER TABLE sessions ADD COLUMN library TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE sessions ADD COLUMN branch TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE sessions ADD COLUMN desk TEXT NOT NULL DEFAULT ''",
    ),
    # 4: the report's --tree and --branch over a span of days, read from an index.
    REPORT_INDEXES,
    # 5: the report's figures summed by the engine (aggregate.py), from rows kept
    # beside each session as it is written; the sessions already there are summed now.
    (*SUMMARY_TABLES, Fill.SUMMARIES),
)
SCHEMA_VERSION = len(MIGRATIONS)

_WORDS = {
    "sqlite": {"c": "", "real": "REAL"},
    "postgresql": {"c": ' COLLATE "C"', "real": "DOUBLE PRECISION"},
}


def steps(found: int, engine: str) -> list[Step]:
    """What takes a database of *engine* from version *found* to the current one."""
    words = _WORDS[engine]
    return [
        step.format(**words) if isinstance(step, str) else step
        for version in range(found, SCHEMA_VERSION)
        for step in MIGRATIONS[version]
    ]


#: PostgreSQL stores once numbered their schema on their own: 1 made the tables of
#: this list's 1 to 3 at once, 2 added the report's indexes.
_POSTGRES_BEFORE = {1: 3, 2: 4}


def shared_version(postgres_found: int) -> int:
    """The version in this list's numbering of a PostgreSQL store that says *postgres_found*.

    Stores written from now on say the shared number, always 5 or more, so 1 and 2
    can only be the old numbering.
    """
    return _POSTGRES_BEFORE.get(postgres_found, postgres_found)
