"""A walk at this desk, from its first prompt to the hand-off, for ``run`` and ``resume``.

Starting a walk and resuming one differ only in how the state and the recorder come
about; everything after (the site's policy reasons beside notices, the facts, the
site's routing, the hand-off folder, the clipboard and email draft, the "kept for
later" line) is the same, so it is written once, here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from troubleshoot.desk import Desk
from troubleshoot.frozen import replace
from troubleshoot.handoff import content, deliver, routing
from troubleshoot.handoff.content import HandOff
from troubleshoot.handoff.deliver import WalkResult
from troubleshoot.sessions.recording import StoreRecorder
from troubleshoot.ui import out, reasons
from troubleshoot.ui.session import DeskPrompter
from troubleshoot.walk import driver
from troubleshoot.walk.engine import State, TreeSource
from troubleshoot.walk.prompts import Action


class Finisher(Protocol):
    """What keeps the record: told once how the walk ended."""

    def record(self, action: Action, at: dt.datetime, state: State) -> None: ...

    def finish(self, state: State, result: HandOff | None) -> None: ...


def run(
    trees: TreeSource,
    state: State,
    prompter: DeskPrompter,
    now: Callable[[], dt.datetime],
    *,
    recorder: Finisher | None = None,
    write_to: Path | None = None,
    amend: Callable[[HandOff], HandOff] | None = None,
) -> WalkResult:
    """Walk to an end (outcome first, then its facts) or a quit; hand off, record, show it."""

    def reached(state: State) -> None:
        preview = content.build(trees, state)
        prompter.outcome(amend(preview) if amend is not None else preview)

    walked = driver.walk(trees, state, prompter, now, recorder, reached)
    if walked.quit:
        return WalkResult(walked.state, quit=True)
    state = walked.state
    result = deliver.conclude(trees, state, write_to, amend)
    if recorder is not None:
        recorder.finish(state, result.handoff)
    prompter.finished(result)
    return result


def at_desk(
    desk: Desk,
    state: State,
    recorder: StoreRecorder,
    prompter: DeskPrompter,
    now: Callable[[], dt.datetime],
    *,
    copy: bool = False,
    eml: bool = False,
) -> WalkResult:
    """:func:`run` with everything the desk's settings add, then the extra deliveries."""
    settings = desk.settings

    def amend(note: HandOff) -> HandOff:
        """Who and which session, then the site's name and whom to call by the clock."""
        at_desk = replace(
            note, initials=recorder.session.initials, session=recorder.session.short_id
        )
        return routing.amend(settings, at_desk)

    try:
        result = run(
            desk.catalog,
            state,
            reasons.with_reasons(prompter, settings.reasons),
            now,
            recorder=recorder,
            write_to=desk.handoffs,
            amend=amend,
        )
    except KeyboardInterrupt:
        _stopped_at_the_end(recorder)
        raise
    for said in deliver.deliver(result, settings, desk.handoffs, copy=copy, eml=eml):
        out.line(said)
    if result.quit and not recorder.kept:
        out.line("Nothing was answered yet, so there is nothing to keep.")
    elif result.quit and recorder.in_database:
        out.line(f"Kept for later: 'troubleshoot resume {recorder.session.short_id}' continues it.")
    return result


def _stopped_at_the_end(recorder: StoreRecorder) -> None:
    """Stopped while asked the facts for IT: the walk is recorded unfinished, and says so.

    The end was reached but no hand-off was made, so nothing went to IT; resuming
    carries on with the facts not yet given, and saves the hand-off.
    """
    session = recorder.session
    if session.ended is None or session.closed or not (recorder.kept and recorder.in_database):
        return
    with contextlib.suppress(OSError, ValueError):  # after a hang-up nobody is there
        out.line(
            f"\nThe hand-off was not saved: 'troubleshoot resume {session.short_id}' carries on "
            "with the facts for IT.",
            err=True,
        )
