"""A tree not checked against reality for too long.

Systems change under trees: a vendor renames a button, IT moves the print server.
``reviewed`` records when a trainer last walked the tree for real; past the age
given by ``check --max-age DAYS`` (default 365) it is a warning. "Today" comes
from the tool's clock, so ``TROUBLESHOOT_NOW`` fixes it in tests.

Passes (checked on 2026-11-23)::

    reviewed: 2026-06-01

Fails (warning)::

    reviewed: 2024-01-15
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at, key_pos
from troubleshoot.tree.model import Tree

ID = "reviewed"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    if tree.reviewed is None or ctx.today is None:
        return
    age = (ctx.today - tree.reviewed).days
    if age > ctx.max_age_days:
        yield at(
            tree,
            key_pos(tree, "reviewed"),
            ID,
            f"reviewed {tree.reviewed.isoformat()} is {age} days ago (more than "
            f"{ctx.max_age_days}); walk the tree against the real system and update 'reviewed'",
            "warning",
        )
