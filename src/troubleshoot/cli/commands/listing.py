"""``troubleshoot list``: every tree, with its title and summary."""

from __future__ import annotations

from troubleshoot.errors import Exit


def list_trees() -> int:
    """List the trees this desk can walk."""
    from troubleshoot.site import config
    from troubleshoot.tree.catalog import Catalog
    from troubleshoot.ui import out
    from troubleshoot.ui.console import make_console
    from troubleshoot.ui.views import tree_table

    resolved = config.resolve()
    if resolved.warning:
        out.line(resolved.warning, err=True)
    infos, broken = Catalog.default(resolved.settings.trees).infos()
    tree_table(make_console(), infos)
    for problem in broken:
        out.line(f"warning: skipped {problem}", err=True)
    return Exit.OK
