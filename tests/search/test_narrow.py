"""Narrowing the numbered list of trees as staff type, as find ranks them."""

from __future__ import annotations

import pytest

from tests.conftest import TREES
from troubleshoot.search.find import Index
from troubleshoot.search.narrow import narrow
from troubleshoot.tree.catalog import Catalog
from troubleshoot.tree.model import Tree

BUNDLED: list[Tree] = list(Catalog([TREES]).trees())
ENTRIES = [(t.id, f"{t.id} {t.title} {t.summary}") for t in BUNDLED]


@pytest.fixture(scope="module")
def index() -> Index:
    return Index.build(BUNDLED)


def ids(positions: list[int]) -> list[str]:
    return [BUNDLED[i].id for i in positions]


def test_nothing_typed_keeps_the_whole_list_in_order(index: Index) -> None:
    assert narrow(index, ENTRIES, "  ") == list(range(len(BUNDLED)))


def test_a_number_keeps_the_entries_with_that_number_or_numbers_starting_with_it(
    index: Index,
) -> None:
    assert narrow(index, ENTRIES, "12") == [11]
    assert narrow(index, ENTRIES, "1") == [0, *range(9, len(BUNDLED))]


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("wifi", "wifi"),  # the title says "Wi-Fi": a substring never found it
        ("agree", "wifi"),  # a synonym of the tree, in no title or summary
        ("RÉSUMÉ", "job-applications"),
        ("my card won't work", "pc-reservation"),
        ("the copy machine ate my dollar", "copier"),
    ],
)
def test_words_rank_the_list_as_find_does(index: Index, typed: str, first: str) -> None:
    assert ids(narrow(index, ENTRIES, typed))[0] == first
    assert ids(narrow(index, ENTRIES, typed))[0] == index.search(typed)[0].id


def test_the_word_being_typed_counts_as_the_start_of_a_word(index: Index) -> None:
    assert narrow(index, ENTRIES, "agre") == []
    assert ids(narrow(index, ENTRIES, "agre", partial=True)) == ["wifi"]
    assert ids(narrow(index, ENTRIES, "projec", partial=True)) == ["projector"]
    assert ids(narrow(index, ENTRIES, "printi", partial=True))[:1] == ["printer"]


def test_filler_alone_narrows_by_the_words_of_each_line(index: Index) -> None:
    found = narrow(index, ENTRIES, "won't")
    assert found and all("wont" in ENTRIES[i][1].lower().replace("'", "") for i in found)


def test_words_nothing_fits_leave_nothing(index: Index) -> None:
    assert narrow(index, ENTRIES, "xyzzy frobnicate") == []
