from __future__ import annotations

from troubleshoot.lint import cannot

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
start: a
nodes:
  a: {step: Restart it., fixed: done, not_fixed: {not_fixed}{extra}}
  b: {step: Try another PC., fixed: done, not_fixed: it, cannot: it}
  c:
    step: Reimage it.
    admin: Reimage the PC.
    no_admin: it
    fixed: done
    not_fixed: it
  done: {resolved: Working.}
  it: {escalate: Broken., workaround: Use another.}
"""


def tree(not_fixed: str = "b", extra: str = "") -> str:
    return TREE.replace("{not_fixed}", not_fixed).replace("{extra}", extra)


def test_steps_that_go_on_or_say_where_cannot_goes_pass_and_admin_steps_are_left_alone() -> None:
    assert problems(tree(), cannot) == []
    assert problems(tree("it", ", cannot: b"), cannot) == []
    assert problems(tree("c"), cannot) == []


def test_a_step_that_escalates_when_not_fixed_without_cannot_is_a_warning() -> None:
    text = tree("it")
    line, col = spot(text, "it}")
    assert messages(text, cannot) == [
        f"t.yaml:{line}:{col}: warning: node 'a': not_fixed escalates to 'it', and so would a "
        "step that could not be tried, as if the fault were seen; add a 'cannot:' route"
    ]
