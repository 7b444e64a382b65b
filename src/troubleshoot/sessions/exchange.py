"""Moving sessions between databases as JSONL: export, import, and the fallback file.

Branches pool their records by exporting at one desk and importing at another.
Session ids are UUIDs, so importing the same file twice, or two files that share
sessions, keeps one copy of each: the most complete one (a closed session beats an
unfinished one, more actions beat fewer). The fallback file a walk writes when the
database is out of reach is in the same format, one line per change, and is loaded
the same way.

A file is read one line at a time and merged in batches, so importing a large file
costs about as much memory as a small one; a file past :data:`MAX_FILE_BYTES` is
refused before it is read, and a line past :data:`MAX_LINE_BYTES` is skipped without
being held. Each bad line is reported by its number with the reason, and the good
ones are imported all the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from troubleshoot import privacy
from troubleshoot.errors import Finding, TroubleshootError
from troubleshoot.frozen import frozen
from troubleshoot.sessions import codec
from troubleshoot.sessions.records import Session, scrubbed
from troubleshoot.sessions.storage import SessionStore

#: A year of a busy branch's sessions is a few tens of MiB.
MAX_FILE_BYTES = 256 * 1024 * 1024
#: One session is a few KiB; a line this long is not one.
MAX_LINE_BYTES = 4 * 1024 * 1024
#: Sessions written to the database in one transaction.
BATCH = 200


@frozen
class Loaded:
    sessions: tuple[Session, ...]  # one per id, the most complete copy
    problems: tuple[Finding, ...]
    lines: int


@frozen
class Imported:
    added: int
    updated: int
    unchanged: int


def check_size(path: Path) -> None:
    """Refuse a file too large to import, before reading any of it."""
    try:
        size = path.stat().st_size
    except OSError as e:
        raise TroubleshootError(f"{path}: {e.strerror or e}") from None
    if size > MAX_FILE_BYTES:
        mib = MAX_FILE_BYTES // (1024 * 1024)
        raise TroubleshootError(
            f"{path}: the file is {size // (1024 * 1024)} MiB; import takes files up to {mib} "
            "MiB: export it in parts ('troubleshoot export --since DAY') and import each"
        )


def records(path: Path, cards: privacy.CardPattern = privacy.STRICT) -> Iterator[Session | Finding]:
    """Each session in a JSONL file, in order, or a finding for each line that is not one.

    Every text of every session is scrubbed against *cards*, this desk's pattern.
    """
    check_size(path)
    with path.open("rb") as f:
        for number, raw in _lines(f):
            if raw is None:
                yield _problem(path, number, f"line is over {MAX_LINE_BYTES // 1024} KiB long")
                continue
            if not raw.strip():
                continue
            try:
                yield codec.from_line(raw.decode("utf-8"), cards)
            except UnicodeDecodeError:
                yield _problem(path, number, "not UTF-8 text")
            except ValueError as e:
                yield _problem(path, number, _why(e))


def _lines(f: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines; None for one too long to hold, which is read past, not kept."""
    number = 0
    while True:
        raw = f.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            while raw and not raw.endswith(b"\n"):
                raw = f.readline(MAX_LINE_BYTES)
            yield number, None
            continue
        yield number, raw


def _problem(path: Path, line: int, why: str) -> Finding:
    return Finding(str(path), line, 1, "error", "import", why)


def _why(error: ValueError) -> str:
    text = str(error)
    if text.startswith(("not JSON", "not a")):
        return text
    return f"not a usable session record: {text}"


def read(path: Path, cards: privacy.CardPattern = privacy.STRICT) -> Loaded:
    """Every session in a JSONL file, held whole: for small files and tests."""
    best: dict[str, Session] = {}
    problems: list[Finding] = []
    count = 0
    for found in records(path, cards):
        count += 1
        if isinstance(found, Finding):
            problems.append(found)
            continue
        held = best.get(found.id)
        if held is None or found.completeness() > held.completeness():
            best[found.id] = found
    return Loaded(tuple(best.values()), tuple(problems), count)


def import_file(
    store: SessionStore,
    path: Path,
    problems: list[Finding],
    *,
    imported: bool = True,
    cards: privacy.CardPattern = privacy.STRICT,
) -> Imported:
    """Merge a JSONL file into *store* line by line; bad lines are added to *problems*.

    *imported*: the file is another desk's export, so its sessions are not resumed
    here. This desk's own fallback file is loaded with ``imported=False``.
    """

    def sessions() -> Iterator[Session]:
        for found in records(path, cards):
            if isinstance(found, Finding):
                problems.append(found)
            else:
                yield found

    return merge(store, sessions(), imported=imported)


def merge(store: SessionStore, sessions: Iterable[Session], *, imported: bool = False) -> Imported:
    """Add sessions the store lacks; replace those it holds in a less complete state.

    Counted once per session: a session added and then found again further on,
    more complete, is one added.
    """
    status: dict[str, str] = {}
    for batch in _batches(sessions):
        held = store.completeness([s.id for s in batch])
        better = []
        for session in batch:
            kept = held.get(session.id)
            if kept is not None and session.completeness() <= kept:
                status.setdefault(session.id, "unchanged")
                continue
            status.setdefault(session.id, "added" if kept is None else "updated")
            if status[session.id] == "unchanged":
                status[session.id] = "updated"
            better.append(session)
        store.put_all(better, imported=imported)
    counts = list(status.values())
    return Imported(counts.count("added"), counts.count("updated"), counts.count("unchanged"))


def _batches(sessions: Iterable[Session]) -> Iterator[list[Session]]:
    """Up to :data:`BATCH` sessions at a time, each id once: its most complete copy."""
    batch: dict[str, Session] = {}
    for session in sessions:
        held = batch.get(session.id)
        if held is None or session.completeness() > held.completeness():
            batch[session.id] = session
        if len(batch) >= BATCH:
            yield list(batch.values())
            batch = {}
    if batch:
        yield list(batch.values())


def lines(
    sessions: Iterable[Session], cards: privacy.CardPattern = privacy.STRICT
) -> Iterator[str]:
    """Export lines, each session scrubbed again: a record kept by an older version,
    under a looser rule, goes out no worse than one kept today."""
    for session in sessions:
        yield codec.to_line(scrubbed(session, cards))
