"""``troubleshoot resume [ID]``: continue an interrupted walk exactly where it stopped."""

from __future__ import annotations

from typing import Annotated

import typer

from troubleshoot.cli import options
from troubleshoot.errors import Exit, TroubleshootError


def resume(
    session_id: Annotated[
        str | None,
        typer.Argument(help="Session id, or its first characters (default: the most recent one)."),
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the unfinished sessions.")] = False,
    plain: options.Plain = False,
    site_path: options.Site = None,
    copy: options.Copy = False,
    eml: options.Eml = False,
) -> int:
    """Continue an unfinished walk where it stopped."""
    from troubleshoot.cli import walking  # here, so that starting a walk does not pay for them
    from troubleshoot.clock import Clock
    from troubleshoot.desk import Desk
    from troubleshoot.sessions import replay
    from troubleshoot.sessions.failures import ReadOnly
    from troubleshoot.sessions.recording import continue_recording, pending_files
    from troubleshoot.ui import out, session
    from troubleshoot.ui.console import make_console
    from troubleshoot.ui.records import resuming, unfinished_table

    desk = Desk.resolve(site_path)
    for warning in desk.warnings:
        out.line(warning, err=True)
    if list_:
        with desk.store(readonly=True) as store:
            found = store.sessions(unfinished=True, full=False)
        found.sort(key=lambda s: s.updated or s.started, reverse=True)
        unfinished_table(make_console(), found)
        return Exit.OK
    trouble = ""
    try:
        store = desk.store()
    except ReadOnly as e:  # the walk goes on, and is kept aside until the file is fixed
        store, trouble = desk.store(readonly=True), str(e)
    with store:
        record = store.get(session_id) if session_id else store.latest_unfinished()
        if record is None:
            aside = bool(pending_files())
            hint = (
                "; some sessions were kept aside: 'troubleshoot import' loads them" if aside else ""
            )
            what = f"no session '{session_id}'" if session_id else "no unfinished session to resume"
            raise TroubleshootError(what + hint)
        if record.imported and not record.closed:
            raise TroubleshootError(
                f"session {record.short_id} was imported from another desk's records, so it "
                f"is not resumed here; 'troubleshoot history show {record.short_id}' shows it"
            )
        if record.closed:
            raise TroubleshootError(
                f"session {record.short_id} has ended ({record.outcome}); "
                f"'troubleshoot history show {record.short_id}' shows it"
            )
        clock = Clock.from_env()
        restored = replay.restore(desk.catalog, record, clock.now(), desk.cards)
        resuming(record, restored.changed, restored.rebuilt)
        recorder = continue_recording(
            record,
            restored.state,
            None if trouble else store,
            lambda m: out.line(f"warning: {m}", err=True),
            trouble=trouble,
        )
        walking.at_desk(
            desk, restored.state, recorder, session.prompter(plain), clock.now, copy=copy, eml=eml
        )
    return Exit.OK
