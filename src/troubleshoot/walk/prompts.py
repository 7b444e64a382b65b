"""What a walk shows and what the person does: plain values, no behaviour.

The engine produces these, the prompts render them and read them back, and the
session records store them. Keeping them apart from the engine's rules lets each
of those read the vocabulary without the machinery.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

FIXED, NOT_FIXED, NOT_TRIED = "fixed", "not fixed", "could not try"
STEP_CHOICES = ("Yes, that fixed it", "No, still not fixed", "Couldn't try it")
STOP_CHOICES = ("Escalate now (hand it to IT)", "Keep going")


# -- the record ------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One line of the transcript."""

    kind: str  # start, shown, answer, result, admin_skipped, policy_skipped, said, goto,
    # note, back, stop_offered, kept_going, restart, end
    at: dt.datetime
    tree: str
    node: str
    text: str = ""
    value: str = ""
    detail: str = ""


@dataclass(frozen=True)
class Ending:
    """How the walk ended. ``outcome`` is resolved, escalated or abandoned."""

    outcome: str
    tree: str
    node: str
    text: str
    at: dt.datetime
    workaround: str = ""
    urgent: bool = False
    collect: tuple[str, ...] = ()
    by_staff: bool = False  # escalated before the tree reached an end


# -- what the person is asked --------------------------------------------------------


@dataclass(frozen=True)
class Ask:
    tree: str
    node: str
    text: str
    detail: str
    choices: tuple[str, ...]


@dataclass(frozen=True)
class Do:
    tree: str
    node: str
    text: str
    detail: str
    minutes: int
    admin: str | None = None  # shown only to someone with admin rights
    choices: tuple[str, ...] = STEP_CHOICES


@dataclass(frozen=True)
class Tell:
    tree: str
    node: str
    text: str
    detail: str
    choices: tuple[str, ...] = ("Continue",)


@dataclass(frozen=True)
class StopGuessing:
    tree: str
    node: str
    reason: str
    choices: tuple[str, ...] = STOP_CHOICES


@dataclass(frozen=True)
class Done:
    ending: Ending
    choices: tuple[str, ...] = ()


Prompt = Ask | Do | Tell | StopGuessing | Done


# -- what the person does ------------------------------------------------------------


@dataclass(frozen=True)
class Choose:
    index: int  # 0-based, into the prompt's choices


@dataclass(frozen=True)
class Back:
    pass


@dataclass(frozen=True)
class AddNote:
    text: str


@dataclass(frozen=True)
class Cannot:
    reason: str = ""


@dataclass(frozen=True)
class EscalateNow:
    pass


@dataclass(frozen=True)
class Restart:
    pass


@dataclass(frozen=True)
class PatronLeft:
    pass


Action = Choose | Back | AddNote | Cannot | EscalateNow | Restart | PatronLeft


def match(prompt: Prompt, text: str) -> int | None:
    """The choice *text* names: its number, or the start of its words (two letters or more).

    One letter is never an answer, so that single keys stay free for actions.
    """
    text = text.strip().lower()
    if text.isdigit():
        index = int(text) - 1
        return index if 0 <= index < len(prompt.choices) else None
    if len(text) < 2:
        return None
    if isinstance(prompt, Do):
        for index, words in enumerate((FIXED, NOT_FIXED, "cannot")):
            if text == words:
                return index
    hits = [i for i, choice in enumerate(prompt.choices) if choice.lower().startswith(text)]
    if not hits:
        hits = [
            i
            for i, choice in enumerate(prompt.choices)
            if any(word.startswith(text) for word in choice.lower().split())
        ]
    return hits[0] if len(hits) == 1 else None
