"""Driving one walk: engine on one side, a prompter on the other, a recorder beside.

This module decides nothing about trees (the engine does) and prints nothing (the
prompter does). It only loops: show the prompt, take the action, apply it, record
it, until the walk reaches an end, and the end's facts for IT are in, or the person
quits. What happens then (the hand-off, its file, the record's last line) belongs to
the layers above: see ``handoff.deliver`` and ``cli.walking``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from troubleshoot import privacy
from troubleshoot.frozen import frozen
from troubleshoot.walk import engine
from troubleshoot.walk.engine import State, TreeSource
from troubleshoot.walk.prompts import Action, Notice, Prompt

#: Typed instead of a fact: skip this one and every fact after it.
SKIP_REST = "-"


@frozen
class Quit:
    """Leave the walk for now; it stays unfinished so that it can be resumed."""


class Prompter(Protocol):
    def notices(self, notices: tuple[Notice, ...]) -> None: ...

    def ask(self, prompt: Prompt, state: State) -> Action | Quit: ...

    def refused(self, message: str) -> None: ...


class Recorder(Protocol):
    """Keeps the session as it goes, so that an interruption loses nothing."""

    def record(self, action: Action, at: dt.datetime, state: State) -> None: ...


class NullRecorder:
    def record(self, action: Action, at: dt.datetime, state: State) -> None:
        return None


@frozen
class Walked:
    """Where a walk stopped: finished (``state.finished``), or because the person quit."""

    state: State
    quit: bool = False


def walk(
    trees: TreeSource,
    state: State,
    prompter: Prompter,
    now: Callable[[], dt.datetime],
    recorder: Recorder | None = None,
    reached: Callable[[State], None] | None = None,
) -> Walked:
    """Walk until every question and fact is answered, or a quit.

    *reached* is told as soon as the walk arrives at an end, before any fact for IT
    is asked, so that staff see what to do (and whom to call) first. Going back from
    the first fact undoes the end; arriving at an end again tells *reached* again.
    EOFError and KeyboardInterrupt pass through.
    """
    recorder = recorder or NullRecorder()
    told = None
    while not state.finished:
        prompter.notices(state.notices)
        if state.ending is not None and state.ending is not told:
            told = state.ending
            if reached is not None:
                reached(state)
        shown = engine.prompt(trees, state)
        action = prompter.ask(shown, state)
        if isinstance(action, Quit):
            return Walked(state, quit=True)
        at = now()
        try:
            state = engine.apply(trees, state, action, at)
        except privacy.PrivacyRefused as refused:
            prompter.refused(str(refused))
            continue
        recorder.record(action, at, state)
    prompter.notices(state.notices)
    if state.ending is not told and reached is not None:
        reached(state)
    return Walked(state)
