"""Gotos that hand the walk round between trees with no way to an end.

Each tree may look fine on its own, because a goto counts as a way out of it. But if
``printer`` sends laptops to ``mobile-printing`` and that sends them straight back,
the walk goes round for ever. A goto is reported when following it can never reach
a resolved or escalate end and the gotos after it come back to it; one that only
leads into such a ring is left to the trees of the ring.

The answers are kept in the run's memo, so checking a thousand trees that hand on
to each other looks at each goto once.

Passes (``mobile-printing`` can end the walk)::

    # printer.yaml
    laptop: {goto: mobile-printing}
    # mobile-printing.yaml
    start: hello
    nodes:
      hello: {say: Laptops print through the web page., next: done}
      done: {resolved: Printed.}

Fails::

    # printer.yaml
    laptop: {goto: mobile-printing}
    # mobile-printing.yaml
    start: back
    nodes:
      back: {goto: printer#laptop}
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, Memo, at
from troubleshoot.lint.graph import components, cycle_through, reachable, shape
from troubleshoot.tree.model import Goto, Tree

ID = "goto-loop"
#: Rings up to this many gotos are spelt out; longer ones are summarised.
RING_SHOWN = 8

Vertex = tuple[str, str]  # (tree id, id of a goto node in it)


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    mine = [(tree.id, n.id) for n in tree.nodes.values() if isinstance(n, Goto)]
    if not mine:
        return
    _decide(mine, _Hops(tree, ctx), ctx.memo)
    for vertex in mine:
        ring = ctx.memo.goto_rings.get(vertex)
        if ring is not None:
            node = tree.nodes[vertex[1]]
            yield at(
                tree,
                node.pos,
                ID,
                f"node '{node.id}': goto: the walk goes round between trees ({ring}) "
                "and never reaches an end",
            )


class _Hops:
    """For a goto, the gotos a walk may meet next, after landing where it points."""

    def __init__(self, tree: Tree, ctx: Context) -> None:
        self.tree, self.ctx = tree, ctx
        self.landings = ctx.memo.goto_landings

    def get(self, tree_id: str) -> Tree | None:
        return self.tree if tree_id == self.tree.id else self.ctx.get_tree(tree_id)

    def target(self, vertex: Vertex) -> tuple[Tree, str] | None:
        source = self.get(vertex[0])
        node = source.nodes.get(vertex[1]) if source else None
        if not isinstance(node, Goto):
            return None
        known = node.tree == self.tree.id or node.tree in self.ctx.tree_ids
        tree = self.get(node.tree) if known else None
        if tree is None:
            return None
        entry = node.node or tree.start
        return (tree, entry) if entry in tree.nodes else None

    def land(self, vertex: Vertex) -> tuple[bool, list[Vertex]]:
        """Whether an end is reachable where the goto lands, and the gotos reachable."""
        found = self.target(vertex)
        if found is None:
            return True, []  # a missing target is reported by ``goto``, not here
        tree, entry = found
        if (tree.id, entry) not in self.landings:
            found_shape = shape(tree, self.ctx.memo)
            seen = reachable(found_shape.graph, [entry])
            ends = found_shape.finishes(gotos=False)
            gotos = sorted((tree.id, n) for n in seen if isinstance(tree.nodes[n], Goto))
            self.landings[(tree.id, entry)] = (entry in ends, gotos)
        return self.landings[(tree.id, entry)]


def _decide(start: list[Vertex], hops: _Hops, memo: Memo) -> None:
    """Settle, for every goto reachable from *start*, whether it can reach an end."""
    exits = memo.goto_exits
    closure: dict[Vertex, list[Vertex]] = {}
    good: set[Vertex] = set()
    todo = deque(v for v in start if v not in exits)
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
    _rings([v for v in closure if v not in good], closure, memo)


def _rings(bad: list[Vertex], closure: dict[Vertex, list[Vertex]], memo: Memo) -> None:
    """Name the trees of each ring of gotos with no way out, once per ring."""
    bad_set = set(bad)
    inner = {v: [n for n in closure[v] if n in bad_set] for v in bad}
    for component in components(sorted(bad), inner):
        if len(component) == 1 and component[0] not in inner[component[0]]:
            continue
        if len(component) > RING_SHOWN:
            trees = sorted({tree_id for tree_id, _ in component})
            summary = (
                f"{len(component)} gotos in {len(trees)} trees, among them {', '.join(trees[:3])}"
            )
            memo.goto_rings.update(dict.fromkeys(component, summary))
            continue
        members = set(component)
        for vertex in component:
            ring = cycle_through(vertex, members, inner)
            memo.goto_rings[vertex] = " -> ".join(tree_id for tree_id, _ in ring)
