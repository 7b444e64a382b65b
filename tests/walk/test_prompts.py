"""Typed answers: what staff type picks the answer they meant, or nothing at all."""

from __future__ import annotations

import pytest

from troubleshoot.walk.prompts import Ask, match, narrow


def ask(*choices: str, escalates: tuple[bool, ...] = ()) -> Ask:
    return Ask("t", "q", "Question?", "", choices, escalates=escalates)


@pytest.mark.parametrize("typed", ["No", "no", " NO ", '"No"'])
def test_the_whole_answer_typed_out_wins_over_a_longer_one_it_starts(typed: str) -> None:
    assert match(ask("No", "Not sure", "Yes"), typed) == 0


def test_the_whole_answer_wins_even_when_it_escalates_and_is_short() -> None:
    shown = ask("No", "Not sure", escalates=(True, False))
    assert match(shown, "No") == 0
    assert match(ask("Nothing prints", "Not sure", escalates=(True, False)), "Not") is None


@pytest.mark.parametrize(
    "typed", ["Ctrl+Alt+Del worked", "`Ctrl+Alt+Del` worked", "'ctrl+alt+del' WORKED"]
)
def test_backticks_and_quotes_are_not_part_of_an_answer(typed: str) -> None:
    assert match(ask("`Ctrl+Alt+Del` worked", "Nothing worked"), typed) == 0


def test_accents_do_not_stand_between_staff_and_the_answer() -> None:
    assert match(ask("Résumé printing", "Photo printing"), "resume printing") == 0


def test_numbers_past_nine_pick_by_position() -> None:
    shown = ask(*(f"Branch {i}" for i in range(1, 15)))
    assert [match(shown, n) for n in ("1", "9", "10", "12", "14", "15", "0")] == [
        0,
        8,
        9,
        11,
        13,
        None,
        None,
    ]


def test_the_menu_filter_matches_the_start_of_any_word_in_answer_order() -> None:
    answers = ["Their own laptop", "A library PC", "`Ctrl+Alt+Del` worked", "Ébène room"]
    assert narrow(answers, "own lap") == [0]
    assert narrow(answers, "top") == []
    assert narrow(answers, "a") == [1, 2]
    assert narrow(answers, "CTRL alt") == [2]
    assert narrow(answers, "ebe") == [3]
    assert narrow(answers, "  ") == [0, 1, 2, 3]


def test_an_emoji_before_an_answer_and_a_markdown_escape_in_it_are_not_typed() -> None:
    shown = ask("🖨️ Printing or the release station", "B\\&W copies", "🔒 VPN")
    assert match(shown, "Printing or the") == 0
    assert match(shown, "B&W copies") == 1
    assert match(shown, "VPN") == 2
    assert match(shown, "🔒 VPN") == 2
