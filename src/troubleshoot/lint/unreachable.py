"""A node no walk can ever reach.

Usually a leftover from an edit, or a node whose ``next:`` was meant to come from
somewhere and never was; it is dead weight at best, and at worst the fix staff need.
A node counts as reachable from ``start``, from a symptom that points into the tree,
or from another tree's ``goto: this-tree#node``.

Passes::

    start: a
    nodes:
      a: {step: Restart it., fixed: done, not_fixed: done}
      done: {resolved: Working.}

Fails (nothing leads to ``old``)::

    start: a
    nodes:
      a: {step: Restart it., fixed: done, not_fixed: done}
      old: {resolved: Left over.}
      done: {resolved: Working.}
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.lint.graph import reachable, successors
from troubleshoot.model import Goto, Tree

ID = "unreachable"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    graph = successors(tree)
    roots = [tree.start, *(s.node for s in tree.symptoms if s.node)]
    seen = reachable(graph, roots)
    if len(seen) == len(tree.nodes):
        return
    # Only now pay for looking at every other tree: most trees have nothing unreachable.
    entries = goto_entries(ctx).get(tree.id, set())
    seen |= reachable(graph, entries)
    for node_id, node in tree.nodes.items():
        if node_id not in seen:
            yield at(
                tree,
                node.pos,
                ID,
                f"node '{node_id}': cannot be reached from start '{tree.start}' "
                "(no answer, step, symptom or goto leads to it)",
            )


def goto_entries(ctx: Context) -> dict[str, set[str]]:
    """For each tree id, the nodes inside it that some tree's goto names."""
    if ctx.memo.goto_entries is None:
        entries: dict[str, set[str]] = {}
        for tree_id in sorted(ctx.tree_ids):
            other = ctx.get_tree(tree_id)
            for node in other.nodes.values() if other else ():
                if isinstance(node, Goto) and node.node:
                    entries.setdefault(node.tree, set()).add(node.node)
        ctx.memo.goto_entries = entries
    return ctx.memo.goto_entries
