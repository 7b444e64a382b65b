from __future__ import annotations

from troubleshoot.lint import answers

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
start: on
nodes:
  on:
    ask: Is the printer on?
    answers:
      - {text: 'Yes', next: done}
      - {text: {second}, next: it}
  done: {resolved: Printed.}
  it: {escalate: Stuck., workaround: Use the other printer.}
"""


def test_two_different_answers_pass() -> None:
    assert problems(TREE.replace("{second}", "'No'"), answers) == []


def test_two_answers_with_the_same_text_are_reported_at_the_second() -> None:
    text = TREE.replace("{second}", "' yes'")
    line, col = spot(text, "{text: ' yes'")
    assert messages(text, answers) == [
        f"t.yaml:{line}:{col}: error: node 'on': answers[2]: same text as answers[1] ('yes'); "
        "staff could not tell them apart"
    ]


def test_a_question_with_one_answer_is_reported_at_the_node() -> None:
    text = TREE.replace("      - {text: {second}, next: it}\n", "").replace("done}", "it}", 1)
    line, col = spot(text, "ask:")
    assert messages(text, answers) == [
        f"t.yaml:{line}:{col}: error: node 'on': a question needs at least 2 answers (it has 1); "
        "use 'say' or 'step' for one way on"
    ]
