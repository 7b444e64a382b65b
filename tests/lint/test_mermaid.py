from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_tree
from troubleshoot.lint import mermaid
from troubleshoot.tree import mermaid_size
from troubleshoot.tree.render import to_mermaid

from .common import messages, problems, tree_of

HEAD = """
title: T
summary: S
symptoms: [a, b, c]
start: s0
nodes:
"""
TAIL = """  done: {resolved: Works now.}
  it: {escalate: Broken., workaround: Use another.}
"""


def steps(count: int, text: str = "Restart it.") -> str:
    """A chain of *count* steps, each with two links."""
    after = [f"s{i}" for i in range(1, count)] + ["it"]
    rows = [f"  s{i}: {{step: {text}, fixed: done, not_fixed: {after[i]}}}" for i in range(count)]
    return HEAD + "\n".join(rows) + "\n" + TAIL


EDGES_OVER = (
    "the Mermaid chart has 502 links, more than Mermaid's maxEdges of 500, so viewers show an "
    "error instead; split the tree with 'goto', or use --format dot"
)


def test_a_tree_of_a_few_dozen_nodes_passes() -> None:
    assert problems(steps(40), mermaid) == []


def test_a_tree_with_more_links_than_mermaid_draws_is_a_warning() -> None:
    assert messages(steps(251), mermaid) == [f"t.yaml:5:1: warning: {EDGES_OVER}"]


def test_exactly_500_links_pass() -> None:
    assert problems(steps(250), mermaid) == []


def test_a_chart_longer_than_mermaid_draws_is_a_warning() -> None:
    text = steps(200, '\'Press <OK> & "Print" ' + '"<>&|#' * 14 + "'")
    chart = to_mermaid(tree_of(text))
    assert len(chart) > mermaid_size.MAX_TEXT_SIZE
    assert messages(text, mermaid) == [
        f"t.yaml:5:1: warning: the Mermaid chart is {len(chart)} characters, more than "
        "Mermaid's maxTextSize of 50000, so viewers show an error instead; split the tree "
        "with 'goto', or use --format dot"
    ]


@pytest.mark.parametrize("count", [40, 120, 251])
def test_the_quick_estimate_never_says_a_chart_fits_when_it_does_not(count: int) -> None:
    tree = tree_of(steps(count, "'" + '"<&>|#%`\\\\' * 20 + "'"))
    chart = to_mermaid(tree)
    chars, links = mermaid_size._rough_bound(tree)
    assert chars >= mermaid_size._bound(tree) >= len(chart)
    assert links == chart.count(" -->|")


def test_show_warns_on_stderr_about_a_chart_too_big_for_mermaid(cli, tmp_path: Path) -> None:
    path = write_tree(tmp_path, "big", steps(251))
    result = cli(["show", str(path), "--format", "mermaid"])
    assert result.code == 0
    assert result.out.startswith("flowchart TD\n")
    assert result.err == f"{path}:5:1: warning: {EDGES_OVER}\n"


def test_show_says_nothing_more_about_a_chart_that_fits(cli, tmp_path: Path) -> None:
    path = write_tree(tmp_path, "small", steps(3))
    result = cli(["show", str(path), "--format", "mermaid"])
    assert result.code == 0 and result.err == ""
