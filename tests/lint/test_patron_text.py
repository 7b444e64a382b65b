from __future__ import annotations

from troubleshoot.lint import patron_text

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
self_help: {title: Wi-Fi, start: q}
start: q
nodes:
  q:
    ask: What does the patron see?
    patron: What do you see?
    answers:
      - {text: No login page, next: a, patron: There is no login page}
      - {text: Several patrons are offline, next: it}
  a: {step: Ask them to open a page., patron: Open neverssl.com., fixed: done, not_fixed: it}
  done: {resolved: The patron is online., patron: You are online.}
  it: {escalate: Wi-Fi down., workaround: Lend a laptop.}
"""


def test_a_path_with_patron_text_at_every_end_passes() -> None:
    assert problems(TREE, patron_text) == []


def test_an_end_a_patron_reaches_without_patron_text_is_a_warning() -> None:
    text = TREE.replace(
        "{resolved: The patron is online., patron: You are online.}", "{resolved: Online.}"
    )
    line, col = spot(text, "{resolved: Online.}")
    assert messages(text, patron_text) == [
        f"t.yaml:{line}:{col}: warning: node 'done': a patron reaches this end from 'a' on"
        " the self-help page, but it has no patron text, so the page says Ask at the desk there"
    ]


def test_a_question_with_no_patron_answers_is_a_warning() -> None:
    text = TREE.replace(", patron: There is no login page", "")
    line, col = spot(text, "ask: What")
    assert messages(text, patron_text) == [
        f"t.yaml:{line}:{col}: warning: node 'q': a patron is asked this on the self-help page,"
        " but no answer has patron text, so the page offers only None of these"
    ]
