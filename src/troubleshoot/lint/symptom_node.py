"""A symptom that points into the tree at a node that does not exist.

``{text: hold for authentication, node: hold_auth}`` lets staff who typed that
phrase start the walk at ``hold_auth``; a misspelt node would start nowhere.

Passes::

    symptoms:
      - {text: hold for authentication, node: hold_auth}

Fails::

    symptoms:
      - {text: hold for authentication, node: hold_ath}
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.tree.model import Tree
from troubleshoot.tree.reader import did_you_mean

ID = "symptom-node"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    for i, symptom in enumerate(tree.symptoms, 1):
        if symptom.node is not None and symptom.node not in tree.nodes:
            hint = did_you_mean(symptom.node, tree.nodes)
            yield at(
                tree,
                symptom.pos,
                ID,
                f"symptoms[{i}]: node: unknown node '{symptom.node}'{hint}",
            )
