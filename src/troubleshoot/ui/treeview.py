"""A tree drawn in the terminal, for a trainer reviewing it or staff learning it.

Each node is drawn once, under the first node found leading to it; other links to
it say "see" and its id. Every kind is a word in brackets ([ASK], [ADMIN], [ESCALATE], [URGENT],
[GOTO]) so the picture reads the same on a monochrome screen, printed, or aloud.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from troubleshoot.text import one_line
from troubleshoot.text.lines import lay_out
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
    _append(label, f"{node_id}:", main_text(node), "dim")
    if isinstance(node, Goto) and node.tree in titles:
        label.append(f" ({one_line(titles[node.tree])})")
    if isinstance(node, Step):
        extras = [f"about {node.minutes} min"]
        if node.policy:
            extras.append(f"policy {one_line(node.policy)}")
        # After a block of lines, on a line of its own: not stuck to the end of code.
        apart = "\n" if "\n" in label.plain else " "
        label.append(f"{apart}({', '.join(extras)})", style="dim")
        if node.admin:
            _append(label, "\nIT must:", node.admin)
    if isinstance(node, Escalate) and node.workaround:
        _append(label, "\nOffer the patron:", node.workaround)
    if isinstance(node, Refer) and node.bring:
        _append(label, "\nThe patron should bring or ask:", node.bring)
    note = "" if isinstance(node, Goto) else node.note
    if note:
        _append(label, "\nFor staff:", note)
    return label


def _append(label: Text, words: str, body: str, style: str = "bold") -> None:
    """*words* in *style*, then tree text in its lines: a numbered list stays a list and
    code stays as typed. Rich wraps the paragraphs to the room each branch has."""
    laid = lay_out(body, None, first=f"{words.lstrip()} ", indent="  ")
    label.append(words, style=style)
    label.append(laid[0][len(words.lstrip()) :])
    for line in laid[1:]:
        label.append("\n" + line)


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
    header.append("\n" + "\n".join(lay_out(tree.summary)))
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
