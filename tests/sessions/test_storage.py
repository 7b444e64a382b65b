"""The calls every session store answers, whichever engine keeps the records."""

from __future__ import annotations

from pathlib import Path

from troubleshoot.sessions.storage import SessionStore
from troubleshoot.sessions.store import Store


def test_the_desks_own_database_is_a_session_store(private_data: Path) -> None:
    with Store.open() as db:
        assert isinstance(db, SessionStore)
