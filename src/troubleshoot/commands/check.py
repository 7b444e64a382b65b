"""``troubleshoot check PATH...``: load trees and report every problem found."""

from __future__ import annotations

from pathlib import Path

import typer

from troubleshoot.catalog import Catalog, tree_files
from troubleshoot.errors import Exit, Finding
from troubleshoot.lint import Context, run_checks
from troubleshoot.loader import parse_tree
from troubleshoot.ui import out


def check(
    paths: list[Path] = typer.Argument(None, help="Tree files or folders (default: all trees)."),
) -> int:
    """Check trees for mistakes before staff meet them."""
    catalog = Catalog.default()
    # A path that is not a folder is checked as a file, so a typo or a device is reported.
    files = (
        [f for p in paths for f in (tree_files(p) if p.is_dir() else [p])]
        if paths
        else list(catalog.paths.values())
    )
    ctx = Context(tree_ids=frozenset(catalog.ids()), get_tree=catalog.get)
    found: list[Finding] = []
    for path in files:
        tree, problems = parse_tree(path)
        found += problems if tree is None else run_checks(tree, ctx)
    for finding in sorted(found):
        out.line(str(finding))
    errors = sum(f.level == "error" for f in found)
    out.line(f"{len(files)} file(s) checked, {errors} error(s)", err=True)
    return Exit.ERROR if errors else Exit.OK
