"""``troubleshoot list``: every tree, with its title and summary."""

from __future__ import annotations

from troubleshoot.cli import options
from troubleshoot.errors import Exit


def list_trees(site_path: options.Site = None) -> int:
    """List the trees this desk can walk."""
    import shutil

    from troubleshoot.desk import Desk
    from troubleshoot.ui import out
    from troubleshoot.ui.tables import table

    desk = Desk.resolve(site_path)
    for warning in desk.warnings:
        out.line(warning, err=True)
    infos, broken = desk.catalog.infos()
    width = shutil.get_terminal_size((100, 24)).columns
    rows = [(t.id, t.title, t.summary) for t in infos]
    for text in table(("id", "title", "summary"), rows, width):
        out.line(text)
    for problem in broken:
        out.line(f"warning: skipped {problem}", err=True)
    return Exit.OK
