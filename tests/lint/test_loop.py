from __future__ import annotations

from troubleshoot.lint import loop, no_end

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
start: first
nodes:
  first: {say: Look at the screen., next: restart}
  restart: {step: Restart it., fixed: reseat, not_fixed: reseat}
  reseat: {step: Reseat the cable., fixed: {out}, not_fixed: restart}
  done: {resolved: Working.}
"""


def test_a_loop_with_an_answer_that_leads_out_passes() -> None:
    assert problems(TREE.replace("{out}", "done"), loop, no_end) == []


def test_a_loop_with_no_way_out_is_reported_once_at_its_first_node() -> None:
    text = TREE.replace("{out}", "restart")
    line, col = spot(text, "{step: Restart")
    assert messages(text, loop) == [
        f"t.yaml:{line}:{col}: error: node 'restart': loop with no way out: "
        "restart -> reseat -> restart; no end can be reached from it"
    ]


def test_a_node_that_only_leads_into_such_a_loop_is_reported_as_stranded() -> None:
    text = TREE.replace("{out}", "restart")
    line, col = spot(text, "{say:")
    assert messages(text, no_end) == [
        f"t.yaml:{line}:{col}: error: node 'first': no end can be reached from here; "
        "every way on goes round a loop"
    ]


def test_a_node_that_loops_to_itself_is_a_loop() -> None:
    text = TREE.replace("{out}", "reseat")
    assert problems(text, loop) == [(*spot(text, "{step: Restart"), "loop")]


def test_a_missing_target_is_not_reported_again_as_a_dead_end() -> None:
    text = TREE.replace("{out}", "nowhere")
    assert problems(text, loop, no_end) == []
