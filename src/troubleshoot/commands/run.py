"""``troubleshoot TREE`` / ``troubleshoot run TREE``: walk one tree."""

from __future__ import annotations

import difflib
import sys
from functools import partial
from pathlib import Path
from typing import Annotated, Optional

import typer

from troubleshoot import engine, handoff_out, handoff_route, recording, records, site, walk
from troubleshoot.catalog import Catalog
from troubleshoot.clock import Clock
from troubleshoot.errors import Exit, TroubleshootError
from troubleshoot.ui import out, picker, reasons, session


def unknown_tree(catalog: Catalog, name: str) -> TroubleshootError:
    close = difflib.get_close_matches(name, catalog.ids(), n=3, cutoff=0.5)
    hint = f"; closest: {', '.join(close)}" if close else "; 'troubleshoot list' shows them all"
    return TroubleshootError(f"no tree called '{name}'{hint}", exit_code=Exit.USAGE)


def run(
    tree: Optional[str] = typer.Argument(None, help="Tree id, e.g. printer."),  # noqa: UP045
    plain: bool = typer.Option(False, "--plain", help="Plain numbered prompts, read line by line."),
    admin: Annotated[
        bool | None, typer.Option("--admin/--no-admin", help="Admin rights here (default: site).")
    ] = None,
    site_path: Annotated[Path | None, typer.Option("--site", help="Site settings file.")] = None,
    copy: Annotated[bool, typer.Option("--copy", help="Also copy the hand-off.")] = False,
    eml: Annotated[bool, typer.Option("--eml", help="Also write an email draft to IT.")] = False,
    initials: str = typer.Option("", "--initials", help="Your initials, kept with the record."),
) -> int:
    """Walk a tree, one question or step at a time."""
    initials = records.check_initials(initials)
    setup = site.resolve(site_path)
    if setup.warning:
        out.line(setup.warning, err=True)
    settings = setup.settings
    catalog = Catalog.default(settings.trees)
    clock = Clock.from_env()
    interactive = session.is_interactive(plain)
    if tree is None:
        trees = list(catalog.trees())
        chosen = (
            picker.pick_interactive(trees)
            if interactive
            else picker.pick_plain(trees, sys.stdin, sys.stdout)
        )
        tree = chosen.id
    if tree not in catalog.paths:
        raise unknown_tree(catalog, tree)
    loaded = catalog.load(tree)
    hidden = [shadow.hidden for shadow in catalog.shadows if shadow.tree_id == tree]
    if hidden:
        out.line(f"Using the '{tree}' tree in {catalog.paths[tree]}, not {hidden[0]}.", err=True)
    state = engine.start(
        catalog,
        tree,
        clock.now(),
        admin=settings.admin if admin is None else admin,
        forbidden=settings.forbidden,
        budget=site.budget_for(settings, loaded),
    )
    recorder = recording.recorder_for(
        state, loaded.digest, initials=initials, warn=lambda m: out.line(f"warning: {m}", err=True)
    )
    prompter = reasons.with_reasons(session.prompter(plain), settings.reasons)
    amend = partial(handoff_route.amend, settings)
    write_to = site.handoff_dir(settings)
    result = walk.run(
        catalog, state, prompter, clock.now, recorder=recorder, write_to=write_to, amend=amend
    )
    for said in handoff_out.deliver(result, settings, copy=copy, eml=eml):
        out.line(said)
    if result.quit and recorder.in_database:
        out.line(f"Kept for later: 'troubleshoot resume {recorder.session.short_id}' continues it.")
    return Exit.OK
