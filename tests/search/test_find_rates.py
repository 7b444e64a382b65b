"""How often find puts the right tree first, and says so when no tree fits.

Two tables of what patrons say: ``find_phrases.tsv``, which find is tuned on, and
``find_heldout.tsv``, written before any tuning and never tuned on, so its rates
say how find does on phrasings nobody tuned for. Each line is a phrase and the
tree that should come first, or ``-`` when no tree fits and find must say there
is no good match. A rank counts what staff are offered (the shortlist), not the
raw ranking: a tree below the line is not on screen.

The scenarios trainers write into the bundled trees carry the patron's own words;
each must bring its tree up first or second.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR, TREES, write_tree
from troubleshoot.search.find import Index, shortlist
from troubleshoot.tree.catalog import Catalog

TUNING = FIXTURE_DIR / "find_phrases.tsv"
HELD_OUT = FIXTURE_DIR / "find_heldout.tsv"
NO_TREE = "-"


def table(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, tree_id = line.split("\t")
            rows.append((phrase, tree_id))
    return rows


@dataclass(frozen=True)
class Rates:
    first: float  # share of phrasings with a tree whose tree is offered first
    top3: float  # ... offered among the first three
    no_match: float  # share of phrasings no tree fits that get "no good match"
    misses: dict[str, list[str]] = field(repr=False)  # phrase -> what was offered instead


def offered(index: Index, phrase: str) -> list[str]:
    return [m.id for m in shortlist(index.search(phrase))]


def rates(index: Index, rows: Iterable[tuple[str, str]]) -> Rates:
    first = top3 = trees = nothing = nothing_right = 0
    misses = {}
    for phrase, wanted in rows:
        shown = offered(index, phrase)
        if wanted == NO_TREE:
            nothing += 1
            nothing_right += not shown
        else:
            trees += 1
            first += shown[:1] == [wanted]
            top3 += wanted in shown[:3]
        if (shown[:1] != [wanted]) if wanted != NO_TREE else shown:
            misses[phrase] = shown[:3]
    return Rates(first / trees, top3 / trees, nothing_right / max(nothing, 1), misses)


@pytest.fixture(scope="module")
def bundled() -> Index:
    return Index.build(Catalog([TREES]).trees())


@pytest.mark.parametrize("path", [TUNING, HELD_OUT], ids=["tuning", "held-out"])
def test_each_table_covers_every_bundled_tree_and_some_nonsense(path: Path) -> None:
    wanted = {tree_id for _, tree_id in table(path)}
    assert wanted == {*Catalog([TREES]).ids(), NO_TREE}
    assert sum(tree_id == NO_TREE for _, tree_id in table(path)) >= 10


def test_no_phrasing_is_in_both_tables() -> None:
    assert not {p.casefold() for p, _ in table(TUNING)} & {p.casefold() for p, _ in table(HELD_OUT)}


def test_tuning_phrasings_find_their_tree_as_often_as_the_targets_ask(bundled: Index) -> None:
    # A little under today's rates (88% first, 95% in the top three): the trees are
    # rewritten often, and one reworded symptom should not fail the suite; a change
    # to find that loses several phrasings should.
    found = rates(bundled, table(TUNING))
    assert found.first >= 0.85, found.misses
    assert found.top3 >= 0.93, found.misses
    assert found.no_match >= 0.5, found.misses


def test_held_out_phrasings_meet_the_targets(bundled: Index) -> None:
    # The targets: right tree first for 85% of patron phrasings, in the top three for 97%.
    # Only the rates are told, never the misses: naming them would invite tuning on this
    # table. Questions no tree answers but that share a real word with one ("a room",
    # "my books") are still offered a short list; staff then take "None of these".
    found = rates(bundled, table(HELD_OUT))
    first, top3, no_match = found.first, found.top3, found.no_match
    assert first >= 0.85
    assert top3 >= 0.97
    assert no_match >= 0.4


def scenario_misses(catalog: Catalog) -> dict[str, list[str]]:
    """Each scenario whose patron's words do not bring its tree up first or second."""
    index = Index.build(catalog.trees())
    misses = {}
    for tree in catalog.trees():
        for scenario in tree.scenarios:
            shown = offered(index, scenario.patron)
            if tree.id not in shown[:2]:
                misses[f"{tree.id}: {scenario.patron}"] = shown[:3]
    return misses


def test_every_bundled_scenario_finds_its_tree_first_or_second() -> None:
    assert scenario_misses(Catalog([TREES])) == {}


SCENARIO_TREE = """
title: Holds locker won't open
summary: A patron's code does not open their holds locker.
symptoms: [the locker won't open, my code doesn't work on the locker]
start: code
nodes:
  code:
    step: Ask the patron to type the code from their email again.
    fixed: done
    not_fixed: stuck
  done: {resolved: The locker opened.}
  stuck: {escalate: Locker still shut., workaround: Fetch the items from the back.}
scenarios:
  - name: the code was for yesterday's locker
    patron: SAID
    situation: The email was an old one.
    answers: [fixed]
    end: done
"""


def test_a_scenario_whose_words_find_another_tree_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "trees"
    write_tree(folder, "lockers", SCENARIO_TREE.replace("SAID", "the locker code does nothing"))
    assert scenario_misses(Catalog([FIXTURE_DIR / "find", folder])) == {}
    write_tree(folder, "lockers", SCENARIO_TREE.replace("SAID", "the microfilm is blurry"))
    assert scenario_misses(Catalog([FIXTURE_DIR / "find", folder])) == {
        "lockers: the microfilm is blurry": ["microfilm"]
    }
