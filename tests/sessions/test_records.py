"""What a session record keeps, and what it never keeps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import T0, write_tree
from tests.recorded import desk_trees, walked
from troubleshoot.errors import TroubleshootError
from troubleshoot.sessions import codec, records
from troubleshoot.sessions.records import REMOVED, Move
from troubleshoot.tree.catalog import Catalog
from troubleshoot.walk import engine
from troubleshoot.walk.prompts import Cannot, Choose

CARD = "card 21234 56789 0123"


@pytest.fixture
def trees() -> Catalog:
    return desk_trees()


def test_a_card_number_given_as_a_reason_a_step_could_not_be_tried_is_never_kept(
    trees: Catalog,
) -> None:
    # The walk refuses it at once; a record made elsewhere (an import) is scrubbed anyway.
    with pytest.raises(TroubleshootError):
        walked(trees, Choose(0), Cannot(CARD))
    state, session = walked(trees, Choose(0))
    session = records.advance(session, Move(Cannot(CARD), T0), state)
    assert session.moves[-1].action == Cannot(REMOVED)
    assert CARD not in codec.to_line(session)
    assert REMOVED in codec.to_line(session)


@pytest.mark.parametrize(
    ("typed", "kept"), [("ab", "AB"), (" jd ", "JD"), ("", ""), ("Zoë", "ZOË")]
)
def test_initials_are_kept_in_capitals(typed: str, kept: str) -> None:
    assert records.check_initials(typed) == kept


@pytest.mark.parametrize("typed", ["Jane Smith", "abcde", "J.D.", "12"])
def test_anything_longer_than_initials_is_refused(typed: str) -> None:
    with pytest.raises(TroubleshootError, match="not initials"):
        records.check_initials(typed)


def test_since_takes_a_day_or_a_moment() -> None:
    assert records.parse_since("2026-11-23") == dt.date(2026, 11, 23)
    assert records.parse_since("2026-11-23T14:00") == dt.date(2026, 11, 23)
    assert records.parse_since(None) is None
    with pytest.raises(TroubleshootError, match="not a date"):
        records.parse_since("last week")


def test_a_walk_that_ends_at_its_start_is_recorded_with_its_outcome(tmp_path: Path) -> None:
    folder = tmp_path / "trees"
    write_tree(folder, "gone", "title: Gone\nsummary: s\nsymptoms: [x]\nstart: a\nnodes:\n"
               "  a: {goto: missing}\n")  # fmt: skip
    trees = Catalog([folder])
    state = engine.start(trees, "gone", T0)
    assert state.ending is not None
    session = records.begin(state, "d")
    assert (session.outcome, session.end_tree, session.by_staff) == ("escalated", "missing", True)
