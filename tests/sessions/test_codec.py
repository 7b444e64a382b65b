"""Records as JSON: nothing lost on the way, nothing odd let in."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest

from tests.recorded import desk_trees, walked
from troubleshoot.frozen import replace
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


def test_where_a_walk_was_done_goes_out_and_comes_back(trees: Catalog) -> None:
    _, session = walked(trees, Choose(0))
    there = replace(session, library="Riverside Library", branch="Main", desk="ref-2")
    data = json.loads(codec.to_line(there))
    assert (data["library"], data["branch"], data["desk"]) == ("Riverside Library", "Main", "ref-2")
    assert codec.from_json(data) == there


def test_a_record_written_before_its_origin_was_kept_still_imports(trees: Catalog) -> None:
    _, session = walked(trees, Choose(0))
    data = json.loads(codec.to_line(session))
    for key in ("library", "branch", "desk"):
        del data[key]  # as earlier versions wrote it
    read = codec.from_json(data)
    assert read == session and (read.library, read.branch, read.desk) == ("", "", "")


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


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '{"format": "troubleshoot-session", "budget": {"minutes": Infinity}}',
            "'Infinity' is not a number a record can hold",
        ),
        ('{"format": "troubleshoot-session", "x": NaN}', "'NaN' is not a number a record can hold"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("{oops", "not JSON (Expecting property name enclosed in double quotes)"),
    ],
    ids=["infinity", "nan", "deep", "broken"],
)
def test_a_line_that_is_not_a_record_says_why(line: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        codec.from_line(line)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"budget": {"minutes": 10**30}}, "'budget: minutes' should be a whole number from 0 to"),
        ({"budget": {"steps": "12"}}, "'budget: steps' should be a whole number"),
        ({"budget": [1]}, "'budget' should be a JSON object"),
        ({"facts": [["one"]]}, "each of 'facts' should be a pair"),
        ({"facts": "Printer: HP 4"}, "'facts' should be a list"),
        ({"moves": [7]}, "each of 'moves' should be a JSON object"),
        ({"handoff": ["not", "one"]}, "'handoff' should be a JSON object"),
        ({"path": [True]}, "'path' should be a whole number"),
        ({"version": True}, "record version True"),
        ({"started": "0001-01-01T00:00:00+05:00"}, "'started': '0001-01-01T00:00:00+05:00' is not"),
    ],
)
def test_a_value_of_the_wrong_kind_is_refused_not_crashed_on(
    trees: Catalog, change: dict[str, object], message: str
) -> None:
    _, session = walked(trees, Choose(0))
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace("+", r"\+")):
        codec.from_json({**codec.to_json(session), **change})


def test_text_that_is_not_unicode_is_refused(trees: Catalog) -> None:
    _, session = walked(trees, Choose(0), AddNote("jam"))
    line = codec.to_line(session).replace('"jam"', '"\\ud800"')
    with pytest.raises(ValueError, match="a lone surrogate"):
        codec.from_line(line)
    paired = codec.to_line(session).replace('"jam"', '"\\ud83d\\udda8"')  # a printer emoji
    assert "\U0001f5a8" in codec.to_line(codec.from_line(paired))


def test_times_with_an_offset_are_read_as_this_desks_local_time(
    trees: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        _, session = walked(trees, Choose(0))
        data = codec.to_json(session)
        data["started"] = "2026-11-23T10:00:00+05:00"
        data["updated"] = "2026-11-23T05:01:00Z"
        data["moves"][0]["at"] = "2026-11-23T05:01:00+00:00"
        read = codec.from_json(data)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert read.started == dt.datetime(2026, 11, 23, 6, 0)  # 05:00 UTC is 06:00 in Paris
    assert read.updated == read.moves[0].at == dt.datetime(2026, 11, 23, 6, 1)
    assert read.started.tzinfo is None


def test_written_lines_escape_what_would_change_how_they_are_shown(trees: Catalog) -> None:
    _, session = walked(trees, Choose(0), AddNote("paid\u202eevil\x85\u2028x"))
    line = codec.to_line(session)
    assert "paid\\u202eevil\\u0085\\u2028x" in line
    assert codec.from_line(line) == session
