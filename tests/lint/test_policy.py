from __future__ import annotations

from troubleshoot.lint import Context, policy
from troubleshoot.tree.model import KNOWN_POLICIES

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
start: a
nodes:
  a: {step: Clear the jam., policy: {policy}, fixed: done, not_fixed: it}
  done: {resolved: Printed.}
  it: {escalate: Broken., workaround: Use another.}
"""


def test_a_known_policy_passes() -> None:
    assert problems(TREE.replace("{policy}", "clear_jams"), policy) == []


def test_a_misspelt_policy_is_a_warning_with_a_suggestion() -> None:
    text = TREE.replace("{policy}", "clear_jam")
    line, col = spot(text, "clear_jam,")
    assert messages(text, policy) == [
        f"t.yaml:{line}:{col}: warning: node 'a': policy 'clear_jam' is not known "
        "(did you mean 'clear_jams'?)"
    ]


def test_a_policy_a_site_defines_is_known_through_the_context() -> None:
    text = TREE.replace("{policy}", "laminator")
    assert [rule for *_, rule in problems(text, policy)] == ["policy"]
    site = Context(policies=KNOWN_POLICIES | {"laminator"})
    assert problems(text, policy, ctx=site) == []
