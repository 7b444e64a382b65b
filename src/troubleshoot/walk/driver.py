"""Driving one walk: engine on one side, a prompter on the other, a recorder beside.

This module decides nothing about trees (the engine does) and prints nothing (the
prompter does). It only loops: show the prompt, take the action, apply it, record
it, until the walk reaches an end or the person quits; and it asks for the facts an
end collects. What happens at the end (the hand-off, its file, the record's last
line) belongs to the layers above: see ``handoff.deliver`` and ``cli.walking``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from troubleshoot import privacy
from troubleshoot.walk import engine
from troubleshoot.walk.engine import State, TreeSource
from troubleshoot.walk.prompts import Action, Notice, Prompt

#: Typed instead of a fact: skip this one and every fact after it.
SKIP_REST = "-"


@dataclass(frozen=True)
class Quit:
    """Leave the walk for now; it stays unfinished so that it can be resumed."""


class Prompter(Protocol):
    def notices(self, notices: tuple[Notice, ...]) -> None: ...

    def ask(self, prompt: Prompt, state: State) -> Action | Quit: ...

    def refused(self, message: str) -> None: ...

    def ask_fact(self, label: str) -> str: ...


class Recorder(Protocol):
    """Keeps the session as it goes, so that an interruption loses nothing."""

    def record(self, action: Action, at: dt.datetime, state: State) -> None: ...


class NullRecorder:
    def record(self, action: Action, at: dt.datetime, state: State) -> None:
        return None


@dataclass(frozen=True)
class Walked:
    """Where a walk stopped: at an end (``state.ending``), or because the person quit."""

    state: State
    quit: bool = False


def walk(
    trees: TreeSource,
    state: State,
    prompter: Prompter,
    now: Callable[[], dt.datetime],
    recorder: Recorder | None = None,
) -> Walked:
    """Walk until an end or a quit; EOFError and KeyboardInterrupt pass through."""
    recorder = recorder or NullRecorder()
    while state.ending is None:
        prompter.notices(state.notices)
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
    return Walked(state)


def collect_facts(labels: tuple[str, ...], prompter: Prompter) -> dict[str, str]:
    """Ask for each fact once; any may be skipped, and input ending skips the rest."""
    facts: dict[str, str] = {}
    for label in labels:
        while True:
            try:
                value = prompter.ask_fact(label).strip()
            except EOFError:
                return facts
            if value == SKIP_REST:
                return facts
            reason = privacy.problem(value)
            if reason is None:
                break
            prompter.refused(reason)
        if value:
            facts[label] = value
    return facts
