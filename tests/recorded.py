"""A walk of the small desk tree turned into a session record, for the records tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import T0
from troubleshoot.sessions import records
from troubleshoot.sessions.records import Move, Session
from troubleshoot.tree.catalog import Catalog
from troubleshoot.walk import engine, prompts

WALKS = Path(__file__).parent / "fixtures" / "walks"


def desk_trees() -> Catalog:
    return Catalog([WALKS])


def walked(trees: Catalog, *actions: prompts.Action) -> tuple[engine.State, Session]:
    """Walk the desk tree with *actions*, one minute apart, recording each one."""
    state = engine.start(trees, "desk", T0)
    session = records.begin(state, "abc", initials="JD")
    for minute, action in enumerate(actions, 1):
        now = T0 + dt.timedelta(minutes=minute)
        state = engine.apply(trees, state, action, now)
        session = records.advance(session, Move(action, now), state)
    return state, session
