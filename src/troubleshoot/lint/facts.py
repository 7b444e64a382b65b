"""An escalation that would ask staff for more than six facts for IT.

At an escalation the tool asks the end's own ``collect`` facts, then the tree's, each
once however it is capitalised. Each is a prompt typed while the patron waits; past
six, staff skip them or stop reading, and IT gets less, not more. A walk that staff
stop early asks the tree's own facts alone, so they count too. Ask only what IT
needs and cannot see in the hand-off: the tool records the rest itself.

Passes::

    collect: [PC name and where it is, Exact error message]
    nodes:
      it:
        escalate: Still frozen.
        workaround: Use another PC.
        collect: [What the screen showed]

Fails (warning)::

    collect: [PC name, Error message, Patron moved?, Sign posted?]
    nodes:
      it:
        escalate: Still frozen.
        workaround: Use another PC.
        collect: [Screen, Cables checked?, Restarts tried, Callback number]
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at, key_pos
from troubleshoot.tree.model import Escalate, Tree, merge_facts

ID = "facts"
#: The most fact prompts one escalation may ask.
LIMIT = 6


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    general = merge_facts(tree.collect)
    if len(general) > LIMIT:
        yield at(
            tree,
            key_pos(tree, "collect"),
            ID,
            f"collect: a walk stopped early asks these {len(general)} facts for IT; "
            f"ask at most {LIMIT}",
            "warning",
        )
    for node in tree.nodes.values():
        if not isinstance(node, Escalate):
            continue
        own = len(merge_facts(node.collect))
        total = len(merge_facts(node.collect, tree.collect))
        if total > LIMIT:
            yield at(
                tree,
                node.pos,
                ID,
                f"node '{node.id}': this escalation asks {total} facts for IT ({own} of "
                f"its own, {total - own} more from the tree's collect); ask at most {LIMIT}",
                "warning",
            )
