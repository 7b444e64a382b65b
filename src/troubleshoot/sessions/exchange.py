"""Moving sessions between databases as JSONL: export, import, and the fallback file.

Branches pool their records by exporting at one desk and importing at another.
Session ids are UUIDs, so importing the same file twice, or two files that share
sessions, keeps one copy of each: the most complete one (a closed session beats an
unfinished one, more actions beat fewer). The fallback file a walk writes when the
database is out of reach is in the same format, one line per change, and is loaded
the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from troubleshoot.errors import Finding
from troubleshoot.sessions import codec
from troubleshoot.sessions.records import Session
from troubleshoot.sessions.store import Store


@dataclass(frozen=True)
class Loaded:
    sessions: tuple[Session, ...]  # one per id, the most complete copy
    problems: tuple[Finding, ...]
    lines: int


@dataclass(frozen=True)
class Imported:
    added: int
    updated: int
    unchanged: int


def read(path: Path) -> Loaded:
    """Every session in a JSONL file; bad lines become findings, good ones still count."""
    best: dict[str, Session] = {}
    problems: list[Finding] = []
    count = 0
    with path.open(encoding="utf-8", errors="replace") as f:
        for number, text in enumerate(f, 1):
            if not text.strip():
                continue
            count += 1
            try:
                session = codec.from_json(json.loads(text))
            except (ValueError, TypeError, AttributeError, KeyError) as e:
                problems.append(Finding(str(path), number, 1, "error", "import", _why(e)))
                continue
            held = best.get(session.id)
            if held is None or session.completeness() > held.completeness():
                best[session.id] = session
    return Loaded(tuple(best.values()), tuple(problems), count)


def _why(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"not JSON ({error.msg})"
    return f"not a usable session record: {error}"


def merge(store: Store, sessions: Iterable[Session]) -> Imported:
    """Add sessions the store lacks; replace those it holds in a less complete state."""
    added = updated = unchanged = 0
    for session in sessions:
        held = store.get(session.id)
        if held is None:
            added += 1
        elif session.completeness() > held.completeness():
            updated += 1
        else:
            unchanged += 1
            continue
        store.put(session)
    return Imported(added, updated, unchanged)


def lines(sessions: Iterable[Session]) -> Iterator[str]:
    for session in sessions:
        yield codec.to_line(session)
