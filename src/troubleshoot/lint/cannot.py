"""A step that escalates when not fixed, with nowhere to go when it could not be tried.

Without ``cannot:``, a step staff could not try (no key to the tray, the patron had
to leave the PC) goes where "not fixed" goes. When that is an escalation, IT is
told of a fault nobody saw; the hand-off marks it "not confirmed", but the walk
has still skipped whatever would have shown it. A ``cannot:`` route says where to
go instead: the next thing to try, or the escalation again when that is right.
Admin steps are left alone: they are IT's own work, and staff without the rights
never try them (the walk passes them over to ``no_admin``).

Passes::

    a: {step: Restart it., fixed: done, not_fixed: it, cannot: other_pc}

Fails (warning)::

    a: {step: Restart it., fixed: done, not_fixed: it}
    it: {escalate: Still frozen., workaround: Use another PC.}
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.tree.model import Escalate, Step, Tree

ID = "cannot"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    for node in tree.nodes.values():
        if not isinstance(node, Step) or node.admin or node.cannot is not None:
            continue
        if isinstance(tree.nodes.get(node.not_fixed), Escalate):
            yield at(
                tree,
                node.key_pos.get("not_fixed", node.pos),
                ID,
                f"node '{node.id}': not_fixed escalates to '{node.not_fixed}', and so would "
                "a step that could not be tried, as if the fault were seen; add a "
                "'cannot:' route",
                "warning",
            )
