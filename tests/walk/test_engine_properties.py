"""Any answers on any tree: the walk never breaks, and it never goes round for ever.

The bound: counting the answers that move the walk on (from the start, or from the
last Back or Start over), a walk reaches an end or offers to stop guessing before
that count passes the number of question, step and say nodes in its trees. Each
answer is recorded at a node on the current path, and coming back to a recorded
node is itself a reason to offer to stop, so there is nowhere new left to go after
that many answers. Choosing "Keep going" takes that offer away, so the bound is
checked on walks where staff never choose it; the other test lets them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import TEXT, tree_data
from troubleshoot.errors import TroubleshootError
from troubleshoot.tree.loader import parse_tree
from troubleshoot.tree.model import Escalate, Goto, Resolved, Tree
from troubleshoot.walk import engine
from troubleshoot.walk.prompts import (
    Action,
    AddNote,
    AskFact,
    Back,
    Cannot,
    Choose,
    Do,
    Done,
    EscalateNow,
    GiveFact,
    Restart,
    SkipFacts,
    StopGuessing,
)

T0 = dt.datetime(2026, 11, 23, 10, 0)
ACTIONS = st.lists(
    st.one_of(
        st.builds(Choose, st.integers(-1, 4)),
        st.just(Back()),
        st.builds(Cannot, st.text(max_size=5)),
        st.just(Restart()),
        st.builds(AddNote, TEXT),
        st.builds(EscalateNow, st.text(max_size=5)),
        st.builds(GiveFact, TEXT),
        st.just(SkipFacts()),
    ),
    max_size=60,
)


class Trees(dict[str, Tree]):
    """The trees of one walk, by id; a missing id is a tree that would not load."""


def load(tree_id: str, data: dict[str, Any]) -> Tree:
    tree, findings = parse_tree(Path(f"{tree_id}.yaml"), yaml.safe_dump(data, sort_keys=False))
    assert tree is not None, findings
    return tree


@st.composite
def walks(draw: st.DrawFn) -> tuple[Trees, engine.State]:
    main = load("main", draw(tree_data()))
    other_data = draw(tree_data(other="main"))
    other_data["nodes"].setdefault("n1", {"resolved": "Fixed over there."})
    other = load("other", other_data)
    trees = Trees(main=main, other=other)
    state = engine.start(
        trees,
        "main",
        T0,
        admin=draw(st.booleans()),
        forbidden=draw(st.sets(st.sampled_from(["clear_jams", "refunds"]))),
    )
    return trees, state


def answerable(trees: Trees) -> int:
    """Question, step and say nodes: the places an answer can be given."""
    ends = (Resolved, Escalate, Goto)
    return sum(not isinstance(n, ends) for t in trees.values() for n in t.nodes.values())


def step(trees: Trees, state: engine.State, action: Action) -> engine.State:
    """Apply *action*; an action that does not fit the prompt is refused with our error."""
    try:
        state = engine.apply(trees, state, action, T0)
    except TroubleshootError:
        return state
    shown = engine.prompt(trees, state)  # every state reached can be shown
    assert state.finished == isinstance(shown, Done)
    assert (state.fact_pending is not None) == isinstance(shown, AskFact)
    return state


@given(walks(), ACTIONS)
def test_any_actions_on_any_tree_keep_the_walk_whole(walk: Any, actions: list[Action]) -> None:
    trees, state = walk
    for action in actions:
        if state.finished:
            break
        state = step(trees, state, action)
    if state.ending is not None:
        assert state.ending.outcome in ("resolved", "escalated", "referred")
        assert state.asked <= len(state.ending.collect)


@given(walks(), ACTIONS, st.data())
def test_answers_reach_an_end_or_a_stop_offer_within_the_bound(
    walk: Any, actions: list[Action], data: st.DataObject
) -> None:
    trees, state = walk
    bound = answerable(trees)
    run = 0

    def settled(state: engine.State) -> bool:
        return state.ending is not None or isinstance(engine.prompt(trees, state), StopGuessing)

    for action in actions:
        if settled(state):
            return
        before = state
        state = step(trees, state, action)
        if isinstance(action, Back | Restart):
            run = 0
        elif isinstance(action, Choose | Cannot) and state is not before:
            run += 1
            assert run <= bound
    # Whatever happened before, answering on from here settles within the bound.
    for answered in range(bound + 1):
        if settled(state):
            return
        shown = engine.prompt(trees, state)
        choice = data.draw(st.integers(0, len(shown.choices) - 1), label=f"answer {answered}")
        action: Action = Cannot() if isinstance(shown, Do) and choice == 2 else Choose(choice)
        state = engine.apply(trees, state, action, T0)
    raise AssertionError(f"still walking after {bound + 1} answers")


def test_a_loop_of_questions_offers_to_stop_guessing_when_it_comes_round() -> None:
    trees = Trees(
        main=load(
            "main",
            {
                "title": "Loop",
                "summary": "Two questions that lead to each other.",
                "symptoms": ["loop"],
                "start": "on",
                "nodes": {
                    "on": {"ask": "Is it on?", "answers": [{"text": "Yes", "next": "plugged"}]},
                    "plugged": {"ask": "Plugged in?", "answers": [{"text": "No", "next": "on"}]},
                },
            },
        )
    )
    state = engine.start(trees, "main", T0)
    state = engine.apply(trees, state, Choose(0), T0)
    assert not isinstance(engine.prompt(trees, state), StopGuessing)
    state = engine.apply(trees, state, Choose(0), T0)
    shown = engine.prompt(trees, state)
    assert isinstance(shown, StopGuessing)
    assert shown.reason.startswith("The walk has come back to where it already was.")
    state = engine.apply(trees, state, Choose(1), T0)  # keep going: asked once, not again
    assert engine.prompt(trees, state).node == "on"  # type: ignore[union-attr]
