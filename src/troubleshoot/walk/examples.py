"""Running a tree's example walks (its ``tests:``) through the real engine.

A trainer writes a walk as the answers staff would give and the end they should
reach. Running it through :mod:`troubleshoot.engine`, not a copy of its rules, means
a walk passes only if staff at the desk would really get there. When it does not,
the result says where the walk left the trainer's plan: the answer that fitted no
choice, the node where the answers ran out, or the end it reached instead.

Test walks run at one fixed moment, so the time budget never interrupts them; the
step budget or a repeated step may, and is answered "Keep going".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from troubleshoot.errors import Finding, TroubleshootError
from troubleshoot.frozen import frozen
from troubleshoot.text import one_line
from troubleshoot.tree.model import Tree, WalkTest
from troubleshoot.walk import engine, prompts
from troubleshoot.walk.engine import State, TreeSource
from troubleshoot.walk.prompts import Ask, AskFact, Choose, Do, Done, StopGuessing, Tell

RULE = "walk"
#: Any fixed moment will do: the engine only compares times with the walk's start.
MOMENT = dt.datetime(2000, 1, 1, 9, 0)
#: Moves without an answer (say nodes, stop prompts) allowed in a row before giving up.
MAX_FREE_MOVES = 500
KEEP_GOING = prompts.STOP_CHOICES.index("Keep going")
#: Characters of an unnamed walk's answers shown in its label.
PLAN_WIDTH = 40


class Overlay:
    """A tree source where the given trees replace those of the same id in *base*.

    The file under test may not be in any folder the tool loads, yet its gotos must
    still reach the bundled trees.
    """

    def __init__(self, base: TreeSource, trees: Iterable[Tree]) -> None:
        self.base = base
        self.own: Mapping[str, Tree] = {t.id: t for t in trees}

    def get(self, tree_id: str) -> Tree | None:
        return self.own.get(tree_id) or self.base.get(tree_id)


@frozen
class ExampleResult:
    tree: Tree
    number: int  # 1-based, as trainers count the walks in the file
    test: WalkTest
    problem: str = ""  # empty when the walk passed
    reached: str = ""  # the end reached, as `node` or `tree#node`

    @property
    def passed(self) -> bool:
        return not self.problem

    @property
    def label(self) -> str:
        """How a trainer finds the walk in the file.

        Its name, when it has one. A scenario without one is known by the patron's
        words; an example walk without one by its number and its plan (answers and
        end), since a number alone means counting walks in the file.
        """
        kind = "scenario" if self.test.patron else "walk"
        if self.test.name:
            return f"{kind} '{one_line(self.test.name)}'"
        if self.test.patron:
            return f"{kind} '{one_line(self.test.patron)}'"
        plan = ", ".join(one_line(a) for a in self.test.answers)
        if len(plan) > PLAN_WIDTH:
            plan = plan[: PLAN_WIDTH - 3].rstrip() + "..."
        return f"{kind} {self.number} ({plan} -> {one_line(self.test.end)})"

    def finding(self) -> Finding:
        at = self.test.pos
        return Finding(
            self.tree.path, at.line, at.col, "error", RULE, f"{self.label}: {self.problem}"
        )


def _name(tree: Tree, tree_id: str, node_id: str) -> str:
    return node_id if tree_id == tree.id else f"{tree_id}#{node_id}"


def _choices(prompt: Ask | Do) -> str:
    return ", ".join(f"{i}. '{one_line(c)}'" for i, c in enumerate(prompt.choices, 1))


def _misfit(tree: Tree, prompt: Ask | Do, number: int, answer: str) -> str:
    where = _name(tree, prompt.tree, prompt.node)
    text = f"answer {number} '{one_line(answer)}'"
    if isinstance(prompt, Do):
        return f"{text} does not fit step '{where}' (a step takes 'fixed', 'not fixed' or 'cannot')"
    hits = prompts.candidates(prompt, answer) if len(answer.strip()) > 1 else []
    several = [prompt.choices[i] for i in hits]
    if len(hits) == 1 and prompts.too_short(prompt, hits[0], answer):
        return (
            f"{text} is too short to pick '{one_line(several[0])}' of question '{where}', "
            f"which escalates; write at least {prompts.SURE_LETTERS} letters of it"
        )
    if len(several) > 1:
        return (
            f"{text} fits more than one answer of question '{where}' "
            f"({', '.join(repr(one_line(c)) for c in several)}); write more of it"
        )
    return f"{text} does not fit question '{where}' (choices: {_choices(prompt)})"


def _expected(tree: Tree, end: str) -> tuple[str, str]:
    """``node`` means a node of this tree; ``tree#node`` one in another tree."""
    tree_id, _, node_id = end.partition("#")
    return (tree_id, node_id) if node_id else (tree.id, end)


@frozen
class Replay:
    """A walk of written answers through the engine, as far as they went."""

    state: State
    answered: tuple[tuple[Ask | Do, int], ...]  # each prompt answered, and the choice taken
    problem: str = ""  # why the answers stopped short of an end, in a trainer's words


def replay(source: TreeSource, tree: Tree, state: State, answers: Sequence[str]) -> Replay:
    """Give *answers* in turn to the questions and steps from *state* until the walk ends.

    The one loop that plays written answers, for example walks and practice drills
    alike: it keeps going when the tool offers to stop (the answers are the plan), and
    says where they ran out, fitted no choice, or went round without asking.
    """
    answered: list[tuple[Ask | Do, int]] = []
    free_moves = 0
    while state.ending is None:  # an end's facts for IT are not part of a written walk
        prompt = engine.prompt(source, state)
        assert not isinstance(prompt, Done | AskFact)
        if isinstance(prompt, (StopGuessing, Tell)):
            free_moves += 1
            if free_moves > MAX_FREE_MOVES:
                where = _name(tree, prompt.tree, prompt.node)
                problem = f"goes round without asking anything, at '{where}'"
                return Replay(state, tuple(answered), problem)
            choice = KEEP_GOING if isinstance(prompt, StopGuessing) else 0
            state = engine.apply(source, state, Choose(choice), MOMENT)
            continue
        free_moves = 0
        used = len(answered)
        if used == len(answers):
            kind = "question" if isinstance(prompt, Ask) else "step"
            where = _name(tree, prompt.tree, prompt.node)
            problem = f"answers ran out at {kind} '{where}' ({one_line(prompt.text)})"
            return Replay(state, tuple(answered), problem)
        index = prompts.match(prompt, answers[used])
        if index is None:
            problem = _misfit(tree, prompt, used + 1, answers[used])
            return Replay(state, tuple(answered), problem)
        answered.append((prompt, index))
        state = engine.apply(source, state, Choose(index), MOMENT)
    return Replay(state, tuple(answered))


def run_walk(trees: TreeSource, tree: Tree, test: WalkTest, number: int) -> ExampleResult:
    """Walk *tree* with the test's answers and say whether it ends where expected."""

    def failed(problem: str, reached: str = "") -> ExampleResult:
        return ExampleResult(tree, number, test, problem, reached)

    source = Overlay(trees, [tree])
    try:
        state = engine.start(source, tree.id, MOMENT, admin=test.admin, forbidden=test.forbid)
    except TroubleshootError as e:
        return failed(f"cannot start: {e.message}")
    answers = list(test.answers)
    walked = replay(source, tree, state, answers)
    if walked.problem:
        return failed(walked.problem)
    used = len(walked.answered)
    state = walked.state
    assert state.ending is not None
    ending = state.ending
    reached = _name(tree, ending.tree, ending.node)
    if ending.by_staff:
        return failed(f"walk stopped at '{reached}': {one_line(ending.text)}", reached)
    if used < len(answers):
        left = ", ".join(repr(one_line(a)) for a in answers[used:])
        return failed(
            f"ended at '{reached}' ({ending.outcome}) with answers left over: {left}", reached
        )
    want_tree, want_node = _expected(tree, test.end)
    if (ending.tree, ending.node) != (want_tree, want_node):
        hint = ""
        target = source.get(want_tree)
        if target is None:
            hint = f"; there is no tree '{want_tree}'"
        elif want_node not in target.nodes:
            hint = f"; '{test.end}' is not a node of tree '{want_tree}'"
        return failed(
            f"ended at '{reached}' ({ending.outcome}), expected '{one_line(test.end)}'{hint}",
            reached,
        )
    return ExampleResult(tree, number, test, "", reached)


def run_tree(trees: TreeSource, tree: Tree) -> list[ExampleResult]:
    """Every example walk of *tree*, in file order."""
    walks = list(enumerate(tree.tests, 1)) + list(enumerate(tree.scenarios, 1))
    return [run_walk(trees, tree, test, n) for n, test in walks]
