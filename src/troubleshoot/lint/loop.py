"""Nodes that lead only to each other: a loop with no way out to an end.

Going round is fine while some answer leads out (the walk offers to stop guessing
when a step comes back); a loop with no exit strands staff in front of the patron.

Passes (``b`` can end the walk)::

    a: {step: Restart it., fixed: done, not_fixed: b}
    b: {step: Reseat the cable., fixed: done, not_fixed: a}
    done: {resolved: Working.}

Fails::

    a: {step: Restart it., fixed: b, not_fixed: b}
    b: {step: Reseat the cable., fixed: a, not_fixed: a}
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.lint.graph import shape
from troubleshoot.tree.model import Tree

ID = "loop"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    _outside, loops = shape(tree, ctx.memo).stuck()
    for cycle in loops:
        yield at(
            tree,
            tree.nodes[cycle[0]].pos,
            ID,
            f"node '{cycle[0]}': loop with no way out: {' -> '.join(cycle)}; "
            "no end can be reached from it",
        )
