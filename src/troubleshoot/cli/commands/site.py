"""``troubleshoot site``: show the site settings in force; ``--init`` writes a starter."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from troubleshoot.errors import Exit


def site(
    path: Annotated[
        Path | None, typer.Argument(help="Settings file to show, or to write with --init.")
    ] = None,
    init: Annotated[
        bool, typer.Option("--init", help="Write a commented starter file and print its path.")
    ] = False,
    site_path: Annotated[
        Path | None,
        typer.Option("--site", help="Settings file (default: $TROUBLESHOOT_SITE, then yours)."),
    ] = None,
) -> int:
    """Show this desk's site settings and where each came from."""
    from troubleshoot.clock import Clock
    from troubleshoot.desk import Desk
    from troubleshoot.site import config, locate
    from troubleshoot.ui import out, site_view

    chosen = path or site_path
    if init:
        target = locate.locate(chosen)[0] or locate.user_settings_path()
        written = config.write_starter(target)
        out.line(str(written))
        out.line("Fill it in, then run 'troubleshoot site' to check it.", err=True)
        return Exit.OK
    desk = Desk.resolve(chosen)
    site_view.show(desk, Clock.from_env().now())
    return Exit.ERROR if desk.site.findings else Exit.OK
