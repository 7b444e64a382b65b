"""``troubleshoot TREE`` / ``troubleshoot run TREE``: walk one tree.

Words that are not a tree id are what the patron said: staff choose among the best
matches. ``TREE#NODE`` starts partway in, as a symptom pointing deep does.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from troubleshoot.cli import completion
from troubleshoot.errors import Exit


def run(
    tree: Annotated[
        str | None,
        typer.Argument(
            help="Tree id (printer), or what the patron said (it ate my dollar).",
            autocompletion=completion.tree_ids,
        ),
    ] = None,
    plain: Annotated[
        bool, typer.Option("--plain", help="Plain numbered prompts, read line by line.")
    ] = False,
    admin: Annotated[
        bool | None, typer.Option("--admin/--no-admin", help="Admin rights here (default: site).")
    ] = None,
    site_path: Annotated[Path | None, typer.Option("--site", help="Site settings file.")] = None,
    copy: Annotated[bool, typer.Option("--copy", help="Also copy the hand-off.")] = False,
    eml: Annotated[bool, typer.Option("--eml", help="Also write an email draft to IT.")] = False,
    initials: Annotated[
        str, typer.Option("--initials", help="Your initials, kept with the record.")
    ] = "",
) -> int:
    """Walk a tree, one question or step at a time."""
    from troubleshoot.cli import choosing
    from troubleshoot.clock import Clock
    from troubleshoot.handoff import deliver, routing
    from troubleshoot.sessions import recording, records
    from troubleshoot.site import config
    from troubleshoot.tree.catalog import Catalog
    from troubleshoot.ui import out, reasons, session
    from troubleshoot.walk import driver, engine

    initials = records.check_initials(initials)
    setup = config.resolve(site_path)
    if setup.warning:
        out.line(setup.warning, err=True)
    settings = setup.settings
    catalog = Catalog.default(settings.trees)
    clock = Clock.from_env()
    interactive = session.is_interactive(plain)
    if tree is None:
        tree = choosing.every_tree(catalog, interactive)
    words = tree
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
    )
    recorder = recording.recorder_for(
        state,
        loaded.digest,
        initials=initials,
        warn=lambda m: out.line(f"warning: {m}", err=True),
        path=settings.database,
    )
    prompter = reasons.with_reasons(session.prompter(plain), settings.reasons)
    amend = partial(routing.amend, settings)
    write_to = config.handoff_dir(settings)
    result = driver.run(
        catalog, state, prompter, clock.now, recorder=recorder, write_to=write_to, amend=amend
    )
    for said in deliver.deliver(result, settings, copy=copy, eml=eml):
        out.line(said)
    if result.quit and recorder.in_database:
        out.line(f"Kept for later: 'troubleshoot resume {recorder.session.short_id}' continues it.")
    return Exit.OK
