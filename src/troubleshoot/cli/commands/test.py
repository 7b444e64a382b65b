"""``troubleshoot test [PATH...]``: run the example walks written in trees."""

from __future__ import annotations

from pathlib import Path

import typer

from troubleshoot.cli import options
from troubleshoot.errors import Exit, Finding, TroubleshootError


def walks(
    paths: list[Path] = typer.Argument(None, help="Tree files or folders (default: all trees)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also list walks that pass."),
    site_path: options.Site = None,
) -> int:
    """Run each tree's example walks and show where any went astray."""
    from troubleshoot.desk import Desk
    from troubleshoot.tree.catalog import tree_files
    from troubleshoot.tree.loader import parse_tree
    from troubleshoot.ui import out
    from troubleshoot.walk.examples import run_tree

    for path in paths or []:
        if not path.exists():
            raise TroubleshootError(f"no such file or folder: {path}", exit_code=Exit.USAGE)
    # Trees beside the ones named are loaded too, so their gotos find each other.
    folders = [p if p.is_dir() else p.parent for p in paths or []]
    catalog = Desk.resolve(site_path, tuple(folders)).catalog
    files = [f for p in paths for f in tree_files(p)] if paths else list(catalog.paths.values())
    if not files:
        raise TroubleshootError("no tree files (*.yaml) found")
    failed = total = broken = 0
    for path in files:
        tree, problems = parse_tree(path)
        if tree is None:
            broken += 1
            for problem in problems:
                out.line(str(problem))
            continue
        if not tree.tests and not tree.scenarios:
            note = "no example walks; add a 'tests:' list (one resolved, one escalated)"
            out.line(str(Finding(tree.path, 1, 1, "warning", "walk", note)))
        for result in run_tree(catalog, tree):
            total += 1
            if not result.passed:
                failed += 1
                out.line(str(result.finding()))
            elif verbose:
                out.line(f"{tree.path}: {result.label}: ok, ended at '{result.reached}'")
    summary = f"{total} walk(s) in {len(files)} file(s), {failed} failed"
    if broken:
        summary += f", {broken} file(s) could not be read"
    out.line(summary, err=True)
    return Exit.ERROR if failed or broken else Exit.OK
