"""The command line: wires the commands, catches every error once, sets exit codes.

Staff never see a traceback: an expected problem is one line, Ctrl-C is a quiet
exit 130, input ending mid-walk is exit 3, and anything unexpected is one friendly
line plus the path of a saved crash report (the traceback itself with ``--debug``).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import importlib
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any

import typer

from troubleshoot import __version__
from troubleshoot.cli import stopping
from troubleshoot.errors import Exit, Stopped, TroubleshootError
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
    """Turn every way a command can fail into one line and an exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> int:
        # The outer try also catches a stop that lands while another problem is being
        # told: a closed window ends input and sends SIGHUP at almost the same moment.
        try:
            try:
                code = command(*args, **kwargs)
            except TroubleshootError as e:
                _tell(f"troubleshoot: {e}")
                code = e.exit_code
            except EOFError:
                _tell("troubleshoot: input ended before the walk reached an end.")
                code = Exit.EOF
            except BrokenPipeError:
                code = _reader_went_away()
            except OSError as e:
                if e.errno not in TERMINAL_GONE or _debug():
                    raise
                code = Exit.HANGUP  # the window closed under a prompt: nobody to tell
            except Exception:
                if _debug():
                    raise
                code = _crashed()
        except KeyboardInterrupt as e:
            code = e.exit_code if isinstance(e, Stopped) else Exit.INTERRUPTED
            _tell("\ntroubleshoot: stopped.")
        raise typer.Exit(int(code or 0))

    return wrapper


#: The errors a prompt meets when the terminal it draws on has been closed.
TERMINAL_GONE = frozenset({errno.EIO, errno.ENXIO, errno.EBADF})


def _tell(message: str) -> None:
    """One line on stderr, if anyone is still there: after a hang-up the terminal is gone."""
    with contextlib.suppress(OSError, ValueError):
        out.line(message, err=True)


def _reader_went_away() -> int:
    """Output piped into a command that stopped reading (``| head``): end quietly."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return Exit.ERROR


class Debug:
    """Whether internal errors show their traceback: ``--debug``, or TROUBLESHOOT_DEBUG set.

    Set by the top-level option as typer reads it, so a command's failure, and one
    in typer itself after that, both know.
    """

    on = False


def _debug() -> bool:
    return Debug.on or bool(os.environ.get("TROUBLESHOOT_DEBUG"))


def _crashed() -> int:
    from troubleshoot.cli import crash

    report = crash.save()
    where = f"A report for IT was saved to {report}" if report else "Run again with --debug."
    _tell(f"troubleshoot: something went wrong inside the tool. {where}")
    return Exit.ERROR


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
    args = route(list(sys.argv[1:] if argv is None else argv))
    Debug.on = False  # until the option is read (a test may call main many times)
    register(needed(args))
    try:
        with stopping.on_signals(grace=stopping.GRACE):
            app(args=args, prog_name="troubleshoot")
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except KeyboardInterrupt as e:
        return e.exit_code if isinstance(e, Stopped) else Exit.INTERRUPTED
    except Exception:
        if _debug():
            out.line(traceback.format_exc().rstrip(), err=True)
            return Exit.ERROR
        return _crashed()
    return Exit.OK
