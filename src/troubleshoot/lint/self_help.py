"""A patron's self-help path that reaches a node only staff may follow.

An admin step, or a step behind a site policy, is never published, whatever its
``patron:`` text says: the page says "Ask at the desk" there instead. Patron text
on such a node means the trainer thought a patron could do it alone, so the page
would not say what they meant. The same goes for a ``self_help:`` start a patron
may not see: the tree then has no page at all.

Passes::

    self_help: {title: Printing from your phone, start: a}
    nodes:
      a: {step: Ask the patron to join the Wi-Fi., patron: Join the library Wi-Fi.,
          fixed: done, not_fixed: b}
      b: {step: Check the print server., admin: Restart it., no_admin: it,
          fixed: done, not_fixed: it}

Fails (warning)::

      b: {step: Check the print server., patron: Restart the print server., ...}
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.tree.model import Question, Resolved, Say, Step, Tree
from troubleshoot.tree.patron import patron_links, shown, staff_only

ID = "self-help"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    helped = tree.self_help
    if helped is None:
        return
    start = tree.nodes.get(helped.start)
    if start is not None and not shown(start):
        why = staff_only(start) or "a node with no patron text"
        yield at(
            tree,
            helped.start_pos,
            ID,
            f"self_help: start: node '{helped.start}' is {why}, so the tree has no"
            " self-help page; start at a node a patron may follow, with patron text",
            "warning",
        )
        return
    for node_id in _walk(tree, helped.start):
        node = tree.nodes[node_id]
        why = staff_only(node)
        if why:
            yield at(
                tree,
                node.pos,
                ID,
                f"node '{node_id}': a patron path reaches {why}; it is never published"
                " (the page says Ask at the desk there), so its patron text is not shown",
                "warning",
            )


def _walk(tree: Tree, start: str) -> list[str]:
    """Every node with patron text that a patron path reaches, staff-only ones too."""
    order, seen = [start], {start}
    for node_id in order:
        node = tree.nodes[node_id]
        if not shown(node):
            continue  # a staff-only node is where the path stops
        for _, target in patron_links(node):
            there = tree.nodes.get(target)
            if target in seen or not isinstance(there, (Question, Step, Say, Resolved)):
                continue
            if there.patron:
                seen.add(target)
                order.append(target)
    return order
