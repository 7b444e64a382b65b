"""The state of a walk, and the small moves every part of the engine shares.

Kept apart from the engine's rules (``engine``) and from how a walk ends
(``ending``), so each reads in one sitting.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from troubleshoot import privacy
from troubleshoot.errors import TroubleshootError
from troubleshoot.frozen import field, frozen, replace
from troubleshoot.tree.model import Budget, Node, Tree
from troubleshoot.walk.prompts import Ending, Entry, Notice

#: A walk never follows more automatic moves (goto, skipped steps) than this in a row.
MAX_HOPS = 200


class TreeSource(Protocol):
    def get(self, tree_id: str) -> Tree | None: ...


class WalkError(TroubleshootError):
    """An action that does not fit the prompt (a bug in the caller, or bad replay data)."""


# -- the state ---------------------------------------------------------------------------


@frozen
class State:
    tree: str
    node: str
    origin: tuple[str, str]  # where the walk began, for Start over
    budget: Budget
    started: dt.datetime
    admin: bool = False
    forbidden: frozenset[str] = frozenset()
    path: tuple[Entry, ...] = ()
    log: tuple[Entry, ...] = ()
    steps: int = 0  # steps tried on the current path
    tried: frozenset[tuple[str, str]] = frozenset()
    warned: frozenset[str] = frozenset()
    stop: tuple[str, str] | None = None  # (key, reason) of a pending stop-guessing prompt
    ending: Ending | None = None
    previous: State | None = field(default=None, repr=False)
    notices: tuple[Notice, ...] = ()  # what the last action did that the person should be told
    facts: tuple[tuple[str, str], ...] = ()  # (what IT asked for, what staff typed)
    asked: int = 0  # how many of the end's facts have been asked (given or skipped)
    #: What a patron's card number looks like at this desk: everything typed is
    #: checked against it. Given by the desk; the engine reads no settings.
    cards: privacy.CardPattern = field(default=privacy.STRICT, repr=False)

    @property
    def trees(self) -> tuple[str, ...]:
        """The trees the walk as it stands passed through, first one first, ending last.

        A tree the walk went into and then backed out of is not among them: the
        hand-off must not send IT to a guide that had nothing to do with the end.
        """
        seen: dict[str, None] = {self.origin[0]: None}
        for entry in self.path:
            seen.setdefault(entry.tree, None)
        if self.ending is not None:
            seen.pop(self.ending.tree, None)
            seen[self.ending.tree] = None
        return tuple(seen)

    @property
    def fact_pending(self) -> str | None:
        """The next fact for IT to ask, once the walk has reached an end that wants some."""
        if self.ending is None or self.asked >= len(self.ending.collect):
            return None
        return self.ending.collect[self.asked]

    @property
    def finished(self) -> bool:
        """At an end, with every fact asked: nothing is left to ask the person."""
        return self.ending is not None and self.fact_pending is None


def node_at(trees: TreeSource, tree_id: str, node_id: str) -> Node | None:
    tree = trees.get(tree_id)
    return tree.nodes.get(node_id) if tree else None


def logged(state: State, *entries: Entry) -> State:
    return replace(state, log=state.log + entries)


def recorded(state: State, *entries: Entry) -> State:
    """Add to both the current path and the full log."""
    return replace(state, path=state.path + entries, log=state.log + entries)
