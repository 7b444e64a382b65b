"""Records as JSON: nothing lost on the way, nothing odd let in."""

from __future__ import annotations

import json

import pytest

from tests.recorded import desk_trees, walked
from troubleshoot.handoff import content
from troubleshoot.sessions import codec, records
from troubleshoot.tree.catalog import Catalog
from troubleshoot.walk.prompts import AddNote, Back, Cannot, Choose


@pytest.fixture
def trees() -> Catalog:
    return desk_trees()


def test_a_record_survives_the_trip_through_json_unchanged(trees: Catalog) -> None:
    state, session = walked(
        trees, Choose(0), AddNote("toner light on"), Choose(1), Back(), Cannot("no key"), Choose(1)
    )
    assert state.ending is not None
    session = records.close(session, content.build(trees, state, {"Panel message": "Jam"}))
    line = codec.to_line(session)
    assert codec.from_json(json.loads(line)) == session
    assert session.events == state.log
    assert [session.events[i] for i in session.path] == list(state.path)


def test_a_password_in_an_imported_note_is_removed(trees: Catalog) -> None:
    _, session = walked(trees, Choose(0), AddNote("printer stuck"))
    data = codec.to_json(session)
    data["moves"][-1]["text"] = "password is hunter2"
    data["events"][-1]["text"] = "password is hunter2"
    imported = codec.from_json(data)
    assert "hunter2" not in codec.to_line(imported)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": "42"}, "not a UUID"),
        ({"format": "other"}, "not a session record"),
        ({"version": 99}, "version 99"),
        ({"outcome": "exploded"}, "unknown outcome"),
        ({"started": "yesterday"}, "not a date and time"),
        ({"path": [999]}, "points past the events"),
    ],
)
def test_a_bad_record_says_what_is_wrong(
    trees: Catalog, change: dict[str, object], message: str
) -> None:
    _, session = walked(trees, Choose(0))
    with pytest.raises(ValueError, match=message):
        codec.from_json({**codec.to_json(session), **change})
