"""Every way a command can fail, turned into one line and an exit code, written once.

Staff never see a traceback: an expected problem is one line, Ctrl-C is a quiet
exit 130, input ending mid-walk is exit 3, and anything unexpected is one friendly
line plus the path of a saved crash report (the traceback itself with ``--debug``).
Both ways a command line is answered use it: the full typer app (cli/app.py) and the
quick path for the commands a desk runs most (cli/quick.py), so that they fail alike.
Nothing here imports typer, which is what keeps the quick path quick.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable
from typing import Any

from troubleshoot.cli import stopping
from troubleshoot.errors import Exit, Stopped, TroubleshootError
from troubleshoot.ui import out


class Debug:
    """Whether internal errors show their traceback: ``--debug``, or TROUBLESHOOT_DEBUG set.

    Set by the top-level option as typer reads it, so a command's failure, and one
    in typer itself after that, both know.
    """

    on = False


def debug() -> bool:
    return Debug.on or bool(os.environ.get("TROUBLESHOOT_DEBUG"))


#: The errors a prompt meets when the terminal it draws on has been closed.
TERMINAL_GONE = frozenset({errno.EIO, errno.ENXIO, errno.EBADF})


def call(command: Callable[..., int], *args: Any, **kwargs: Any) -> int:
    """Run one command; whatever goes wrong becomes a line on stderr and an exit code."""
    # The outer try also catches a stop that lands while another problem is being
    # told: a closed window ends input and sends SIGHUP at almost the same moment.
    try:
        try:
            code = command(*args, **kwargs)
        except TroubleshootError as e:
            tell(f"troubleshoot: {e}")
            code = e.exit_code
        except EOFError:
            tell("troubleshoot: input ended before the walk reached an end.")
            code = Exit.EOF
        except BrokenPipeError:
            code = _reader_went_away()
        except OSError as e:
            if e.errno not in TERMINAL_GONE or debug():
                raise
            code = Exit.HANGUP  # the window closed under a prompt: nobody to tell
        except Exception:
            if debug():
                raise
            code = crashed()
    except KeyboardInterrupt as e:
        code = e.exit_code if isinstance(e, Stopped) else Exit.INTERRUPTED
        tell("\ntroubleshoot: stopped.")
    return int(code or 0)


def outermost(answer: Callable[[], int]) -> int:
    """Answer a whole command line under the stop signals; the last net for what
    :func:`call` could not catch (a failure in typer itself, or a stop between)."""
    try:
        with stopping.on_signals(grace=stopping.GRACE):
            return answer()
    except KeyboardInterrupt as e:
        return e.exit_code if isinstance(e, Stopped) else Exit.INTERRUPTED
    except Exception:
        if debug():
            import traceback

            out.line(traceback.format_exc().rstrip(), err=True)
            return Exit.ERROR
        return crashed()


def tell(message: str) -> None:
    """One line on stderr, if anyone is still there: after a hang-up the terminal is gone."""
    with contextlib.suppress(OSError, ValueError):
        out.line(message, err=True)


def _reader_went_away() -> int:
    """Output piped into a command that stopped reading (``| head``): end quietly."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return Exit.ERROR


def crashed() -> int:
    from troubleshoot.cli import crash

    report = crash.save()
    where = f"A report for IT was saved to {report}" if report else "Run again with --debug."
    tell(f"troubleshoot: something went wrong inside the tool. {where}")
    return Exit.ERROR
