"""Whether a tree's Mermaid chart is small enough for Mermaid to draw.

Mermaid refuses a chart longer than its ``maxTextSize`` (50,000 characters) or with
more links than its ``maxEdges`` (500), and a viewer then shows an error where the
chart should be. ``show --format mermaid`` warns about the chart it writes, and
``check`` about a tree whose chart would be refused, so a trainer hears of it
before a reviewer opens a broken page.

Drawing the chart takes milliseconds, too long for every tree of a big library on
each ``check``; so cheap upper bounds come first (one that reads no text, then
one that counts what encoding adds to each label), and only a tree that might be
too big is drawn and measured exactly, by the same renderer ``show`` uses.
"""

from __future__ import annotations

from troubleshoot.frozen import frozen
from troubleshoot.tree.model import Node, Question, Say, Step, Tree
from troubleshoot.tree.render import (
    _MERMAID_ENTITIES,
    _MERMAID_SPECIAL,
    EDGE_CHARS,
    LABEL_CHARS,
    edges,
    main_text,
    marker,
    to_mermaid,
)

#: Mermaid's defaults.
MAX_TEXT_SIZE = 50_000
MAX_EDGES = 500

#: The most characters one character of a label becomes (``"`` is ``#quot;``).
_WIDEST = max(len(code) for code in _MERMAID_ENTITIES.values())
#: Room for the chart's first lines, its class definitions and each line's own marks.
_FIXED = 1_000
_PER_LINE = 24


@frozen
class MermaidSize:
    """A chart's length and links, measured once it may be over a limit."""

    chars: int
    edges: int

    @property
    def over(self) -> bool:
        return self.chars > MAX_TEXT_SIZE or self.edges > MAX_EDGES

    def problem(self) -> str:
        """What is over, in one clause, and what to do about it."""
        parts = []
        if self.chars > MAX_TEXT_SIZE:
            parts.append(
                f"is {self.chars} characters, more than Mermaid's maxTextSize of {MAX_TEXT_SIZE}"
            )
        if self.edges > MAX_EDGES:
            parts.append(f"has {self.edges} links, more than Mermaid's maxEdges of {MAX_EDGES}")
        return (
            f"the Mermaid chart {' and '.join(parts)}, so viewers show an error instead; "
            "split the tree with 'goto', or use --format dot"
        )


def _label_bound(text: str, limit: int) -> int:
    """At most how long *text* becomes as a label: cut to *limit*, then encoded."""
    special = len(_MERMAID_SPECIAL.findall(text))
    return limit + (_WIDEST - 1) * min(limit, special)


def _targets(node: Node) -> list[str]:
    """Where the node's links go, as :func:`model.links` has them, built in one go."""
    if isinstance(node, Question):
        return [answer.next for answer in node.answers]
    if isinstance(node, Step):
        return [
            t for t in (node.fixed, node.not_fixed, node.cannot, node.no_admin) if t is not None
        ]
    if isinstance(node, Say):
        return [node.next]
    return []


def _rough_bound(tree: Tree) -> tuple[int, int]:
    """More than the chart's length and links can be, reading no text at all."""
    chars = _FIXED + len(tree.id) + _WIDEST * LABEL_CHARS
    count = 0
    for node_id, node in tree.nodes.items():
        chars += _PER_LINE + 2 * len(node_id) + _WIDEST * LABEL_CHARS
        for target in _targets(node):
            count += 1
            chars += _PER_LINE + len(node_id) + len(target) + _WIDEST * EDGE_CHARS
            if target not in tree.nodes:  # a MISSING box
                chars += _PER_LINE + 2 * len(target) + _WIDEST * LABEL_CHARS
    return chars, count


def _bound(tree: Tree) -> int:
    """More than the chart's length can be, counting what each label's encoding adds."""
    chars = _FIXED + len(tree.id) + _label_bound(tree.title, LABEL_CHARS)
    for node_id, node in tree.nodes.items():
        label = f"{marker(node)}: {main_text(node)}"
        # its own line, its name in a class line, and a MISSING line per unknown target
        chars += _PER_LINE + 2 * len(node_id) + _label_bound(label, LABEL_CHARS)
        for edge in edges(node):
            chars += _PER_LINE + len(node_id) + len(edge.target)
            chars += _label_bound(edge.label, EDGE_CHARS)
            if edge.target not in tree.nodes:
                chars += _PER_LINE + 2 * len(edge.target) + _label_bound(edge.target, LABEL_CHARS)
    return chars


def mermaid_size(tree: Tree, text: str | None = None) -> MermaidSize | None:
    """The chart's size when it is over a limit, else None.

    *text* is the chart when the caller has drawn it already.
    """
    if text is None:
        chars, count = _rough_bound(tree)
        if count <= MAX_EDGES and (chars <= MAX_TEXT_SIZE or _bound(tree) <= MAX_TEXT_SIZE):
            return None
        text = to_mermaid(tree)
    size = MermaidSize(len(text), text.count(" -->|"))
    return size if size.over else None
