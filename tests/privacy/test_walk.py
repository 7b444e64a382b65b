"""The walk checks what staff type against the desk's card pattern, in the form it keeps."""

from __future__ import annotations

import pytest

from tests.conftest import T0
from tests.recorded import desk_trees
from troubleshoot.privacy import CardPattern, PrivacyRefused
from troubleshoot.walk import engine
from troubleshoot.walk.prompts import AddNote, Choose, EscalateNow, GiveFact, Kind

SITE = CardPattern(14, 14, ("2",))


def test_an_item_barcode_note_is_kept_and_a_card_number_refused_by_the_sites_pattern() -> None:
    trees = desk_trees()
    state = engine.start(trees, "desk", T0, cards=SITE)
    state = engine.apply(trees, state, AddNote("Item 31234000567890 on loan"), T0)
    assert state.log[-1].kind == Kind.NOTE
    with pytest.raises(PrivacyRefused):
        engine.apply(trees, state, AddNote("card 2 - 1234 - 00012 - 3456"), T0)
    strict = engine.start(trees, "desk", T0)
    with pytest.raises(PrivacyRefused):
        engine.apply(trees, strict, AddNote("Item 31234000567890 on loan"), T0)


def test_a_fact_is_checked_as_it_will_be_kept_with_its_spaces_joined() -> None:
    trees = desk_trees()
    state = engine.start(trees, "desk", T0, cards=SITE)
    state = engine.apply(trees, state, Choose(2), T0)  # many PCs: an urgent escalation
    with pytest.raises(PrivacyRefused):
        engine.apply(trees, state, GiveFact("2   1234   00012   3456"), T0)
    with pytest.raises(PrivacyRefused):
        engine.apply(trees, state, GiveFact("PIN 4321"), T0)


def test_a_reason_for_stopping_is_checked_too() -> None:
    trees = desk_trees()
    state = engine.start(trees, "desk", T0, cards=SITE)
    with pytest.raises(PrivacyRefused):
        engine.apply(trees, state, EscalateNow("patron said pw hunter2"), T0)
