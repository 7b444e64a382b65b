"""A node points to a node that does not exist.

Passes::

    nodes:
      a: {step: Restart it., fixed: done, not_fixed: done_not}

Fails (``relase`` is a typo, so the walk would stop dead there)::

    answers:
      - {text: A library PC, next: relase}
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, finding
from troubleshoot.lint.graph import shape
from troubleshoot.tree.model import Tree, links
from troubleshoot.tree.reader import did_you_mean

ID = "dangling"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    for node_id in sorted(shape(tree, ctx.memo).dangling):
        node = tree.nodes[node_id]
        for link in links(node):
            if link.target not in tree.nodes:
                hint = did_you_mean(link.target, tree.nodes)
                yield finding(
                    tree,
                    link.pos.line,
                    link.pos.col,
                    ID,
                    f"node '{node.id}': {link.label}: unknown target '{link.target}'{hint}",
                )
