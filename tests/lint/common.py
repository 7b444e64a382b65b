"""A tiny harness for check tests: YAML text in, ``(line, col, rule)`` out."""

from __future__ import annotations

import textwrap
from pathlib import Path
from types import ModuleType

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, run_checks
from troubleshoot.tree.loader import parse_tree
from troubleshoot.tree.model import Tree


def tree_of(text: str, tree_id: str = "t") -> Tree:
    """The tree in *text*; the test fails at once if it does not even load."""
    source = textwrap.dedent(text).lstrip("\n")
    tree, problems = parse_tree(Path(f"{tree_id}.yaml"), source)
    assert tree is not None, "\n".join(map(str, problems))
    return tree


def context(**texts: str) -> Context:
    """Other trees from *texts*, by id (``mobile_printing`` for ``mobile-printing``)."""
    trees = {
        name.replace("_", "-"): tree_of(text, name.replace("_", "-"))
        for name, text in texts.items()
    }
    return Context(tree_ids=frozenset(trees), get_tree=trees.get)


def findings(
    text: str, *checks: ModuleType, ctx: Context | None = None, tree_id: str = "t"
) -> list[Finding]:
    return run_checks(tree_of(text, tree_id), ctx or Context(), checks or None)


def problems(
    text: str, *checks: ModuleType, ctx: Context | None = None, tree_id: str = "t"
) -> list[tuple[int, int, str]]:
    return [(f.line, f.col, f.rule) for f in findings(text, *checks, ctx=ctx, tree_id=tree_id)]


def messages(
    text: str, *checks: ModuleType, ctx: Context | None = None, tree_id: str = "t"
) -> list[str]:
    return [str(f) for f in findings(text, *checks, ctx=ctx, tree_id=tree_id)]


def spot(text: str, snippet: str) -> tuple[int, int]:
    """1-based line and column where *snippet* first appears in the tree text."""
    source = textwrap.dedent(text).lstrip("\n")
    index = source.index(snippet)
    line = source.count("\n", 0, index) + 1
    return line, index - (source.rfind("\n", 0, index) + 1) + 1
