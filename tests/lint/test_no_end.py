from __future__ import annotations

from troubleshoot.lint import no_end

from .common import problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
start: a
nodes:
  a: {say: Look at the screen., next: b}
  b: {say: Look again., next: c}
  c: {step: Restart it., fixed: c, not_fixed: {way}}
  out: {goto: other}
"""


def test_a_goto_counts_as_a_way_out_of_the_tree() -> None:
    assert problems(TREE.replace("{way}", "out"), no_end) == []


def test_every_node_before_a_dead_loop_is_reported() -> None:
    text = TREE.replace("{way}", "c")
    assert problems(text, no_end) == [
        (*spot(text, "{say: Look at"), "no-end"),
        (*spot(text, "{say: Look again"), "no-end"),
    ]
