"""``troubleshoot TREE`` / ``troubleshoot run TREE``: walk one tree."""

from __future__ import annotations

import difflib
import sys
from typing import Optional

import typer

from troubleshoot import engine, paths, recording, records, walk
from troubleshoot.catalog import Catalog
from troubleshoot.clock import Clock
from troubleshoot.errors import Exit, TroubleshootError
from troubleshoot.ui import out, picker, session


def unknown_tree(catalog: Catalog, name: str) -> TroubleshootError:
    close = difflib.get_close_matches(name, catalog.ids(), n=3, cutoff=0.5)
    hint = f"; closest: {', '.join(close)}" if close else "; 'troubleshoot list' shows them all"
    return TroubleshootError(f"no tree called '{name}'{hint}", exit_code=Exit.USAGE)


def run(
    tree: Optional[str] = typer.Argument(None, help="Tree id, e.g. printer."),  # noqa: UP045
    plain: bool = typer.Option(False, "--plain", help="Plain numbered prompts, read line by line."),
    admin: bool = typer.Option(False, "--admin", help="I have administrator rights on this PC."),
    initials: str = typer.Option("", "--initials", help="Your initials, kept with the record."),
) -> int:
    """Walk a tree, one question or step at a time."""
    initials = records.check_initials(initials)
    catalog = Catalog.default()
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
    digest = catalog.load(tree).digest
    state = engine.start(catalog, tree, clock.now(), admin=admin)
    recorder = recording.recorder_for(
        state, digest, initials=initials, warn=lambda m: out.line(f"warning: {m}", err=True)
    )
    result = walk.run(
        catalog,
        state,
        session.prompter(plain),
        clock.now,
        recorder=recorder,
        write_to=paths.handoff_dir(),
    )
    if result.quit and recorder.in_database:
        out.line(f"Kept for later: 'troubleshoot resume {recorder.session.short_id}' continues it.")
    return Exit.OK
