"""The same behaviour from both stores: the desk's SQLite file and a shared PostgreSQL.

Each test here runs once per engine. The PostgreSQL runs use a throwaway server
the tests start themselves, and skip with one line on a machine without one.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.sessions.test_figures import MONDAY, WEEK
from troubleshoot.errors import TroubleshootError
from troubleshoot.frozen import replace
from troubleshoot.sessions import codec, exchange
from troubleshoot.sessions.storage import SessionStore
from troubleshoot.sessions.store import Store

Opener = Callable[[], SessionStore]


@pytest.fixture(params=["sqlite", "postgresql"])
def open_store(request: pytest.FixtureRequest, private_data: Path) -> Iterator[Opener]:
    """Opens a new connection to one empty store of the engine under test."""
    if request.param == "sqlite":
        yield lambda: Store.open()
        return
    from troubleshoot.sessions.pgstore import PgStore

    url: str = request.getfixturevalue("postgres_url")
    yield lambda: PgStore.open(url)


def test_a_whole_session_comes_back_as_it_was_put(open_store: Opener) -> None:
    there = replace(WEEK[2], library="Riverside Library", branch="Main", desk="ref-2")
    with open_store() as db:
        db.put(there)
    with open_store() as db:
        assert db.get(there.id) == there and db.count() == 1
        assert isinstance(db, SessionStore)


def test_a_walk_written_as_it_goes_reads_back_whole(open_store: Opener) -> None:
    full = WEEK[6]
    with open_store() as db:
        first = replace(full, moves=full.moves[:1], events=full.events[:2], handoff=None)
        db.save(first)
        db.save(full, moves_from=1, events_from=2)
    with open_store() as db:
        assert db.get(full.id) == full


def test_a_session_is_found_by_the_first_characters_of_its_id(open_store: Opener) -> None:
    first = replace(WEEK[1], id="abcd1111-0000-4000-8000-000000000001")
    second = replace(WEEK[2], id="abcd2222-0000-4000-8000-000000000002")
    with open_store() as db:
        db.put_all([first, second])
        found = db.get("ABCD2")
        assert found is not None and found.id == second.id
        assert db.get("abc") is None
        assert db.get("abcd_") is None  # a wildcard is a plain character in an id
        with pytest.raises(TroubleshootError, match="more than one session starts with 'abcd'"):
            db.get("abcd")


def test_sessions_are_listed_in_start_order_and_filtered_alike(open_store: Opener) -> None:
    with open_store() as db:
        db.put_all(WEEK)
        everything = db.sessions()
        assert [s.id for s in everything] == [
            s.id for s in sorted(WEEK, key=lambda s: (s.started, s.id)) if s.moves or s.outcome
        ]
        assert everything == sorted(everything, key=lambda s: (s.started, s.id))
        assert all(s.started.date() >= MONDAY for s in db.sessions(since=MONDAY))
        assert {s.tree for s in db.sessions(tree="other")} == {"other"}
        assert all(s.outcome == "resolved" for s in db.sessions(outcome="resolved"))
        assert all(not s.closed for s in db.sessions(outcome="unfinished"))
        brief = db.sessions(full=False)
        assert [s.id for s in brief] == [s.id for s in everything]
        assert all(not s.moves and not s.events for s in brief)


def test_the_latest_unfinished_walk_is_the_one_resumed_and_never_an_imported_one(
    open_store: Opener,
) -> None:
    with open_store() as db:
        db.put_all(WEEK)
        latest = db.latest_unfinished()
        assert latest is not None and not latest.closed
        db.put_all([latest], imported=True)
        after = db.latest_unfinished()
        assert after is None or after.id != latest.id
        assert latest.id not in {s.id for s in db.sessions(unfinished=True)}


def test_importing_the_same_file_twice_keeps_one_copy_of_each(
    open_store: Opener, tmp_path: Path
) -> None:
    export = tmp_path / "week.jsonl"
    export.write_text("".join(codec.to_line(s) + "\n" for s in WEEK), encoding="utf-8")
    with open_store() as db:
        first = exchange.import_file(db, export, [])
        second = exchange.import_file(db, export, [])
        assert (first.added, second.added, second.unchanged) == (len(WEEK), 0, len(WEEK))
        assert db.count() == len(WEEK)
        assert db.completeness([WEEK[0].id]) == {WEEK[0].id: WEEK[0].completeness()}


def test_many_sessions_in_one_write_are_all_kept(open_store: Opener) -> None:
    batch = [
        replace(WEEK[n % len(WEEK)], id=str(uuid.UUID(int=n + 1, version=4))) for n in range(600)
    ]
    with open_store() as db:
        db.put_all(batch)
        held = db.completeness([s.id for s in batch])
        assert len(held) == 600 and db.count() == 600


def test_messages_name_the_server_and_database_never_the_password() -> None:
    from troubleshoot.sessions.pgstore import where

    assert where("postgresql://desk:s3cret@db.example.org:5433/records") == (
        "db.example.org:5433/records"
    )
    assert where("postgresql://desk@/records?host=/run/pg") == "local socket/records"
