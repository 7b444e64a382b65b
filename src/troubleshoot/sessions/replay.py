"""Bringing a recorded walk back to life, at the node where it stopped.

The engine is deterministic, so replaying the recorded start and actions at their
recorded times gives back the very state the walk was in: same node, same
transcript, Back still working. That is checked against the recorded events, not
assumed.

When a trainer has edited the tree since, the replay may no longer fit. The walk
can still go on if the node where it stopped exists: the state is then rebuilt from
the recorded events (so the transcript and hand-off keep what was done) and entered
afresh at that node. Back cannot reach past that point, which the person is told.
"""

from __future__ import annotations

import datetime as dt

from troubleshoot import privacy
from troubleshoot.errors import TroubleshootError
from troubleshoot.frozen import frozen, replace
from troubleshoot.sessions.records import Session
from troubleshoot.walk import engine, prompts
from troubleshoot.walk.engine import State, TreeSource
from troubleshoot.walk.prompts import FIXED, NOT_FIXED, Kind, Notice, Outcome

REBUILT = "The tree changed since this walk began, so Back cannot go further back than here."


@frozen
class Restored:
    state: State
    changed: bool  # the tree file is not the one the walk began with
    rebuilt: bool  # the recorded actions no longer replay on it


def restore(
    trees: TreeSource,
    session: Session,
    now: dt.datetime,
    cards: privacy.CardPattern = privacy.STRICT,
) -> Restored:
    """The walk as it stood, checking what is typed against *cards* from here on;
    TroubleshootError when it cannot go on."""
    tree = trees.get(session.tree)
    if tree is None:
        raise TroubleshootError(
            f"session {session.short_id} was a walk of tree '{session.tree}', "
            "which is missing or broken now"
        )
    changed = tree.digest != session.digest
    state = replayed(trees, session, cards)
    if state is not None:
        return Restored(state, changed, rebuilt=False)
    return Restored(rebuild(trees, session, now, cards), changed, rebuilt=True)


def replayed(
    trees: TreeSource, session: Session, cards: privacy.CardPattern = privacy.STRICT
) -> State | None:
    """The state from replaying every action, or None when it does not match the record."""
    try:
        state = engine.start(
            trees,
            session.tree,
            session.started,
            node=session.start_node,
            admin=session.admin,
            forbidden=session.forbidden,
            budget=session.budget,
            cards=cards,
        )
        for move in session.moves:
            state = engine.apply(trees, state, move.action, move.at)
    except TroubleshootError:
        return None
    if state.log != session.events:
        return None
    return replace(state, notices=())


def rebuild(
    trees: TreeSource,
    session: Session,
    now: dt.datetime,
    cards: privacy.CardPattern = privacy.STRICT,
) -> State:
    """A state that carries the recorded transcript and continues at the recorded node."""
    where = session.end_tree or session.at_tree, session.end_node or session.at_node
    target = trees.get(where[0])
    if target is None or where[1] not in target.nodes:
        raise TroubleshootError(
            f"the tree '{where[0]}' has changed and no longer has the node '{where[1]}' "
            f"where session {session.short_id} stopped; start a new walk"
        )
    fresh = engine.start(
        trees,
        where[0],
        now,
        node=where[1],
        admin=session.admin,
        forbidden=session.forbidden,
        budget=session.budget,
        cards=cards,
    )
    log = session.events
    path = tuple(log[i] for i in session.path)
    tried = [e for e in log if e.kind == Kind.RESULT and e.value in (FIXED, NOT_FIXED)]
    state = replace(
        fresh,
        origin=(log[0].tree, log[0].node) if log else fresh.origin,
        started=session.started,
        path=path + fresh.path,
        log=log + fresh.log[1:],  # the fresh "start" entry is not a new start
        steps=sum(1 for e in path if e in tried),
        tried=frozenset((e.tree, e.node) for e in tried),
        warned=frozenset(e.value for e in log if e.kind == Kind.KEPT_GOING),
        notices=(Notice(REBUILT),),
    )
    if state.ending is None and session.outcome == Outcome.ABANDONED:
        state = engine.apply(trees, state, prompts.PatronLeft(), now)
    elif state.ending is None and session.outcome == Outcome.ESCALATED:
        state = engine.apply(trees, state, prompts.EscalateNow(), now)
    return state
