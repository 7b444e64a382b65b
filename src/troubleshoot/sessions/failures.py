"""What can go wrong with the session database, each said in one line with the way out.

SQLite reports a damaged file, a read-only one and one held by another terminal as
exceptions whose words (``database disk image is malformed``, ``attempt to write a
readonly database``) tell staff nothing about what to do. :func:`trouble` turns each
into a :class:`StoreError` that names the file and says how to rescue the records;
the kind (:class:`ReadOnly`, :class:`Damaged`) lets a command carry on where it can.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from troubleshoot.errors import TroubleshootError
from troubleshoot.sessions.rows import SCHEMA_VERSION


class StoreError(TroubleshootError):
    """The session records cannot be opened, read or written."""


class ReadOnly(StoreError):
    """The database can be read but not written: reading commands still work."""


class Damaged(StoreError):
    """The database file is damaged: what can still be read is rescued with export."""


def trouble(path: Path, error: BaseException) -> StoreError:
    """What is wrong with the database at *path*, and what to do, in one line."""
    detail = (error.strerror if isinstance(error, OSError) else "") or str(error)
    low = detail.lower()
    if "readonly" in low or "read-only" in low or isinstance(error, PermissionError):
        return ReadOnly(
            f"the session records in {path} are read-only ({detail}): 'troubleshoot export' "
            "still reads them; to keep new ones, ask IT to make the file writable or move it "
            "aside (rename it)"
        )
    if isinstance(error, sqlite3.Error) and busy(error):
        return StoreError(
            f"the session records in {path} are busy: another terminal held them too long "
            f"({detail}); try again"
        )
    if isinstance(error, (ValueError, TypeError, KeyError)) or any(
        word in low for word in ("malformed", "not a database", "corrupt", "disk i/o")
    ):
        return Damaged(
            f"the session records in {path} are damaged ({detail}): save what can be read "
            "with 'troubleshoot export --rescue -o rescued.jsonl', move the file aside "
            "(rename it), then 'troubleshoot import rescued.jsonl'"
        )
    return StoreError(f"cannot open the session records {path}: {detail}")


def busy(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def newer(path: Path, found: int) -> StoreError:
    return StoreError(
        f"{path} was written by a newer troubleshoot (schema {found}; "
        f"this one knows {SCHEMA_VERSION}); update the tool"
    )
