"""``troubleshoot list``: every tree, with its title and summary."""

from __future__ import annotations

from troubleshoot.cli import options
from troubleshoot.errors import Exit


def list_trees(site_path: options.Site = None) -> int:
    """List the trees this desk can walk."""
    from troubleshoot.desk import Desk
    from troubleshoot.ui import out
    from troubleshoot.ui.console import make_console
    from troubleshoot.ui.views import tree_table

    desk = Desk.resolve(site_path)
    for warning in desk.warnings:
        out.line(warning, err=True)
    infos, broken = desk.catalog.infos()
    tree_table(make_console(), infos)
    for problem in broken:
        out.line(f"warning: skipped {problem}", err=True)
    return Exit.OK
