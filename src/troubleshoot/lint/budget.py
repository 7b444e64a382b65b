"""A way through the tree that ends without escalating but runs over the budget.

``budget`` says when to stop guessing. If the longest resolving way through asks for
more steps, or more minutes of steps, than that, staff will be told to stop before
they can reach the fix the tree promises: the tree, or its budget, needs another look.

The longest way is found by one depth-first pass that remembers each node's best
continuation and ignores links back to a node still being explored, so loops are
walked once and the cost stays linear. A goto ends the way here (the next tree is
checked on its own). Say and question nodes cost nothing; a step costs one step and
its ``minutes``.

Passes::

    budget: {minutes: 10, steps: 2}
    nodes:
      a: {step: Restart it., minutes: 3, fixed: done, not_fixed: b}
      b: {step: Reseat the cable., minutes: 3, fixed: done, not_fixed: it}

Fails (warning: a, b, c then done is three steps)::

    budget: {minutes: 10, steps: 2}
    nodes:
      a: {step: Restart it., fixed: done, not_fixed: b}
      b: {step: Reseat the cable., fixed: done, not_fixed: c}
      c: {step: Try another port., fixed: done, not_fixed: it}
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at, key_pos
from troubleshoot.lint.graph import Graph, successors
from troubleshoot.model import Escalate, Goto, Resolved, Step, Tree

ID = "budget"

# A way's cost, compared first by the measure being maximised: (main, other, next node)
Best = tuple[int, int, str | None]


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    if tree.start not in tree.nodes:
        return
    by_steps, by_minutes = longest(tree, successors(tree))
    where = key_pos(tree, "budget", "start")
    best = by_steps.get(tree.start)
    if best is not None and best[0] > tree.budget.steps:
        yield at(
            tree,
            where,
            ID,
            f"the longest way through that does not escalate has {best[0]} steps, "
            f"more than the budget of {tree.budget.steps}: {_path(tree.start, by_steps)}",
            "warning",
        )
    best = by_minutes.get(tree.start)
    if best is not None and best[0] > tree.budget.minutes:
        yield at(
            tree,
            where,
            ID,
            f"the longest way through that does not escalate takes {best[0]} minutes of steps, "
            f"more than the budget of {tree.budget.minutes}: {_path(tree.start, by_minutes)}",
            "warning",
        )


def longest(tree: Tree, graph: Graph) -> tuple[dict[str, Best], dict[str, Best]]:
    """For each node, its costliest non-escalating way on, by steps and by minutes.

    A node missing from a result has no such way (every way on escalates or loops).
    """
    by_steps: dict[str, Best] = {}
    by_minutes: dict[str, Best] = {}
    state: dict[str, int] = {tree.start: 1}  # 1: being explored, 2: done
    work = [(tree.start, iter(graph[tree.start]))]
    while work:
        node_id, pending = work[-1]
        for nxt in pending:
            if nxt not in state:
                state[nxt] = 1
                work.append((nxt, iter(graph[nxt])))
                break
        else:
            work.pop()
            state[node_id] = 2
            done = [n for n in graph[node_id] if state.get(n) == 2]
            _settle(tree, node_id, done, by_steps, by_minutes)
    return by_steps, by_minutes


def _settle(
    tree: Tree,
    node_id: str,
    children: list[str],
    by_steps: dict[str, Best],
    by_minutes: dict[str, Best],
) -> None:
    node = tree.nodes[node_id]
    if isinstance(node, Escalate):
        return
    if isinstance(node, Resolved | Goto):
        by_steps[node_id] = by_minutes[node_id] = (0, 0, None)
        return
    steps, minutes = (1, node.minutes) if isinstance(node, Step) else (0, 0)
    options = [(by_steps[c], c) for c in children if c in by_steps]
    if options:
        (s, m, _), child = max(options, key=lambda o: o[0][:2])
        by_steps[node_id] = (s + steps, m + minutes, child)
    options = [(by_minutes[c], c) for c in children if c in by_minutes]
    if options:
        (m, s, _), child = max(options, key=lambda o: o[0][:2])
        by_minutes[node_id] = (m + minutes, s + steps, child)


def _path(start: str, best: dict[str, Best]) -> str:
    way = [start]
    while (nxt := best[way[-1]][2]) is not None:
        way.append(nxt)
    return " -> ".join(way)
