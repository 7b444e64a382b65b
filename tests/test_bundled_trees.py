"""What every bundled tree promises the desk, beyond passing ``check`` and its walks.

An escalation asks the facts IT needs and the walk does not record, once each: the
end's own ``collect`` merged with the tree's, as the walk merges them. Each tree
offers something when staff stop early, and carries scenarios enough to show it
reaches the right handling for the cases the desk really meets.
"""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from tests.conftest import TREES
from troubleshoot.tree.catalog import Catalog
from troubleshoot.tree.loader import load_tree
from troubleshoot.tree.model import Escalate, Refer, Tree, merge_facts

BUNDLED = sorted(TREES.glob("*.yaml"))
#: The most fact prompts any one escalation may ask, and the most the middle one may.
MAX_FACTS = 6
MEDIAN_FACTS = 4
MIN_SCENARIOS = 8


def trees() -> list[Tree]:
    return [load_tree(path) for path in BUNDLED]


def fact_counts() -> dict[str, int]:
    """``tree#node`` of every escalate end -> how many fact prompts it asks."""
    return {
        f"{tree.id}#{node.id}": len(merge_facts(node.collect, tree.collect))
        for tree in trees()
        for node in tree.nodes.values()
        if isinstance(node, Escalate)
    }


def test_no_escalation_asks_more_than_six_facts() -> None:
    too_many = {end: n for end, n in fact_counts().items() if n > MAX_FACTS}
    assert too_many == {}


def test_the_middle_escalation_asks_at_most_four_facts() -> None:
    assert statistics.median(fact_counts().values()) <= MEDIAN_FACTS


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_tree_offers_a_workaround_when_staff_stop_early(path: Path) -> None:
    assert load_tree(path).workaround


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_tree_has_eight_scenarios_each_with_the_patrons_words(path: Path) -> None:
    tree = load_tree(path)
    assert len(tree.scenarios) >= MIN_SCENARIOS
    names = [s.name for s in tree.scenarios]
    assert all(names) and len(set(names)) == len(names)
    assert all(s.patron and s.situation for s in tree.scenarios)


def test_the_scenarios_cover_referrals_site_policies_and_other_trees() -> None:
    catalog = Catalog([TREES])
    scenarios = [(tree, s) for tree in trees() for s in tree.scenarios]
    ends = []
    for tree, scenario in scenarios:
        target, _, node_id = scenario.end.rpartition("#")
        owner = catalog.load(target) if target else tree
        ends.append((target, owner.nodes[node_id]))
    assert sum(isinstance(node, Refer) for _, node in ends) >= 10
    assert sum(bool(target) for target, _ in ends) >= 10
    assert sum(bool(s.forbid) for _, s in scenarios) >= 5
    assert sum(s.admin for _, s in scenarios) >= 5
