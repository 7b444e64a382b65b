"""The walk, driven without a terminal: what staff would see at each point."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR, write_tree
from troubleshoot.handoff import content
from troubleshoot.privacy import PrivacyRefused
from troubleshoot.tree.catalog import Catalog
from troubleshoot.walk import engine, prompts
from troubleshoot.walk.prompts import (
    AddNote,
    Ask,
    Back,
    Cannot,
    Choose,
    Do,
    Done,
    EscalateNow,
    PatronLeft,
    Restart,
    StopGuessing,
    Tell,
)

WALKS = FIXTURE_DIR / "walks"
T0 = dt.datetime(2026, 11, 23, 10, 0)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


@pytest.fixture
def trees() -> Catalog:
    return Catalog([WALKS])


def walk(
    trees: Catalog, *actions: prompts.Action, admin: bool = False, forbidden: tuple[str, ...] = ()
) -> engine.State:
    state = engine.start(trees, "desk", T0, admin=admin, forbidden=forbidden)
    for i, action in enumerate(actions, 1):
        state = engine.apply(trees, state, action, at(i / 10))
    return state


def test_first_prompt_is_the_start_question_with_its_answers(trees: Catalog) -> None:
    shown = engine.prompt(trees, walk(trees))
    assert isinstance(shown, Ask)
    assert shown.text == "Where did the patron print from?"
    assert shown.choices == ("A library PC", "Their own laptop", "Many PCs at once")


def test_answer_then_fixed_step_ends_resolved(trees: Catalog) -> None:
    state = walk(trees, Choose(0))
    shown = engine.prompt(trees, state)
    assert isinstance(shown, Do) and shown.text == "Release the job at the station."
    state = engine.apply(trees, state, Choose(0), at(1))
    assert state.ending is not None
    assert (state.ending.outcome, state.ending.node) == ("resolved", "done")
    assert isinstance(engine.prompt(trees, state), Done)


def test_admin_step_is_skipped_without_rights_and_noted_for_it(trees: Catalog) -> None:
    state = walk(trees, Choose(0), Choose(1), Choose(1))
    assert state.ending is not None and state.ending.node == "stuck"
    skipped = [e for e in state.path if e.kind == "admin_skipped"]
    assert [(e.text, e.detail) for e in skipped] == [
        ("Restart the print spooler.", "Restart the Print Spooler service and clear stuck jobs.")
    ]
    assert any("Needs admin rights" in n.text for n in state.notices)


def test_admin_step_is_offered_with_rights_and_says_what_it_takes(trees: Catalog) -> None:
    state = walk(trees, Choose(0), Choose(1), Choose(1), admin=True)
    shown = engine.prompt(trees, state)
    assert isinstance(shown, Do) and shown.node == "spooler"
    assert shown.admin == "Restart the Print Spooler service and clear stuck jobs."


def test_a_forbidden_policy_step_is_never_shown(trees: Catalog) -> None:
    state = walk(trees, Choose(0), Choose(1), forbidden=("clear_jams",))
    assert state.ending is not None and state.ending.node == "stuck"
    assert [e.node for e in state.path if e.kind == "policy_skipped"] == ["paper"]


def test_escalation_end_carries_its_workaround_and_facts(trees: Catalog) -> None:
    state = walk(trees, Choose(0), Choose(1), Choose(1))
    ending = state.ending
    assert ending is not None
    assert ending.workaround == "Use the printer by the reference desk."
    assert ending.collect == ("Printer name", "Panel message")


def test_many_pcs_goes_straight_to_an_urgent_escalation(trees: Catalog) -> None:
    state = walk(trees, Choose(2))
    assert state.ending is not None and state.ending.urgent


def test_back_across_a_step_and_a_question_restores_the_exact_earlier_state(
    trees: Catalog,
) -> None:
    first = walk(trees)
    second = engine.apply(trees, first, Choose(0), at(1))
    third = engine.apply(trees, second, Choose(1), at(2))
    back_once = engine.apply(trees, third, Back(), at(3))
    back_twice = engine.apply(trees, back_once, Back(), at(4))
    for restored, original in ((back_once, second), (back_twice, first)):
        assert engine.prompt(trees, restored) == engine.prompt(trees, original)
        assert restored.path == original.path
        assert restored.steps == original.steps
        assert restored.node == original.node
    assert [e.kind for e in back_twice.log].count("back") == 2


def test_back_keeps_the_corrected_answer_and_notes_the_correction(trees: Catalog) -> None:
    state = walk(trees, Choose(1), Back(), Choose(0))
    answers = [(e.text, e.value) for e in state.path if e.kind == "answer"]
    assert answers == [("Where did the patron print from?", "A library PC")]
    (back,) = [e for e in state.log if e.kind == "back"]
    assert (back.text, back.value) == ("Where did the patron print from?", "Their own laptop")
    assert content.corrections(state) == (
        "changed 'Where did the patron print from?' from 'Their own laptop' to 'A library PC'",
    )


def test_back_at_the_first_question_says_there_is_nothing_to_go_back_to(trees: Catalog) -> None:
    state = walk(trees, Back())
    assert isinstance(engine.prompt(trees, state), Ask)
    assert "nothing to go back to" in state.notices[0].text


def test_step_budget_offers_to_stop_guessing_with_escalate_first(trees: Catalog) -> None:
    other = Catalog([WALKS])
    state = engine.start(other, "desk", T0, admin=True, budget=engine.Budget(10, 2))
    for action in (Choose(0), Choose(1), Choose(1)):
        state = engine.apply(other, state, action, at(1))
    shown = engine.prompt(other, state)
    assert isinstance(shown, StopGuessing)
    assert shown.choices[0].startswith("Escalate now")
    assert "2 steps" in shown.reason


def test_keep_going_after_a_stop_offer_continues_and_does_not_ask_again(trees: Catalog) -> None:
    state = engine.start(trees, "desk", T0, admin=True, budget=engine.Budget(10, 2))
    for action in (Choose(0), Choose(1), Choose(1), Choose(1)):
        state = engine.apply(trees, state, action, at(1))
    assert isinstance(engine.prompt(trees, state), Do)
    assert [e.kind for e in state.log].count("stop_offered") == 1


def test_time_budget_counts_real_minutes(trees: Catalog) -> None:
    state = engine.start(trees, "desk", T0)
    state = engine.apply(trees, state, Choose(0), at(11))
    shown = engine.prompt(trees, state)
    assert isinstance(shown, StopGuessing) and "11 minutes" in shown.reason


def test_choosing_escalate_at_the_stop_offer_ends_with_a_hand_off(trees: Catalog) -> None:
    state = engine.start(trees, "desk", T0)
    state = engine.apply(trees, state, Choose(0), at(11))
    state = engine.apply(trees, state, Choose(0), at(12))
    assert state.ending is not None and state.ending.outcome == "escalated"
    assert state.ending.text == (
        "Stopped guessing at the step: Release the job at the station. (11 minutes have "
        "passed; the time set for this problem is 10 minutes.)"
    )


def test_a_step_seen_again_after_start_over_is_noticed(trees: Catalog) -> None:
    state = walk(trees, Choose(0), Choose(1), Restart(), Choose(0))
    shown = engine.prompt(trees, state)
    assert isinstance(shown, StopGuessing) and "already tried" in shown.reason


def test_escalate_now_says_where_staff_stopped_in_the_words_on_screen(trees: Catalog) -> None:
    for actions, where in (
        ((), "at the question: Where did the patron print from?"),
        ((Choose(0),), "at the step: Release the job at the station."),
        ((Choose(0), Choose(1)), "at the step: Check the paper tray."),
    ):
        state = walk(trees, *actions, EscalateNow())
        assert state.ending is not None
        assert state.ending.by_staff
        assert state.ending.text == f"Stopped by staff {where}"
        assert state.ending.collect == ("Printer name",)  # the tree's own, general facts


def test_escalate_now_takes_the_reason_staff_typed(trees: Catalog) -> None:
    state = walk(trees, Choose(0), EscalateNow("  patron has a train to catch "))
    assert state.ending is not None
    assert state.ending.text == "patron has a train to catch"


def test_escalate_now_never_borrows_another_ends_facts_or_workaround(trees: Catalog) -> None:
    state = walk(trees, Choose(0), EscalateNow())  # only the stuck-queue end is ahead
    assert state.ending is not None
    assert "Panel message" not in state.ending.collect
    assert state.ending.workaround == engine.OFFER_SOMETHING_ELSE


def test_couldnt_try_follows_not_fixed_and_is_not_counted_as_tried(trees: Catalog) -> None:
    state = walk(trees, Choose(0), Cannot("no key to the cabinet"))
    assert state.node == "paper"
    assert state.steps == 0
    result = next(e for e in state.path if e.kind == "result")
    assert (result.value, result.detail) == ("could not try", "no key to the cabinet")


def test_goto_continues_in_the_other_tree_with_one_transcript_and_one_budget(
    trees: Catalog,
) -> None:
    state = walk(trees, Choose(1))
    shown = engine.prompt(trees, state)
    assert isinstance(shown, Ask) and shown.tree == "other" and shown.node == "check_wifi"
    state = engine.apply(trees, state, Choose(0), at(1))
    assert isinstance(engine.prompt(trees, state), Tell)
    state = engine.apply(trees, state, Choose(0), at(2))
    assert state.ending is not None and state.ending.tree == "other"
    assert state.trees == ("desk", "other")
    assert state.budget == engine.Budget(10, 3)  # the first tree's budget throughout
    assert state.log[0].kind == "start" and state.log[-1].kind == "end"


def test_notes_are_kept_through_back(trees: Catalog) -> None:
    state = walk(trees, Choose(0), AddNote("Panel says E-104"), Back())
    assert [e.text for e in state.log if e.kind == "note"] == ["Panel says E-104"]


@pytest.mark.parametrize("text", ["card 21234000123456", "her password is hunter2", "PIN: 4455"])
def test_a_note_with_a_card_number_or_password_is_refused(trees: Catalog, text: str) -> None:
    state = walk(trees)
    with pytest.raises(PrivacyRefused):
        engine.apply(trees, state, AddNote(text), at(1))


def test_patron_left_ends_the_walk_as_abandoned(trees: Catalog) -> None:
    state = walk(trees, Choose(0), PatronLeft())
    assert state.ending is not None and state.ending.outcome == "abandoned"


@pytest.mark.parametrize(
    ("reply", "expected"),
    [("1", 0), ("3", 2), ("li", 0), ("Their", 1), ("t", None), ("9", None), ("a", None)],
)
def test_answers_are_matched_by_number_or_two_letters(
    trees: Catalog, reply: str, expected: int | None
) -> None:
    shown = engine.prompt(trees, walk(trees))
    assert prompts.match(shown, reply) == expected


def test_a_couldnt_try_reason_with_a_card_number_is_refused(trees: Catalog) -> None:
    state = walk(trees, Choose(0))
    with pytest.raises(PrivacyRefused):
        engine.apply(trees, state, Cannot("patron card 21234000123456 was expired"), at(1))


def test_escalate_now_offers_the_trees_own_general_workaround(tmp_path: Path) -> None:
    path = write_tree(
        tmp_path,
        "kiosk",
        """
        title: Kiosk
        summary: The kiosk.
        symptoms: [kiosk froze]
        workaround: Check the items out at the desk.
        start: q
        nodes:
          q:
            ask: Frozen?
            answers:
              - {text: Yes it is, next: stuck}
              - {text: Not at all, next: ok}
          ok: {resolved: Fine.}
          stuck: {escalate: Frozen., workaround: Restart it later.}
        """,
    )
    trees = Catalog([path.parent])
    state = engine.apply(trees, engine.start(trees, "kiosk", T0), EscalateNow(), T0)
    assert state.ending is not None
    assert state.ending.workaround == "Check the items out at the desk."
