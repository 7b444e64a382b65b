"""The session database: versioned, in WAL mode, shared by several terminals."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR, subprocess_env
from tests.sessions.test_figures import WEEK
from troubleshoot.errors import TroubleshootError
from troubleshoot.frozen import replace
from troubleshoot.sessions import codec, exchange
from troubleshoot.sessions.failures import Damaged, StoreError
from troubleshoot.sessions.records import Session
from troubleshoot.sessions.store import SCHEMA_VERSION, Store

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


def many(count: int) -> list[Session]:
    """*count* sessions of the week's shapes, each with an id of its own."""
    return [
        replace(WEEK[n % len(WEEK)], id=str(uuid.UUID(int=n + 1, version=4))) for n in range(count)
    ]


def damage(db: Path, table: str = "sessions") -> None:
    """Overwrite the table's (or index's) last page with rubbish, as a bad disk sector or
    a half-copied file does: the rows on that page are lost, the rest of the file is not."""
    conn = sqlite3.connect(db)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(db.read_bytes())
    at = (root[0] - 1) * size
    assert data[at] in (0x02, 0x05), "the table or index should span more than one page"
    leaf = int.from_bytes(data[at + 8 : at + 12], "big")  # the right-most child page
    data[(leaf - 1) * size : leaf * size] = b"\xde\xad" * (size // 2)
    db.write_bytes(bytes(data))


def test_the_database_and_its_wal_files_are_private_in_a_private_folder(
    private_data: Path,
) -> None:
    with Store.open() as db:
        db.put(WEEK[1])
        made = sorted(p.name for p in private_data.iterdir())
        assert made == ["sessions.db", "sessions.db-shm", "sessions.db-wal"]
        assert {p.stat().st_mode & 0o777 for p in private_data.iterdir()} == {0o600}
    assert private_data.stat().st_mode & 0o777 == 0o700


def test_a_link_where_the_database_should_be_is_refused(private_data: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("not for the tool\n")
    private_data.mkdir()
    (private_data / "sessions.db").symlink_to(victim)
    with pytest.raises(StoreError) as refused:
        Store.open()
    assert str(refused.value) == (
        f"cannot open the session records {private_data / 'sessions.db'}: "
        "is a symbolic link; name the database file itself"
    )
    assert victim.read_text() == "not for the tool\n"


def test_a_damaged_page_is_one_line_saying_how_to_rescue_and_rescue_reads_the_rest(
    private_data: Path,
) -> None:
    kept = many(120)
    with Store.open() as db:
        for session in kept:
            db.put(session)
    damage(private_data / "sessions.db")
    with Store.open(readonly=True) as db:
        with pytest.raises(Damaged) as caught:
            db.sessions()
        rescued, lost = db.rescue()
    assert str(caught.value) == (
        f"the session records in {private_data / 'sessions.db'} are damaged "
        "(database disk image is malformed): save what can be read with 'troubleshoot "
        "export --rescue -o rescued.jsonl', move the file aside (rename it), then "
        "'troubleshoot import rescued.jsonl'"
    )
    assert 0 < lost < 20 and len(rescued) + lost == 120
    by_id = {s.id: s for s in kept}
    assert all(by_id[s.id] == s for s in rescued)  # what is rescued is whole


def test_reading_never_creates_a_database(private_data: Path) -> None:
    with Store.open(readonly=True) as db:
        assert db.sessions() == [] and db.latest_unfinished() is None
    assert not private_data.exists()


def test_a_database_of_the_first_schema_is_read_as_it_is_and_upgraded_when_written(
    private_data: Path,
) -> None:
    with Store.open() as db:
        db.put(WEEK[8])  # unfinished
    _as_schema(private_data / "sessions.db", 1)
    with Store.open(readonly=True) as db:
        assert db.version() == 1 and db.latest_unfinished() == WEEK[8]
    with Store.open() as db:
        assert db.version() == SCHEMA_VERSION == 5
        assert db.latest_unfinished() == WEEK[8]


def _as_schema(path: Path, version: int) -> None:
    """Take the columns later schemas added back out of a database, as *version* made it."""
    added = {2: ["imported"], 3: ["library", "branch", "desk"], 4: [], 5: []}
    conn = sqlite3.connect(path)
    if version < 5:  # the report's summary rows
        for table in ("step_results", "summaries"):
            conn.execute(f"DROP TABLE {table}")
    if version < 4:  # the report's indexes, which would also hold the branch column
        for index in ("sessions_tree_started", "sessions_branch_started"):
            conn.execute(f"DROP INDEX {index}")
    for later in range(version + 1, SCHEMA_VERSION + 1):
        for column in added[later]:
            conn.execute(f"ALTER TABLE sessions DROP COLUMN {column}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def test_records_made_before_their_origin_was_kept_read_with_it_empty_and_upgrade(
    private_data: Path,
) -> None:
    there = replace(WEEK[1], library="Northfield Libraries", branch="Main", desk="ref-1")
    with Store.open() as db:
        db.put_all([there, WEEK[4]])
    _as_schema(private_data / "sessions.db", 2)
    with Store.open(readonly=True) as db:
        found = db.get(there.id)
        assert db.version() == 2 and found == replace(there, library="", branch="", desk="")
    with Store.open() as db:
        assert db.version() == SCHEMA_VERSION
        db.put(there)
        assert db.get(there.id) == there and db.get(WEEK[4].id) == WEEK[4]


def test_this_desks_own_fallback_file_stays_resumable_once_loaded(tmp_path: Path) -> None:
    unfinished = WEEK[8]
    pending = tmp_path / "sessions-pending.jsonl"
    pending.write_text(codec.to_line(unfinished) + "\n", encoding="utf-8")
    with Store.open() as db:
        exchange.import_file(db, pending, [], imported=False)
        assert db.latest_unfinished() == unfinished
