"""A node no walk can ever reach.

Usually a leftover from an edit, or a node whose ``next:`` was meant to come from
somewhere and never was; it is dead weight at best, and at worst the fix staff need.
A node counts as reachable from ``start``, from a symptom that points into the tree,
or from another tree's ``goto: this-tree#node``; a misspelt link counts as leading
to the node it was surely meant for (``dangling`` reports the typo itself).

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
from troubleshoot.lint.graph import Graph, reachable, shape
from troubleshoot.tree.model import Goto, Tree, links
from troubleshoot.tree.reader import closest

ID = "unreachable"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    graph = shape(tree, ctx.memo).graph
    roots = [tree.start, *(s.node for s in tree.symptoms if s.node)]
    seen = reachable(graph, roots)
    if len(seen) == len(tree.nodes):
        return
    graph = _with_meant_links(tree, graph)
    seen = reachable(graph, roots)
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


def _with_meant_links(tree: Tree, graph: Graph) -> dict[str, list[str]]:
    """Count a misspelt link as leading to the node it was surely meant for.

    ``dangling`` reports ``next: relase``; saying again that ``release`` and all after
    it cannot be reached would bury that one typo under a screenful of errors.
    """
    guessed = {node_id: list(targets) for node_id, targets in graph.items()}
    for node_id, node in tree.nodes.items():
        for link in links(node):
            if link.target not in tree.nodes:
                meant = closest(link.target, tree.nodes)
                if meant is not None:
                    guessed[node_id].append(meant)
    return guessed


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
