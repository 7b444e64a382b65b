"""Practice drills: a tree's scenario played by a trainee, scored against the expert.

A scenario already says what is really going on and the answers a staff member who
knows it would give. Replaying those answers through the engine (not a copy of its
rules) gives the expert's walk: which answer they took at each question and what
each step did. A trainee's drill then needs no one playing the patron: asking the
patron reveals the expert's answer at that question, and a step does what it did
for the expert. Everything here is values: no I/O, no clock, no randomness, so a
drill and its score card can be tested like the engine.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from troubleshoot.errors import TroubleshootError
from troubleshoot.frozen import frozen
from troubleshoot.tree.model import Step, Tree, WalkTest
from troubleshoot.walk import engine
from troubleshoot.walk.engine import State, TreeSource
from troubleshoot.walk.examples import MOMENT, Overlay, replay
from troubleshoot.walk.prompts import (
    FIXED,
    NOT_FIXED,
    NOT_TRIED,
    Ask,
    Do,
    Ending,
    Kind,
    Outcome,
    StepResult,
)
from troubleshoot.walk.state import node_at

#: What one question put to the patron costs, in practice minutes.
ASK_MINUTES = 1
#: How a step's result reads to the trainee.
RESULT_WORDS = {
    FIXED: "That fixed it.",
    NOT_FIXED: "That didn't fix it.",
    NOT_TRIED: "It could not be tried.",
}

Place = tuple[str, str]  # (tree, node)


class PracticeError(TroubleshootError):
    """A scenario whose answers do not walk its tree (``troubleshoot test`` says where)."""


@frozen
class Expert:
    """The expert's walk of one scenario: what was chosen where, and the end."""

    tree: str
    scenario: WalkTest
    answers: Mapping[Place, str]  # question -> the answer taken
    results: Mapping[Place, StepResult]  # step -> what it did
    lines: tuple[str, ...]  # the walk as the score card shows it
    ending: Ending


def expert_walk(trees: TreeSource, tree: Tree, scenario: WalkTest) -> Expert:
    """Replay the scenario's answers through the engine, keeping what each one chose.

    The expert walks with the scenario's own rights (a scenario may say ``admin``),
    and keeps going when the tool offers to stop: the scenario is the plan.
    """
    source = Overlay(trees, [tree])
    state = engine.start(source, tree.id, MOMENT, admin=scenario.admin, forbidden=scenario.forbid)
    walked = replay(source, tree, state, scenario.answers)
    if walked.problem:
        raise PracticeError(f"scenario '{scenario.name}': {walked.problem}")
    answers: dict[Place, str] = {}
    results: dict[Place, StepResult] = {}
    lines: list[str] = []
    for prompt, index in walked.answered:
        place = (prompt.tree, prompt.node)
        if isinstance(prompt, Ask):
            answers[place] = prompt.choices[index]
            lines.append(f"{prompt.text} -> {prompt.choices[index]}")
        else:
            results[place] = (FIXED, NOT_FIXED, NOT_TRIED)[index]
            lines.append(f"{prompt.text} -> {results[place]}")
    state = walked.state
    assert state.ending is not None
    return Expert(tree.id, scenario, answers, results, tuple(lines), state.ending)


def pick(scenarios: Sequence[tuple[Tree, WalkTest]], number: int) -> tuple[Tree, WalkTest]:
    """The scenario a drill draws, from a number the caller chose (a seed, a random draw)."""
    if not scenarios:
        raise PracticeError("no tree here has scenarios to practise")
    return scenarios[number % len(scenarios)]


def reveal(expert: Expert, prompt: Ask) -> str:
    """What asking the patron tells the trainee at this question.

    The expert's answer, when the expert came this way; else what is really going
    on, which is all a patron could say to a question the expert never needed.
    """
    answer = expert.answers.get((prompt.tree, prompt.node))
    if answer is not None:
        return f"The patron's answer: {answer}"
    return f"What you know: {expert.scenario.situation}"


def step_result(expert: Expert, prompt: Do, index: int) -> int:
    """The step choice that stands once the trainee did the step (0 fixed, 1 not fixed).

    The scenario decides what a step does: the expert's result when the expert tried
    it, else not fixed (a step the scenario doesn't name doesn't fix it). "Couldn't
    try" (2) is the trainee's own choice and stays.
    """
    if index == 2:
        return index
    done = expert.results.get((prompt.tree, prompt.node), NOT_FIXED)
    return 0 if done == FIXED else 1


def kind(ending: Ending) -> str:
    """An end's kind as the score card compares it: an urgent escalation is its own kind."""
    if ending.outcome == Outcome.ESCALATED and ending.urgent:
        return "urgent"
    return str(ending.outcome)


@frozen
class ScoreCard:
    """How a drill went, beside the expert's walk. Figures only: the view is in ``ui``."""

    tree: str
    scenario: str
    right_end: bool  # the same end node as the expert
    same_kind: bool  # else at least the same kind of end
    end: str  # the trainee's end, as kind and text
    expert_end: str
    minutes: int
    budget: int
    asks: int
    unneeded: tuple[str, ...]  # steps tried that the expert did not need
    admin: tuple[str, ...]  # admin steps met without admin rights
    facts_asked: int
    facts_given: int
    walked: tuple[str, ...]
    expert: tuple[str, ...]

    @property
    def facts_complete(self) -> bool:
        return self.facts_given >= self.facts_asked


def minutes(trees: TreeSource, state: State, asks: int) -> int:
    """Practice time: each step tried counts its minutes, each question to the patron one."""
    total = asks * ASK_MINUTES
    for entry in state.log:
        if entry.kind == Kind.RESULT and entry.value != NOT_TRIED:
            node = node_at(trees, entry.tree, entry.node)
            total += node.minutes if isinstance(node, Step) else 0
    return total


def score(trees: TreeSource, expert: Expert, state: State, asks: int) -> ScoreCard:
    """The score card of a finished drill (*state* at its end).

    The budget is the walk's own (the tree's, else the site's default, as the drill
    started it), so the card measures the trainee against what a real walk at this
    desk would allow, not against a figure the desk never uses.
    """
    ending = state.ending
    if ending is None:
        raise PracticeError("the drill has not reached an end")
    walked: list[str] = []
    unneeded: list[str] = []
    for entry in state.path:
        if entry.kind == Kind.ANSWER:
            walked.append(f"{entry.text} -> {entry.value}")
        elif entry.kind == Kind.RESULT:
            walked.append(f"{entry.text} -> {entry.value}")
            tried = entry.value != NOT_TRIED
            if tried and (entry.tree, entry.node) not in expert.results:
                unneeded.append(entry.text)
    admin = tuple(e.text for e in state.log if e.kind == Kind.ADMIN_SKIPPED)
    given = sum(1 for _, value in state.facts if value)
    return ScoreCard(
        tree=expert.tree,
        scenario=expert.scenario.name,
        right_end=(ending.tree, ending.node) == (expert.ending.tree, expert.ending.node),
        same_kind=kind(ending) == kind(expert.ending),
        end=f"{kind(ending)}{' (stopped early)' if ending.by_staff else ''}: {ending.text}",
        expert_end=f"{kind(expert.ending)}: {expert.ending.text}",
        minutes=minutes(trees, state, asks),
        budget=state.budget.minutes,
        asks=asks,
        unneeded=tuple(dict.fromkeys(unneeded)),
        admin=tuple(dict.fromkeys(admin)),
        facts_asked=len(ending.collect) if ending.outcome == Outcome.ESCALATED else 0,
        facts_given=given if ending.outcome == Outcome.ESCALATED else 0,
        walked=tuple(walked),
        expert=expert.lines,
    )


class Coach(Protocol):
    """What a prompter asks during a drill: the patron's answer, and what a step did."""

    def ask_patron(self, prompt: Ask) -> str: ...

    def did(self, prompt: Do, index: int) -> int: ...


class Drill:
    """A drill under way: the expert's walk, and how often the patron was asked.

    The one thing a drill has to remember as it goes is the count of questions put
    to the patron, since each costs practice time; everything else is in the state.
    """

    def __init__(self, expert: Expert) -> None:
        self.expert = expert
        self.asks = 0

    def ask_patron(self, prompt: Ask) -> str:
        self.asks += 1
        return reveal(self.expert, prompt)

    def did(self, prompt: Do, index: int) -> int:
        return step_result(self.expert, prompt, index)
