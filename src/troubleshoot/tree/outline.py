"""What a tree says, in the order a walk meets it: shared by every way of showing one.

The terminal drawing, the diagrams and the printed guide all need the same few
facts about a node (its links in plain words, its kind as a word, its main text)
and the same order, so a tree reads alike in each.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

from troubleshoot.frozen import frozen
from troubleshoot.tree.model import (
    Escalate,
    Goto,
    Node,
    Question,
    Refer,
    Resolved,
    Say,
    Step,
    Tree,
    kind_of,
    links,
)

STEP_LABELS = {
    "fixed": "fixed",
    "not_fixed": "not fixed",
    "cannot": "cannot try",
    "no_admin": "no admin rights",
    "next": "next",
}


@frozen
class Edge:
    source: str
    label: str  # what staff answered or what happened, in plain words
    target: str


def edges(node: Node) -> Iterator[Edge]:
    """The node's links with labels a reader understands (answer text, 'fixed'...)."""
    for link in links(node):
        if isinstance(node, Question) and link.answer is not None:
            label = node.answers[link.answer].text
        else:
            label = STEP_LABELS.get(link.label, link.label)
        yield Edge(node.id, label, link.target)


def walk_order(tree: Tree) -> list[str]:
    """Node ids as a walk meets them: depth first from the start, answers in order.

    Nodes no walk can reach come last, in file order, so nothing is ever left out.
    """
    seen: dict[str, None] = {}
    stack = [tree.start] if tree.start in tree.nodes else []
    while stack:
        node_id = stack.pop()
        if node_id in seen or node_id not in tree.nodes:
            continue
        seen[node_id] = None
        targets = [e.target for e in edges(tree.nodes[node_id])]
        stack.extend(reversed(targets))
    for node_id in tree.nodes:
        seen.setdefault(node_id, None)
    return list(seen)


def missing_targets(tree: Tree) -> list[str]:
    """Targets no node answers to (a tree ``check`` would reject, drawn all the same)."""
    found: dict[str, None] = {}
    for node_id in walk_order(tree):
        for edge in edges(tree.nodes[node_id]):
            if edge.target not in tree.nodes:
                found.setdefault(edge.target, None)
    return list(found)


class Look(enum.Enum):
    """How each kind of node is shown: one table for every rendering.

    The drawing, the diagrams and the guide each pick their words and shapes from
    here by the node's look, so a new kind of node is added in one place. An admin
    step and an urgent escalation look different from their plain kinds.
    """

    ASK = "ask"
    STEP = "step"
    ADMIN_STEP = "admin step"
    SAY = "say"
    GOTO = "goto"
    RESOLVED = "resolved"
    ESCALATE = "escalate"
    URGENT = "urgent"
    REFER = "refer"
    MISSING = "missing"  # a link to a node the tree does not have


def look(node: Node | None) -> Look:
    if node is None:
        return Look.MISSING
    if isinstance(node, Step) and node.admin:
        return Look.ADMIN_STEP
    if isinstance(node, Escalate) and node.urgent:
        return Look.URGENT
    return Look(kind_of(node))


#: The words that say what a node is without colour, in the order they are read.
TAGS: dict[Look, tuple[str, ...]] = {
    Look.ASK: ("ASK",),
    Look.STEP: ("STEP",),
    Look.ADMIN_STEP: ("ADMIN", "STEP"),
    Look.SAY: ("SAY",),
    Look.GOTO: ("GOTO",),
    Look.RESOLVED: ("RESOLVED",),
    Look.ESCALATE: ("ESCALATE",),
    Look.URGENT: ("ESCALATE", "URGENT"),
    Look.REFER: ("REFER",),
    Look.MISSING: ("MISSING",),
}


def marker(node: Node) -> str:
    """The word that says what a node is without colour: ASK, ADMIN, ESCALATE URGENT..."""
    seen = look(node)
    return "ADMIN" if seen is Look.ADMIN_STEP else " ".join(TAGS[seen])


def main_text(node: Node) -> str:
    if isinstance(node, Question):
        return node.ask
    if isinstance(node, Step):
        return node.step
    if isinstance(node, Say):
        return node.say
    if isinstance(node, Goto):
        return node.target
    if isinstance(node, Resolved):
        return node.text
    if isinstance(node, Refer):
        return f"{node.who}: {node.tell}"
    return node.reason
