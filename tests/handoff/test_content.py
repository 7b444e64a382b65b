"""The hand-off note: what IT reads once a walk ends."""

from __future__ import annotations

import datetime as dt

from tests.conftest import FIXTURE_DIR
from troubleshoot.handoff import content, ticket
from troubleshoot.tree.catalog import Catalog
from troubleshoot.walk import engine
from troubleshoot.walk.prompts import Choose

SMALL = FIXTURE_DIR / "find"
T0 = dt.datetime(2026, 11, 23, 10, 0)


def test_a_walk_started_deep_says_where_it_began() -> None:
    trees = Catalog([SMALL])
    state = engine.start(trees, "kiosk", T0, node="paper")
    state = engine.apply(trees, state, Choose(1), T0 + dt.timedelta(minutes=3))
    note = ticket.to_markdown(content.build(trees, state))
    assert "- Began partway in, at `kiosk#paper`: a symptom pointed there\n" in note


def test_a_walk_from_the_start_says_nothing_about_beginning_partway() -> None:
    trees = Catalog([SMALL])
    state = engine.start(trees, "kiosk", T0)
    state = engine.apply(trees, state, Choose(1), T0)
    state = engine.apply(trees, state, Choose(1), T0)
    assert state.ending is not None
    assert "Began partway" not in ticket.to_markdown(content.build(trees, state))
