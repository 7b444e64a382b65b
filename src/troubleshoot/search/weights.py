"""What each tree says, and how strongly each of its words says what the tree is about.

The id, title and symptoms say it most, then the tree's synonyms (other words
patrons use), then the summary; the text of the steps is the weakest signal, and
its repeated mentions saturate. The index (find.py) is built from these; change a
weight here and bump its format there, so kept indexes are rebuilt.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from troubleshoot.search.words import terms

if TYPE_CHECKING:
    from troubleshoot.tree.model import Tree

# How much a word counts where it is found in a tree.
W_ID = 3.0  # the id is the tree's name: as telling as its title
W_TITLE = 3.0
W_SYMPTOM = 3.0
W_SUMMARY = 2.0
W_SYNONYM = 2.5  # another word patrons use for it: a little below a symptom
W_NODE = 2.0  # at most: repeated mentions in the steps saturate towards it
#: Share of a word's weight added for each further place in the tree it appears.
W_ALSO = 0.25
#: How much a synonym matched as a whole counts against a title or symptom.
S_SYNONYM = 0.5


def node_words(tree: Tree) -> Iterable[str]:
    """The texts of the nodes, as far as they are how patrons and staff talk."""
    # Only building an index needs the tree model; a search of a kept index does not.
    from troubleshoot.tree.model import Escalate, Step, node_texts

    for node in tree.nodes.values():
        if isinstance(node, Step):
            yield from (node.step, node.detail)  # what IT must do is not how patrons talk
        elif isinstance(node, Escalate):
            yield from (node.reason, node.workaround)
        else:
            yield from node_texts(node)


def texts(tree: Tree) -> Iterable[str]:
    """Everything of the tree that is searched."""
    yield from (tree.id, tree.title, tree.summary)
    yield from (s.text for s in tree.symptoms)
    yield from tree.synonyms
    yield from node_words(tree)


def phrases(tree: Tree) -> list[tuple[str, str | None, float]]:
    """The whole phrases a query may echo: text, the node it starts at, its strength."""
    said = [(tree.title, None, 1.0), *((s.text, s.node, 1.0) for s in tree.symptoms)]
    return said + [(word, None, S_SYNONYM) for word in tree.synonyms]


def weights(tree: Tree) -> dict[str, float]:
    """How strongly each word of the tree says what the tree is about."""
    places: dict[str, list[float]] = defaultdict(list)
    fields = [(W_ID, tree.id), (W_TITLE, tree.title), (W_SUMMARY, tree.summary)]
    fields += [(W_SYMPTOM, s.text) for s in tree.symptoms]
    fields += [(W_SYNONYM, word) for word in tree.synonyms]
    for weight, text in fields:
        for word in set(terms(text)):
            places[word].append(weight)
    found = {w: max(p) + W_ALSO * (sum(p) - max(p)) for w, p in places.items()}
    counts: dict[str, int] = defaultdict(int)
    for text in node_words(tree):
        for word in terms(text):
            counts[word] += 1
    for word, count in counts.items():
        # Saturating: the tenth mention in the steps says little more than the third.
        found[word] = found.get(word, 0.0) + W_NODE * count / (count + 1.5)
    return found
