"""An example walk whose ``end`` names no node.

``troubleshoot test`` runs the walks; this only makes sure each one names a real
node (``node``, or ``tree#node`` for a walk that ends in another tree), so that a
renamed node is caught at once rather than as a puzzling failed walk.

Passes::

    tests:
      - answers: [A library PC, fixed]
        end: done

Fails::

    tests:
      - answers: [A library PC, fixed]
        end: dnoe
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.tree.model import Tree
from troubleshoot.tree.reader import did_you_mean

ID = "test-end"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    walks = [("tests", i, w) for i, w in enumerate(tree.tests, 1)]
    walks += [("scenarios", i, w) for i, w in enumerate(tree.scenarios, 1)]
    for key, i, walk in walks:
        where = f"{key}[{i}]: end: "
        tree_id, _, node_id = walk.end.rpartition("#")
        if not tree_id or tree_id == tree.id:
            if node_id not in tree.nodes:
                hint = did_you_mean(node_id, tree.nodes)
                yield at(tree, walk.pos, ID, f"{where}no node '{node_id}' in this tree{hint}")
            continue
        if tree_id not in ctx.tree_ids:
            hint = did_you_mean(tree_id, ctx.tree_ids)
            yield at(tree, walk.pos, ID, f"{where}no tree called '{tree_id}'{hint}")
            continue
        other = ctx.get_tree(tree_id)
        if other is not None and node_id not in other.nodes:
            hint = did_you_mean(node_id, other.nodes)
            yield at(tree, walk.pos, ID, f"{where}tree '{tree_id}' has no node '{node_id}'{hint}")
