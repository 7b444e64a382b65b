"""A tree as text for review and printing: Mermaid, Graphviz DOT and a Markdown guide.

The guide itself is in :mod:`troubleshoot.tree.guide`, what every rendering shares
in :mod:`troubleshoot.tree.outline`; both are named here too, for one way in.
Every function here turns a :class:`~troubleshoot.model.Tree` into a string and does
nothing else, so the command that prints them stays thin and tests can check the
text directly. Tree text is untrusted and may hold quotes, brackets, ``#``, HTML or
newlines; each format escapes it its own way so the output always parses and shows
the words as the trainer typed them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from troubleshoot.text.lines import plain
from troubleshoot.tree.guide import md, to_markdown
from troubleshoot.tree.model import Node, Tree
from troubleshoot.tree.outline import (
    STEP_LABELS,
    Edge,
    Look,
    edges,
    look,
    main_text,
    marker,
    missing_targets,
    walk_order,
)

__all__ = [
    "STEP_LABELS",
    "Edge",
    "edges",
    "main_text",
    "marker",
    "md",
    "missing_targets",
    "to_markdown",
    "walk_order",
]

FORMATS = ("mermaid", "dot", "markdown")

#: Diagram labels longer than this are cut, so a review picture stays readable.
LABEL_CHARS = 80
EDGE_CHARS = 40


def short(text: str, limit: int) -> str:
    """*text* on one line, cut to *limit*: a diagram's box has room for no more.

    Lists and code are folded too (a label cannot hold blocks), and Markdown escapes
    show as the plain character, as on the screen.
    """
    text = plain(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- Mermaid -------------------------------------------------------------------------------

_MERMAID_ENTITIES = {
    "#": "#35;",
    '"': "#quot;",
    "&": "#amp;",
    "<": "#lt;",
    ">": "#gt;",
    "`": "#96;",
    "\\": "#92;",
    "|": "#124;",  # ends an edge label
    "%": "#37;",  # '%%{' starts a directive anywhere in the text
}
_MERMAID_SPECIAL = re.compile("[" + re.escape("".join(_MERMAID_ENTITIES)) + "]")


def mermaid_text(text: str, limit: int = LABEL_CHARS) -> str:
    """Text safe inside a quoted Mermaid label: entity codes for anything it reads."""
    return _MERMAID_SPECIAL.sub(lambda m: _MERMAID_ENTITIES[m.group()], short(text, limit))


#: Each look's Mermaid shape, as its opening and closing brackets.
MERMAID_SHAPES: dict[Look, tuple[str, str]] = {
    Look.ASK: ("{", "}"),
    Look.STEP: ("[", "]"),
    Look.ADMIN_STEP: ("[[", "]]"),
    Look.SAY: ("[/", "/]"),
    Look.GOTO: ("[\\", "\\]"),
    Look.RESOLVED: ("([", "])"),
    Look.ESCALATE: ("{{", "}}"),
    Look.URGENT: ("{{", "}}"),
    Look.REFER: ("[(", ")]"),
    Look.MISSING: ("[", "]"),
}


def _mermaid_shape(node: Node | None) -> tuple[str, str]:
    return MERMAID_SHAPES[look(node)]


def _mermaid_id(node_id: str) -> str:
    # A prefix keeps ids such as 'end' or 'graph' from reading as Mermaid words.
    return f"n_{node_id}"


#: Each look's Mermaid class (its colour, beside the shape and the marker word).
MERMAID_CLASSES: dict[Look, str] = {
    Look.ADMIN_STEP: "admin",
    Look.ESCALATE: "escalate",
    Look.URGENT: "urgent",
    Look.RESOLVED: "resolved",
    Look.REFER: "refer",
    Look.MISSING: "missing",
}


def _mermaid_class(node: Node | None) -> str:
    return MERMAID_CLASSES.get(look(node), "")


def to_mermaid(tree: Tree) -> str:
    """A Mermaid flowchart; paste it into a Markdown file or a Mermaid viewer."""
    lines = ["flowchart TD", f"  %% {mermaid_text(tree.title)} ({tree.id})"]
    order = walk_order(tree)
    for node_id in order:
        node = tree.nodes[node_id]
        opening, closing = _mermaid_shape(node)
        label = mermaid_text(f"{marker(node)}: {main_text(node)}")
        lines.append(f'  {_mermaid_id(node_id)}{opening}"{label}"{closing}')
    for target in missing_targets(tree):
        label = mermaid_text(f"MISSING: {target}")
        lines.append(f'  {_mermaid_id(target)}["{label}"]')
    for node_id in order:
        for edge in edges(tree.nodes[node_id]):
            label = mermaid_text(edge.label, EDGE_CHARS)
            lines.append(f'  {_mermaid_id(node_id)} -->|"{label}"| {_mermaid_id(edge.target)}')
    lines += [
        "  classDef admin stroke-width:4px,stroke-dasharray:6 3",
        "  classDef escalate stroke-width:3px",
        "  classDef urgent stroke-width:5px",
        "  classDef resolved stroke-width:2px",
        "  classDef refer stroke-dasharray:8 4",
        "  classDef missing stroke-dasharray:2 2",
    ]
    classes: dict[str, list[str]] = {}
    for node_id in order:
        name = _mermaid_class(tree.nodes[node_id])
        if name:
            classes.setdefault(name, []).append(_mermaid_id(node_id))
    for target in missing_targets(tree):
        classes.setdefault("missing", []).append(_mermaid_id(target))
    for name, ids in classes.items():
        lines.append(f"  class {','.join(ids)} {name}")
    return "\n".join(lines) + "\n"


# -- DOT -----------------------------------------------------------------------------------


def dot_text(text: str, limit: int = LABEL_CHARS) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, always one line."""
    body = short(text, limit).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{body}"'


#: Each look's Graphviz attributes.
DOT_ATTRS: dict[Look, str] = {
    Look.ASK: "shape=diamond",
    Look.STEP: "shape=box",
    Look.ADMIN_STEP: "shape=box, peripheries=2, style=bold",
    Look.SAY: "shape=note",
    Look.GOTO: "shape=cds",
    Look.RESOLVED: "shape=oval",
    Look.ESCALATE: "shape=octagon, style=bold",
    Look.URGENT: "shape=octagon, style=bold, peripheries=3",
    Look.REFER: "shape=house",
    Look.MISSING: "shape=box, style=dashed",
}


def _dot_attrs(node: Node | None) -> str:
    return DOT_ATTRS[look(node)]


def to_dot(tree: Tree) -> str:
    """A Graphviz digraph: ``dot -Tpdf printer.dot -o printer.pdf`` makes a page."""
    lines = [
        f"digraph {dot_text(tree.id)} {{",
        f"  label={dot_text(tree.title)};",
        "  labelloc=t;",
        '  node [fontname="Helvetica"];',
    ]
    order = walk_order(tree)
    for node_id in order:
        node = tree.nodes[node_id]
        label = dot_text(f"{marker(node)}: {main_text(node)}")
        lines.append(f"  {dot_text(node_id)} [label={label}, {_dot_attrs(node)}];")
    for target in missing_targets(tree):
        label = dot_text(f"MISSING: {target}")
        lines.append(f"  {dot_text(target)} [label={label}, {_dot_attrs(None)}];")
    for node_id in order:
        for edge in edges(tree.nodes[node_id]):
            label = dot_text(edge.label, EDGE_CHARS)
            lines.append(f"  {dot_text(node_id)} -> {dot_text(edge.target)} [label={label}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render(tree: Tree, fmt: str, titles: Mapping[str, str] | None = None) -> str:
    if fmt == "mermaid":
        return to_mermaid(tree)
    if fmt == "dot":
        return to_dot(tree)
    if fmt == "markdown":
        return to_markdown(tree, titles)
    raise ValueError(f"unknown format {fmt!r}")
