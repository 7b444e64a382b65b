from __future__ import annotations

import pytest

from troubleshoot.lint import say_label

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
start: a
nodes:
  a: {say: {say}, next: b}
  b: {step: Restart it., fixed: done, not_fixed: it, cannot: it}
  done: {resolved: Tell the patron it works now.}
  it: {escalate: Broken., workaround: Use another.}
  away:
    refer: the patron's email provider
    tell: {tell}
"""


def tree(say: str = "Files on this PC are wiped at restart.", tell: str = "Use the form.") -> str:
    return TREE.replace("{say}", say).replace("{tell}", tell)


def test_words_to_say_pass_and_so_does_an_end_that_says_tell_the_patron() -> None:
    assert problems(tree(), say_label) == []
    assert problems(tree(say="'Patrons who tell us early get help sooner.'"), say_label) == []


def test_a_say_that_begins_tell_the_patron_is_a_warning() -> None:
    text = tree(say="'Tell the patron: files on this PC are wiped.'")
    line, col = spot(text, "{say:")
    assert messages(text, say_label) == [
        f"t.yaml:{line}:{col}: warning: node 'a': say: begins with 'Tell the patron', which "
        "the tool already shows; start with the words to say"
    ]


@pytest.mark.parametrize("said", ["'tell patrons the PCs are down'", "'\"Tell the patron that\"'"])
def test_other_spellings_of_the_label_are_warnings_too(said: str) -> None:
    assert [rule for *_, rule in problems(tree(say=said), say_label)] == ["say-label"]


def test_a_referral_that_tells_the_patron_to_tell_the_patron_is_a_warning() -> None:
    text = tree(tell="Tell the patron to use the form.")
    line, col = spot(text, "refer:")
    assert messages(text, say_label) == [
        f"t.yaml:{line}:{col}: warning: node 'away': tell: begins with 'Tell the patron', "
        "which the tool already shows; start with the words to say"
    ]
