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
        (["help"], ["--help"]),
        (["help", "find"], ["find", "--help"]),
        (["help", "me", "please"], ["run", "help me please"]),  # what a patron said
        ([], []),
    ],
)
def test_words_after_troubleshoot_become_one_run_argument(
    typed: list[str], routed: list[str]
) -> None:
    assert route(typed) == routed


def test_help_shows_the_help_rather_than_searching_for_it(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["help"])
    assert result.code == 0
    assert "Usage: troubleshoot" in result.out and "No good match" not in result.out
