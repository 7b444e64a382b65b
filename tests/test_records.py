"""What a session record keeps, and what it never keeps."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import T0
from troubleshoot import engine, handoff, records
from troubleshoot.catalog import Catalog
from troubleshoot.engine import AddNote, Back, Cannot, Choose
from troubleshoot.errors import TroubleshootError
from troubleshoot.records import REMOVED, Move, Session

WALKS = Path(__file__).parent / "fixtures" / "walks"
CARD = "card 21234 56789 0123"


@pytest.fixture
def trees() -> Catalog:
    return Catalog([WALKS])


def walked(trees: Catalog, *actions: engine.Action) -> tuple[engine.State, Session]:
    state = engine.start(trees, "desk", T0)
    session = records.begin(state, "abc", initials="JD")
    for minute, action in enumerate(actions, 1):
        now = T0 + dt.timedelta(minutes=minute)
        state = engine.apply(trees, state, action, now)
        session = records.advance(session, Move(action, now), state)
    return state, session


def test_a_record_survives_the_trip_through_json_unchanged(trees: Catalog) -> None:
    state, session = walked(
        trees, Choose(0), AddNote("toner light on"), Choose(1), Back(), Cannot("no key"), Choose(1)
    )
    assert state.ending is not None
    session = records.close(session, handoff.build(trees, state, {"Panel message": "Jam"}))
    line = records.to_line(session)
    assert records.from_json(json.loads(line)) == session
    assert session.events == state.log
    assert [session.events[i] for i in session.path] == list(state.path)


def test_a_card_number_given_as_a_reason_a_step_could_not_be_tried_is_never_kept(
    trees: Catalog,
) -> None:
    state, session = walked(trees, Choose(0), Cannot(CARD))
    assert any(CARD in e.detail for e in state.log)  # the walk itself does not refuse it
    assert session.moves[-1].action == Cannot(REMOVED)
    assert CARD not in records.to_line(session)
    assert REMOVED in records.to_line(session)


def test_a_password_in_an_imported_note_is_removed(trees: Catalog) -> None:
    _, session = walked(trees, Choose(0), AddNote("printer stuck"))
    data = records.to_json(session)
    data["moves"][-1]["text"] = "password is hunter2"
    data["events"][-1]["text"] = "password is hunter2"
    imported = records.from_json(data)
    assert "hunter2" not in records.to_line(imported)


@pytest.mark.parametrize(
    ("typed", "kept"), [("ab", "AB"), (" jd ", "JD"), ("", ""), ("Zoë", "ZOË")]
)
def test_initials_are_kept_in_capitals(typed: str, kept: str) -> None:
    assert records.check_initials(typed) == kept


@pytest.mark.parametrize("typed", ["Jane Smith", "abcde", "J.D.", "12"])
def test_anything_longer_than_initials_is_refused(typed: str) -> None:
    with pytest.raises(TroubleshootError, match="not initials"):
        records.check_initials(typed)


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
        records.from_json({**records.to_json(session), **change})


def test_since_takes_a_day_or_a_moment() -> None:
    assert records.parse_since("2026-11-23") == dt.date(2026, 11, 23)
    assert records.parse_since("2026-11-23T14:00") == dt.date(2026, 11, 23)
    assert records.parse_since(None) is None
    with pytest.raises(TroubleshootError, match="not a date"):
        records.parse_since("last week")
