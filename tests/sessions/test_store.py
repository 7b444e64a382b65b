"""The session database: versioned, in WAL mode, shared by several terminals."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR, subprocess_env
from tests.sessions.test_figures import WEEK
from troubleshoot.errors import TroubleshootError
from troubleshoot.sessions.store import SCHEMA_VERSION, Store, StoreError

WALKS = FIXTURE_DIR / "walks"


def test_a_new_database_is_in_wal_mode_at_the_current_schema(private_data: Path) -> None:
    with Store.open() as db:
        assert db.version() == SCHEMA_VERSION
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert (private_data / "sessions.db").is_file()


def test_a_database_from_a_newer_version_is_refused_not_damaged(private_data: Path) -> None:
    private_data.mkdir(parents=True)
    conn = sqlite3.connect(private_data / "sessions.db")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer troubleshoot"):
        Store.open()
    conn = sqlite3.connect(private_data / "sessions.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    conn.close()


WRITER = textwrap.dedent(
    """
    import datetime as dt, sys
    from pathlib import Path
    from troubleshoot.walk import engine
    from troubleshoot.handoff import content
    from troubleshoot.walk import prompts
    from troubleshoot.sessions import recording
    from troubleshoot.tree.catalog import Catalog

    trees = Catalog([Path(sys.argv[1])])
    digest = trees.load("desk").digest
    t0 = dt.datetime(2026, 11, 23, 10, 0)
    problems = []
    for i in range(int(sys.argv[2])):
        state = engine.start(trees, "desk", t0)
        recorder = recording.recorder_for(state, digest, warn=problems.append)
        for choice in (0, 0):
            state = engine.apply(trees, state, prompts.Choose(choice), t0)
            recorder.record(prompts.Choose(choice), t0, state)
        recorder.finish(state, content.build(trees, state))
    print("problems:", problems)
    """
)


def test_two_terminals_recording_200_sessions_each_at_once_lose_nothing(
    private_data: Path,
) -> None:
    env = subprocess_env()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(WALKS), "200"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert out.strip() == "problems: []"
    with Store.open() as db:
        sessions = db.sessions()
    assert len(sessions) == 400
    assert len({s.id for s in sessions}) == 400
    assert all(s.closed and s.outcome == "resolved" and len(s.moves) == 2 for s in sessions)
    assert all(len(s.events) == 6 for s in sessions)  # start, shown, answer, shown, result, end
    assert not (private_data / "sessions-pending.jsonl").exists()


def test_a_session_is_found_by_the_first_characters_of_its_id() -> None:
    first = replace(WEEK[1], id="abcd1111-0000-4000-8000-000000000001")
    second = replace(WEEK[2], id="abcd2222-0000-4000-8000-000000000002")
    with Store.open() as db:
        db.put(first)
        db.put(second)
        found = db.get("ABCD2")
        assert found is not None and found.id == second.id
        assert db.get("abc") is None  # too short to stand for an id
        with pytest.raises(TroubleshootError, match="more than one session starts with 'abcd'"):
            db.get("abcd")
