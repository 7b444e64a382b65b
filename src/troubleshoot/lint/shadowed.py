"""The same tree id in two folders: only one file is used, and it may not be this one.

A site folder may replace a bundled tree on purpose; this says which file wins so
that nobody edits the one the desk never sees. Later folders win (bundled trees,
then ``TROUBLESHOOT_TREES`` in order).

Passes: ``printer.yaml`` in one folder only.

Fails (warning): ``trees/printer.yaml`` and ``site/printer.yaml``; the site's wins.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, finding
from troubleshoot.tree.model import Tree

ID = "shadowed"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    mine = None
    for shadow in ctx.shadows:
        if shadow.tree_id != tree.id:
            continue
        mine = mine or _resolved(Path(tree.path))
        if _resolved(shadow.used) == mine:
            message = (
                f"tree id '{tree.id}' is also in {shadow.hidden}; "
                "this file wins, that one is not used"
            )
        elif _resolved(shadow.hidden) == mine:
            message = (
                f"tree id '{tree.id}' is also in {shadow.used}, which wins; this file is not used"
            )
        else:
            continue
        yield finding(tree, 1, 1, ID, message, "warning")


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()
