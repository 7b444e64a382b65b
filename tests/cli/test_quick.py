"""The quick path answers the everyday command lines exactly as the full app does.

``list``, ``find`` and a walk are read by hand (cli/quick.py) so that typer is never
built for them; these tests hold that reading to the full app's answer, word for
word, and check that anything else is left to the app.
"""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from tests.conftest import TREES, Result, subprocess_env
from troubleshoot.cli import app, entry, quick


def both(args: list[str], input: str, capsys, monkeypatch) -> tuple[Result, Result]:  # type: ignore[no-untyped-def]
    """The same command line, answered by the quick path and by the full app."""
    results = []
    for main in (entry.main, app.main):
        monkeypatch.setattr(sys, "stdin", io.StringIO(input))
        code = main(list(args))
        captured = capsys.readouterr()
        results.append(Result(code, captured.out, captured.err))
    return results[0], results[1]


@pytest.mark.parametrize(
    ("args", "input"),
    [
        (["list"], ""),
        (["find", "my", "printout", "never", "came", "out", "--format", "json"], ""),
        (["find", "--format=json", "wifi", "login", "page"], ""),
        (["find", "it", "ate", "my", "dollar", "--format", "html"], ""),  # a usage error
        (["find", "my", "printout", "never", "came", "out", "--plain"], "1\nq\n2\n"),
        (["printer", "--plain"], "1\n1\nq\n2\n"),
        (["printer"], "q\n2\n"),  # input is not a terminal: plain prompts
        (["run", "printer", "--plain"], "e\nThe patron's job is missing\n"),
        (["it", "ate", "my", "dollar", "--plain"], "1\nq\n2\n"),
        (["nosuchtree"], ""),  # the picker, then input ends
        (["printer#no-such-node", "--plain"], ""),
        ([], "1\nq\n2\n"),
    ],
)
def test_the_quick_path_answers_as_the_full_app_does(
    args: list[str],
    input: str,
    capsys,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(TREES))
    fast, full = both(args, input, capsys, monkeypatch)
    assert fast == full
    assert fast.out or fast.err


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["help"],
        ["list", "--site", "elsewhere.yaml"],
        ["list", "extra"],
        ["find"],
        ["find", "--limit", "3", "printer"],
        ["printer", "--admin"],
        ["printer", "--plain", "now"],
        ["--debug", "list"],
        ["show", "printer"],
        ["help", "me", "print"],
    ],
)
def test_anything_else_is_left_to_the_full_app(args: list[str]) -> None:
    assert quick.answer(args) is None


def test_a_quick_command_never_builds_typer_nor_imports_dataclasses() -> None:
    """What the quick path is for: a warm ``list``, ``find`` and a plain walk import
    neither typer nor ``dataclasses`` (whose ``inspect`` is a seventh of their wait)."""
    script = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "from troubleshoot.cli.entry import main\n"
        "main(sys.argv[1:])\n"
        "heavy = {'typer', 'click', 'dataclasses', 'inspect'}\n"
        "print(sorted(heavy & set(sys.modules) - before), file=sys.stderr)\n"
    )
    # Without the test run's coverage, which some versions start in every child.
    env = subprocess_env(TROUBLESHOOT_TREES=str(TREES))
    env = {k: v for k, v in env.items() if not k.startswith(("COV_CORE_", "COVERAGE_"))}
    for args, answers in (
        (["list"], ""),
        (["find", "my printout never came out"], ""),
        (["printer", "--plain"], "q\n2\n"),
    ):
        done = subprocess.run(
            [sys.executable, "-c", script, *args],
            input=answers,
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        assert done.stderr.splitlines()[-1] == "[]", (args, done.stderr)


def test_the_quick_path_and_tree_ids_know_every_command_word() -> None:
    """A new command must not be taken for a tree id by the quick path, and no tree
    may take a command's name as its id."""
    assert set(app.COMMANDS) | {"help"} == quick.COMMANDS
