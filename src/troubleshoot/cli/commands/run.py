"""``troubleshoot TREE`` / ``troubleshoot run TREE``: walk one tree.

Words that are not a tree id are what the patron said: staff choose among the best
matches. ``TREE#NODE`` starts partway in, as a symptom pointing deep does.
"""

from __future__ import annotations

from typing import Annotated

import typer

from troubleshoot.cli import completion, options


def run(
    tree: Annotated[
        str | None,
        typer.Argument(
            help="Tree id (printer), or what the patron said (it ate my dollar).",
            autocompletion=completion.tree_ids,
        ),
    ] = None,
    plain: options.Plain = False,
    admin: Annotated[
        bool | None, typer.Option("--admin/--no-admin", help="Admin rights here (default: site).")
    ] = None,
    site_path: options.Site = None,
    copy: options.Copy = False,
    eml: options.Eml = False,
    initials: Annotated[
        str, typer.Option("--initials", help="Your initials, kept with the record.")
    ] = "",
) -> int:
    """Walk a tree, one question or step at a time."""
    from troubleshoot.cli import everyday
    from troubleshoot.desk import Desk

    return everyday.walk(Desk.resolve(site_path), tree, plain, admin, copy, eml, initials)
