from __future__ import annotations

from troubleshoot.lint import dangling

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
start: where
nodes:
  where:
    ask: Where from?
    answers:
      - {text: A library PC, next: release}
      - {text: A laptop, next: {target}}
  release:
    step: Release the job.
    fixed: done
    not_fixed: it
  done: {resolved: Printed.}
  it: {escalate: Stuck., workaround: Use the other printer.}
"""


def test_a_tree_whose_links_all_land_passes() -> None:
    assert problems(TREE.replace("{target}", "it"), dangling) == []


def test_dangling_next_is_reported_at_its_line_with_a_suggestion() -> None:
    text = TREE.replace("{target}", "relase")
    line, col = spot(text, "relase}")
    assert messages(text, dangling) == [
        f"t.yaml:{line}:{col}: error: node 'where': answers[2]: unknown target 'relase' "
        "(did you mean 'release'?)"
    ]


def test_dangling_step_result_is_reported_at_the_value() -> None:
    text = TREE.replace("{target}", "it").replace("not_fixed: it", "not_fixed: gone")
    assert problems(text, dangling) == [(*spot(text, "gone"), "dangling")]
