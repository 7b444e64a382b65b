"""What every session store does, whichever engine keeps the records.

The desk's own SQLite file (store.py) and a site's shared server answer the same
calls, so the walk, ``import``, ``history`` and the rest never ask which one they
hold. Each call is one transaction; each failure leaves as a ``StoreError``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from troubleshoot.sessions.records import Session


@runtime_checkable
class SessionStore(Protocol):
    """A place session records are kept (see the module's docstring)."""

    def close(self) -> None: ...

    def __enter__(self) -> SessionStore: ...

    def __exit__(self, *exc: object) -> None: ...

    def save(self, session: Session, moves_from: int = 0, events_from: int = 0) -> None:
        """Write the session row and the moves and events not written before."""

    def put(self, session: Session) -> None:
        """Write a whole session, replacing any earlier copy of it."""

    def put_all(self, sessions: Iterable[Session], *, imported: bool = False) -> None:
        """Write whole sessions at once, replacing earlier copies; *imported* marks
        them as another desk's, never resumed here."""

    def get(self, key: str) -> Session | None:
        """The session with this id, or the one id that starts with *key*."""

    def sessions(
        self,
        *,
        since: dt.date | None = None,
        tree: str | None = None,
        outcome: str | None = None,
        unfinished: bool = False,
        full: bool = True,
    ) -> list[Session]:
        """Sessions in the order they started; *full* adds their moves and events."""

    def latest_unfinished(self) -> Session | None: ...

    def completeness(self, ids: list[str]) -> dict[str, tuple[bool, int, int]]:
        """How complete the copies held of these sessions are (``Session.completeness``)."""

    def count(self) -> int: ...
