"""A step behind a policy switch nobody knows.

A site turns policies off to hide steps it does not allow; a misspelt name would
never match, so the step would show even where it is forbidden. The known names
are the built-in ones plus any a site defines.

Passes::

    a: {step: Clear the jam., policy: clear_jams, fixed: done, not_fixed: it}

Fails (warning)::

    a: {step: Clear the jam., policy: clear_jam, fixed: done, not_fixed: it}
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.tree.model import Step, Tree
from troubleshoot.tree.reader import did_you_mean

ID = "policy"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    for node in tree.nodes.values():
        if isinstance(node, Step) and node.policy and node.policy not in ctx.policies:
            hint = did_you_mean(node.policy, ctx.policies)
            if not hint:
                hint = f" (known: {', '.join(sorted(ctx.policies))})"
            yield at(
                tree,
                node.key_pos.get("policy", node.pos),
                ID,
                f"node '{node.id}': policy '{node.policy}' is not known{hint}",
                "warning",
            )
