"""How a walk ends: at the tree's end, stopped early by staff, or broken; and its facts.

At an end the walk first says what it is; then the facts IT needs are asked, one
action each, so that every fact is recorded as it is typed and Back can take one
back (or, from the first, the end itself).
"""

from __future__ import annotations

import datetime as dt

from troubleshoot import privacy
from troubleshoot.frozen import replace
from troubleshoot.tree.model import Escalate, Question, Say, Step, Tree, merge_facts
from troubleshoot.walk.prompts import (
    NOT_TRIED,
    Ending,
    Entry,
    GiveFact,
    Kind,
    Outcome,
    SkipFacts,
)
from troubleshoot.walk.state import MAX_HOPS, State, TreeSource, WalkError, logged, node_at


def unconfirmed(state: State, reason: str) -> str:
    """An escalation reached because a step could not be tried has not shown the fault."""
    results = [e for e in state.path if e.kind == Kind.RESULT]
    if results and results[-1].value == NOT_TRIED:
        return f"{reason} (not confirmed: '{results[-1].text}' could not be tried)"
    return reason


def escalates(tree: Tree, node_id: str) -> bool:
    """Whether arriving at *node_id* ends the walk in an escalation straight away."""
    for _ in range(MAX_HOPS):
        node = tree.nodes.get(node_id)
        if isinstance(node, Escalate):
            return True
        if not isinstance(node, Step) or not (node.admin or node.policy):
            return False
        node_id = node.no_admin or node.not_fixed  # a step that may be passed over
    return False


def end(state: State, ending: Ending, now: dt.datetime) -> State:
    entry = Entry(Kind.END, now, ending.tree, ending.node, ending.text, ending.outcome)
    return logged(replace(state, ending=ending, stop=None), entry)


def broken(state: State, tree_id: str, node_id: str, why: str, now: dt.datetime) -> State:
    ending = Ending(
        Outcome.ESCALATED,
        tree_id,
        node_id,
        why,
        now,
        OFFER_SOMETHING_ELSE,
        by_staff=True,
    )
    return end(state, ending, now)


#: What to offer the patron when staff stop early and the tree cannot say which
#: fault this is (more than one escalation could still be reached).
OFFER_SOMETHING_ELSE = "Offer the patron another device or service while IT looks at it."


def on_screen(trees: TreeSource, state: State) -> str:
    """Where staff were, in the words on screen (never a node id): "at the step: ..."."""
    node = node_at(trees, state.tree, state.node)
    if isinstance(node, Question):
        return f"at the question: {node.ask}"
    if isinstance(node, Step):
        return f"at the step: {node.step}"
    if isinstance(node, Say):
        return f"after telling the patron: {node.say}"
    return "before the guide reached an end"


def stopped_at(trees: TreeSource, state: State, why: str) -> str:
    """The reason staff typed for stopping, else where they stopped."""
    why = " ".join(why.split())
    privacy.check(why, state.cards)  # checked as it will be kept, spaces joined
    return why or f"Stopped by staff {on_screen(trees, state)}"


def escalate_now(trees: TreeSource, state: State, now: dt.datetime, reason: str) -> State:
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
    return end(replace(state, previous=state, notices=()), ending, now)


def give_fact(state: State, action: GiveFact | SkipFacts, now: dt.datetime) -> State:
    label = state.fact_pending
    if label is None:
        raise WalkError("no fact is being asked for")
    moved = replace(state, previous=state, notices=())
    if isinstance(action, SkipFacts):
        assert state.ending is not None
        entry = Entry(Kind.FACT, now, state.tree, state.node, label, "", "skipped the rest")
        return logged(replace(moved, asked=len(state.ending.collect)), entry)
    value = " ".join(action.value.split())
    privacy.check(value, state.cards)  # checked as it will be kept, spaces joined
    facts = (*state.facts, (label, value)) if value else state.facts
    entry = Entry(Kind.FACT, now, state.tree, state.node, label, value)
    return logged(replace(moved, facts=facts, asked=state.asked + 1), entry)
