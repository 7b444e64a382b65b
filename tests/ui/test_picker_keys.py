"""The arrow-key tree picker, driven by keys sent to prompt_toolkit."""

from __future__ import annotations

from tests.terminal import WALKS
from troubleshoot.tree.catalog import Catalog
from troubleshoot.ui import picker

TREES = list(Catalog([WALKS]).trees())  # desk (Desk printer), other (Laptop printing)


def test_arrow_key_picker_takes_the_highlighted_tree() -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as keys, create_app_session(input=keys, output=DummyOutput()):
        keys.send_text("\x1b[B\r")
        keys.close()
        assert picker.pick_interactive(TREES).id == "other"
