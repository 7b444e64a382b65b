"""The quick path: ``list``, ``find WORDS`` and a walk, answered without the typer app.

Building typer's command line costs about as much as all the rest of a warm ``list``
(importing it, reading every option of the command, parsing), and a desk runs these
commands many times a day on old PCs. So the few command lines they are usually
typed as are read here, by hand, and run through the same bodies as the full app
(cli/everyday.py) with the same failure handling (cli/guard.py). Anything else
(another option, ``--help``, a typo, tab completion) returns ``None`` and goes to the
full app, which explains it. tests/cli/test_quick.py holds the two paths to the same
output for every shape read here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from troubleshoot.cli import guard
from troubleshoot.tree.values import COMMAND_NAMES

if TYPE_CHECKING:
    from troubleshoot.desk import Desk

#: A command's body, waiting for the desk it runs at.
Body = Callable[["Desk"], int]

#: The words that name a command: any other first word is a tree or the patron's words.
#: The same words no tree may take as its id; a test keeps them beside cli/app.COMMANDS
#: (importing that module would cost what this path saves).
COMMANDS = COMMAND_NAMES


def answer(args: Sequence[str]) -> int | None:
    """The exit code of *args* run here, or ``None`` when the full app must answer."""
    if os.environ.get("_TROUBLESHOOT_COMPLETE"):
        return None
    body = _read(list(args))
    if body is None:
        return None
    guard.Debug.on = False
    return guard.outermost(lambda: guard.call(_at_desk, body))


def _at_desk(body: Body) -> int:
    from troubleshoot.desk import Desk

    return body(Desk.resolve(None))


def _read(args: list[str]) -> Body | None:
    """What *args* ask for, as a body waiting for the desk; ``None`` if not a quick shape."""
    from troubleshoot.cli import everyday

    if not args:
        return lambda desk: everyday.walk(desk, None)
    if args == ["list"]:
        return everyday.list_trees
    if args[0] == "find":
        return _find(args[1:])
    words, plain = _words_then_plain(args[1:] if args[0] == "run" else args)
    if not words or plain is None or words[0] in COMMANDS:
        return None
    said = " ".join(words)
    return lambda desk: everyday.walk(desk, said, plain=plain)


def _find(args: list[str]) -> Body | None:
    """``find WORDS... [--plain] [--format text|json]``, options anywhere among the words."""
    from troubleshoot.cli import everyday
    from troubleshoot.ui.formats import Format, choose

    words: list[str] = []
    plain, fmt = False, "text"
    rest = iter(args)
    for arg in rest:
        if arg == "--plain":
            plain = True
        elif arg == "--format":
            fmt = next(rest, "")
            if not fmt or fmt.startswith("-"):
                return None
        elif arg.startswith("--format="):
            fmt = arg.removeprefix("--format=")
        elif arg.startswith("-"):
            return None
        else:
            words.append(arg)
    if not words:
        return None
    said = " ".join(words)

    def find(desk: Desk) -> int:
        json_out = choose(fmt, Format.TEXT, Format.JSON) is Format.JSON
        return everyday.find(desk, said, json_out, plain=plain)

    return find


def _words_then_plain(args: list[str]) -> tuple[list[str], bool | None]:
    """The words before any option, and whether the only options are ``--plain``.

    The full app joins the words before the first option into one (``troubleshoot it
    ate my dollar``); a word after an option is an error it explains, so not ours.
    """
    first = next((i for i, arg in enumerate(args) if arg.startswith("-")), len(args))
    words, options = args[:first], args[first:]
    if any(arg != "--plain" for arg in options):
        return words, None
    return words, bool(options)
