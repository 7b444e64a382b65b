"""The patron's path through a tree: what a self-help page may show, as values.

Only the nodes :mod:`troubleshoot.tree.patron` says a patron may follow are shown.
Every other way on (an escalation, a referral, a node left without patron text, a goto to
a tree with no page) leads to "Ask at the desk". So a page can hold nothing but
words written for patrons, and a check (``lint/self_help.py``) tells the trainer
where a path was cut short.
"""

from __future__ import annotations

from collections.abc import Callable

from troubleshoot.frozen import frozen
from troubleshoot.tree.model import Goto, Question, Resolved, Say, Step, Tree
from troubleshoot.tree.patron import patron_links, reachable, short_of, shown

#: Where every escalation, referral and staff-only step leads on a page.
DESK = "ask-at-the-desk"


@frozen
class Choice:
    """One link a patron can follow: to a part of this page, another page, or the desk."""

    label: str
    node: str = DESK  # a node of this page, or DESK
    page: str = ""  # another page's short address, when the choice leaves this one


@frozen
class Part:
    """One numbered part of a page: a question, a step, something to know, or an end."""

    id: str
    kind: str  # "ask", "step", "say" or "resolved"
    text: str
    choices: tuple[Choice, ...] = ()


@frozen
class Page:
    tree: str
    short: str  # the page's file is SHORT.html
    title: str
    parts: tuple[Part, ...]
    symptoms: tuple[str, ...] = ()  # the patron's own phrases, for the index's search

    def number(self, node: str) -> int:
        """The part's number as printed (1 is the start), for "go to 3" on paper."""
        return next(i for i, part in enumerate(self.parts, 1) if part.id == node)


NONE_OF_THESE = "None of these"


def page_of(tree: Tree, get_tree: Callable[[str], Tree | None]) -> Page | None:
    """The tree's self-help page, or None when it has none (no ``self_help:``, or a
    start a patron may not see)."""
    order = reachable(tree)
    if tree.self_help is None or not order:
        return None
    parts = []
    for node_id in order:
        node = tree.nodes[node_id]
        assert isinstance(node, (Question, Step, Say, Resolved))  # shown() said so
        choices = [_choice(tree, label, target, get_tree) for label, target in patron_links(node)]
        if isinstance(node, Question):
            choices.append(Choice(NONE_OF_THESE))
        parts.append(Part(node_id, _kind(node), node.patron, tuple(choices)))
    symptoms = tuple(s.text for s in tree.symptoms)
    return Page(tree.id, short_of(tree), tree.self_help.title, tuple(parts), symptoms)


def _kind(node: Question | Step | Say | Resolved) -> str:
    return {Question: "ask", Step: "step", Say: "say", Resolved: "resolved"}[type(node)]


def _choice(tree: Tree, label: str, target: str, get_tree: Callable[[str], Tree | None]) -> Choice:
    node = tree.nodes.get(target)
    if shown(node):
        return Choice(label, target)
    if isinstance(node, Goto):
        other = get_tree(node.tree)
        if other is not None and other.self_help is not None:
            there = node.node or other.self_help.start
            if there in reachable(other):
                return Choice(label, there, short_of(other))
    return Choice(label)
