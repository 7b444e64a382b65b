"""Practice results, kept apart from real sessions.

A drill is not a patron: counting it in ``report``, ``history`` or ``export`` would
put made-up problems in the figures IT plans by. So drills go to a small SQLite
file of their own beside the session database, made private to this user and
never opened through a link, holding only what a trainer needs: when, which tree
and scenario, the trainee's initials, and the score figures.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import sqlite3
from pathlib import Path

from troubleshoot import files, paths
from troubleshoot.errors import TroubleshootError
from troubleshoot.frozen import frozen

FILE_NAME = "practice.db"
_COLUMNS = (
    "at, tree, scenario, initials, right_end, same_kind, minutes, budget, asks, "
    "unneeded, admin, facts_asked, facts_given"
)
_SCHEMA = f"CREATE TABLE IF NOT EXISTS drills ({_COLUMNS})"


@frozen
class Result:
    """One drill's score figures, as kept."""

    at: dt.datetime
    tree: str
    scenario: str
    initials: str
    right_end: bool
    same_kind: bool
    minutes: int
    budget: int
    asks: int
    unneeded: int
    admin: int
    facts_asked: int
    facts_given: int


def default_path() -> Path:
    return paths.data_dir() / FILE_NAME


def _connect(path: Path, *, make: bool) -> sqlite3.Connection | None:
    """The practice file, made private when missing and *make*; None when it is not there."""
    if path.is_symlink():
        raise TroubleshootError(f"{path}: is a symbolic link; practice results are not kept there")
    if not path.exists():
        if not make:
            return None
        files.private_dir(path.parent)
        with contextlib.suppress(FileExistsError):
            files.create(path, b"", sync=False)
    try:
        conn = sqlite3.connect(str(path), isolation_level=None)
        conn.execute(_SCHEMA)
    except sqlite3.Error as e:
        raise TroubleshootError(f"{path}: cannot keep practice results ({e})") from None
    return conn


def add(result: Result, path: Path | None = None) -> Path:
    """Keep one drill's result; returns the file it went to."""
    path = path or default_path()
    conn = _connect(path, make=True)
    assert conn is not None
    try:
        conn.execute(
            f"INSERT INTO drills ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                result.at.isoformat(timespec="seconds"),
                result.tree,
                result.scenario,
                result.initials,
                int(result.right_end),
                int(result.same_kind),
                result.minutes,
                result.budget,
                result.asks,
                result.unneeded,
                result.admin,
                result.facts_asked,
                result.facts_given,
            ),
        )
    except sqlite3.Error as e:
        raise OSError(errno.EIO, f"cannot keep the practice result ({e})", str(path)) from None
    finally:
        conn.close()
    return path


def results(path: Path | None = None) -> list[Result]:
    """Every drill kept, oldest first; none when no drill was ever kept."""
    conn = _connect(path or default_path(), make=False)
    if conn is None:
        return []
    try:
        rows = conn.execute(f"SELECT {_COLUMNS} FROM drills ORDER BY at, rowid").fetchall()
    finally:
        conn.close()
    return [
        Result(
            dt.datetime.fromisoformat(row[0]),
            row[1],
            row[2],
            row[3],
            bool(row[4]),
            bool(row[5]),
            *(int(v) for v in row[6:]),
        )
        for row in rows
    ]
