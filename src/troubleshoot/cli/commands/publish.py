"""``troubleshoot publish DIR``: the self-help pages for patrons, as a static site."""

from __future__ import annotations

from pathlib import Path

import typer

from troubleshoot.cli import options
from troubleshoot.errors import Exit, TroubleshootError


def publish(
    folder: Path = typer.Argument(..., help="Folder to write the pages into (made if missing)."),
    site_path: options.Site = None,
) -> int:
    """Write self-help pages for patrons: an index and one page per marked tree."""
    from troubleshoot.desk import Desk
    from troubleshoot.publish.site import publish as write_site
    from troubleshoot.ui import out

    desk = Desk.resolve(site_path)
    if desk.warning:  # pages without the desk's contact would send patrons nowhere
        raise TroubleshootError(f"{desk.warning}; no pages were written")
    for warning in desk.warnings:
        out.line(warning, err=True)
    catalog = desk.catalog
    done = write_site(folder, catalog.trees(), catalog.get, desk.settings)
    for page in done.pages:
        out.line(f"{folder / (page.short + '.html')}  {page.title}")
    for name in done.removed:
        out.line(f"removed {folder / name}: its tree is no longer published")
    for name in done.left:
        out.line(
            f"left {folder / name}: no longer published, but changed since it was written;"
            " remove it by hand if it is not wanted",
            err=True,
        )
    out.line(f"{len(done.pages)} page(s) and the index written to {folder}", err=True)
    return Exit.OK
