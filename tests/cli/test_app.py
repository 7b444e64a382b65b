"""The command line's routing: what staff type, and the command it becomes."""

from __future__ import annotations

import pytest

from troubleshoot.cli.app import route


@pytest.mark.parametrize(
    ("typed", "routed"),
    [
        (["printer"], ["run", "printer"]),
        (["it", "ate", "my", "dollar", "--plain"], ["run", "it ate my dollar", "--plain"]),
        (["--debug", "wifi", "wont", "conect"], ["--debug", "run", "wifi wont conect"]),
        (["run", "it", "ate", "my", "dollar"], ["run", "it ate my dollar"]),
        (["find", "it", "ate", "--format", "json"], ["find", "it", "ate", "--format", "json"]),
        (["list"], ["list"]),
        ([], []),
    ],
)
def test_words_after_troubleshoot_become_one_run_argument(
    typed: list[str], routed: list[str]
) -> None:
    assert route(typed) == routed
