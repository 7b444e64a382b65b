"""What a tree is, as frozen values. No I/O here.

Every value keeps the position it came from so that a check can point a trainer at
the exact line and column of a problem long after the YAML is gone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping

from troubleshoot.frozen import field, frozen
from troubleshoot.tree import DEFAULT_MAX_AGE_DAYS
from troubleshoot.tree.values import (
    COMMAND_NAMES,
    DEFAULT_STEP_MINUTES,
    KNOWN_POLICIES,
    NOWHERE,
    TOP,
    TREE_ID,
    Budget,
    Pos,
    tree_id_for,
)

# Kept here too: they are part of what a tree is. values.py holds them apart so that
# listing trees and reading site settings need not build every class below.
__all__ = [
    "COMMAND_NAMES",
    "DEFAULT_MAX_AGE_DAYS",
    "DEFAULT_STEP_MINUTES",
    "KNOWN_POLICIES",
    "NOWHERE",
    "TOP",
    "TREE_ID",
    "Budget",
    "Pos",
    "tree_id_for",
]


@frozen
class Answer:
    text: str
    next: str
    pos: Pos = NOWHERE
    next_pos: Pos = NOWHERE
    patron: str = ""  # the answer in a patron's own words, for the self-help page


@frozen
class Question:
    id: str
    ask: str
    answers: tuple[Answer, ...]
    detail: str = ""
    pos: Pos = NOWHERE
    note: str = ""  # for staff only: never told to the patron, never in "Told the patron"
    patron: str = ""  # the question put to a patron reading the self-help page


@frozen
class Step:
    id: str
    step: str
    fixed: str
    not_fixed: str
    detail: str = ""
    minutes: int = DEFAULT_STEP_MINUTES
    cannot: str | None = None
    admin: str | None = None  # what IT must do; present means "needs admin rights"
    no_admin: str | None = None
    policy: str | None = None
    pos: Pos = NOWHERE
    key_pos: Mapping[str, Pos] = field(default_factory=dict)
    note: str = ""
    patron: str = ""  # the step as a patron does it alone, for the self-help page

    @property
    def cannot_target(self) -> str:
        return self.cannot or self.not_fixed


@frozen
class Say:
    """Words for staff to tell the patron; ``note`` is for staff alone."""

    id: str
    say: str
    next: str
    detail: str = ""
    pos: Pos = NOWHERE
    next_pos: Pos = NOWHERE
    note: str = ""
    patron: str = ""


@frozen
class Goto:
    id: str
    tree: str
    node: str | None = None
    pos: Pos = NOWHERE

    @property
    def target(self) -> str:
        return f"{self.tree}#{self.node}" if self.node else self.tree


@frozen
class Resolved:
    id: str
    text: str
    pos: Pos = NOWHERE
    note: str = ""
    patron: str = ""


@frozen
class Escalate:
    id: str
    reason: str
    workaround: str = ""
    urgent: bool = False
    collect: tuple[str, ...] = ()
    pos: Pos = NOWHERE
    note: str = ""


@frozen
class Refer:
    """A problem that belongs to someone other than library IT.

    The patron's own email provider, their employer's IT, a vendor, the circulation
    desk: library IT could do nothing with a ticket, so there is none. Staff tell the
    patron where to go (``tell``) and what to bring or ask (``bring``).
    """

    id: str
    who: str
    tell: str
    bring: str = ""
    collect: tuple[str, ...] = ()
    pos: Pos = NOWHERE
    note: str = ""


Node = Question | Step | Say | Goto | Resolved | Escalate | Refer
#: The kinds of node a walk ends at.
ENDS = (Resolved, Escalate, Refer)


@frozen
class Symptom:
    text: str
    node: str | None = None
    pos: Pos = NOWHERE


@frozen
class WalkTest:
    """An example walk a trainer writes into the tree (``tests:``), or a scenario.

    A scenario (``scenarios:``) is a walk played as a staff member who knows the real
    situation would play it: the patron's own words (which ``find`` must recognise),
    what is really going on, and the answers that follow from it. Practice drills
    draw on them too.
    """

    answers: tuple[str, ...]
    end: str
    admin: bool = False
    pos: Pos = NOWHERE
    name: str = ""
    patron: str = ""  # what the patron says at the desk
    situation: str = ""  # what is really going on, as staff would find out
    forbid: tuple[str, ...] = ()  # site policies that are off for this walk


@frozen
class SelfHelp:
    """The part of a tree a patron may follow alone, published as a self-help page.

    Only nodes with ``patron:`` text are ever shown to a patron; every other way on
    (an escalation, a referral, an admin or policy step, a node left for staff)
    becomes "Ask at the desk". So the staff wording can never leak onto a page: the
    page is built from the patron texts alone.
    """

    title: str  # the problem in the patron's words, on the index of pages
    start: str  # the node a patron starts at
    short: str = ""  # the page's short address; empty: the tree's id
    pos: Pos = NOWHERE
    start_pos: Pos = NOWHERE


@frozen
class CutText:
    """Unquoted text that a `` #`` cut short: YAML read the rest as a comment."""

    pos: Pos  # where the ``#`` is
    where: str  # how the text is named: "node 'kiosk': step"
    kept: str  # what is left of the text


@frozen
class Tree:
    id: str
    path: str
    title: str
    summary: str
    start: str
    nodes: Mapping[str, Node]
    symptoms: tuple[Symptom, ...] = ()
    # Other words for what the tree covers ("wireless", "hotspot"), for find; symptoms stay
    # the patron's own phrases.
    synonyms: tuple[str, ...] = ()
    owner: str = ""
    reviewed: dt.date | None = None
    budget: Budget = field(default_factory=Budget)
    collect: tuple[str, ...] = ()
    workaround: str = ""  # offered when staff stop early, before the tree names the fault
    sources: tuple[str, ...] = ()
    tests: tuple[WalkTest, ...] = ()
    scenarios: tuple[WalkTest, ...] = ()
    digest: str = ""  # sha256 of the file, so records can tell when a tree changed
    pos: Pos = TOP
    key_pos: Mapping[str, Pos] = field(default_factory=dict)
    # Texts a comment cut short, found while reading the file: checks never read files.
    cut_texts: tuple[CutText, ...] = ()
    self_help: SelfHelp | None = None


@frozen
class Link:
    """One edge of the tree: which key of which node points where."""

    label: str  # e.g. "fixed", "answers[2]", "next"
    target: str
    pos: Pos
    answer: int | None = None  # which answer (0-based) of a question leads here


def links(node: Node) -> Iterator[Link]:
    """Every node id this node can lead to inside its own tree."""
    if isinstance(node, Question):
        for i, answer in enumerate(node.answers, 1):
            at = answer.next_pos if answer.next_pos.line else answer.pos
            yield Link(f"answers[{i}]", answer.next, at, answer=i - 1)
    elif isinstance(node, Step):
        for key in ("fixed", "not_fixed", "cannot", "no_admin"):
            target = getattr(node, key)
            if target is not None:
                yield Link(key, target, node.key_pos.get(key, node.pos))
    elif isinstance(node, Say):
        yield Link("next", node.next, node.next_pos if node.next_pos.line else node.pos)


def node_texts(node: Node) -> tuple[str, ...]:
    """Every text a node can show, to staff or patron, for checks and search."""
    if isinstance(node, Question):
        answers = (t for a in node.answers for t in (a.text, a.patron))
        return (node.ask, node.detail, node.note, node.patron, *answers)
    if isinstance(node, Step):
        return (node.step, node.detail, node.note, node.admin or "", node.patron)
    if isinstance(node, Say):
        return (node.say, node.detail, node.note, node.patron)
    if isinstance(node, Resolved):
        return (node.text, node.note, node.patron)
    if isinstance(node, Escalate):
        return (node.reason, node.workaround, node.note, *node.collect)
    if isinstance(node, Refer):
        return (node.who, node.tell, node.bring, node.note, *node.collect)
    return ()


def kind_of(node: Node) -> str:
    """The word trainers write for this kind of node."""
    return {
        Question: "ask",
        Step: "step",
        Say: "say",
        Goto: "goto",
        Resolved: "resolved",
        Escalate: "escalate",
        Refer: "refer",
    }[type(node)]


def merge_facts(*lists: Iterable[str]) -> tuple[str, ...]:
    """The facts an escalation asks, the end's own first, each once (however it is
    capitalised). The walk asks them so, and the ``facts`` check counts them so."""
    seen: dict[str, str] = {}
    for items in lists:
        for item in items:
            seen.setdefault(" ".join(item.casefold().split()), item)
    return tuple(seen.values())
