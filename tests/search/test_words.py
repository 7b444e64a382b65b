"""How typed words are brought together before they are compared."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from troubleshoot.search.words import fold, one_edit_apart, raw_words, root, stem, terms, units


@pytest.mark.parametrize(
    "forms",
    [
        ("type", "types", "typed", "typing"),
        ("jam", "jams", "jammed", "jamming"),
        ("copy", "copies", "copied"),
        ("page", "pages", "paging"),
        ("freeze", "freezes", "freezing", "froze", "frozen"),
        ("recognise", "recognised", "recognize", "recognized"),
        ("print", "prints", "printed", "printing"),
    ],
)
def test_forms_of_a_word_meet_at_one_stem(forms: tuple[str, ...]) -> None:
    assert len({stem(form) for form in forms}) == 1


def test_a_spine_label_is_not_a_spinning_circle() -> None:
    assert stem("spine") != stem("spinning")


def test_filler_words_and_apostrophes_leave_only_what_matters() -> None:
    assert terms("It says my Wi-Fi won't connect!") == ["wifi", "wi", "fi", "connect"]


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("RÉSUMÉ", "resume"),
        ("Résumé", "resume"),
        ("naïve café", "naive cafe"),
        ("Straße", "strasse"),
        ("won\u2019t", "wont"),  # a phone's curly apostrophe
        ("isn\u02bct", "isnt"),
        ("Wi\u2011Fi", "wi-fi"),  # a non-breaking hyphen
        ("e\u2013mail", "e-mail"),  # an en dash
        ("pop\u00adup", "popup"),  # a soft hyphen, left by copying from a page
    ],
)
def test_accents_case_apostrophes_and_dashes_fold_away(typed: str, plain: str) -> None:
    assert fold(typed) == plain
    assert terms(typed) == terms(plain)


def test_words_of_other_scripts_are_kept_whole() -> None:
    assert raw_words("Контраст экрана") == ["контраст", "экрана"]


def test_a_hyphenated_word_is_one_unit_of_a_phrase() -> None:
    assert units("the drive says read-only") == [("drive", ()), ("readonly", ("read", "only"))]
    assert terms("read-only") == ["readonly", "read"]


def test_a_doer_shares_the_root_of_what_it_does() -> None:
    assert root(stem("printer")) == stem("print")
    assert root(stem("photocopier")) == stem("photocopy")
    assert root(stem("scanner")) == stem("scan")


@pytest.mark.parametrize(
    ("typed", "meant", "close"),
    [
        ("prnter", "printer", True),  # a letter missing
        ("printter", "printer", True),  # a letter extra
        ("prinder", "printer", True),  # a letter wrong
        ("pritner", "printer", True),  # two letters swapped
        ("pirtner", "printer", False),  # two mistakes
        ("printer", "printer", False),  # no typo at all
    ],
)
def test_one_typo_is_forgiven_two_are_not(typed: str, meant: str, close: bool) -> None:
    assert one_edit_apart(typed, meant) is close
    assert one_edit_apart(meant, typed) is close


@given(st.text("abcdefghij", min_size=2, max_size=12), st.data())
def test_any_single_deletion_is_one_edit_away(word: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(word) - 1))
    shorter = word[:at] + word[at + 1 :]
    assert one_edit_apart(word, shorter)
