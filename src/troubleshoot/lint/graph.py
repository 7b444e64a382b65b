"""The tree as a graph, for the checks that follow its links. Not a check itself.

Every walk over the graph here is linear in the number of nodes and links: a desk
may keep a thousand trees, and ``check`` runs on every save in a trainer's editor.
A link to a node that does not exist is left out; ``dangling`` reports it, and the
checks built on these helpers treat such a node as able to finish, so one typo is
reported once rather than again as a dead end.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

from troubleshoot.lint import Memo
from troubleshoot.tree.model import (
    Escalate,
    Goto,
    Node,
    Question,
    Refer,
    Resolved,
    Say,
    Step,
    Tree,
)

Graph = Mapping[str, Sequence[str]]
N = TypeVar("N", bound=Hashable)


class Shape:
    """One tree's links, worked out once per run and shared by every check that needs them."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        #: each node's targets that exist, once each, in the order they are written
        self.graph: dict[str, list[str]] = {}
        #: nodes that are not ends but have a missing target or no links at all; other
        #: checks report those, so here they count as able to finish
        self.loose: set[str] = set()
        #: nodes with a link to a node that does not exist
        self.dangling: set[str] = set()
        nodes = tree.nodes
        for node_id, node in nodes.items():
            written = targets(node)
            kept = [t for t in written if t in nodes]
            if len(kept) < len(written):
                self.dangling.add(node_id)
            if len(kept) > 1:
                kept = list(dict.fromkeys(kept))
            self.graph[node_id] = kept
            if not written and isinstance(node, Question | Step | Say):
                self.loose.add(node_id)
        self.loose |= self.dangling
        self._finishes: dict[bool, set[str]] = {}
        self._stuck: tuple[list[str], list[list[str]]] | None = None

    def finishes(self, *, gotos: bool = True) -> set[str]:
        """Nodes from which some end can be reached (a goto counts as one when *gotos*)."""
        if gotos not in self._finishes:
            ends = [
                node_id
                for node_id, node in self.tree.nodes.items()
                if isinstance(node, Resolved | Escalate | Refer)
                or (gotos and isinstance(node, Goto))
                or node_id in self.loose
            ]
            self._finishes[gotos] = reachable(reverse(self.graph), ends)
        return self._finishes[gotos]

    def stuck(self) -> tuple[list[str], list[list[str]]]:
        """Nodes from which no end can be reached: those outside loops, and the loops.

        Both lists are in file order, each loop starting at its first node in the file.
        """
        if self._stuck is None:
            self._stuck = _stuck(self.tree, self.graph, self.finishes())
        return self._stuck


def targets(node: Node) -> list[str]:
    """The ids ``model.links`` yields, without making a Link for each (this runs for
    every node of every tree)."""
    if isinstance(node, Question):
        return [answer.next for answer in node.answers]
    if isinstance(node, Step):
        found = [node.fixed, node.not_fixed]
        if node.cannot is not None:
            found.append(node.cannot)
        if node.no_admin is not None:
            found.append(node.no_admin)
        return found
    if isinstance(node, Say):
        return [node.next]
    return []


#: Shapes kept at once: the tree being checked and the few its gotos lead to.
SHAPES_KEPT = 16


def shape(tree: Tree, memo: Memo) -> Shape:
    """The tree's :class:`Shape`, from the run's memo when a check already made it."""
    kept = memo.shapes.get(id(tree))
    if kept is None or kept.tree is not tree:
        if len(memo.shapes) >= SHAPES_KEPT:
            memo.shapes.clear()  # a shape holds its tree: keep a few, not the library
        kept = memo.shapes[id(tree)] = Shape(tree)
    return kept


def reachable(graph: Graph, roots: Iterable[str]) -> set[str]:
    seen = {r for r in roots if r in graph}
    todo = deque(seen)
    while todo:
        for nxt in graph[todo.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def reverse(graph: Graph) -> dict[str, list[str]]:
    back: dict[str, list[str]] = {node: [] for node in graph}
    for node, targets in graph.items():
        for target in targets:
            back[target].append(node)
    return back


def components(nodes: Iterable[N], graph: Mapping[N, Sequence[N]]) -> list[list[N]]:
    """Strongly connected components (Tarjan's algorithm, without recursion)."""
    index: dict[N, int] = {}
    low: dict[N, int] = {}
    stack: list[N] = []
    on_stack: set[N] = set()
    found: list[list[N]] = []
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(graph[root]))]
        while work:
            node, pending = work[-1]
            for nxt in pending:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(graph[nxt])))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    found.append(component)
    return found


def cycle_through(start: N, members: set[N], graph: Mapping[N, Sequence[N]]) -> list[N]:
    """A shortest way from *start* back to itself inside *members*, both ends included."""
    came_from: dict[N, N] = {}
    todo = deque([start])
    while todo:
        node = todo.popleft()
        for nxt in graph[node]:
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if nxt in members and nxt not in came_from:
                came_from[nxt] = node
                todo.append(nxt)
    return [start]


def _stuck(tree: Tree, graph: Graph, finishing: set[str]) -> tuple[list[str], list[list[str]]]:
    dead = [node for node in tree.nodes if node not in finishing]
    if not dead:
        return [], []
    dead_set = set(dead)
    inner = {node: [n for n in graph[node] if n in dead_set] for node in dead}
    order = {node: i for i, node in enumerate(tree.nodes)}
    loops: list[list[str]] = []
    in_loops: set[str] = set()
    for component in components(dead, inner):
        if len(component) > 1 or component[0] in inner[component[0]]:
            first = min(component, key=order.__getitem__)
            loops.append(cycle_through(first, set(component), inner))
            in_loops.update(component)
    loops.sort(key=lambda cycle: order[cycle[0]])
    return [node for node in dead if node not in in_loops], loops
