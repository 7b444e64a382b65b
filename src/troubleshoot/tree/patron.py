"""Which nodes of a tree a patron may follow alone, and the ways on between them.

Shared by the self-help pages (which show these nodes and nothing else) and the
checks that tell a trainer where a patron's path is cut short. A node is shown to a
patron only when it has ``patron:`` text and a patron may do it alone: an admin
step or a step behind a site policy is for staff whatever it says.
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.tree.model import Node, Question, Resolved, Say, Step, Tree

#: Labels for a step's ways on, in a patron's words.
WORKED = "That worked"
NOT_WORKED = "That did not work"
CANNOT = "I can't do this"
NEXT = "Next"


def staff_only(node: Node) -> str:
    """Why a node is for staff whatever its text says, or "" when a patron may do it."""
    if isinstance(node, Step) and node.admin:
        return "an admin step"
    if isinstance(node, Step) and node.policy:
        return f"a step behind the site policy '{node.policy}'"
    return ""


def shown(node: Node | None) -> bool:
    """Whether a patron may see this node on a page."""
    if not isinstance(node, (Question, Step, Say, Resolved)):
        return False
    return bool(node.patron) and not staff_only(node)


def patron_links(node: Node) -> Iterator[tuple[str, str]]:
    """The ways on a patron sees from a node: (label, target node)."""
    if isinstance(node, Question):
        for answer in node.answers:
            if answer.patron:
                yield answer.patron, answer.next
    elif isinstance(node, Step):
        yield WORKED, node.fixed
        yield NOT_WORKED, node.not_fixed
        if node.cannot:
            yield CANNOT, node.cannot
    elif isinstance(node, Say):
        yield NEXT, node.next


def reachable(tree: Tree) -> list[str]:
    """The shown nodes a patron can reach from the tree's self-help start, in page order
    (each the first time it is met, breadth first: a page reads from the top)."""
    if tree.self_help is None or not shown(tree.nodes.get(tree.self_help.start)):
        return []
    order = [tree.self_help.start]
    seen = set(order)
    for node_id in order:  # grows as it goes
        for _, target in patron_links(tree.nodes[node_id]):
            if target not in seen and shown(tree.nodes.get(target)):
                seen.add(target)
                order.append(target)
    return order


def short_of(tree: Tree) -> str:
    """The page's short address: the tree's ``self_help: short:``, else its id."""
    helped = tree.self_help
    return (helped.short if helped and helped.short else "") or tree.id
