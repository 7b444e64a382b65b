"""A node from which no end can be reached: every way on goes round a loop for ever.

The loop itself is reported by ``loop``; this names each node that leads only into
one, so a trainer sees every place a walk would be stranded. A goto counts as a way
out (``goto-loop`` looks at where it goes).

Passes::

    a: {step: Restart it., fixed: done, not_fixed: b}
    b: {step: Reseat the cable., fixed: done, not_fixed: a}
    done: {resolved: Working.}

Fails (``first`` can only lead into the ``a``/``b`` loop)::

    first: {say: Look at the screen., next: a}
    a: {step: Restart it., fixed: b, not_fixed: b}
    b: {step: Reseat the cable., fixed: a, not_fixed: a}
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.lint.graph import shape
from troubleshoot.tree.model import Tree

ID = "no-end"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    outside, _loops = shape(tree, ctx.memo).stuck()
    for node_id in outside:
        yield at(
            tree,
            tree.nodes[node_id].pos,
            ID,
            f"node '{node_id}': no end can be reached from here; every way on goes round a loop",
        )
