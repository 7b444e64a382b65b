"""Resuming: the replayed walk is the walk that was interrupted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR, T0
from troubleshoot.errors import TroubleshootError
from troubleshoot.sessions import records, replay
from troubleshoot.sessions.records import Move, Session
from troubleshoot.tree.catalog import Catalog
from troubleshoot.walk import engine, prompts
from troubleshoot.walk.prompts import AddNote, Back, Choose, Do, Notice

WALKS = FIXTURE_DIR / "walks"
LATER = T0 + dt.timedelta(hours=1)


def copy_trees(folder: Path, *edits: tuple[str, str]) -> Catalog:
    """The walk fixtures copied to *folder*, with the desk tree's text edited."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in WALKS.glob("*.yaml"):
        text = source.read_text(encoding="utf-8")
        for old, new in edits if source.stem == "desk" else ():
            assert old in text
            text = text.replace(old, new)
        (folder / source.name).write_text(text, encoding="utf-8")
    return Catalog([folder])


def interrupted(trees: Catalog, *actions: prompts.Action) -> tuple[engine.State, Session]:
    state = engine.start(trees, "desk", T0)
    desk = trees.load("desk")
    session = records.begin(state, desk.digest)
    for minute, action in enumerate(actions, 1):
        now = T0 + dt.timedelta(minutes=minute)
        state = engine.apply(trees, state, action, now)
        session = records.advance(session, Move(action, now), state)
    return state, session


def test_an_unchanged_tree_replays_to_the_very_same_state(tmp_path: Path) -> None:
    trees = copy_trees(tmp_path / "trees")
    state, session = interrupted(
        trees, Choose(0), Choose(1), AddNote("tray looks empty"), Back(), Choose(1)
    )
    restored = replay.restore(trees, session, LATER)
    assert (restored.changed, restored.rebuilt) == (False, False)
    assert restored.state.node == state.node == "paper"
    assert restored.state.log == state.log and restored.state.path == state.path
    back = engine.apply(trees, restored.state, Back(), LATER)
    assert back.node == "release"  # Back reaches before the interruption


def test_a_tree_edited_elsewhere_still_replays_and_says_it_changed(tmp_path: Path) -> None:
    folder = tmp_path / "trees"
    _, session = interrupted(copy_trees(folder), Choose(0), Choose(1))
    edited = copy_trees(folder, ("escalate: Print queue stuck.", "escalate: Queue stuck."))
    restored = replay.restore(edited, session, LATER)
    assert (restored.changed, restored.rebuilt) == (True, False)
    assert restored.state.node == "paper"


def test_a_tree_rebuilt_around_the_current_node_continues_there_with_the_transcript(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "trees"
    _, session = interrupted(copy_trees(folder), Choose(0), Choose(1))
    edited = copy_trees(
        folder, ("  release:\n", "  release_job:\n"), ("next: release}", "next: release_job}")
    )
    restored = replay.restore(edited, session, LATER)
    assert (restored.changed, restored.rebuilt) == (True, True)
    state = restored.state
    assert state.log[: len(session.events)] == session.events
    assert isinstance(engine.prompt(edited, state), Do) and state.node == "paper"
    assert Notice(replay.REBUILT) in state.notices
    state = engine.apply(edited, state, Choose(1), LATER)
    assert state.ending is not None and state.ending.node == "stuck"
    assert [e.value for e in state.path if e.kind == "result"] == ["not fixed", "not fixed"]


def test_a_tree_that_lost_the_current_node_cannot_be_resumed(tmp_path: Path) -> None:
    folder = tmp_path / "trees"
    _, session = interrupted(copy_trees(folder), Choose(0), Choose(1))
    edited = copy_trees(
        folder, ("  paper:\n", "  tray:\n"), ("not_fixed: paper", "not_fixed: tray")
    )
    with pytest.raises(TroubleshootError, match="no longer has the node 'paper'"):
        replay.restore(edited, session, LATER)
