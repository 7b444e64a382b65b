from __future__ import annotations

from troubleshoot.lint import symptom_node

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms:
  - nothing came out
  - {text: hold for authentication, node: {node}}
  - jammed
start: a
nodes:
  a: {step: Release the job., fixed: done, not_fixed: it}
  hold_auth: {step: Sign in at the release station., fixed: done, not_fixed: it}
  done: {resolved: Printed.}
  it: {escalate: Broken., workaround: Use another.}
"""


def test_a_symptom_pointing_at_a_real_node_passes() -> None:
    assert problems(TREE.replace("{node}", "hold_auth"), symptom_node) == []


def test_a_symptom_pointing_at_a_missing_node_is_reported_with_a_suggestion() -> None:
    text = TREE.replace("{node}", "hold_ath")
    line, col = spot(text, "{text: hold")
    assert messages(text, symptom_node) == [
        f"t.yaml:{line}:{col}: error: symptoms[2]: node: unknown node 'hold_ath' "
        "(did you mean 'hold_auth'?)"
    ]
