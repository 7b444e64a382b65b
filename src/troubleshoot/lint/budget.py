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

from collections.abc import Iterator, Sequence

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at, key_pos
from troubleshoot.lint.graph import Graph, shape
from troubleshoot.tree.model import Escalate, Goto, Node, Refer, Resolved, Step, Tree

ID = "budget"

# A way's cost, compared first by the measure being maximised: (main, other, next node)
Best = tuple[int, int, str | None]


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    if tree.start not in tree.nodes:
        return
    by_steps, by_minutes = longest(tree, shape(tree, ctx.memo).graph)
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
    done: set[str] = set()
    exploring = {tree.start}
    work = [(tree.start, iter(graph[tree.start]))]
    while work:
        node_id, pending = work[-1]
        for nxt in pending:
            if nxt not in exploring and nxt not in done:
                exploring.add(nxt)
                work.append((nxt, iter(graph[nxt])))
                break
        else:
            work.pop()
            exploring.discard(node_id)
            done.add(node_id)
            _settle(tree.nodes[node_id], graph[node_id], done, by_steps, by_minutes)
    return by_steps, by_minutes


def _settle(
    node: Node,
    children: Sequence[str],
    done: set[str],
    by_steps: dict[str, Best],
    by_minutes: dict[str, Best],
) -> None:
    """Work out a node's best ways from its children already done (others are back edges)."""
    if isinstance(node, Escalate):
        return
    if isinstance(node, Resolved | Refer | Goto):
        by_steps[node.id] = by_minutes[node.id] = (0, 0, None)
        return
    steps, minutes = (1, node.minutes) if isinstance(node, Step) else (0, 0)
    best_s: Best | None = None
    best_m: Best | None = None
    for child in children:
        if child not in done:
            continue
        found = by_steps.get(child)
        if found is not None and (best_s is None or found[:2] > best_s[:2]):
            best_s = (found[0], found[1], child)
        found = by_minutes.get(child)
        if found is not None and (best_m is None or found[:2] > best_m[:2]):
            best_m = (found[0], found[1], child)
    if best_s is not None:
        by_steps[node.id] = (best_s[0] + steps, best_s[1] + minutes, best_s[2])
    if best_m is not None:
        by_minutes[node.id] = (best_m[0] + minutes, best_m[1] + steps, best_m[2])


def _path(start: str, best: dict[str, Best]) -> str:
    way = [start]
    while (nxt := best[way[-1]][2]) is not None:
        way.append(nxt)
    return " -> ".join(way)
