"""The arrow-key tree picker, driven by keys sent to prompt_toolkit."""

from __future__ import annotations

import pytest

from tests.conftest import TREES as BUNDLED_DIR
from tests.terminal import WALKS
from troubleshoot.frozen import replace
from troubleshoot.tree.catalog import Catalog
from troubleshoot.ui import picker

TREES = list(Catalog([WALKS]).trees())  # desk (Desk printer), other (Laptop printing)
BUNDLED = list(Catalog([BUNDLED_DIR]).trees())


def picked_after(keys_typed: str, trees: list[picker.Tree]) -> str:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as keys, create_app_session(input=keys, output=DummyOutput()):
        keys.send_text(keys_typed)
        keys.close()
        return picker.pick_interactive(trees).id


def test_arrow_key_picker_takes_the_highlighted_tree() -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as keys, create_app_session(input=keys, output=DummyOutput()):
        keys.send_text("\x1b[B\r")
        keys.close()
        assert picker.pick_interactive(TREES).id == "other"


@pytest.mark.parametrize(
    ("typed", "tree_id"),
    [
        ("wifi\r", "wifi"),
        ("wif\r", "wifi"),  # still being typed
        ("agree\r", "wifi"),  # a synonym
        ("r\u00e9sum\u00e9\r", "job-applications"),
        ("my card won't\r", "pc-reservation"),
        ("12\r", BUNDLED[11].id),  # a number keeps its own line
        ("cop\x7f\x7f\x7fwifi\r", "wifi"),  # typed over after Backspace
    ],
)
def test_typing_ranks_the_arrow_key_list_as_find_does(typed: str, tree_id: str) -> None:
    assert picked_after(typed, BUNDLED) == tree_id


def test_letters_beyond_ascii_reach_the_filter() -> None:
    # Without the accents "ébène" is only a typo away from nothing; with them it folds to
    # "ebene", a word of the one tree below, and nothing else is on the list.
    ebony = [*TREES[:1], replace(TREES[1], id="ebony", synonyms=("ebene",))]
    assert picked_after("\u00e9b\u00e8ne\r", ebony) == "ebony"


def test_down_arrow_moves_within_the_ranked_list() -> None:
    ranked = [
        BUNDLED[i].id
        for i in picker.narrow(
            picker.Index.build(BUNDLED), [(t.id, t.title) for t in BUNDLED], "card"
        )
    ]
    assert picked_after("card\x1b[B\r", BUNDLED) == ranked[1]
