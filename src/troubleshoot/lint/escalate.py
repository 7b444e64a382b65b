"""A tree with no escalate end: staff would have no way to hand the problem to IT.

A tree that hands on to another with ``goto`` may rely on that tree's escalations,
so one goto is enough to pass.

Passes::

    nodes:
      a: {step: Restart it., fixed: done, not_fixed: it}
      done: {resolved: Working.}
      it: {escalate: Still broken., workaround: Use another PC.}

Fails::

    nodes:
      a: {step: Restart it., fixed: done, not_fixed: other_pc}
      done: {resolved: Working.}
      other_pc: {resolved: The patron moved to another PC.}
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at, key_pos
from troubleshoot.tree.model import Escalate, Goto, Tree

ID = "no-escalate"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    if not any(isinstance(node, Escalate | Goto) for node in tree.nodes.values()):
        yield at(
            tree,
            key_pos(tree, "nodes"),
            ID,
            "no escalate end: add one so staff can hand the problem to IT",
        )
