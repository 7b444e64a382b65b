"""Checks that keep a trainer's tree from stranding someone at the desk.

One check per module. Each module has an ``ID``, a docstring showing a tree that
passes and one that fails, and a ``check(tree, ctx)`` function yielding findings.
``CHECKS`` is the registry, in the order they run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import ModuleType

from troubleshoot.errors import Finding
from troubleshoot.model import Tree


@dataclass(frozen=True)
class Context:
    """What a check may need beyond the tree itself."""

    tree_ids: frozenset[str] = frozenset()  # every tree id the tool would load
    get_tree: Callable[[str], Tree | None] = field(default=lambda _id: None)


def _registry() -> list[ModuleType]:
    from troubleshoot.lint import dangling

    return [dangling]


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


def each(*found: Iterable[Finding]) -> Iterator[Finding]:
    for group in found:
        yield from group
