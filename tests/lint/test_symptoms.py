from __future__ import annotations

from troubleshoot.lint import symptoms

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms: {symptoms}
start: a
nodes:
  a: {escalate: Broken., workaround: Use another.}
"""


def test_three_symptoms_pass() -> None:
    assert (
        problems(TREE.replace("{symptoms}", "[nothing came out, jammed, no money]"), symptoms) == []
    )


def test_fewer_than_three_symptoms_is_a_warning() -> None:
    text = TREE.replace("{symptoms}", "[printer broken]")
    line, col = spot(text, "symptoms:")
    assert messages(text, symptoms) == [
        f"t.yaml:{line}:{col}: warning: symptoms: only 1; give at least 3 ways patrons and staff "
        "describe this problem, so that a search finds the tree"
    ]


def test_an_empty_symptom_list_is_an_error() -> None:
    text = TREE.replace("{symptoms}", "[]")
    line, col = spot(text, "symptoms:")
    assert messages(text, symptoms) == [
        f"t.yaml:{line}:{col}: error: symptoms: the list is empty; add the phrases patrons "
        "and staff use for this problem"
    ]
