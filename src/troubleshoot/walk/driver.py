"""Driving one walk: engine on one side, a prompter on the other, a recorder beside.

This module decides nothing about trees (the engine does) and prints nothing (the
prompter does). It only loops: show the prompt, take the action, apply it, record
it, until the walk ends or the person quits; then collects the facts and writes the
hand-off file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from troubleshoot import privacy
from troubleshoot.handoff import content
from troubleshoot.handoff.content import HandOff
from troubleshoot.walk import engine
from troubleshoot.walk.engine import State, TreeSource
from troubleshoot.walk.prompts import Action, Prompt

#: Typed instead of a fact: skip this one and every fact after it.
SKIP_REST = "-"


@dataclass(frozen=True)
class Quit:
    """Leave the walk for now; it stays unfinished so that it can be resumed."""


class Prompter(Protocol):
    def notices(self, lines: tuple[str, ...]) -> None: ...

    def ask(self, prompt: Prompt, state: State) -> Action | Quit: ...

    def refused(self, message: str) -> None: ...

    def ask_fact(self, label: str) -> str: ...

    def finished(self, result: WalkResult) -> None: ...


class Recorder(Protocol):
    """Keeps the session as it goes, so that an interruption loses nothing."""

    def record(self, action: Action, at: dt.datetime, state: State) -> None: ...

    def finish(self, state: State, result: HandOff | None) -> None: ...


class NullRecorder:
    def record(self, action: Action, at: dt.datetime, state: State) -> None:
        return None

    def finish(self, state: State, result: HandOff | None) -> None:
        return None


@dataclass(frozen=True)
class WalkResult:
    state: State
    handoff: HandOff | None = None
    path: Path | None = None  # the hand-off file, when one was written
    write_error: str = ""  # why the file could not be written, if it could not
    quit: bool = False


def run(
    trees: TreeSource,
    state: State,
    prompter: Prompter,
    now: Callable[[], dt.datetime],
    *,
    recorder: Recorder | None = None,
    write_to: Path | None = None,
    amend: Callable[[HandOff], HandOff] | None = None,
) -> WalkResult:
    """Walk until an end or a quit; EOFError and KeyboardInterrupt pass through.

    *amend* adds what the site knows (whom to call, now or in the morning) to the
    hand-off before it is saved and shown.
    """
    recorder = recorder or NullRecorder()
    while state.ending is None:
        prompter.notices(state.notices)
        shown = engine.prompt(trees, state)
        action = prompter.ask(shown, state)
        if isinstance(action, Quit):
            return WalkResult(state, quit=True)
        at = now()
        try:
            state = engine.apply(trees, state, action, at)
        except privacy.PrivacyRefused as refused:
            prompter.refused(str(refused))
            continue
        recorder.record(action, at, state)
    prompter.notices(state.notices)
    result = finish(trees, state, prompter, write_to, amend)
    recorder.finish(state, result.handoff)
    prompter.finished(result)
    return result


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


def finish(
    trees: TreeSource,
    state: State,
    prompter: Prompter,
    write_to: Path | None,
    amend: Callable[[HandOff], HandOff] | None = None,
) -> WalkResult:
    ending = state.ending
    assert ending is not None
    if ending.outcome != "escalated":
        return WalkResult(state, content.build(trees, state))
    note = content.build(trees, state, collect_facts(ending.collect, prompter))
    if amend is not None:
        note = amend(note)
    if write_to is None:
        return WalkResult(state, note)
    try:
        path = save(note, write_to)
    except OSError as e:
        return WalkResult(state, note, write_error=f"{write_to}: {e.strerror or e}")
    return WalkResult(state, note, path)


def save(note: HandOff, folder: Path) -> Path:
    """Write the hand-off as Markdown; never overwrites an earlier one."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"handoff-{note.trees[0][0]}-{note.ended:%Y%m%d-%H%M%S}"
    path = folder / f"{stem}.md"
    counter = 1
    while path.exists():
        counter += 1
        path = folder / f"{stem}-{counter}.md"
    path.write_text(content.to_markdown(note), encoding="utf-8")
    return path
