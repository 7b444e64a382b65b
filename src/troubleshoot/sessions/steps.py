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
from collections.abc import Iterable

from troubleshoot.frozen import frozen
from troubleshoot.sessions.records import Session
from troubleshoot.walk.prompts import FIXED, NOT_FIXED, NOT_TRIED, Kind

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


def steps(sessions: Iterable[Session]) -> tuple[StepFigures, ...]:
    """Every step given a result, the most often reached first."""
    results: Counter[tuple[str, str, str]] = Counter()  # (tree, node, result)
    words: dict[tuple[str, str], str] = {}
    reasons: dict[tuple[str, str], Counter[str]] = {}
    spelling: dict[str, str] = {}
    for s in sessions:
        last: dict[tuple[str, str], tuple[str, str]] = {}
        for e in s.events:
            if e.kind == Kind.RESULT and e.value in (FIXED, NOT_FIXED, NOT_TRIED):
                last[(e.tree, e.node)] = (e.value, e.detail)
                words.setdefault((e.tree, e.node), e.text)
        for (tree, node), (value, detail) in last.items():
            results[(tree, node, value)] += 1
            if value == NOT_TRIED:
                key = _key(detail) or "(no reason given)"
                spelling.setdefault(key, " ".join(detail.split()) or key)
                reasons.setdefault((tree, node), Counter())[key] += 1
    found = []
    for tree, node in words:
        why = reasons.get((tree, node), Counter())
        ranked = sorted(why.items(), key=lambda kc: (-kc[1], kc[0]))[:REASONS]
        found.append(
            StepFigures(
                tree,
                node,
                words[(tree, node)],
                results[(tree, node, FIXED)],
                results[(tree, node, NOT_FIXED)],
                results[(tree, node, NOT_TRIED)],
                tuple((spelling[k], c) for k, c in ranked),
            )
        )
    found.sort(key=lambda f: (-(f.tried + f.cannot), f.tree, f.node))
    return tuple(found)
