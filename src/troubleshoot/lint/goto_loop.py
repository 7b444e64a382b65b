"""Gotos that hand the walk round between trees with no way to an end.

Each tree may look fine on its own, because a goto counts as a way out of it. But if
``printer`` sends laptops to ``mobile-printing`` and that sends them straight back,
the walk goes round for ever. A goto is reported when following it can never reach
a resolved or escalate end and the gotos after it come back to it.

The answer for each goto is kept in the run's memo, so checking a thousand trees
that hand on to each other looks at each goto once.

Passes (``mobile-printing`` can end the walk)::

    # printer.yaml              # mobile-printing.yaml
    laptop: {goto: mobile-printing}   start: ask ... done: {resolved: ...}

Fails::

    # printer.yaml              # mobile-printing.yaml
    laptop: {goto: mobile-printing}   start: back
                                      nodes: {back: {goto: printer#laptop}}
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.lint.graph import finishes, reachable, successors
from troubleshoot.model import Goto, Tree

ID = "goto-loop"

Vertex = tuple[str, str]  # (tree id, id of a goto node in it)


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    mine = [(tree.id, n.id) for n in tree.nodes.values() if isinstance(n, Goto)]
    if not mine:
        return
    hops = _Hops(tree, ctx)
    _decide(mine, hops, ctx.memo.goto_exits)
    for vertex in mine:
        if ctx.memo.goto_exits[vertex]:
            continue
        ring = _ring(vertex, hops)
        if ring:
            node = tree.nodes[vertex[1]]
            trees = " -> ".join(t for t, _ in ring)
            yield at(
                tree,
                node.pos,
                ID,
                f"node '{node.id}': goto: the walk goes round between trees ({trees}) "
                "and never reaches an end",
            )


class _Hops:
    """For a goto, the gotos a walk may meet next, after landing where it points."""

    def __init__(self, tree: Tree, ctx: Context) -> None:
        self.tree, self.ctx = tree, ctx
        self.landing: dict[tuple[str, str], tuple[bool, list[Vertex]]] = {}
        self.summaries: dict[str, tuple[dict[str, list[str]], set[str]]] = {}

    def get(self, tree_id: str) -> Tree | None:
        return self.tree if tree_id == self.tree.id else self.ctx.get_tree(tree_id)

    def target(self, vertex: Vertex) -> tuple[str, str] | None:
        source = self.get(vertex[0])
        node = source.nodes.get(vertex[1]) if source else None
        if not isinstance(node, Goto):
            return None
        known = node.tree == self.tree.id or node.tree in self.ctx.tree_ids
        tree = self.get(node.tree) if known else None
        if tree is None:
            return None
        entry = node.node or tree.start
        return (tree.id, entry) if entry in tree.nodes else None

    def land(self, vertex: Vertex) -> tuple[bool, list[Vertex]]:
        """Whether an end is reachable inside the landing tree, and the gotos reachable."""
        where = self.target(vertex)
        if where is None:
            return True, []  # a missing target is reported by ``goto``, not here
        if where not in self.landing:
            tree_id, entry = where
            tree = self.get(tree_id)
            assert tree is not None
            if tree_id not in self.summaries:
                graph = successors(tree)
                self.summaries[tree_id] = (graph, finishes(tree, graph, gotos=False))
            graph, ends = self.summaries[tree_id]
            seen = reachable(graph, [entry])
            gotos = [(tree_id, n) for n in seen if isinstance(tree.nodes[n], Goto)]
            self.landing[where] = (entry in ends, sorted(gotos))
        return self.landing[where]


def _decide(start: list[Vertex], hops: _Hops, exits: dict[Vertex, bool]) -> None:
    """Settle, for every goto reachable from *start*, whether it can reach an end."""
    closure: dict[Vertex, list[Vertex]] = {}
    todo = deque(v for v in start if v not in exits)
    good: set[Vertex] = set()
    while todo:
        vertex = todo.popleft()
        if vertex in closure:
            continue
        ends, nxt = hops.land(vertex)
        closure[vertex] = nxt
        if ends or any(exits.get(n) for n in nxt):
            good.add(vertex)
        todo.extend(n for n in nxt if n not in exits and n not in closure)
    back: dict[Vertex, list[Vertex]] = {v: [] for v in closure}
    for vertex, nxt in closure.items():
        for n in nxt:
            if n in back:
                back[n].append(vertex)
    spread = deque(good)
    while spread:
        for earlier in back[spread.popleft()]:
            if earlier not in good:
                good.add(earlier)
                spread.append(earlier)
    for vertex in closure:
        exits[vertex] = vertex in good


def _ring(vertex: Vertex, hops: _Hops) -> list[Vertex]:
    """The gotos from *vertex* back to itself, or [] when it only leads into others' loops."""
    came_from: dict[Vertex, Vertex] = {}
    todo = deque([vertex])
    while todo:
        current = todo.popleft()
        for nxt in hops.land(current)[1]:
            if nxt == vertex:
                ring = [current]
                while ring[-1] != vertex:
                    ring.append(came_from[ring[-1]])
                return [*reversed(ring), vertex]
            if nxt not in came_from:
                came_from[nxt] = current
                todo.append(nxt)
    return []
