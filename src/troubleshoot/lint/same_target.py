"""A step whose ``fixed`` and ``not_fixed`` go to the same place.

Then "Did that fix it?" changes nothing: usually a copy-and-paste slip.

Passes::

    a: {step: Restart it., fixed: done, not_fixed: it}

Fails::

    a: {step: Restart it., fixed: done, not_fixed: done}
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.tree.model import Step, Tree

ID = "same-target"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    for node in tree.nodes.values():
        if isinstance(node, Step) and node.fixed == node.not_fixed:
            yield at(
                tree,
                node.key_pos.get("not_fixed", node.pos),
                ID,
                f"node '{node.id}': fixed and not_fixed both go to '{node.fixed}'; "
                "the answer would make no difference",
            )
