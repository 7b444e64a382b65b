"""A goto to a tree, or a node in a tree, that does not exist.

The walk would stop with "the guide points to a tree that could not be loaded" in
front of the patron. A goto to a tree that exists but does not load is a warning
here: the fault is in that file, which is reported on its own.

Passes (with ``wifi.yaml`` beside it, holding a node ``portal``)::

    laptop: {goto: wifi#portal}

Fails::

    laptop: {goto: wifi#portl}
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.tree.model import Goto, Tree
from troubleshoot.tree.reader import did_you_mean

ID = "goto"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    for node in tree.nodes.values():
        if not isinstance(node, Goto):
            continue
        where = f"node '{node.id}': goto: "
        if node.tree == tree.id:
            target: Tree | None = tree
        elif node.tree not in ctx.tree_ids:
            hint = did_you_mean(node.tree, ctx.tree_ids)
            yield at(tree, node.pos, ID, f"{where}no tree called '{node.tree}'{hint}")
            continue
        else:
            target = ctx.get_tree(node.tree)
        if target is None:
            yield at(
                tree,
                node.pos,
                ID,
                f"{where}tree '{node.tree}' does not load; check that file",
                "warning",
            )
        elif node.node is not None and node.node not in target.nodes:
            hint = did_you_mean(node.node, target.nodes)
            yield at(
                tree, node.pos, ID, f"{where}tree '{node.tree}' has no node '{node.node}'{hint}"
            )
