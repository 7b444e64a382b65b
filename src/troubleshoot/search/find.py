"""From what the patron said to the trees most likely to help, best first.

Every tree is scored on the words it shares with the query, weighted by where they
appear (id, title and symptoms count most, then the tree's own synonyms, then the
summary, then the text of the steps) and by how rare they are across the catalog,
then on the best overlap of the query with a whole title, symptom or synonym.
Words are forgiven one typo, and matched through a light stemmer and a short table
of desk synonyms (words.py).

A score says how much of what was said the tree accounts for: each word counts
for as much as the tree says it (never more), and a word no tree uses counts
against every tree. So "headphones don't work" scores low everywhere, and under
:data:`GOOD` there is no good match to offer.

Standard library only: a few hundred short, domain-specific trees need a small
weighted index, not a search engine or a vector model that would add install
weight on a desk PC for no better answer.

The index is built once per catalog (index.py keeps it as plain JSON between runs).
A query touches only the postings of its own words; a word the trees never use is
compared with the index words one letter longer, shorter or equal in length. So a
query costs what matches it, not every word of every tree. Pure: no I/O here.
"""

from __future__ import annotations

import bisect
import difflib
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from troubleshoot.frozen import field, frozen, mutable
from troubleshoot.search.weights import phrases, texts, weights
from troubleshoot.search.words import (
    SYNONYMS,
    meaningful,
    one_edit_apart,
    raw_words,
    root,
    stem,
    units,
)

if TYPE_CHECKING:
    from troubleshoot.tree.model import Tree

#: How strongly a tree says a word, as a share: weight / (weight + this). A word in the
#: title alone is 0.6 there, in the title and a few steps 0.7, all over the tree near 0.85;
#: a word only in the steps stays under 0.5: the steps are a weaker signal.
W_HALF = 2.0
#: Weight of the best whole-phrase overlap (title, symptom, synonym) against the word score.
W_PHRASE = 1.0

# How much a word counts when it was only matched loosely.
M_JOINED = 0.9  # "wi fi" -> "wifi", "flashdrive" -> "flash" + "drive"
M_EDIT = 0.8  # one letter wrong, missing, extra or swapped
M_RELATED = 0.7  # the same root: "printer" and "print", "copier" and "photocopy"
M_SYNONYM = 0.6  # another word for it: "hung" -> "frozen"
M_PREFIX = 0.6  # the start of a longer word: "auth" -> "authentication"
#: How much a word no tree uses counts, against the rarest word the trees use.
U_UNKNOWN = 0.5

#: Shorter words are only guessed at for a missing or swapped letter ("labl", "wfii"):
#: "tank" is one letter from "take", "talk" and "task".
MIN_TYPO = 5
#: How close a one-word query must be spelt to a tree id to count as meaning it.
ID_CUTOFF = 0.75
#: At most this many longer words are tried for a word still being typed.
COMPLETIONS = 20
#: Below this, a match is a coincidence of words rather than an answer: no good match.
GOOD = 0.2
#: Matches scoring under this share of the best one are not worth a line on screen.
NEAR_BEST = 0.5


@frozen
class Match:
    """One tree that fits the words, and the phrase that fitted best."""

    id: str
    title: str
    score: float  # 0 to 1
    node: str | None = None  # start here: a symptom pointing deep matched fully
    phrase: str = ""  # the title or symptom that matched best


@frozen
class Word:
    """One word of a query: its stem, and the index words it may mean, how surely."""

    term: str
    meanings: tuple[tuple[str, float], ...]


@mutable
class Index:
    """Words to trees, built once per catalog; :meth:`search` answers a query.

    Postings are kept as parallel lists (tree numbers, weights in hundredths) and phrases as
    parallel columns, so that the JSON form loads without a loop over every entry.
    """

    trees: list[tuple[str, str]] = field(default_factory=list)  # (id, title)
    postings: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict)
    phrase_tree: list[int] = field(default_factory=list)
    phrase_text: list[str] = field(default_factory=list)
    phrase_node: list[str | None] = field(default_factory=list)
    phrase_terms: list[list[str]] = field(default_factory=list)
    phrase_size: list[float] = field(default_factory=list)  # idf of its words, summed
    phrase_strength: list[float] = field(default_factory=list)  # a synonym counts less
    phrase_postings: dict[str, list[int]] = field(default_factory=dict)
    #: A hyphenated word of the trees, joined, and the stems of its parts: "readonly" is
    #: "read" and "only", so "read only" said apart still means "read-only".
    compounds: dict[str, list[str]] = field(default_factory=dict)
    _by_length: dict[int, list[str]] | None = field(default=None, repr=False)
    _by_root: dict[str, list[str]] | None = field(default=None, repr=False)
    _vocab: list[str] | None = field(default=None, repr=False)

    @classmethod
    def build(cls, trees: Iterable[Tree]) -> Index:
        index = cls()
        postings: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        phrase_postings: dict[str, list[int]] = defaultdict(list)
        for number, tree in enumerate(trees):
            index.trees.append((tree.id, tree.title))
            for word, weight in weights(tree).items():
                postings[word][0].append(number)
                postings[word][1].append(round(weight * 100))
            for text in texts(tree):
                for joined, parts in units(text):
                    if len(parts) > 1:
                        index.compounds.setdefault(joined, list(parts))
            for text, node, strength in phrases(tree):
                words = [joined for joined, _ in units(text)]
                if not words:
                    continue
                for word in set(words):
                    phrase_postings[word].append(len(index.phrase_tree))
                index.phrase_tree.append(number)
                index.phrase_text.append(text)
                index.phrase_node.append(node)
                index.phrase_terms.append(words)
                index.phrase_strength.append(strength)
        index.postings = dict(postings)
        index.phrase_postings = dict(phrase_postings)
        index.phrase_size = [
            round(sum(index.idf(w) for w in set(words)), 3) for words in index.phrase_terms
        ]
        return index

    def idf(self, term: str) -> float:
        """Rarer words tell trees apart; a word in every tree tells little."""
        found = len(self.postings[term][0]) if term in self.postings else 1
        return math.log(1 + len(self.trees) / found)

    # -- what a query word may mean --------------------------------------------------
    def _lengths(self) -> dict[int, list[str]]:
        if self._by_length is None:
            by_length: dict[int, list[str]] = defaultdict(list)
            for term in self.postings:
                by_length[len(term)].append(term)
            self._by_length = dict(by_length)
        return self._by_length

    def _sorted(self) -> list[str]:
        if self._vocab is None:
            self._vocab = sorted(self.postings)
        return self._vocab

    def _roots(self) -> dict[str, list[str]]:
        if self._by_root is None:
            by_root: dict[str, list[str]] = defaultdict(list)
            for term in self.postings:
                by_root[root(term)].append(term)
            self._by_root = dict(by_root)
        return self._by_root

    def expand(self, word: str) -> list[tuple[str, float]]:
        """The index words a query *word* may mean, each with how sure that is (1 = exact)."""
        term = stem(word)
        found = {s: M_SYNONYM for s in SYNONYMS.get(term, ()) if s in self.postings}
        found.update((other, M_RELATED) for other in self._roots().get(root(term), ()))
        if term in self.postings:
            found[term] = 1.0
            return sorted(found.items())
        for typed in {term, word}:  # "kios" stems to "kio", yet is one letter from "kiosk"
            if len(typed) >= MIN_TYPO - 1:
                self._typos(typed, found)
        for cut in range(3, len(word) - 2):
            head, tail = stem(word[:cut]), stem(word[cut:])
            if self._said_together(head, tail):
                found.setdefault(head, M_JOINED)
                found.setdefault(tail, M_JOINED)
        if not found and len(term) >= 4:
            vocab = self._sorted()
            at = bisect.bisect_left(vocab, term)
            for other in vocab[at : at + 5]:
                if other.startswith(term):
                    found[other] = M_PREFIX
        return sorted(found.items())

    def _said_together(self, head: str, tail: str) -> bool:
        """Two words a title or symptom says together, so one word may be both run
        together ("flashdrive"); "headphones" is not "head" and "phones"."""
        if head not in self.postings or tail not in self.postings:
            return False
        return not set(self.phrase_postings.get(head, ())).isdisjoint(
            self.phrase_postings.get(tail, ())
        )

    def _typos(self, typed: str, found: dict[str, float]) -> None:
        """Add the index words one edit from *typed*; four letters only lose or swap one."""
        for size in (len(typed) - 1, len(typed), len(typed) + 1):
            for other in self._lengths().get(size, ()):
                if one_edit_apart(typed, other) and (
                    len(typed) >= MIN_TYPO or len(other) > len(typed) or set(other) == set(typed)
                ):
                    found[other] = max(found.get(other, 0.0), M_EDIT)

    def _both_known(self, first: str, second: str) -> bool:
        """Two words the trees use on their own are two words ("label printer"), not one."""
        return all(
            meaningful(w) and len(w) > 2 and stem(w) in self.postings for w in (first, second)
        )

    def query_words(self, text: str, partial: bool = False) -> list[Word]:
        """The meaningful words of *text*, each with the index words it may mean.

        *partial*: the text is still being typed, so its last word may be the start of
        a longer one ("wif" for "wifi").
        """
        words = raw_words(text)
        out: list[Word] = []
        seen: set[str] = set()

        def add(term: str, meanings: list[tuple[str, float]]) -> None:
            if term not in seen:
                seen.add(term)
                out.append(Word(term, tuple(meanings)))

        i = 0
        while i < len(words):
            word, nxt = words[i], words[i + 1] if i + 1 < len(words) else ""
            joined = stem(word.replace("-", "") + nxt.replace("-", ""))
            if nxt and joined in self.compounds and not self._both_known(word, nxt):
                # "read only" is how "read-only" is said; "log on" is also "login"
                add(joined, sorted({**dict(self.expand(joined)), joined: 1.0}.items()))
                i += 2
                continue
            if nxt and joined in self.postings and not self._both_known(word, nxt):
                add(joined, [(joined, M_JOINED)])  # "wi fi", "e mail", "log in"
                i += 2
                continue
            i += 1
            whole = stem(word.replace("-", ""))
            if "-" in word and whole in self.postings:
                add(whole, [(whole, 1.0)])
                continue
            for part in word.split("-"):
                if meaningful(part):
                    add(stem(part), self.expand(part))
        if partial and words and text[-1:].isalnum():
            begun = words[-1].split("-")[-1]
            started = self.complete(begun)
            if started:
                term = stem(begun)
                meanings = dict(self.expand(begun)) if meaningful(begun) else {}
                for other, sure in started:
                    meanings.setdefault(other, sure)
                out = [w for w in out if w.term != term]
                out.append(Word(term, tuple(sorted(meanings.items()))))
        return out

    def complete(self, begun: str) -> list[tuple[str, float]]:
        """The index words a word still being typed may become: those it starts
        ("wif" for "wifi"), and the stem it has already run past ("printi": "print")."""
        if len(begun) < 2:
            return []
        vocab = self._sorted()
        at = bisect.bisect_left(vocab, begun)
        found = [
            (other, M_PREFIX) for other in vocab[at : at + COMPLETIONS] if other.startswith(begun)
        ]
        for cut in range(len(begun) - 1, 3, -1):
            if begun[:cut] in self.postings:
                found.append((begun[:cut], M_PREFIX))
                break
        return found

    # -- ranking -----------------------------------------------------------------------
    def search(self, text: str, limit: int = 10, *, partial: bool = False) -> list[Match]:
        """The trees that fit *text*, best first; only those that share a word with it.

        *partial*: the text is still being typed (a list filtered as staff type).
        """
        query = self.query_words(text, partial)
        unknown = math.log(1 + len(self.trees)) * U_UNKNOWN
        scores: dict[int, float] = defaultdict(float)
        total = 0.0
        weights: dict[str, float] = {}  # index word -> how much it counts in this query
        for word in query:
            # What a word tells is its own rarity; a loose meaning only says where it is.
            if word.term in self.postings:
                idf = self.idf(word.term)
            else:
                idf = max((self.idf(t) for t, _ in word.meanings), default=unknown)
            total += idf
            best: dict[int, float] = {}
            for term, sure in word.meanings:
                weights[term] = max(weights.get(term, 0.0), idf * sure)
                numbers, tree_weights = self.postings[term]
                for tree, weight in zip(numbers, tree_weights, strict=True):
                    strength = sure * weight / 100  # weights are kept in hundredths
                    value = idf * strength / (strength + W_HALF)
                    if value > best.get(tree, 0.0):
                        best[tree] = value
            for tree, value in best.items():
                scores[tree] += value
        close = self._close_ids(text)
        phrases = self._phrases(weights, total)
        total = max(total, 1e-9)  # a query of filler only has no total
        results = []
        for tree in scores.keys() | close.keys():
            overlap, phrase = phrases.get(tree, (0.0, -1))
            value = (scores.get(tree, 0.0) / total + W_PHRASE * overlap) / (1 + W_PHRASE)
            value = max(value, close.get(tree, 0.0))
            node = None
            if phrase >= 0 and self._all_there(phrase, weights):
                node = self.phrase_node[phrase]
            said = self.phrase_text[phrase] if phrase >= 0 else ""
            tree_id, title = self.trees[tree]
            results.append(Match(tree_id, title, round(value, 3), node, said))
        results.sort(key=lambda m: (-m.score, m.id))
        return results[:limit]

    def _close_ids(self, text: str) -> dict[int, float]:
        """A single word spelt like a tree id ("printr", "wfi") most likely means that tree."""
        words = raw_words(text)
        if len(words) != 1:
            return {}
        found = {}
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(words[0])
        for number, (tree_id, _) in enumerate(self.trees):
            matcher.set_seq1(tree_id)
            if matcher.real_quick_ratio() >= ID_CUTOFF and matcher.quick_ratio() >= ID_CUTOFF:
                ratio = matcher.ratio()
                if ratio >= ID_CUTOFF:
                    found[number] = ratio
        return found

    def _phrases(self, weights: Mapping[str, float], total: float) -> dict[int, tuple[float, int]]:
        """Per tree, the title or symptom sharing most weight with the query (weighted Dice)."""
        shared: dict[int, float] = defaultdict(float)
        for term, weight in weights.items():
            for at in self.phrase_postings.get(term, ()):
                shared[at] += weight
        best: dict[int, tuple[float, int]] = {}
        for at, common in shared.items():
            overlap = self.phrase_strength[at] * 2 * common / (total + self.phrase_size[at])
            tree = self.phrase_tree[at]
            if overlap > best.get(tree, (0.0, -1))[0]:
                best[tree] = (overlap, at)
        return best

    def _all_there(self, phrase: int, weights: Mapping[str, float]) -> bool:
        """Every word of the phrase is in the query, a hyphenated one whole or by its
        parts: safe to start where it points."""
        return all(
            weights.get(t, 0.0) > 0
            or (t in self.compounds and all(weights.get(p, 0.0) > 0 for p in self.compounds[t]))
            for t in self.phrase_terms[phrase]
        )


def shortlist(matches: Iterable[Match], most: int = 5) -> list[Match]:
    """The matches worth offering: good ones, none far below the best, a handful."""
    good = [m for m in matches if m.score >= GOOD]
    return [m for m in good if m.score >= good[0].score * NEAR_BEST][:most] if good else []
