"""A tree drawn in the terminal, for a trainer reviewing it or staff learning it.

Each node is drawn once, under the first node found leading to it; other links to
it say "see" and its id. Every kind is a word in brackets ([ASK], [ADMIN], [ESCALATE], [URGENT],
[GOTO]) so the picture reads the same on a monochrome screen, printed, or aloud.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from troubleshoot.text import one_line
from troubleshoot.tree.model import Escalate, Goto, Node, Question, Refer, Resolved, Say, Step, Tree
from troubleshoot.tree.render import edges, main_text, walk_order

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text
    from rich.tree import Tree as RichTree

STYLES = {
    "ASK": "bold cyan",
    "STEP": "bold",
    "ADMIN": "bold magenta",
    "SAY": "bold",
    "GOTO": "bold blue",
    "RESOLVED": "bold green",
    "REFER": "bold blue",
    "ESCALATE": "bold yellow",
    "URGENT": "bold red",
    "MISSING": "bold red",
}


def _tags(node: Node) -> list[str]:
    if isinstance(node, Question):
        return ["ASK"]
    if isinstance(node, Step):
        return ["ADMIN", "STEP"] if node.admin else ["STEP"]
    if isinstance(node, Say):
        return ["SAY"]
    if isinstance(node, Goto):
        return ["GOTO"]
    if isinstance(node, Resolved):
        return ["RESOLVED"]
    if isinstance(node, Refer):
        return ["REFER"]
    return ["ESCALATE", "URGENT"] if node.urgent else ["ESCALATE"]


def _label(node: Node | None, node_id: str, via: str, titles: Mapping[str, str]) -> Text:
    from rich.text import Text

    label = Text()
    if via:
        label.append(one_line(via), style="italic")
        label.append(" → ")
    if node is None:
        label.append("[MISSING]", style=STYLES["MISSING"])
        label.append(f" no node '{one_line(node_id)}'")
        return label
    for tag in _tags(node):
        label.append(f"[{tag}]", style=STYLES[tag])
        label.append(" ")
    label.append(f"{node_id}: ", style="dim")
    label.append(one_line(main_text(node)))
    if isinstance(node, Goto) and node.tree in titles:
        label.append(f" ({one_line(titles[node.tree])})")
    if isinstance(node, Step):
        extras = [f"about {node.minutes} min"]
        if node.policy:
            extras.append(f"policy {one_line(node.policy)}")
        label.append(f" ({', '.join(extras)})", style="dim")
        if node.admin:
            label.append("\nIT must: ", style="bold")
            label.append(one_line(node.admin))
    if isinstance(node, Escalate) and node.workaround:
        label.append("\nOffer the patron: ", style="bold")
        label.append(one_line(node.workaround))
    if isinstance(node, Refer) and node.bring:
        label.append("\nThe patron should bring or ask: ", style="bold")
        label.append(one_line(node.bring))
    note = "" if isinstance(node, Goto) else node.note
    if note:
        label.append("\nFor staff: ", style="bold")
        label.append(one_line(note))
    return label


def tree_view(tree: Tree, titles: Mapping[str, str] | None = None) -> RenderableType:
    """The whole tree as a rich renderable: a header, then the nodes from the start."""
    from rich.text import Text
    from rich.tree import Tree as RichTree

    titles = titles or {}
    claimed: set[str] = set()

    def grow(branch: RichTree, node_id: str) -> None:
        # A stack, not recursion: a long chain of nodes must not exhaust Python's stack.
        claimed.add(node_id)
        stack = [(branch, node_id)]
        while stack:
            branch, node_id = stack.pop()
            pending = []
            for edge in edges(tree.nodes[node_id]):
                target = tree.nodes.get(edge.target)
                if target is not None and edge.target in claimed:
                    see = Text()
                    see.append(one_line(edge.label), style="italic")
                    see.append(f" → (see {edge.target})")
                    branch.add(see)
                    continue
                child = branch.add(_label(target, edge.target, edge.label, titles))
                if target is not None:
                    claimed.add(edge.target)
                    pending.append((child, edge.target))
            stack.extend(reversed(pending))

    header = Text()
    header.append(one_line(tree.title), style="bold")
    header.append(f"  ({tree.id})", style="dim")
    header.append(f"\n{one_line(tree.summary)}")
    header.append(
        f"\nTime budget: about {tree.budget.minutes} minutes or {tree.budget.steps} steps",
        style="dim",
    )
    root = RichTree(header, guide_style="dim")
    for node_id in walk_order(tree):
        if node_id in claimed:
            continue
        if node_id != tree.start:
            lost = Text("[UNREACHABLE] ", style="bold red")
            lost.append("no walk gets here")
            branch = root.add(lost).add(_label(tree.nodes[node_id], node_id, "", titles))
        else:
            branch = root.add(_label(tree.nodes[node_id], node_id, "", titles))
        grow(branch, node_id)
    return root
