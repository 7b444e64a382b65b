from __future__ import annotations

from troubleshoot.lint import goto

from .common import context, messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
start: a
nodes:
  a:
    ask: Where from?
    answers:
      - {text: A laptop, next: laptop}
      - {text: A library PC, next: it}
  laptop:
    goto: {target}
  it: {escalate: Broken., workaround: Use another.}
"""
WIFI = """
title: W
summary: S
symptoms: [a, b, c]
start: portal
nodes:
  portal: {escalate: Portal down., workaround: Use a PC.}
"""


def test_a_goto_to_a_real_tree_and_node_passes() -> None:
    ctx = context(wifi=WIFI)
    assert problems(TREE.replace("{target}", "wifi"), goto, ctx=ctx) == []
    assert problems(TREE.replace("{target}", "wifi#portal"), goto, ctx=ctx) == []


def test_a_goto_to_a_missing_tree_is_reported_with_a_suggestion() -> None:
    text = TREE.replace("{target}", "wify")
    line, col = spot(text, "wify")
    assert messages(text, goto, ctx=context(wifi=WIFI)) == [
        f"t.yaml:{line}:{col}: error: node 'laptop': goto: no tree called 'wify' "
        "(did you mean 'wifi'?)"
    ]


def test_a_goto_to_a_missing_node_is_reported_with_a_suggestion() -> None:
    text = TREE.replace("{target}", "wifi#portl")
    line, col = spot(text, "wifi#")
    assert messages(text, goto, ctx=context(wifi=WIFI)) == [
        f"t.yaml:{line}:{col}: error: node 'laptop': goto: tree 'wifi' has no node 'portl' "
        "(did you mean 'portal'?)"
    ]


def test_a_goto_inside_its_own_tree_is_checked_against_itself() -> None:
    assert problems(TREE.replace("{target}", "t#it"), goto) == []
    assert [r for *_, r in problems(TREE.replace("{target}", "t#nope"), goto)] == ["goto"]
