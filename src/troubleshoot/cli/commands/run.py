"""``troubleshoot TREE`` / ``troubleshoot run TREE``: walk one tree.

Words that are not a tree id are what the patron said: staff choose among the best
matches. ``TREE#NODE`` starts partway in, as a symptom pointing deep does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from troubleshoot.cli import completion, options
from troubleshoot.errors import Exit

if TYPE_CHECKING:
    from troubleshoot.desk import Desk


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
    from troubleshoot.desk import Desk

    return walk(Desk.resolve(site_path), tree, plain, admin, copy, eml, initials)


def walk(
    desk: Desk,
    words: str | None,
    plain: bool = False,
    admin: bool | None = None,
    copy: bool = False,
    eml: bool = False,
    initials: str = "",
) -> int:
    """Walk the tree *words* name (an id, ``id#node``, or the patron's words) at *desk*."""
    from troubleshoot.cli import choosing, walking
    from troubleshoot.clock import Clock
    from troubleshoot.sessions import recording, records
    from troubleshoot.site import config
    from troubleshoot.ui import out, session
    from troubleshoot.walk import engine

    initials = records.check_initials(initials)
    for warning in desk.warnings:
        out.line(warning, err=True)
    settings, catalog = desk.settings, desk.catalog
    clock = Clock.from_env()
    interactive = session.is_interactive(plain)
    if words is None:
        words = choosing.every_tree(catalog, interactive)
    tree, _, deep = words.partition("#")
    node: str | None = deep or None
    if tree not in catalog.paths:
        tree, node = choosing.by_words(catalog, words, interactive)
    loaded = catalog.load(tree)
    hidden = [shadow.hidden for shadow in catalog.shadows if shadow.tree_id == tree]
    if hidden:
        out.line(f"Using the '{tree}' tree in {catalog.paths[tree]}, not {hidden[0]}.", err=True)
    state = engine.start(
        catalog,
        tree,
        clock.now(),
        node=node,
        admin=settings.admin if admin is None else admin,
        forbidden=settings.forbidden,
        budget=config.budget_for(settings, loaded),
        cards=desk.cards,
    )
    recorder = recording.recorder_for(
        state,
        loaded.digest,
        initials=initials,
        warn=lambda m: out.line(f"warning: {m}", err=True),
        path=desk.database,
        origin=desk.origin,
        server=desk.server,
    )
    prompter = session.prompter(plain)
    walking.at_desk(desk, state, recorder, prompter, clock.now, copy=copy, eml=eml)
    return Exit.OK
