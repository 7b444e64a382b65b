"""``troubleshoot list``: every tree, with its title and summary."""

from __future__ import annotations

from troubleshoot.cli import options


def list_trees(site_path: options.Site = None) -> int:
    """List the trees this desk can walk."""
    from troubleshoot.cli import everyday
    from troubleshoot.desk import Desk

    return everyday.list_trees(Desk.resolve(site_path))
