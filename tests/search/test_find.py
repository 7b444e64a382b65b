"""Finding the tree for what the patron said."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR, TREES, write_tree
from tests.search.test_find_rates import NO_TREE, table
from troubleshoot.search.find import GOOD, Index, Match, shortlist
from troubleshoot.tree.catalog import Catalog

PHRASES = FIXTURE_DIR / "find_phrases.tsv"
SMALL = FIXTURE_DIR / "find"
BUNDLED = TREES


def desk_phrases() -> list[tuple[str, str]]:
    return [(phrase, tree_id) for phrase, tree_id in table(PHRASES) if tree_id != NO_TREE]


@pytest.fixture(scope="module")
def bundled() -> Index:
    return Index.build(Catalog([BUNDLED]).trees())


@pytest.fixture(scope="module")
def small() -> Index:
    return Index.build(Catalog([SMALL]).trees())


def test_typos_filler_and_word_order_find_the_same_tree(small: Index) -> None:
    for said in (
        "the kiosk says see staff",
        "staff see kiosk",
        "self checkout kiosk wont take my card",
        "slef-checkout kisok",
        "the lockers wont open",
        "microflim is blury",
    ):
        assert small.search(said)[0].id in {"kiosk", "lockers", "microfilm"}
        assert small.search(said)[0].id == small.search(" ".join(reversed(said.split())))[0].id
    assert small.search("slef-checkout kisok")[0].id == "kiosk"
    assert small.search("microflim is blury")[0].id == "microfilm"


def test_plurals_match_singulars(small: Index) -> None:
    assert small.search("locker doors")[0].id == "lockers"
    assert small.search("receipts")[0].id == "kiosk"


def test_a_symptom_said_in_full_starts_at_its_node(small: Index) -> None:
    best = small.search("the receipt paper ran out again")[0]
    assert (best.id, best.node) == ("kiosk", "paper")
    assert best.phrase == "receipt paper ran out"


def test_half_a_deep_symptom_starts_at_the_beginning(small: Index) -> None:
    best = small.search("receipt")[0]
    assert best.id == "kiosk" and best.node is None


def test_accents_and_capitals_rank_as_the_plain_word_does(bundled: Index) -> None:
    plain = bundled.search("can't upload my resume to the application")
    assert [m.id for m in bundled.search("CAN\u2019T UPLOAD MY RÉSUMÉ TO THE APPLICATION")] == [
        m.id for m in plain
    ]
    assert plain[0].id == "job-applications"


@pytest.fixture(scope="module")
def read_only(tmp_path_factory: pytest.TempPathFactory) -> Index:
    folder = tmp_path_factory.mktemp("trees")
    write_tree(
        folder,
        "usb-drive",
        """
        title: USB drive won't save
        summary: A patron's USB drive refuses new files.
        symptoms:
          - my usb drive won't save
          - {text: the drive says read-only, node: lock}
        start: first
        nodes:
          first:
            step: Plug the drive into another port.
            fixed: done
            not_fixed: lock
          lock:
            step: Slide the lock switch on the side of the drive.
            fixed: done
            not_fixed: done
          done:
            resolved: It saves.
        """,
    )
    return Index.build(Catalog([folder]).trees())


@pytest.mark.parametrize(
    "said",
    [
        "my drive says read-only",
        "the drive says read only",
        "drive readonly",
        "DRIVE READ\u2011ONLY",
    ],
)
def test_a_hyphenated_symptom_starts_at_its_node_however_it_is_written(
    read_only: Index, said: str
) -> None:
    best = read_only.search(said)[0]
    assert (best.id, best.node) == ("usb-drive", "lock")


def test_two_words_of_a_hyphenated_id_still_count_as_two_words(bundled: Index) -> None:
    # "label printers" are the words of the title as well as the id "label-printer".
    assert [w.term for w in bundled.query_words("the label printers")] == ["label", "printer"]
    assert shortlist(bundled.search("none of the label printers are working"))[0].id == (
        "label-printer"
    )


def test_a_compound_word_is_split_only_into_words_said_together(bundled: Index) -> None:
    assert bundled.search("my flashdrive")[0].id == "usb"
    assert all(m.score < GOOD for m in bundled.search("headphones"))
    assert "phone" not in {w.term for w in bundled.query_words("headphones")}


def test_two_words_run_together_also_mean_their_synonyms(bundled: Index) -> None:
    # Some tree says "log on", so "log on" is read as one word; it is still "log in".
    said_apart = [m.id for m in bundled.search("it won't let me log on")][:3]
    assert said_apart == [m.id for m in bundled.search("it won't let me logon")][:3]
    assert "pc-reservation" in said_apart


HOTSPOT = """
title: {title}
summary: {summary}
symptoms: [{symptom}]
{synonyms}
start: fix
nodes:
  fix:
    step: {step}
    fixed: done
    not_fixed: done
  done: {{resolved: It works.}}
"""


def tree_text(
    title: str,
    symptom: str,
    *,
    summary: str = "A problem.",
    step: str = "Try it.",
    synonyms: str = "",
) -> str:
    listed = f"synonyms: [{synonyms}]" if synonyms else ""
    return HOTSPOT.format(title=title, summary=summary, symptom=symptom, synonyms=listed, step=step)


def index_of(folder: Path, **trees: str) -> Index:
    for tree_id, text in trees.items():
        write_tree(folder, tree_id, text)
    return Index.build(Catalog([folder]).trees())


def test_a_tree_is_found_by_its_synonyms(tmp_path: Path) -> None:
    found = index_of(
        tmp_path,
        phones=tree_text(
            "Patron phone won't charge", "my phone is dead", synonyms="hotspot, tether"
        ),
        printers=tree_text("Printer jammed", "paper stuck"),
    )
    assert [m.id for m in shortlist(found.search("the hotspot keeps dropping"))] == ["phones"]
    assert found.search("tether")[0].id == "phones"


def test_a_synonym_counts_below_a_symptom_and_a_step_below_both(tmp_path: Path) -> None:
    found = index_of(
        tmp_path,
        said=tree_text("Kiosk is down", "the scanner beeps"),
        also=tree_text("Lockers won't open", "the door is stuck", synonyms="scanner"),
        step=tree_text("Gates alarm", "the alarm goes off", step="Check the scanner by the gate."),
    )
    assert [m.id for m in found.search("scanner")] == ["said", "also", "step"]


def test_words_no_tree_uses_pull_the_score_down(bundled: Index) -> None:
    plain = bundled.search("the copier is jammed")[0]
    padded = bundled.search("the copier is jammed xyzzy plugh frobnicate")[0]
    assert plain.id == padded.id == "copier"
    assert padded.score < plain.score


@pytest.mark.parametrize(
    "said", ["headphones dont work", "xyzzy foo", "where is the water fountain"]
)
def test_what_no_tree_is_about_is_no_good_match(bundled: Index, said: str) -> None:
    assert shortlist(bundled.search(said)) == []


def test_words_no_tree_uses_find_nothing(small: Index) -> None:
    assert small.search("zebrafish tank") == []
    assert small.search("the it my") == []


def test_one_word_spelt_like_an_id_means_that_tree(small: Index) -> None:
    assert small.search("lokcers")[0].id == "lockers"


def test_scores_are_between_zero_and_one_best_first(bundled: Index) -> None:
    found = bundled.search("printer jammed and it ate my dollar")
    scores = [m.score for m in found]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 1 for s in scores)


def test_shortlist_keeps_good_matches_near_the_best() -> None:
    found = [Match("a", "A", 0.8), Match("b", "B", 0.5), Match("c", "C", 0.3), Match("d", "D", 0.1)]
    assert [m.id for m in shortlist(found)] == ["a", "b"]
    assert shortlist([Match("d", "D", 0.1)]) == []
