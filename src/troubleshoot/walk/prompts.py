"""What a walk shows and what the person does: plain values, no behaviour.

The engine produces these, the prompts render them and read them back, and the
session records store them. Keeping them apart from the engine's rules lets each
of those read the vocabulary without the machinery.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


class Vocabulary(str, enum.Enum):
    """A word the records keep: compares equal to its text, and prints as it."""

    def __str__(self) -> str:
        return str(self.value)


class Kind(Vocabulary):
    """What one line of the transcript records."""

    START = "start"  # the walk began (value "deep" when a symptom started it partway in)
    SHOWN = "shown"  # a node was shown
    ANSWER = "answer"  # a question was answered
    RESULT = "result"  # a step was tried (value: fixed, not fixed, could not try)
    ADMIN_SKIPPED = "admin_skipped"  # a step left for IT: it needs admin rights
    POLICY_SKIPPED = "policy_skipped"  # a step this library's policy does not allow
    SAID = "said"  # the patron was told something
    GOTO = "goto"  # the walk moved to another tree
    NOTE = "note"  # staff added a note
    BACK = "back"  # staff went back one question
    STOP_OFFERED = "stop_offered"  # the tool suggested stopping and escalating
    KEPT_GOING = "kept_going"  # staff chose to keep going after that
    RESTART = "restart"  # staff started over
    END = "end"  # the walk ended (value: the outcome)


class Outcome(Vocabulary):
    """How a walk ended."""

    RESOLVED = "resolved"
    ESCALATED = "escalated"
    ABANDONED = "abandoned"  # the patron left


class StepResult(Vocabulary):
    """What came of trying a step."""

    FIXED = "fixed"
    NOT_FIXED = "not fixed"
    NOT_TRIED = "could not try"


FIXED, NOT_FIXED, NOT_TRIED = StepResult.FIXED, StepResult.NOT_FIXED, StepResult.NOT_TRIED
STEP_CHOICES = ("Yes, that fixed it", "No, still not fixed", "Couldn't try it")
STOP_CHOICES = ("Escalate now (hand it to IT)", "Keep going")


@dataclass(frozen=True)
class Notice:
    """Something the last action did that the person should be told.

    ``policy`` names the library policy that kept a step from being done, so the
    site's reason can be shown beside it without reading the words back.
    """

    text: str
    policy: str = ""


# -- the record ------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One line of the transcript."""

    kind: Kind
    at: dt.datetime
    tree: str
    node: str
    text: str = ""
    value: str = ""
    detail: str = ""


@dataclass(frozen=True)
class Ending:
    """How the walk ended."""

    outcome: Outcome
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
