"""What came of each step staff were asked to try. No I/O.

Trainers want to know which fixes work; IT wants to know which steps the desk
cannot even try, and why. A step's result in a session is the last one staff gave it
there (a walk started over may reach the same step twice, and what it came to in the
end is what the patron saw). Each session then counts once per step:

- fixed: its last result was "fixed"; not fixed: "not fixed";
- tried: fixed or not fixed; the fix rate is fixed out of tried;
- couldn't try: its last result was "couldn't try", with the reason staff typed.
  Reasons are grouped ignoring case and spacing, most common first, the first
  spelling seen standing for the group; only the commonest few are kept.

Steps left for IT because they need admin rights, or that a library's policy does
not allow, are not offered to staff at all and so are not counted here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from troubleshoot.frozen import frozen
from troubleshoot.sessions.records import Session
from troubleshoot.walk.prompts import FIXED, NOT_FIXED, NOT_TRIED, Kind, StepResult

#: Reasons kept per step, most common first.
REASONS = 5


@frozen
class StepFigures:
    tree: str  # the tree the step is in (a goto may lead into another)
    node: str
    step: str  # the step's text, as staff saw it
    fixed: int
    not_fixed: int
    cannot: int  # sessions in which it could not be tried
    reasons: tuple[tuple[str, int], ...] = ()  # (reason, sessions), commonest first

    @property
    def tried(self) -> int:
        return self.fixed + self.not_fixed

    @property
    def fix_rate(self) -> float | None:
        return self.fixed / self.tried if self.tried else None


def _key(reason: str) -> str:
    return " ".join(reason.split()).casefold()


@frozen
class LastResult:
    """What a step came to in one session: its last result, where it was first reached."""

    tree: str
    node: str
    text: str  # the step's text when first given a result in the session
    seq: int  # the transcript line of that first result
    value: StepResult
    detail: str  # the reason typed with the last result, if any


def last_results(session: Session) -> list[LastResult]:
    """Each step given a result in *session*, in the order first reached, with its last result."""
    first: dict[tuple[str, str], tuple[int, str]] = {}
    last: dict[tuple[str, str], tuple[str, str]] = {}
    for seq, e in enumerate(session.events):
        if e.kind == Kind.RESULT and e.value in (FIXED, NOT_FIXED, NOT_TRIED):
            first.setdefault((e.tree, e.node), (seq, e.text))
            last[(e.tree, e.node)] = (e.value, e.detail)
    return [
        LastResult(tree, node, text, seq, StepResult(last[(tree, node)][0]), last[(tree, node)][1])
        for (tree, node), (seq, text) in first.items()
    ]


def reason(value: str, detail: str) -> tuple[str, str]:
    """(group, spelling) of the reason typed with a couldn't-try result, else ("", "")."""
    if value != NOT_TRIED:
        return "", ""
    key = _key(detail) or "(no reason given)"
    return key, " ".join(detail.split()) or key


def steps(sessions: Iterable[Session]) -> tuple[StepFigures, ...]:
    """Every step given a result, the most often reached first."""
    results: Counter[tuple[str, str, str]] = Counter()  # (tree, node, result)
    words: dict[tuple[str, str], str] = {}
    reasons: dict[tuple[str, str], Counter[str]] = {}
    spelling: dict[str, str] = {}
    for s in sessions:
        for r in last_results(s):
            words.setdefault((r.tree, r.node), r.text)
            results[(r.tree, r.node, r.value)] += 1
            if r.value == NOT_TRIED:
                key, spelt = reason(r.value, r.detail)
                spelling.setdefault(key, spelt)
                reasons.setdefault((r.tree, r.node), Counter())[key] += 1
    return ranked(results, words, reasons, spelling)


def ranked(
    results: Mapping[tuple[str, str, str], int],
    words: Mapping[tuple[str, str], str],
    reasons: Mapping[tuple[str, str], Mapping[str, int]],
    spelling: Mapping[str, str],
) -> tuple[StepFigures, ...]:
    """The steps' figures from their counts, however they were counted (here or in SQL)."""
    found = []
    for tree, node in words:
        why = reasons.get((tree, node), {})
        top = sorted(why.items(), key=lambda kc: (-kc[1], kc[0]))[:REASONS]
        found.append(
            StepFigures(
                tree,
                node,
                words[(tree, node)],
                results.get((tree, node, FIXED), 0),
                results.get((tree, node, NOT_FIXED), 0),
                results.get((tree, node, NOT_TRIED), 0),
                tuple((spelling[k], c) for k, c in top),
            )
        )
    found.sort(key=lambda f: (-(f.tried + f.cannot), f.tree, f.node))
    return tuple(found)
