"""Recording a walk: each answer kept at once, and a fallback when the database fails."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
import tempfile
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR, T0
from troubleshoot.handoff import content
from troubleshoot.sessions import exchange, recording, records
from troubleshoot.sessions.recording import Spot, StoreRecorder
from troubleshoot.sessions.store import Store
from troubleshoot.tree.catalog import Catalog
from troubleshoot.walk import engine
from troubleshoot.walk.prompts import Choose

WALKS = FIXTURE_DIR / "walks"


@pytest.fixture
def trees() -> Catalog:
    return Catalog([WALKS])


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


class Warnings(list[str]):
    def __call__(self, message: str) -> None:
        self.append(message)


def start(trees: Catalog, warn: Warnings, **kw: object) -> tuple[engine.State, StoreRecorder]:
    state = engine.start(trees, "desk", T0)
    desk = trees.get("desk")
    assert desk is not None
    return state, recording.recorder_for(state, desk.digest, warn=warn, **kw)  # type: ignore[arg-type]


def step(
    trees: Catalog,
    state: engine.State,
    recorder: StoreRecorder,
    index: int,
    minute: float,
) -> engine.State:
    state = engine.apply(trees, state, Choose(index), at(minute))
    recorder.record(Choose(index), at(minute), state)
    return state


def test_each_answer_is_in_the_database_as_soon_as_it_is_given(trees: Catalog) -> None:
    warn = Warnings()
    state, recorder = start(trees, warn, initials="AB")
    with Store.open() as db:
        assert db.get(recorder.session.id) is None  # nothing answered, nothing kept
        state = step(trees, state, recorder, 0, 1)
        kept = db.get(recorder.session.id)
        assert kept is not None
        assert [m.action for m in kept.moves] == [Choose(0)]
        assert kept.at_node == "release"
        assert kept.events == state.log
        assert kept.initials == "AB" and kept.outcome is None and not kept.closed
    assert warn == []


def test_a_finished_walk_is_closed_with_its_outcome_facts_and_hand_off(trees: Catalog) -> None:
    state, recorder = start(trees, Warnings())
    for i, (choice, minute) in enumerate([(0, 1), (1, 2), (1, 3)]):
        state = step(trees, state, recorder, choice, minute)
        assert (state.ending is not None) == (i == 2)
    note = content.build(trees, state, {"Printer name": "HP 4"})
    recorder.finish(state, note)
    with Store.open() as db:
        kept = db.get(recorder.session.short_id)
    assert kept is not None and kept.closed
    assert (kept.outcome, kept.end_tree, kept.end_node) == ("escalated", "desk", "stuck")
    assert kept.facts == (("Printer name", "HP 4"),)
    assert kept.handoff == note
    assert kept.minutes == 3


@pytest.mark.parametrize("damage", ["garbage", "directory"])
def test_an_unopenable_database_falls_back_to_jsonl_and_warns_once(
    trees: Catalog, private_data: Path, damage: str
) -> None:
    db = private_data / "sessions.db"
    private_data.mkdir(parents=True)
    if damage == "garbage":
        db.write_bytes(b"this is not a database, it is a shopping list\n" * 100)
    else:
        db.mkdir()
    warn = Warnings()
    state, recorder = start(trees, warn)
    state = step(trees, state, recorder, 0, 1)
    state = step(trees, state, recorder, 0, 2)
    recorder.finish(state, content.build(trees, state))
    assert len(warn) == 1
    assert "sessions-pending.jsonl" in warn[0] and "troubleshoot import" in warn[0]
    pending = private_data / "sessions-pending.jsonl"
    loaded = exchange.read(pending)
    assert loaded.lines == 3  # after each of the two answers, and when closed
    assert [s.id for s in loaded.sessions] == [recorder.session.id]
    assert loaded.sessions[0].closed and loaded.sessions[0].outcome == "resolved"


def test_the_fallback_goes_to_the_next_folder_and_warns_once_if_none_can_be_written(
    trees: Catalog, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    spare = tmp_path / "spare" / "pending.jsonl"
    fallback = recording.Fallback([Spot(blocker / "pending.jsonl"), Spot(spare)])
    state = engine.start(trees, "desk", T0)
    warn = Warnings()
    recorder = StoreRecorder(records.begin(state, ""), None, warn, fallback=fallback)
    assert fallback.path == spare and "pending.jsonl" in warn[0]

    nowhere = recording.Fallback([Spot(blocker / "pending.jsonl")])
    warn = Warnings()
    recorder = StoreRecorder(records.begin(state, ""), None, warn, fallback=nowhere)
    recorder.record(Choose(0), at(1), engine.apply(trees, state, Choose(0), at(1)))
    assert len(warn) == 1 and warn[0].startswith("this session is not being recorded")


def test_a_lock_held_too_long_mid_walk_moves_the_rest_to_the_fallback_file(
    trees: Catalog, private_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("troubleshoot.sessions.store.WAIT_SECONDS", 0.2)
    warn = Warnings()
    state, recorder = start(trees, warn)
    state = step(trees, state, recorder, 0, 1)
    other = sqlite3.connect(private_data / "sessions.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another terminal that never lets go
    state = step(trees, state, recorder, 0, 2)
    other.execute("ROLLBACK")
    other.close()
    recorder.finish(state, content.build(trees, state))
    assert len(warn) == 1 and "are busy: another terminal held them too long" in warn[0]
    with Store.open() as db:
        partial = db.get(recorder.session.id)
        assert partial is not None and len(partial.moves) == 1 and not partial.closed
        loaded = exchange.read(private_data / "sessions-pending.jsonl")
        assert exchange.merge(db, loaded.sessions) == exchange.Imported(0, 1, 0)
        whole = db.get(recorder.session.id)
    assert whole is not None and whole.closed and len(whole.moves) == 2
    assert whole.events == state.log


ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No data folder can be made (a file is in the way); a temp folder like /tmp."""
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("TROUBLESHOOT_DATA", str(tmp_path / "a-file" / "data"))
    folder = tmp_path / "tmp"
    folder.mkdir()
    folder.chmod(0o1777)
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_without_a_data_folder_records_go_to_a_private_folder_in_temp(
    trees: Catalog, temp: Path, tmp_path: Path
) -> None:
    warn = Warnings()
    state, recorder = start(trees, warn)
    step(trees, state, recorder, 0, 1)
    folder = temp / f"troubleshoot-{os.getuid()}"
    pending = folder / "sessions-pending.jsonl"
    db = tmp_path / "a-file" / "data" / "sessions.db"
    assert warn == [
        f"cannot open the session records {db}: File exists; this session is kept in "
        f"{pending} instead. 'troubleshoot import' loads it later."
    ]
    assert (mode(folder), mode(pending)) == (0o700, 0o600)
    assert recording.pending_files() == [pending]


@pytest.mark.parametrize("hostile", ["writable by all", "a link", "another user's"])
def test_a_temp_folder_prepared_by_someone_else_is_refused_and_the_warning_says_where_records_went(
    trees: Catalog, temp: Path, tmp_path: Path, hostile: str
) -> None:
    folder = temp / f"troubleshoot-{os.getuid()}"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    if hostile == "writable by all":
        folder.mkdir()
        folder.chmod(0o777)
        why = "other users can write to it"
    elif hostile == "a link":
        folder.symlink_to(elsewhere)  # records would land in a folder the planter reads
        why = "it is a symbolic link"
    else:
        if not ROOT:
            pytest.skip("only root can hand a folder to another user")
        folder.mkdir(mode=0o755)
        os.chown(folder, 65534, 65534)
        why = "it belongs to another user (uid 65534)"
    warn = Warnings()
    state, recorder = start(trees, warn)
    step(trees, state, recorder, 0, 1)
    (made,) = temp.glob(f"troubleshoot-{os.getuid()}-*")
    pending = made / "sessions-pending.jsonl"
    assert warn[0].endswith(
        f"; this session is kept in {pending} instead. {folder} was not used: {why}; "
        "ask IT to remove it. 'troubleshoot import' loads it later."
    )
    assert (mode(made), mode(pending)) == (0o700, 0o600)
    assert list(elsewhere.iterdir()) == []
    assert not hostile.startswith("writable") or list(folder.iterdir()) == []
    assert recording.pending_files() == [pending]  # the planted folder is never read
