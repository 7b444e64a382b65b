"""``troubleshoot resume [ID]``: continue an interrupted walk exactly where it stopped."""

from __future__ import annotations

from typing import Optional

import typer

from troubleshoot.errors import Exit, TroubleshootError


def resume(
    session_id: Optional[str] = typer.Argument(  # noqa: UP045
        None, help="Session id, or its first characters (default: the most recent one)."
    ),
    list_: bool = typer.Option(False, "--list", help="List the unfinished sessions."),
    plain: bool = typer.Option(False, "--plain", help="Plain numbered prompts, read line by line."),
) -> int:
    """Continue an unfinished walk where it stopped."""
    from troubleshoot import paths  # here, so that starting a walk does not pay for them
    from troubleshoot.clock import Clock
    from troubleshoot.sessions import replay
    from troubleshoot.sessions.recording import continue_recording, pending_paths
    from troubleshoot.sessions.store import Store
    from troubleshoot.tree.catalog import Catalog
    from troubleshoot.ui import out, session
    from troubleshoot.ui.console import make_console
    from troubleshoot.ui.records import resuming, unfinished_table
    from troubleshoot.walk import driver

    with Store.open() as store:
        if list_:
            found = store.sessions(unfinished=True, full=False)
            found.sort(key=lambda s: s.updated or s.started, reverse=True)
            unfinished_table(make_console(), found)
            return Exit.OK
        record = store.get(session_id) if session_id else store.latest_unfinished()
        if record is None:
            aside = any(p.is_file() for p in pending_paths())
            hint = (
                "; some sessions were kept aside: 'troubleshoot import' loads them" if aside else ""
            )
            what = f"no session '{session_id}'" if session_id else "no unfinished session to resume"
            raise TroubleshootError(what + hint)
        if record.closed:
            raise TroubleshootError(
                f"session {record.short_id} has ended ({record.outcome}); "
                f"'troubleshoot history show {record.short_id}' shows it"
            )
        catalog = Catalog.default()
        clock = Clock.from_env()
        restored = replay.restore(catalog, record, clock.now())
        resuming(record, restored.changed, restored.rebuilt)
        recorder = continue_recording(
            record, restored.state, store, lambda m: out.line(f"warning: {m}", err=True)
        )
        result = driver.run(
            catalog,
            restored.state,
            session.prompter(plain),
            clock.now,
            recorder=recorder,
            write_to=paths.handoff_dir(),
        )
        if result.quit:
            out.line(f"Kept for later: 'troubleshoot resume {record.short_id}' continues it.")
    return Exit.OK
