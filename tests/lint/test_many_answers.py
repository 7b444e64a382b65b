from __future__ import annotations

from troubleshoot.lint import many_answers

from .common import messages, problems, spot


def tree(count: int) -> str:
    answers = "\n".join(f"      - {{text: 'Branch {i}', next: done}}" for i in range(1, count + 1))
    return f"""
title: T
summary: S
symptoms: [a, b, c]
start: which
nodes:
  which:
    ask: Which branch is the patron at?
    answers:
{answers}
  done: {{resolved: Printed.}}
"""


def test_twelve_answers_pass() -> None:
    assert problems(tree(12), many_answers) == []


def test_thirteen_answers_are_a_warning_at_the_question_naming_it_and_the_count() -> None:
    text = tree(13)
    line, col = spot(text, "ask:")
    assert messages(text, many_answers) == [
        f"t.yaml:{line}:{col}: warning: node 'which': the question has 13 answers; staff "
        "can't scan more than 12 answers, so split the question in two"
    ]
