"""``troubleshoot find WORDS``: ranked trees for what the patron said."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURE_DIR
from troubleshoot.search.find import GOOD, Index
from troubleshoot.tree import catalog as catalog_module
from troubleshoot.tree.catalog import Catalog

SMALL = FIXTURE_DIR / "find"


@pytest.fixture(autouse=True)
def small_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog_module, "bundled_dir", lambda: SMALL)


def test_json_lists_id_title_and_score_best_first_and_walks_nothing(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["find", "--format", "json", "kiosk", "wont", "read", "my", "card"])
    assert result.code == 0
    found = json.loads(result.out)
    assert found[0] == {
        "id": "kiosk",
        "title": "Self-checkout kiosk won't check out books",
        "score": found[0]["score"],
    }
    assert all(set(item) == {"id", "title", "score"} for item in found)
    assert [m["score"] for m in found] == sorted((m["score"] for m in found), reverse=True)
    assert "QUESTION" not in result.out and "STEP" not in result.out


def test_json_with_nothing_matching_is_an_empty_list(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["find", "--format", "json", "knitting", "club"])
    assert (result.code, json.loads(result.out)) == (0, [])


def test_json_limit_caps_the_list(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["find", "--format", "json", "--limit", "1", "stuck", "dark"])
    assert len(json.loads(result.out)) == 1


def test_find_offers_matches_and_walks_the_chosen_one(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["find", "the", "locker", "wont", "open"], input="1\n1\n")
    assert result.code == 0
    assert "1) Holds locker won't open (lockers)" in result.out
    assert "STEP: Ask the patron to type the code" in result.out
    assert "RESOLVED: The locker opened." in result.out


def test_find_with_no_good_match_says_so_and_offers_every_tree(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["find", "knitting", "club"], input="2\n1\n")
    assert result.code == 0, result.err
    assert 'No good match for "knitting club".\nWhat is the problem?' in result.out
    assert "STEP: Ask the patron to type the code" in result.out


def test_json_leaves_out_matches_below_a_good_one(cli) -> None:  # type: ignore[no-untyped-def]
    # "knob" is said only in one step of the microfilm tree: a coincidence, not an answer.
    weak = Index.build(Catalog([SMALL]).trees()).search("the knob")
    assert [m.id for m in weak] == ["microfilm"] and weak[0].score < GOOD
    result = cli(["find", "--format", "json", "the", "knob"])
    assert (result.code, json.loads(result.out)) == (0, [])
