"""A tree drawn in the terminal, for a trainer reviewing it or staff learning it.

Each node is drawn once, under the first node found leading to it; other links to
it say "see" and its id. Every kind is a word in brackets ([ASK], [ADMIN], [ESCALATE], [URGENT],
[GOTO]) so the picture reads the same on a monochrome screen, printed, or aloud.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from troubleshoot.text import one_line
from troubleshoot.text.lines import lay_out, width_of
from troubleshoot.tree.model import Escalate, Goto, Node, Refer, Step, Tree
from troubleshoot.tree.outline import TAGS, look
from troubleshoot.tree.render import edges, main_text, walk_order

if TYPE_CHECKING:
    from rich.console import Console
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
    return list(TAGS[look(node)])


#: How far rich sets in each level of the drawing ("├── ").
GUIDE = 4
#: Text starts below its label when fewer columns than this are left beside it.
ROOM_BESIDE = 24


def _label(
    node: Node | None, node_id: str, via: str, titles: Mapping[str, str], room: int | None = None
) -> Text:
    """One node's text, its prose wrapped to *room* columns (None: not at all)."""
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
    _append(label, f"{node_id}:", main_text(node), "dim", room)
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
            _append(label, "\nIT must:", node.admin, room=room)
    if isinstance(node, Escalate) and node.workaround:
        _append(label, "\nOffer the patron:", node.workaround, room=room)
    if isinstance(node, Refer) and node.bring:
        _append(label, "\nThe patron should bring or ask:", node.bring, room=room)
    note = "" if isinstance(node, Goto) else node.note
    if note:
        _append(label, "\nFor staff:", note, room=room)
    return label


def _append(
    label: Text, words: str, body: str, style: str = "bold", room: int | None = None
) -> None:
    """*words* in *style*, then tree text in its lines: a numbered list stays a list and
    code stays as typed. Prose is wrapped here to the room its branch has, so that the
    drawing can be printed wide enough for code never to be wrapped or cut."""
    before = "" if words.startswith("\n") else label.plain.rsplit("\n", 1)[-1]
    lead = f"{before}{words.lstrip()} "
    label.append(words, style=style)
    if room is not None and room - width_of(lead) < ROOM_BESIDE:
        # A long answer leading here leaves no room beside it: the text starts below.
        laid = lay_out(body, room, first="  ", indent="  ")
        label.append("\n" + laid[0])
    else:
        laid = lay_out(body, room, first=lead, indent="  ")
        label.append(laid[0][len(lead) - 1 :])
    for line in laid[1:]:
        label.append("\n" + line)


def tree_view(
    tree: Tree, titles: Mapping[str, str] | None = None, width: int | None = None
) -> RichTree:
    """The whole tree as a rich renderable: a header, then the nodes from the start.

    With a *width*, each node's prose is wrapped to what is left of it at its depth.
    """
    from rich.text import Text
    from rich.tree import Tree as RichTree

    titles = titles or {}
    claimed: set[str] = set()

    def grow(branch: RichTree, node_id: str) -> None:
        # A stack, not recursion: a long chain of nodes must not exhaust Python's stack.
        claimed.add(node_id)
        stack = [(branch, node_id, 2)]
        while stack:
            branch, node_id, depth = stack.pop()
            room = None if width is None else max(20, width - GUIDE * depth)
            pending = []
            for edge in edges(tree.nodes[node_id]):
                target = tree.nodes.get(edge.target)
                if target is not None and edge.target in claimed:
                    see = Text()
                    see.append(one_line(edge.label), style="italic")
                    see.append(f" → (see {edge.target})")
                    branch.add(see)
                    continue
                child = branch.add(_label(target, edge.target, edge.label, titles, room))
                if target is not None:
                    claimed.add(edge.target)
                    pending.append((child, edge.target, depth + 1))
            stack.extend(reversed(pending))

    header = Text()
    header.append(one_line(tree.title), style="bold")
    header.append(f"  ({tree.id})", style="dim")
    header.append("\n" + "\n".join(lay_out(tree.summary, width)))
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
            room = None if width is None else max(20, width - 2 * GUIDE)
            branch = root.add(lost).add(_label(tree.nodes[node_id], node_id, "", titles, room))
        else:
            room = None if width is None else max(20, width - GUIDE)
            branch = root.add(_label(tree.nodes[node_id], node_id, "", titles, room))
        grow(branch, node_id)
    return root


def drawing_width(view: RichTree) -> int:
    """The columns the drawing needs so that no line of it is wrapped or cut."""
    from rich.cells import cell_len
    from rich.text import Text

    widest = 0
    stack = [(view, 0)]
    while stack:
        branch, depth = stack.pop()
        label = branch.label
        if isinstance(label, Text):
            lines = label.plain.split("\n")
            widest = max(widest, *(GUIDE * depth + cell_len(line) for line in lines))
        stack.extend((child, depth + 1) for child in branch.children)
    return widest


def print_tree(console: Console, tree: Tree, titles: Mapping[str, str] | None = None) -> None:
    """Draw *tree* on *console*: prose fits the screen; a command or path in a code block
    is never wrapped or cut, so what is copied from the drawing is what the tree says
    (a terminal shows a line wider than itself on the next row, and copies it whole)."""
    screen = console.width
    view = tree_view(tree, titles, screen)
    console.width = max(screen, drawing_width(view))
    try:
        console.print(view)
    finally:
        console.width = screen
