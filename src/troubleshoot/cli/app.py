"""The full command line: every command and option, the help, and tab completion.

What a failure looks like and which exit code it gets is cli/guard.py's, shared with
the quick path (cli/quick.py) that answers the commands a desk runs most without
building this app.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer

from troubleshoot import __version__
from troubleshoot.cli import guard
from troubleshoot.cli.guard import Debug
from troubleshoot.errors import Exit
from troubleshoot.ui import out

app = typer.Typer(
    name="troubleshoot",
    help="Guided troubleshooting for library desks. Try: troubleshoot printer",
    no_args_is_help=False,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        out.line(f"troubleshoot {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of internal errors."),
) -> None:
    """Guided troubleshooting for library desks."""
    Debug.on = Debug.on or debug
    if ctx.invoked_subcommand is None:
        from troubleshoot.cli.commands import run

        ctx.invoke(guarded(run.run), tree=None, plain=False, admin=None, initials="")


def guarded(command: Callable[..., int]) -> Callable[..., int]:
    """The command as typer runs it: failures told by :func:`guard.call`, then the code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> int:
        raise typer.Exit(guard.call(command, *args, **kwargs))

    return wrapper


#: Each command: the module under ``cli/commands`` and the function that runs it.
COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("run", "run"),
    "list": ("listing", "list_trees"),
    "check": ("check", "check"),
    "show": ("show", "show"),
    "new": ("new", "new"),
    "test": ("test", "walks"),
    "site": ("site", "site"),
    "resume": ("resume", "resume"),
    "history": ("history", "history"),
    "report": ("report", "report"),
    "export": ("export", "export"),
    "import": ("importing", "import_sessions"),
    "sync": ("sync", "sync"),
    "find": ("find", "find"),
    "practice": ("practice", "practice"),
    "publish": ("publish", "publish"),
}
_registered: set[str] = set()


def register(names: Sequence[str]) -> None:
    """Put *names* on the app. typer builds every option of every command it holds on
    each start, so a walk registers only ``run``: the others cost nothing then."""
    for name in names:
        if name in _registered:
            continue
        module, function = COMMANDS[name]
        command = getattr(importlib.import_module(f"troubleshoot.cli.commands.{module}"), function)
        app.command(name)(guarded(command))
        _registered.add(name)


def needed(args: Sequence[str]) -> list[str]:
    """The commands this command line can reach: the one named, else all (for help)."""
    if os.environ.get("_TROUBLESHOOT_COMPLETE"):  # the shell asking for completions
        return list(COMMANDS)
    words = [arg for arg in args if not arg.startswith("-")]
    if words and words[0] in COMMANDS:
        return [words[0]]
    if not words and not {"--help", "--install-completion", "--show-completion"} & set(args):
        return ["run"]  # the picker, through the root callback
    return list(COMMANDS)


def route(args: list[str]) -> list[str]:
    """``troubleshoot printer`` means ``troubleshoot run printer``, and
    ``troubleshoot it ate my dollar`` means ``troubleshoot run "it ate my dollar"``.

    ``troubleshoot help [COMMAND]`` is the help, not words to search: every other
    word that is not a command goes to find.
    """
    for i, arg in enumerate(args):
        if arg.startswith("-"):
            continue
        if arg == "help" and (i + 1 == len(args) or args[i + 1] in COMMANDS):
            return [*args[:i], *args[i + 1 : i + 2], "--help"]
        if arg not in COMMANDS:
            return [*args[:i], "run", *_joined(args[i:])]
        if arg == "run":
            return [*args[: i + 1], *_joined(args[i + 1 :])]
        break
    return args


def _joined(args: list[str]) -> list[str]:
    """The words before the first option, as one argument."""
    words = next((i for i, arg in enumerate(args) if arg.startswith("-")), len(args))
    return [" ".join(args[:words]), *args[words:]] if words > 1 else args


def main(argv: Sequence[str] | None = None) -> int:
    """Answer a command line with the full typer app (cli/entry.py tries the quick path first)."""
    args = route(list(sys.argv[1:] if argv is None else argv))
    Debug.on = False  # until the option is read (a test may call main many times)
    register(needed(args))
    return guard.outermost(lambda: _typer(args))


def _typer(args: list[str]) -> int:
    try:
        app(args=args, prog_name="troubleshoot")
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    return Exit.OK
