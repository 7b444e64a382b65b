"""The walk: a state and an action in, a new state out.

No I/O and no clock: the caller passes the time with every action. That is what
lets Back, budgets, goto and hand-offs be tested without a terminal, and lets a
session be resumed by replaying its recorded actions.

The state keeps two records. ``path`` is the walk as it stands: the answers that
count, undone by Back. ``log`` is everything that happened, in order, never undone:
IT wants to know that an answer was corrected, and notes survive going back.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Protocol

from troubleshoot import privacy
from troubleshoot.errors import TroubleshootError
from troubleshoot.tree.model import (
    Budget,
    Escalate,
    Goto,
    Node,
    Question,
    Resolved,
    Say,
    Step,
    Tree,
    links,
)
from troubleshoot.walk.prompts import (
    FIXED,
    NOT_FIXED,
    NOT_TRIED,
    Action,
    AddNote,
    Ask,
    Back,
    Cannot,
    Choose,
    Do,
    Done,
    Ending,
    Entry,
    EscalateNow,
    Kind,
    Notice,
    Outcome,
    PatronLeft,
    Prompt,
    Restart,
    StopGuessing,
    Tell,
)

#: A walk never follows more automatic moves (goto, skipped steps) than this in a row.
MAX_HOPS = 200


class TreeSource(Protocol):
    def get(self, tree_id: str) -> Tree | None: ...


class WalkError(TroubleshootError):
    """An action that does not fit the prompt (a bug in the caller, or bad replay data)."""


# -- the state ---------------------------------------------------------------------------


@dataclass(frozen=True)
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

    @property
    def trees(self) -> tuple[str, ...]:
        """The trees this walk has been in, first one first."""
        seen: dict[str, None] = {self.origin[0]: None}
        for entry in self.log:
            seen.setdefault(entry.tree, None)
        return tuple(seen)


def start(
    trees: TreeSource,
    tree_id: str,
    now: dt.datetime,
    *,
    node: str | None = None,
    admin: bool = False,
    forbidden: Iterable[str] = (),
    budget: Budget | None = None,
) -> State:
    """A new walk at the tree's start, or at *node* (a symptom can point deep)."""
    tree = trees.get(tree_id)
    if tree is None:
        raise TroubleshootError(f"no tree called '{tree_id}'")
    first = node or tree.start
    if first not in tree.nodes:
        raise TroubleshootError(f"tree '{tree_id}' has no node '{first}'")
    entry = Entry(Kind.START, now, tree_id, first, tree.title, "deep" if node else "")
    state = State(
        tree=tree_id,
        node=first,
        origin=(tree_id, first),
        budget=budget or tree.budget,
        started=now,
        admin=admin,
        forbidden=frozenset(forbidden),
        log=(entry,),
    )
    return _enter(trees, state, tree_id, first, now)


def prompt(trees: TreeSource, state: State) -> Prompt:
    """What to show the person now."""
    if state.ending is not None:
        return Done(state.ending)
    if state.stop is not None:
        return StopGuessing(state.tree, state.node, state.stop[1])
    node = _node(trees, state.tree, state.node)
    if isinstance(node, Question):
        return Ask(state.tree, node.id, node.ask, node.detail, tuple(a.text for a in node.answers))
    if isinstance(node, Step):
        return Do(
            state.tree,
            node.id,
            node.step,
            node.detail,
            node.minutes,
            node.admin if state.admin else None,
        )
    if isinstance(node, Say):
        return Tell(state.tree, node.id, node.say, node.detail)
    raise WalkError(f"node '{state.node}' cannot be shown")  # pragma: no cover - _enter moves on


def apply(trees: TreeSource, state: State, action: Action, now: dt.datetime) -> State:
    """The state after *action*; the one function every front end calls."""
    if isinstance(action, AddNote):
        return _note(state, action.text, now)
    if isinstance(action, Back):
        return _back(state, now)
    if state.ending is not None:
        raise WalkError("the walk has ended")
    if isinstance(action, Choose):
        return _choose(trees, state, action.index, now)
    if isinstance(action, Cannot):
        return _cannot(trees, state, action.reason, now)
    if isinstance(action, EscalateNow):
        return _escalate_now(trees, state, now, f"Stopped by staff at '{state.node}'")
    if isinstance(action, Restart):
        fresh = replace(state, path=(), steps=0, stop=None, previous=state, notices=())
        fresh = _log(fresh, Entry(Kind.RESTART, now, state.tree, state.node))
        return _enter(trees, fresh, *state.origin, now)
    if isinstance(action, PatronLeft):
        ending = Ending(Outcome.ABANDONED, state.tree, state.node, "The patron left", now)
        return _log(
            replace(state, ending=ending, previous=state),
            Entry(Kind.END, now, state.tree, state.node, ending.text, "abandoned"),
        )
    raise WalkError(f"unknown action {action!r}")  # pragma: no cover


# -- moving ------------------------------------------------------------------------------


def _node(trees: TreeSource, tree_id: str, node_id: str) -> Node | None:
    tree = trees.get(tree_id)
    return tree.nodes.get(node_id) if tree else None


def _log(state: State, *entries: Entry) -> State:
    return replace(state, log=state.log + entries)


def _record(state: State, *entries: Entry) -> State:
    """Add to both the current path and the full log."""
    return replace(state, path=state.path + entries, log=state.log + entries)


def _enter(trees: TreeSource, state: State, tree_id: str, node_id: str, now: dt.datetime) -> State:
    """Move to a node, following every move that needs no answer from the person."""
    notices = list(state.notices)
    for _ in range(MAX_HOPS):
        tree = trees.get(tree_id)
        node = tree.nodes.get(node_id) if tree else None
        if tree is None or node is None:
            missing = f"tree '{tree_id}'" if tree is None else f"node '{node_id}' in '{tree_id}'"
            return _broken(
                state,
                tree_id,
                node_id,
                f"The guide points to {missing}, which could not be loaded",
                now,
            )
        state = replace(state, tree=tree_id, node=node_id)
        if isinstance(node, Goto):
            target = trees.get(node.tree)
            state = _record(state, Entry(Kind.GOTO, now, tree_id, node_id, value=node.target))
            if target is not None:
                notices.append(Notice(f"Continuing with: {target.title}"))
            tree_id, node_id = node.tree, node.node or (target.start if target else "")
            continue
        if isinstance(node, Step) and node.admin and not state.admin:
            state = _record(
                state,
                Entry(Kind.ADMIN_SKIPPED, now, tree_id, node_id, node.step, detail=node.admin),
            )
            notices.append(Notice(f"Needs admin rights, so it is noted for IT: {node.step}"))
            node_id = node.no_admin or node.not_fixed
            continue
        if isinstance(node, Step) and node.policy and node.policy in state.forbidden:
            state = _record(
                state, Entry(Kind.POLICY_SKIPPED, now, tree_id, node_id, node.step, node.policy)
            )
            notices.append(
                Notice(
                    f"Not done here: this library's policy '{node.policy}' "
                    f"does not allow it: {node.step}",
                    policy=node.policy,
                )
            )
            node_id = node.no_admin or node.not_fixed
            continue
        state = replace(state, notices=tuple(notices))
        if isinstance(node, Resolved):
            return _end(state, Ending(Outcome.RESOLVED, tree_id, node_id, node.text, now), now)
        if isinstance(node, Escalate):
            # The end's own list is what IT needs for this fault; the tree's list is only
            # the fallback, so staff with a patron waiting are not asked for it all twice.
            ending = Ending(
                Outcome.ESCALATED,
                tree_id,
                node_id,
                node.reason,
                now,
                node.workaround,
                node.urgent,
                node.collect or tree.collect,
            )
            return _end(state, ending, now)
        state = _check_stop(state, tree_id, node, now)
        kind = {Question: "question", Step: "step", Say: "say"}[type(node)]
        return _log(state, Entry(Kind.SHOWN, now, tree_id, node_id, kind))
    return _broken(state, tree_id, node_id, "The guide goes round in circles", now)


#: Path entries that mean the person answered at that node.
_ANSWERED = frozenset({"answer", "result", "said"})


def _check_stop(state: State, tree_id: str, node: Node, now: dt.datetime) -> State:
    """Offer to stop guessing once per reason: over budget, or a step tried before."""
    reasons = []
    if isinstance(node, Step) and (tree_id, node.id) in state.tried:
        reasons.append(
            (
                f"repeat:{tree_id}#{node.id}",
                "This step was already tried in this walk. Going round again is guessing.",
            )
        )
    elif any((e.tree, e.node) == (tree_id, node.id) for e in state.path if e.kind in _ANSWERED):
        # A loop of questions counts no steps, so without this it could go on for ever.
        reasons.append(
            (
                f"repeat:{tree_id}#{node.id}",
                "The walk has come back to where it already was. Going round again is guessing.",
            )
        )
    minutes = (now - state.started).total_seconds() / 60
    if minutes >= state.budget.minutes:
        reasons.append(
            (
                "minutes",
                f"{int(minutes)} minutes have passed; the time set for "
                f"this problem is {state.budget.minutes} minutes.",
            )
        )
    if state.steps >= state.budget.steps:
        reasons.append(
            (
                "steps",
                f"{state.steps} steps have been tried; the limit for this "
                f"problem is {state.budget.steps}.",
            )
        )
    for key, reason in reasons:
        if key not in state.warned:
            entry = Entry(Kind.STOP_OFFERED, now, tree_id, node.id, reason, key)
            return _log(replace(state, stop=(key, reason)), entry)
    return state


def _end(state: State, ending: Ending, now: dt.datetime) -> State:
    entry = Entry(Kind.END, now, ending.tree, ending.node, ending.text, ending.outcome)
    return _log(replace(state, ending=ending, stop=None), entry)


def _broken(state: State, tree_id: str, node_id: str, why: str, now: dt.datetime) -> State:
    ending = Ending(
        Outcome.ESCALATED,
        tree_id,
        node_id,
        why,
        now,
        OFFER_SOMETHING_ELSE,
        by_staff=True,
    )
    return _end(state, ending, now)


def _merge(*lists: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for items in lists for item in items))


def _choose(trees: TreeSource, state: State, index: int, now: dt.datetime) -> State:
    shown = prompt(trees, state)
    if not 0 <= index < len(shown.choices):
        raise WalkError(f"choice {index + 1} is not one of the {len(shown.choices)} offered")
    if state.stop is not None:
        key, reason = state.stop
        if index == 0:
            return _escalate_now(trees, state, now, f"Stopped guessing at '{state.node}': {reason}")
        kept = replace(state, stop=None, warned=state.warned | {key}, notices=())
        return _log(kept, Entry(Kind.KEPT_GOING, now, state.tree, state.node, reason, key))
    node = _node(trees, state.tree, state.node)
    moved = replace(state, previous=state, notices=())
    if isinstance(node, Question):
        answer = node.answers[index]
        moved = _record(moved, Entry(Kind.ANSWER, now, state.tree, node.id, node.ask, answer.text))
        return _enter(trees, moved, state.tree, answer.next, now)
    if isinstance(node, Step):
        if index == 2:
            return _cannot(trees, state, "", now)
        result, target = (FIXED, node.fixed) if index == 0 else (NOT_FIXED, node.not_fixed)
        moved = _record(moved, Entry(Kind.RESULT, now, state.tree, node.id, node.step, result))
        moved = replace(moved, steps=moved.steps + 1, tried=moved.tried | {(state.tree, node.id)})
        return _enter(trees, moved, state.tree, target, now)
    assert isinstance(node, Say)
    moved = _record(moved, Entry(Kind.SAID, now, state.tree, node.id, node.say))
    return _enter(trees, moved, state.tree, node.next, now)


def _cannot(trees: TreeSource, state: State, reason: str, now: dt.datetime) -> State:
    node = _node(trees, state.tree, state.node)
    if state.stop is not None or not isinstance(node, Step):
        raise WalkError("only a step can be marked as not tried")
    privacy.check(reason)  # the reason is free text, kept like a note
    moved = replace(state, previous=state, notices=())
    entry = Entry(Kind.RESULT, now, state.tree, node.id, node.step, NOT_TRIED, reason.strip())
    return _enter(trees, _record(moved, entry), state.tree, node.cannot_target, now)


#: What to offer the patron when staff stop early and the tree cannot say which
#: fault this is (more than one escalation could still be reached).
OFFER_SOMETHING_ELSE = "Offer the patron another device or service while IT looks at it."


def _escalate_now(trees: TreeSource, state: State, now: dt.datetime, reason: str) -> State:
    """End the walk early with the facts the tree wants whenever a walk ends early.

    The nearest escalation still reachable adds its facts. Its workaround is offered
    only when it is the only escalation left: otherwise it may be for another fault.
    """
    tree = trees.get(state.tree)
    ahead = _escalations_ahead(tree, state.node) if tree else []
    nearest = ahead[0] if ahead else None
    collect = _merge(tree.collect if tree else (), nearest.collect if nearest else ())
    workaround = ahead[0].workaround if len(ahead) == 1 else OFFER_SOMETHING_ELSE
    ending = Ending(
        Outcome.ESCALATED,
        state.tree,
        state.node,
        reason,
        now,
        workaround,
        False,
        collect,
        by_staff=True,
    )
    return _end(replace(state, previous=state, notices=()), ending, now)


def _escalations_ahead(tree: Tree, node_id: str) -> list[Escalate]:
    """Every escalation reachable from *node_id* in this tree, nearest first."""
    found: list[Escalate] = []
    queue, seen = deque([node_id]), {node_id}
    while queue:
        node = tree.nodes.get(queue.popleft())
        if isinstance(node, Escalate):
            found.append(node)
            continue
        if node is None:
            continue
        for link in links(node):
            if link.target not in seen:
                seen.add(link.target)
                queue.append(link.target)
    return found


def _back(state: State, now: dt.datetime) -> State:
    previous = state.previous
    if previous is None:
        return replace(
            state, notices=(Notice("This is the first question; there is nothing to go back to."),)
        )
    undone = state.path[len(previous.path) :]
    what = "; ".join(
        f"{e.text} -> {e.value}" for e in undone if e.kind in (Kind.ANSWER, Kind.RESULT)
    )
    entry = Entry(Kind.BACK, now, previous.tree, previous.node, what or "went back", "correction")
    restored = replace(
        previous,
        log=(*state.log, entry),
        warned=state.warned | previous.warned,
        notices=(Notice("Went back one step."),),
    )
    return restored


def _note(state: State, text: str, now: dt.datetime) -> State:
    privacy.check(text)
    entry = Entry(Kind.NOTE, now, state.tree, state.node, text.strip())
    return replace(_log(state, entry), notices=(Notice(f"Note added: {entry.text}"),))
