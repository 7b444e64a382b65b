"""Choosing a tree when staff don't know its id: by number, id or the start of its title."""

from __future__ import annotations

import io

import pytest

from terminal import WALKS
from troubleshoot.catalog import Catalog
from troubleshoot.ui import picker

TREES = list(Catalog([WALKS]).trees())  # desk (Desk printer), other (Laptop printing)


@pytest.mark.parametrize(
    ("typed", "picked"),
    [("2\n", "other"), ("desk\n", "desk"), ("LAPTOP\n", "other"), ("7\nde\n", "desk")],
)
def test_plain_picker_takes_a_number_an_id_or_a_title(typed: str, picked: str) -> None:
    screen = io.StringIO()
    assert picker.pick_plain(TREES, io.StringIO(typed), screen).id == picked
    assert "  1) Desk printer: A small tree for tests of the walk." in screen.getvalue()
    assert screen.getvalue().count("Type a number from 1 to 2.") == typed.count("\n") - 1


def test_plain_picker_ends_with_input() -> None:
    with pytest.raises(EOFError):
        picker.pick_plain(TREES, io.StringIO("\n"), io.StringIO())


def test_arrow_key_picker_takes_the_highlighted_tree() -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as keys, create_app_session(input=keys, output=DummyOutput()):
        keys.send_text("\x1b[B\r")
        keys.close()
        assert picker.pick_interactive(TREES).id == "other"
