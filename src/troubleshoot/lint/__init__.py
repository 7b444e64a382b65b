"""Checks that keep a trainer's tree from stranding someone at the desk.

One check per module. Each module has an ``ID``, a docstring showing a tree that
passes and one that fails, and a ``check(tree, ctx)`` function yielding findings.
``_registry`` lists them, in the order they run; adding a check means adding it there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import TYPE_CHECKING

from troubleshoot.errors import Finding
from troubleshoot.frozen import field, frozen, mutable
from troubleshoot.privacy import STRICT, CardPattern
from troubleshoot.tree.catalog import Shadow
from troubleshoot.tree.model import DEFAULT_MAX_AGE_DAYS, KNOWN_POLICIES, Pos, Tree

if TYPE_CHECKING:
    from troubleshoot.lint.graph import Shape


@mutable
class Memo:
    """Answers shared between trees during one run, so that cross-tree checks stay linear."""

    # (tree, node) of a goto -> whether following it can ever reach an end
    goto_exits: dict[tuple[str, str], bool] = field(default_factory=dict)
    # (tree, node) of a goto that goes round between trees -> the trees, for the message
    goto_rings: dict[tuple[str, str], str] = field(default_factory=dict)
    # (tree, node) a goto lands on -> whether an end is reachable there, and the gotos
    goto_landings: dict[tuple[str, str], tuple[bool, list[tuple[str, str]]]] = field(
        default_factory=dict
    )
    # id of a tree -> its links, worked out once (a Shape keeps its tree, so ids stay unique)
    shapes: dict[int, Shape] = field(default_factory=dict)
    # tree id -> ids of its nodes that some other tree's goto lands on
    goto_entries: dict[str, set[str]] | None = None


@frozen
class Context:
    """What a check may need beyond the tree itself. Checks never read files or clocks."""

    tree_ids: frozenset[str] = frozenset()  # every tree id a goto may name
    get_tree: Callable[[str], Tree | None] = field(default=lambda _id: None)
    today: dt.date | None = None  # None: the age of ``reviewed`` is not checked
    max_age_days: int = DEFAULT_MAX_AGE_DAYS
    policies: frozenset[str] = KNOWN_POLICIES  # a site may know more
    cards: CardPattern = STRICT  # what the site's card numbers look like
    shadows: tuple[Shadow, ...] = ()  # tree ids found in more than one folder
    memo: Memo = field(default_factory=Memo, compare=False)


def _registry() -> list[ModuleType]:
    from troubleshoot.lint import (
        admin,
        answers,
        budget,
        cannot,
        comment_text,
        dangling,
        escalate,
        facts,
        goto,
        goto_loop,
        invisible,
        loop,
        many_answers,
        mermaid,
        no_end,
        patron_text,
        policy,
        privacy,
        recorded,
        reviewed,
        same_target,
        say_label,
        self_help,
        shadowed,
        symptom_node,
        symptoms,
        test_end,
        unreachable,
    )

    return [
        dangling,
        unreachable,
        answers,
        no_end,
        loop,
        escalate,
        admin,
        same_target,
        symptoms,
        symptom_node,
        shadowed,
        reviewed,
        budget,
        goto,
        goto_loop,
        test_end,
        privacy,
        policy,
        recorded,
        facts,
        cannot,
        say_label,
        many_answers,
        invisible,
        mermaid,
        comment_text,
        self_help,
        patron_text,
    ]


def run_checks(
    tree: Tree, ctx: Context, checks: Iterable[ModuleType] | None = None
) -> list[Finding]:
    found: list[Finding] = []
    for module in checks if checks is not None else _registry():
        found.extend(module.check(tree, ctx))
    return sorted(found)


def finding(
    tree: Tree, line: int, col: int, rule: str, message: str, level: str = "error"
) -> Finding:
    return Finding(tree.path, line, col, level, rule, message)


def at(tree: Tree, where: Pos, rule: str, message: str, level: str = "error") -> Finding:
    """A finding at a model position."""
    return Finding(tree.path, where.line, where.col, level, rule, message)


def key_pos(tree: Tree, *keys: str) -> Pos:
    """Where the first of *keys* present is written, else the top of the file."""
    for key in keys:
        if key in tree.key_pos:
            return tree.key_pos[key]
    return Pos(1, 1)
