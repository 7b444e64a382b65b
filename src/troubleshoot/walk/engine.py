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
    Refer,
    Resolved,
    Say,
    Step,
    Tree,
)
from troubleshoot.walk.prompts import (
    FIXED,
    NOT_FIXED,
    NOT_TRIED,
    Action,
    AddNote,
    Ask,
    AskFact,
    Back,
    Cannot,
    Choose,
    Do,
    Done,
    Ending,
    Entry,
    EscalateNow,
    GiveFact,
    Kind,
    Notice,
    Outcome,
    PatronLeft,
    Prompt,
    Restart,
    SkipFacts,
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
    facts: tuple[tuple[str, str], ...] = ()  # (what IT asked for, what staff typed)
    asked: int = 0  # how many of the end's facts have been asked (given or skipped)

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
        label = state.fact_pending
        if label is not None:
            return AskFact(label, state.asked + 1, len(state.ending.collect))
        return Done(state.ending)
    if state.stop is not None:
        return StopGuessing(state.tree, state.node, state.stop[1])
    node = _node(trees, state.tree, state.node)
    if isinstance(node, Question):
        tree = trees.get(state.tree)
        return Ask(
            state.tree,
            node.id,
            node.ask,
            node.detail,
            tuple(a.text for a in node.answers),
            node.note,
            tuple(tree is not None and _escalates(tree, a.next) for a in node.answers),
        )
    if isinstance(node, Step):
        return Do(
            state.tree,
            node.id,
            node.step,
            node.detail,
            node.minutes,
            node.admin if state.admin else None,
            note=node.note,
        )
    if isinstance(node, Say):
        return Tell(state.tree, node.id, node.say, node.detail, note=node.note)
    raise WalkError(f"node '{state.node}' cannot be shown")  # pragma: no cover - _enter moves on


def apply(trees: TreeSource, state: State, action: Action, now: dt.datetime) -> State:
    """The state after *action*; the one function every front end calls."""
    if isinstance(action, AddNote):
        return _note(state, action.text, now)
    if isinstance(action, Back):
        return _back(state, now)
    if isinstance(action, GiveFact | SkipFacts):
        return _fact(state, action, now)
    if state.ending is not None:
        raise WalkError("the walk has ended")
    if isinstance(action, Choose):
        return _choose(trees, state, action.index, now)
    if isinstance(action, Cannot):
        return _cannot(trees, state, action.reason, now)
    if isinstance(action, EscalateNow):
        return _escalate_now(trees, state, now, _stopped_at(trees, state, action.reason))
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
            ending = Ending(
                Outcome.ESCALATED,
                tree_id,
                node_id,
                _unconfirmed(state, node.reason),
                now,
                node.workaround,
                node.urgent,
                merge_facts(node.collect, tree.collect),
            )
            return _end(state, ending, now)
        if isinstance(node, Refer):
            ending = Ending(
                Outcome.REFERRED,
                tree_id,
                node_id,
                node.who,
                now,
                node.tell,
                collect=merge_facts(node.collect),
                bring=node.bring,
            )
            return _end(state, ending, now)
        state = _check_stop(state, tree_id, node, now)
        kind = {Question: "question", Step: "step", Say: "say"}[type(node)]
        return _log(state, Entry(Kind.SHOWN, now, tree_id, node_id, kind))
    return _broken(state, tree_id, node_id, "The guide goes round in circles", now)


#: Path entries that mean the person answered at that node.
_ANSWERED = frozenset({Kind.ANSWER, Kind.RESULT, Kind.SAID})


def merge_facts(*lists: Iterable[str]) -> tuple[str, ...]:
    """The facts to ask, the end's own first, each once (however it is capitalised)."""
    seen: dict[str, str] = {}
    for items in lists:
        for item in items:
            seen.setdefault(" ".join(item.casefold().split()), item)
    return tuple(seen.values())


def _unconfirmed(state: State, reason: str) -> str:
    """An escalation reached because a step could not be tried has not shown the fault."""
    results = [e for e in state.path if e.kind == Kind.RESULT]
    if results and results[-1].value == NOT_TRIED:
        return f"{reason} (not confirmed: '{results[-1].text}' could not be tried)"
    return reason


def _escalates(tree: Tree, node_id: str) -> bool:
    """Whether arriving at *node_id* ends the walk in an escalation straight away."""
    for _ in range(MAX_HOPS):
        node = tree.nodes.get(node_id)
        if isinstance(node, Escalate):
            return True
        if not isinstance(node, Step) or not (node.admin or node.policy):
            return False
        node_id = node.no_admin or node.not_fixed  # a step that may be passed over
    return False


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


def _choose(trees: TreeSource, state: State, index: int, now: dt.datetime) -> State:
    shown = prompt(trees, state)
    if not 0 <= index < len(shown.choices):
        raise WalkError(f"choice {index + 1} is not one of the {len(shown.choices)} offered")
    if state.stop is not None:
        key, reason = state.stop
        if index == 0:
            where = _on_screen(trees, state)
            return _escalate_now(trees, state, now, f"Stopped guessing {where} ({reason})")
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


def _on_screen(trees: TreeSource, state: State) -> str:
    """Where staff were, in the words on screen (never a node id): "at the step: ..."."""
    node = _node(trees, state.tree, state.node)
    if isinstance(node, Question):
        return f"at the question: {node.ask}"
    if isinstance(node, Step):
        return f"at the step: {node.step}"
    if isinstance(node, Say):
        return f"after telling the patron: {node.say}"
    return "before the guide reached an end"


def _stopped_at(trees: TreeSource, state: State, why: str) -> str:
    """The reason staff typed for stopping, else where they stopped."""
    why = " ".join(why.split())
    privacy.check(why)
    return why or f"Stopped by staff {_on_screen(trees, state)}"


def _escalate_now(trees: TreeSource, state: State, now: dt.datetime, reason: str) -> State:
    """End the walk early with the facts the tree wants whenever a walk ends early.

    Which fault it is has not been found, so only the tree's own general facts and
    workaround apply: another end's would speak of a fault nobody saw.
    """
    tree = trees.get(state.tree)
    collect = merge_facts(tree.collect) if tree else ()
    workaround = (tree.workaround if tree else "") or OFFER_SOMETHING_ELSE
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


def _back(state: State, now: dt.datetime) -> State:
    """One step back: the answer, step result or fact given last is taken back.

    The log keeps what was taken back (the question and the old answer), so the
    hand-off can say what changed once the new answer is given.
    """
    previous = state.previous
    if previous is None:
        return replace(
            state, notices=(Notice("This is the first question; there is nothing to go back to."),)
        )
    if state.asked > previous.asked:  # a fact: ask it again
        label, value = state.facts[-1] if len(state.facts) > len(previous.facts) else ("", "")
        entry = Entry(Kind.BACK, now, previous.tree, previous.node, label, value, Kind.FACT)
        notice = Notice("Back to the fact before.")
    else:
        undone = [e for e in state.path[len(previous.path) :] if e.kind in _CORRECTABLE]
        first = undone[0] if undone else None
        entry = Entry(
            Kind.BACK,
            now,
            previous.tree,
            previous.node,
            first.text if first else "",
            first.value if first else "",
            first.kind if first else "",
        )
        notice = Notice("Went back one step.")
    return replace(
        previous,
        log=(*state.log, entry),
        warned=state.warned | previous.warned,
        notices=(notice,),
    )


#: What going back can take back and the hand-off reports as a correction.
_CORRECTABLE = frozenset({Kind.ANSWER, Kind.RESULT})


def _fact(state: State, action: GiveFact | SkipFacts, now: dt.datetime) -> State:
    label = state.fact_pending
    if label is None:
        raise WalkError("no fact is being asked for")
    moved = replace(state, previous=state, notices=())
    if isinstance(action, SkipFacts):
        assert state.ending is not None
        entry = Entry(Kind.FACT, now, state.tree, state.node, label, "", "skipped the rest")
        return _log(replace(moved, asked=len(state.ending.collect)), entry)
    value = " ".join(action.value.split())
    privacy.check(value)
    facts = (*state.facts, (label, value)) if value else state.facts
    entry = Entry(Kind.FACT, now, state.tree, state.node, label, value)
    return _log(replace(moved, facts=facts, asked=state.asked + 1), entry)


def _note(state: State, text: str, now: dt.datetime) -> State:
    privacy.check(text)
    entry = Entry(Kind.NOTE, now, state.tree, state.node, text.strip())
    return replace(_log(state, entry), notices=(Notice(f"Note added: {entry.text}"),))
