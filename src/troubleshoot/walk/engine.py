"""The walk: a state and an action in, a new state out.

No I/O and no clock: the caller passes the time with every action. That is what
lets Back, budgets, goto and hand-offs be tested without a terminal, and lets a
session be resumed by replaying its recorded actions.

The state keeps two records. ``path`` is the walk as it stands: the answers that
count, undone by Back. ``log`` is everything that happened, in order, never undone:
IT wants to know that an answer was corrected, and notes survive going back.
"""

from __future__ import annotations

__all__ = [  # what the rest of the tool takes from here
    "OFFER_SOMETHING_ELSE",
    "State",
    "TreeSource",
    "WalkError",
    "apply",
    "prompt",
    "start",
]

import datetime as dt
from collections.abc import Iterable

from troubleshoot import privacy
from troubleshoot.errors import TroubleshootError
from troubleshoot.frozen import replace
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
    merge_facts,
)
from troubleshoot.walk import ending as ends
from troubleshoot.walk.ending import OFFER_SOMETHING_ELSE
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
from troubleshoot.walk.state import (
    MAX_HOPS,
    State,
    TreeSource,
    WalkError,
    logged,
    node_at,
    recorded,
)


def start(
    trees: TreeSource,
    tree_id: str,
    now: dt.datetime,
    *,
    node: str | None = None,
    admin: bool = False,
    forbidden: Iterable[str] = (),
    budget: Budget | None = None,
    cards: privacy.CardPattern = privacy.STRICT,
) -> State:
    """A new walk at the tree's start, or at *node* (a symptom can point deep).

    *cards* is what the desk's patron card numbers look like; every note, reason
    and fact typed in this walk is checked against it.
    """
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
        cards=cards,
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
    node = node_at(trees, state.tree, state.node)
    if isinstance(node, Question):
        tree = trees.get(state.tree)
        return Ask(
            state.tree,
            node.id,
            node.ask,
            node.detail,
            tuple(a.text for a in node.answers),
            node.note,
            tuple(tree is not None and ends.escalates(tree, a.next) for a in node.answers),
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
        return ends.give_fact(state, action, now)
    if state.ending is not None:
        raise WalkError("the walk has ended")
    if isinstance(action, Choose):
        return _choose(trees, state, action.index, now)
    if isinstance(action, Cannot):
        return _cannot(trees, state, action.reason, now)
    if isinstance(action, EscalateNow):
        return ends.escalate_now(trees, state, now, ends.stopped_at(trees, state, action.reason))
    if isinstance(action, Restart):
        fresh = replace(state, path=(), steps=0, stop=None, previous=state, notices=())
        fresh = logged(fresh, Entry(Kind.RESTART, now, state.tree, state.node))
        return _enter(trees, fresh, *state.origin, now)
    if isinstance(action, PatronLeft):
        ending = Ending(Outcome.ABANDONED, state.tree, state.node, "The patron left", now)
        return logged(
            replace(state, ending=ending, previous=state),
            Entry(Kind.END, now, state.tree, state.node, ending.text, "abandoned"),
        )
    raise WalkError(f"unknown action {action!r}")  # pragma: no cover


# -- moving ------------------------------------------------------------------------------


def _enter(trees: TreeSource, state: State, tree_id: str, node_id: str, now: dt.datetime) -> State:
    """Move to a node, following every move that needs no answer from the person."""
    notices = list(state.notices)
    for _ in range(MAX_HOPS):
        tree = trees.get(tree_id)
        node = tree.nodes.get(node_id) if tree else None
        if tree is None or node is None:
            missing = f"tree '{tree_id}'" if tree is None else f"node '{node_id}' in '{tree_id}'"
            return ends.broken(
                state,
                tree_id,
                node_id,
                f"The guide points to {missing}, which could not be loaded",
                now,
            )
        state = replace(state, tree=tree_id, node=node_id)
        if isinstance(node, Goto):
            target = trees.get(node.tree)
            state = recorded(state, Entry(Kind.GOTO, now, tree_id, node_id, value=node.target))
            if target is not None:
                notices.append(Notice(f"Continuing with: {target.title}"))
            tree_id, node_id = node.tree, node.node or (target.start if target else "")
            continue
        if isinstance(node, Step) and node.admin and not state.admin:
            state = recorded(
                state,
                Entry(Kind.ADMIN_SKIPPED, now, tree_id, node_id, node.step, detail=node.admin),
            )
            notices.append(Notice(f"Needs admin rights, so it is noted for IT: {node.step}"))
            node_id = node.no_admin or node.not_fixed
            continue
        if isinstance(node, Step) and node.policy and node.policy in state.forbidden:
            state = recorded(
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
            return ends.end(state, Ending(Outcome.RESOLVED, tree_id, node_id, node.text, now), now)
        if isinstance(node, Escalate):
            ending = Ending(
                Outcome.ESCALATED,
                tree_id,
                node_id,
                ends.unconfirmed(state, node.reason),
                now,
                node.workaround,
                node.urgent,
                merge_facts(node.collect, tree.collect),
            )
            return ends.end(state, ending, now)
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
            return ends.end(state, ending, now)
        state = _check_stop(state, tree_id, node, now)
        kind = {Question: "question", Step: "step", Say: "say"}[type(node)]
        return logged(state, Entry(Kind.SHOWN, now, tree_id, node_id, kind))
    return ends.broken(state, tree_id, node_id, "The guide goes round in circles", now)


#: Path entries that mean the person answered at that node.
_ANSWERED = frozenset({Kind.ANSWER, Kind.RESULT, Kind.SAID})


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
            return logged(replace(state, stop=(key, reason)), entry)
    return state


def _choose(trees: TreeSource, state: State, index: int, now: dt.datetime) -> State:
    shown = prompt(trees, state)
    if not 0 <= index < len(shown.choices):
        raise WalkError(f"choice {index + 1} is not one of the {len(shown.choices)} offered")
    if state.stop is not None:
        key, reason = state.stop
        if index == 0:
            where = ends.on_screen(trees, state)
            return ends.escalate_now(trees, state, now, f"Stopped guessing {where} ({reason})")
        kept = replace(state, stop=None, warned=state.warned | {key}, notices=())
        return logged(kept, Entry(Kind.KEPT_GOING, now, state.tree, state.node, reason, key))
    node = node_at(trees, state.tree, state.node)
    moved = replace(state, previous=state, notices=())
    if isinstance(node, Question):
        answer = node.answers[index]
        moved = recorded(moved, Entry(Kind.ANSWER, now, state.tree, node.id, node.ask, answer.text))
        return _enter(trees, moved, state.tree, answer.next, now)
    if isinstance(node, Step):
        if index == 2:
            return _cannot(trees, state, "", now)
        result, target = (FIXED, node.fixed) if index == 0 else (NOT_FIXED, node.not_fixed)
        moved = recorded(moved, Entry(Kind.RESULT, now, state.tree, node.id, node.step, result))
        moved = replace(moved, steps=moved.steps + 1, tried=moved.tried | {(state.tree, node.id)})
        return _enter(trees, moved, state.tree, target, now)
    assert isinstance(node, Say)
    moved = recorded(moved, Entry(Kind.SAID, now, state.tree, node.id, node.say))
    return _enter(trees, moved, state.tree, node.next, now)


def _cannot(trees: TreeSource, state: State, reason: str, now: dt.datetime) -> State:
    node = node_at(trees, state.tree, state.node)
    if state.stop is not None or not isinstance(node, Step):
        raise WalkError("only a step can be marked as not tried")
    reason = reason.strip()
    privacy.check(reason, state.cards)  # the reason is free text, kept like a note
    moved = replace(state, previous=state, notices=())
    entry = Entry(Kind.RESULT, now, state.tree, node.id, node.step, NOT_TRIED, reason)
    return _enter(trees, recorded(moved, entry), state.tree, node.cannot_target, now)


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


def _note(state: State, text: str, now: dt.datetime) -> State:
    text = text.strip()
    privacy.check(text, state.cards)  # checked as it will be kept
    entry = Entry(Kind.NOTE, now, state.tree, state.node, text)
    return replace(logged(state, entry), notices=(Notice(f"Note added: {entry.text}"),))
