"""``troubleshoot TREE`` and ``troubleshoot WORDS``: straight to a walk."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR, T0, TREES, run_tool
from troubleshoot.search.find import Index
from troubleshoot.text import one_line
from troubleshoot.tree import catalog as catalog_module
from troubleshoot.tree.catalog import Catalog
from troubleshoot.walk import engine, prompts

SMALL = FIXTURE_DIR / "find"


@pytest.fixture
def small_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog_module, "bundled_dir", lambda: SMALL)


@pytest.mark.usefixtures("small_library")
def test_words_that_are_not_a_tree_id_are_searched_and_walked(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["the kiosk says see staff", "--plain"], input="\n1\n1\n")
    assert result.code == 0
    assert 'Best matches for "the kiosk says see staff":' in result.out
    assert "QUESTION: What does the kiosk show?" in result.out


@pytest.mark.usefixtures("small_library")
def test_unquoted_words_work_too(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["microfilm", "is", "blurry"], input="1\n1\n")
    assert "STEP: Turn the focus knob" in result.out


@pytest.mark.usefixtures("small_library")
def test_unknown_id_with_no_good_match_names_the_closest_and_offers_every_tree(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["mikrofiche"], input="3\n1\n")
    assert result.code == 0, result.err
    assert result.out.startswith(
        'No good match for "mikrofiche". Closest: microfilm.\nWhat is the problem?'
    )
    assert "STEP: Turn the focus knob" in result.out


@pytest.mark.usefixtures("small_library")
def test_words_no_tree_fits_say_so_and_offer_every_tree(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["run", "knitting", "club"], input="locker\n1\n")
    assert result.code == 0, result.err
    assert 'No good match for "knitting club".\nWhat is the problem?' in result.out
    assert " 1) Self-checkout kiosk" in result.out and " 3) Microfilm reader" in result.out
    assert "STEP: Ask the patron to type the code" in result.out
    assert "no tree called" not in result.err


@pytest.mark.usefixtures("small_library")
def test_no_good_match_with_input_ended_stops_like_any_walk(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["xyzzy foo", "--plain"])
    assert result.code == 3
    assert 'No good match for "xyzzy foo".' in result.out


@pytest.mark.usefixtures("small_library")
def test_none_of_these_falls_back_to_every_tree(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["kiosk card"], input="0\n3\n1\n")
    assert "What is the problem?" in result.out
    assert "STEP: Turn the focus knob" in result.out


@pytest.mark.usefixtures("small_library")
def test_no_arguments_plain_picker_by_number_walks_that_tree(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli([], input="2\n1\n")
    assert result.code == 0
    assert " 2) Holds locker won't open: A patron's code" in result.out
    assert "STEP: Ask the patron to type the code" in result.out
    assert "RESOLVED: The locker opened." in result.out


@pytest.mark.usefixtures("small_library")
def test_deep_symptom_starts_there_and_the_handoff_records_it(cli, private_data: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(["receipt paper ran out"], input="1\n2\n")
    assert result.code == 0
    assert 'starts at the step for "receipt paper ran out"' in result.out
    walked = result.out.split("Pick a number", 1)[1]
    assert "What does the kiosk show?" not in walked
    assert "STEP: Put a new roll of receipt paper in the kiosk." in walked
    (saved,) = (private_data / "handoffs").glob("*.md")
    text = saved.read_text(encoding="utf-8")
    assert "- Began partway in, at `kiosk#paper`: a symptom pointed there" in text


def test_hold_for_authentication_starts_inside_the_printing_tree() -> None:
    bundled = Catalog([TREES])
    mobile = bundled.load("mobile-printing")
    deep = next(s for s in mobile.symptoms if s.text == "hold for authentication")
    assert deep.node is not None and deep.node != mobile.start
    best = Index.build(bundled.trees()).search("the job says hold for authentication")[0]
    assert (best.id, best.node) == ("mobile-printing", deep.node)
    state = engine.start(bundled, "mobile-printing", T0, node=deep.node)
    assert (state.log[0].kind, state.log[0].value) == ("start", "deep")
    shown = engine.prompt(bundled, state)
    assert not isinstance(shown, prompts.Done)

    done = run_tool(["hold for authentication", "--plain"], input="1\n", COLUMNS="200")
    assert done.returncode == 3  # input ended inside the walk, at the deep node's prompt
    assert one_line(shown.text) in done.stdout.split("Pick a number", 1)[1]
