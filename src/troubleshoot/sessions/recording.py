"""Recording a walk as it goes: into the database, or, failing that, into a JSONL file.

A walk must never fail because its record cannot be kept. When the database cannot
be opened or written (read-only disk, a damaged or locked file) the recorder warns
once and appends the session to a JSONL file instead, one whole record per change,
so that its last line for a session is all of it; ``troubleshoot import`` loads it
later and keeps the most complete copy.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from troubleshoot import files, paths
from troubleshoot.frozen import frozen
from troubleshoot.handoff.content import HandOff
from troubleshoot.sessions import codec, records
from troubleshoot.sessions.failures import StoreError
from troubleshoot.sessions.records import Move, Session
from troubleshoot.sessions.storage import SessionStore
from troubleshoot.sessions.store import Store
from troubleshoot.walk.engine import State
from troubleshoot.walk.prompts import Action

PENDING_NAME = "sessions-pending.jsonl"


@frozen
class Spot:
    """A place for the fallback file. A *shared* one is in the temp folder, where any
    user can make folders: it is used only in a folder of this user's, private to them.
    """

    path: Path
    shared: bool = False


def _user() -> str:
    return str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")


def pending_spots() -> list[Spot]:
    """Where fallback records go, best first: beside the database, else a temp folder."""
    import tempfile

    temp = Path(tempfile.gettempdir()) / f"troubleshoot-{_user()}"
    return [Spot(paths.data_dir() / PENDING_NAME), Spot(temp / PENDING_NAME, shared=True)]


def pending_files() -> list[Path]:
    """The fallback files there are to import: beside the database, and in this user's
    own temp folders. A temp folder that another user owns or can write to is never
    read: whoever planted it could have planted records too."""
    import tempfile

    found = [paths.data_dir() / PENDING_NAME]
    temp, name = Path(tempfile.gettempdir()), f"troubleshoot-{_user()}"
    for folder in [temp / name, *sorted(temp.glob(f"{name}-*"))]:
        if files.own_folder(folder, make=False) is None:
            found.append(folder / PENDING_NAME)
    return [
        path
        for path in found
        if path.is_file() and not path.is_symlink() and path.stat().st_size > 0
    ]


def in_shared_folder(path: Path) -> bool:
    """A fallback file in the temp folder, which import must not leave behind."""
    import tempfile

    folder = path.parent
    return folder.parent == Path(tempfile.gettempdir()) and (
        folder.name == f"troubleshoot-{_user()}"
        or folder.name.startswith(f"troubleshoot-{_user()}-")
    )


class Fallback:
    """Appends whole session records to a private JSONL file, one line per change.

    Each line holds the session as it stands, so the last line of a session is all
    of it and ``import`` keeps the most complete copy. The file is never written
    through a link or into another user's file; when this user's temp folder cannot
    be trusted, a new private one is made beside it and :attr:`passed_over` says why.
    """

    def __init__(self, candidates: list[Spot] | None = None) -> None:
        # Worked out on first use: finding the temp folder writes a probe file there.
        self.candidates = candidates
        self.path: Path | None = None
        self.passed_over: list[str] = []

    def ready(self) -> Path:
        """The file sessions go to, made now but left empty, so that staff can be told."""
        return self._add(b"")

    def append(self, session: Session) -> Path:
        return self._add((codec.to_line(session) + "\n").encode("utf-8"))

    def _add(self, data: bytes) -> Path:
        if self.path is not None:
            files.append(self.path, data)
            return self.path
        errors = []
        if self.candidates is None:
            self.candidates = pending_spots()
        for spot in self.candidates:
            try:
                path = self._place(spot)
                files.append(path, data)
            except OSError as e:
                errors.append(f"{spot.path}: {e.strerror or e}")
                continue
            self.path = path
            return path
        raise OSError("; ".join(errors))

    def _place(self, spot: Spot) -> Path:
        folder = spot.path.parent
        if not spot.shared:
            files.private_dir(folder)
            return spot.path
        problem = files.own_folder(folder)
        if problem is None:
            return spot.path
        import tempfile

        self.passed_over.append(f"{folder} was not used: {problem}; ask IT to remove it")
        made = tempfile.mkdtemp(prefix=f"{folder.name}-", dir=folder.parent)
        return Path(made) / spot.path.name


class StoreRecorder:
    """The walk's :class:`~troubleshoot.walk.Recorder`: every action kept as it happens."""

    def __init__(
        self,
        session: Session,
        store: SessionStore | None,
        warn: Callable[[str], None],
        *,
        saved: tuple[int, int] = (0, 0),
        trouble: str = "",
        fallback: Fallback | None = None,
    ) -> None:
        self.session = session
        self.store = store
        self.warn = warn
        self.fallback = fallback or Fallback()
        self.warned = False
        self.lost = False  # neither the database nor a fallback file can be written
        self.done = False
        self.kept = saved != (0, 0)  # anything of this session is kept anywhere
        self._saved = saved  # how many moves and events the database already holds
        if store is None:
            self._fall_back(trouble or "the session records cannot be opened")

    @property
    def in_database(self) -> bool:
        return self.store is not None

    def start(self) -> None:
        """Keep the session now, before its next action (a rebuilt walk's new events).

        A new walk is not kept until its first action: one left at its first prompt
        has nothing to resume and nothing to count.
        """
        self._keep()

    def record(self, action: Action, at: dt.datetime, state: State) -> None:
        self.session = records.advance(self.session, Move(action, at), state)
        self._keep()

    def finish(self, state: State, result: HandOff | None) -> None:
        if len(state.log) > len(self.session.events):  # ended without an action recorded
            self.session = records.advance_to(self.session, state)
        self.session = records.close(self.session, result, state.cards)
        self._keep()
        self.close()

    def close(self) -> None:
        """Let go of the database; a closed session is never written again."""
        self.done = True
        if self.store is not None:
            self.store.close()

    def _keep(self) -> None:
        if self.done:
            return
        if self.store is not None:
            try:
                self.store.save(self.session, *self._saved)
            except StoreError as e:
                self.store.close()
                self.store = None
                self._fall_back(str(e))
            else:
                self._saved = (len(self.session.moves), len(self.session.events))
                self.kept = True
                return
        if self._append() is not None:
            self.kept = True

    def _fall_back(self, why: str) -> None:
        """Say once, from the moment it is known, where this session is kept instead."""
        where = self._ready()
        if where is not None:
            passed = "".join(f" {note}." for note in self.fallback.passed_over)
            self._warn(
                f"{why}; this session is kept in {where} instead.{passed} "
                "'troubleshoot import' loads it later."
            )

    def _ready(self) -> Path | None:
        return self._try(self.fallback.ready)

    def _append(self) -> Path | None:
        return self._try(lambda: self.fallback.append(self.session))

    def _try(self, work: Callable[[], Path]) -> Path | None:
        if self.lost:
            return None
        try:
            return work()
        except OSError as e:
            self.lost = True
            self._warn(f"this session is not being recorded ({e})")
            return None

    def _warn(self, message: str) -> None:
        if not self.warned:
            self.warned = True
            self.warn(message)


def open_or_none(path: Path | None = None) -> tuple[Store | None, str]:
    """The store, or None and the reason it cannot be had."""
    try:
        return Store.open(path), ""
    except StoreError as e:
        return None, str(e)


def recorder_for(
    state: State,
    digest: str,
    *,
    initials: str = "",
    warn: Callable[[str], None],
    path: Path | None = None,
    origin: records.Origin | None = None,
    server: str = "",
) -> StoreRecorder:
    """A recorder for a walk that has just started; it keeps the walk from its first action.

    With a *server* the walk is kept there; when it cannot be reached in a moment,
    the walk is kept in this desk's own file as before, and *warn* says so once.
    """
    session = records.begin(state, digest, initials=initials, origin=origin)
    store: SessionStore | None = None
    if server:
        from troubleshoot.sessions.pgstore import PgStore

        try:
            store = PgStore.open(server)
        except StoreError as e:
            warn(f"{e}; this walk is kept on this PC instead")
    trouble = ""
    if store is None:
        store, trouble = open_or_none(path)
    return StoreRecorder(session, store, warn, trouble=trouble)


def continue_recording(
    session: Session,
    state: State,
    store: SessionStore | None,
    warn: Callable[[str], None],
    *,
    trouble: str = "",
) -> StoreRecorder:
    """A recorder for a resumed walk: it writes on after what is already kept.

    Without a *store* (the database could be read but not written: *trouble* says
    why) the whole session goes to the fallback file as it grows.
    """
    saved = (len(session.moves), len(session.events))
    recorder = StoreRecorder(session, store, warn, saved=saved, trouble=trouble)
    if len(state.log) > len(session.events):  # a rebuilt walk adds events of its own
        recorder.session = records.advance_to(session, state)
        recorder.start()
    return recorder
