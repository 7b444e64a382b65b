"""What a walk shows and what the person does: plain values, no behaviour.

The engine produces these, the prompts render them and read them back, and the
session records store them. Keeping them apart from the engine's rules lets each
of those read the vocabulary without the machinery.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Sequence

from troubleshoot.frozen import frozen
from troubleshoot.text.lines import unescape


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
    FACT = "fact"  # a fact for IT was given (text: what, value: the fact; "" when skipped)


class Outcome(Vocabulary):
    """How a walk ended."""

    RESOLVED = "resolved"
    ESCALATED = "escalated"
    REFERRED = "referred"  # it belongs to someone other than library IT
    ABANDONED = "abandoned"  # the patron left


class StepResult(Vocabulary):
    """What came of trying a step."""

    FIXED = "fixed"
    NOT_FIXED = "not fixed"
    NOT_TRIED = "could not try"


FIXED, NOT_FIXED, NOT_TRIED = StepResult.FIXED, StepResult.NOT_FIXED, StepResult.NOT_TRIED
STEP_CHOICES = ("Yes, that fixed it", "No, still not fixed", "Couldn't try it")
STOP_CHOICES = ("Escalate now (hand it to IT)", "Keep going")


@frozen
class Notice:
    """Something the last action did that the person should be told.

    ``policy`` names the library policy that kept a step from being done, so the
    site's reason can be shown beside it without reading the words back.
    """

    text: str
    policy: str = ""


# -- the record ------------------------------------------------------------------------


@frozen
class Entry:
    """One line of the transcript."""

    kind: Kind
    at: dt.datetime
    tree: str
    node: str
    text: str = ""
    value: str = ""
    detail: str = ""


@frozen
class Ending:
    """How the walk ended."""

    outcome: Outcome
    tree: str
    node: str
    text: str
    at: dt.datetime
    workaround: str = ""  # what to offer the patron now; for a referral, what to tell them
    urgent: bool = False
    collect: tuple[str, ...] = ()
    by_staff: bool = False  # escalated before the tree reached an end
    bring: str = ""  # a referral: what the patron should bring or ask


# -- what the person is asked --------------------------------------------------------


@frozen
class Ask:
    tree: str
    node: str
    text: str
    detail: str
    choices: tuple[str, ...]
    note: str = ""  # for staff only
    #: For each choice, whether it goes straight to an escalation (so a short typed
    #: word must never pick it by accident).
    escalates: tuple[bool, ...] = ()


@frozen
class Do:
    tree: str
    node: str
    text: str
    detail: str
    minutes: int
    admin: str | None = None  # shown only to someone with admin rights
    choices: tuple[str, ...] = STEP_CHOICES
    note: str = ""


@frozen
class Tell:
    """Words for the patron (``text``), and for staff alone (``note``)."""

    tree: str
    node: str
    text: str
    detail: str
    choices: tuple[str, ...] = ("Continue",)
    note: str = ""


@frozen
class AskFact:
    """One fact for IT that the tool cannot know, asked after the outcome is shown."""

    label: str
    number: int  # 1-based
    total: int
    choices: tuple[str, ...] = ()


@frozen
class StopGuessing:
    tree: str
    node: str
    reason: str
    choices: tuple[str, ...] = STOP_CHOICES


@frozen
class Done:
    ending: Ending
    choices: tuple[str, ...] = ()


Prompt = Ask | Do | Tell | StopGuessing | AskFact | Done


# -- what the person does ------------------------------------------------------------


@frozen
class Choose:
    index: int  # 0-based, into the prompt's choices


@frozen
class Back:
    pass


@frozen
class AddNote:
    text: str


@frozen
class Cannot:
    reason: str = ""


@frozen
class EscalateNow:
    reason: str = ""  # why staff stopped here, in their words; may be empty


@frozen
class GiveFact:
    """The fact asked for; empty skips it."""

    value: str = ""


@frozen
class SkipFacts:
    """Skip this fact and every one after it."""


@frozen
class Restart:
    pass


@frozen
class PatronLeft:
    pass


Action = (
    Choose | Back | AddNote | Cannot | EscalateNow | GiveFact | SkipFacts | Restart | PatronLeft
)


#: Quotes and backticks around or inside a typed answer are not part of it.
_QUOTES = str.maketrans("", "", "`'\"\u2018\u2019\u201c\u201d")
#: Emoji and other pictures (So), the marks that shape them or a letter (Mn: variation
#: selectors, accents), and the invisible joiners between them (Cf).
_IGNORED = frozenset({"So", "Mn", "Cf"})
#: A typed word shorter than this never picks an answer that escalates.
SURE_LETTERS = 4
_STEP_WORDS = {FIXED: 0, NOT_FIXED: 1, "cannot": 2, "couldn't": 2, NOT_TRIED: 2}


def _plain(text: str) -> str:
    """*text* as it is compared: no quotes, accents or emoji, one case, single spaces.

    Staff type "resume" for "Résumé", never the backticks a trainer put round a key
    name, and rarely the emoji in front of an answer ("🖨️ Printing"), so none of
    them may stand between staff and the answer.
    """
    folded = unicodedata.normalize("NFKD", unescape(text).translate(_QUOTES))
    bare = "".join(c for c in folded if unicodedata.category(c) not in _IGNORED)
    return " ".join(bare.casefold().split())


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


def match(prompt: Prompt, text: str) -> int | None:
    """The choice *text* names, or None when it names none, or more than one.

    A number picks by position. Otherwise the whole answer, typed out, wins; then the
    start of the answer or of one of its words, when only one answer has it. One
    letter is never an answer (single keys are actions), ``yes`` and ``no`` pick only
    an answer whose first word they are, and a word shorter than four letters never
    picks an answer that escalates: a stray "no" must not report an outage.
    """
    typed = _plain(text)
    if typed.isdigit():
        index = int(typed) - 1
        return index if 0 <= index < len(prompt.choices) else None
    if len(typed) < 2:
        return None
    if isinstance(prompt, Do) and typed in _STEP_WORDS:
        return _STEP_WORDS[typed]
    hits = candidates(prompt, typed)
    if len(hits) != 1:
        return None
    if _plain(prompt.choices[hits[0]]) != typed and too_short(prompt, hits[0], typed):
        return None
    return hits[0]


def candidates(prompt: Prompt, text: str) -> list[int]:
    """The answers *text* could mean, before the safety rules: one when it is exact."""
    typed = _plain(text)
    choices = [_plain(choice) for choice in prompt.choices]
    if typed in choices:
        return [choices.index(typed)]
    if typed in ("yes", "no"):
        return [i for i, c in enumerate(choices) if _words(c)[:1] == [typed]]
    hits = [i for i, c in enumerate(choices) if c.startswith(typed)]
    if not hits:
        hits = [i for i, c in enumerate(choices) if any(w.startswith(typed) for w in _words(c))]
    return hits


def too_short(prompt: Prompt, index: int, text: str) -> bool:
    """Whether *text* is too short to pick answer *index*, which goes straight to IT."""
    escalates = getattr(prompt, "escalates", ())
    return index < len(escalates) and escalates[index] and len(_plain(text)) < SURE_LETTERS


def narrow(choices: Sequence[str], typed: str) -> list[int]:
    """Positions of the *choices* that fit *typed* as staff type it, in their own order.

    Each typed word must start a word of the answer (so "lap" finds "Their own
    laptop" but "top" does not), compared as :func:`match` compares. The order never
    changes while filtering, so an answer stays where staff last saw it.
    """
    wanted = _words(_plain(typed))
    if not wanted:
        return list(range(len(choices)))
    found = []
    for i, choice in enumerate(choices):
        words = _words(_plain(choice))
        if all(any(w.startswith(t) for w in words) for t in wanted):
            found.append(i)
    return found
