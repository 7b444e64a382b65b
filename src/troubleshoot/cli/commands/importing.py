"""``troubleshoot import [FILE...]``: load exported sessions, or the pending fallback file."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import Optional

import typer

from troubleshoot.cli import options
from troubleshoot.errors import Exit, Finding, TroubleshootError
from troubleshoot.ui import out


def import_sessions(
    files: Optional[list[Path]] = typer.Argument(  # noqa: UP045
        None, help="JSONL files from 'troubleshoot export' (default: sessions kept aside)."
    ),
    site_path: options.Site = None,
) -> int:
    """Load session records; a session already here is kept once, never twice."""
    from troubleshoot.desk import Desk
    from troubleshoot.sessions import exchange  # here, so that starting a walk does not pay for it
    from troubleshoot.sessions.recording import in_shared_folder, pending_files

    pending = not files
    targets = pending_files() if pending else list(files or [])
    if not targets:
        out.line("Nothing to import: no sessions were kept aside.")
        return Exit.OK
    problems = 0
    desk = Desk.resolve(site_path)
    with desk.store() as store:
        for path in targets:
            found: list[Finding] = []
            try:
                done = exchange.import_file(
                    store, path, found, imported=not pending, cards=desk.cards
                )
            except OSError as e:
                raise TroubleshootError(f"{path}: {e.strerror or e}") from None
            for finding in found:
                out.line(str(finding), err=True)
            problems += len(found)
            out.line(
                f"{path}: {done.added} added, {done.updated} updated, {done.unchanged} already here"
            )
            if pending and not found:
                done_with(path, in_shared_folder(path))
    return Exit.ERROR if problems else Exit.OK


def done_with(path: Path, shared: bool) -> None:
    """A fallback file once its sessions are in the database.

    Beside the database it is kept, renamed, in case IT wants it. In the temp folder
    it is removed, with its folder: nothing of the records stays where others are.
    """
    if shared:
        path.unlink()
        with contextlib.suppress(OSError):
            path.parent.rmdir()
        return
    path.rename(path.with_name(f"{path.stem}-imported-{dt.datetime.now():%Y%m%d-%H%M%S}.jsonl"))
