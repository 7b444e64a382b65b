"""Being asked to stop: Ctrl-C, a closed terminal window, a PC shutting down.

SIGTERM and SIGHUP are turned into :class:`~troubleshoot.errors.Stopped`, a kind of
``KeyboardInterrupt``, raised wherever the walk happens to be. It unwinds exactly
like Ctrl-C (one line, an exit code, no traceback), and because it is not an
ordinary ``Exception`` no prompt library swallows it on the way out. Every answer
is kept as it is given, so stopping at any point loses nothing.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from functools import partial
from typing import Any

from troubleshoot.errors import Exit, Stopped

#: Signal names and the exit code each ends with (128 + the signal's number, as shells do).
CODES = {"SIGHUP": Exit.HANGUP, "SIGTERM": Exit.TERMINATED}
#: Seconds a stop may take to unwind before the process ends regardless.
GRACE = 5.0


def _stop(signum: int, frame: object, *, grace: float | None = None) -> None:
    code = CODES[signal.Signals(signum).name]
    if grace is not None:
        # Unwinding normally takes a blink. Should a prompt library be caught half-way
        # through redrawing and never return, the process ends anyway once *grace*
        # seconds are up: a PC shutting down must not wait on the desk's walk, and
        # every answer is already kept. A daemon timer dies with a process that exits.
        timer = threading.Timer(grace, partial(_end_now, code))
        timer.daemon = True
        timer.start()
    if _stop_prompt(code):
        return
    raise Stopped(code)


def _stop_prompt(code: Exit) -> bool:
    """Ask an arrow-key prompt on screen to end with :class:`Stopped`, as Ctrl-C would.

    Raised straight from the handler, the stop can land inside one of the prompt's
    background tasks, where the prompt library reports it as a crash and waits for
    Enter. Ending the prompt through its own event loop unwinds it cleanly instead.
    """
    current = sys.modules.get("prompt_toolkit.application.current")
    app = current.get_app_or_none() if current is not None else None
    loop = getattr(app, "loop", None)
    if app is None or loop is None or not app.is_running:
        return False

    def end() -> None:
        with contextlib.suppress(Exception):  # already on its way out: it ends anyway
            app.exit(exception=Stopped(code))

    try:
        loop.call_soon_threadsafe(end)
    except RuntimeError:  # the loop has closed
        return False
    return True


def _end_now(code: Exit) -> None:
    """The last resort after a stop that did not unwind: say so, and end the process."""
    with contextlib.suppress(OSError):
        os.write(2, b"\ntroubleshoot: stopped.\n")
    os._exit(int(code))


@contextlib.contextmanager
def on_signals(grace: float | None = None) -> Iterator[None]:
    """Inside this block SIGTERM and SIGHUP raise :class:`Stopped`; after it, as before.

    With *grace*, a stop signal also ends the process after that many seconds should
    unwinding hang (the command line sets it; tests of this block do not).
    """
    previous: dict[int, Any] = {}
    for name in CODES:
        signum = getattr(signal, name, None)
        if signum is None:  # pragma: no cover - Windows has no SIGHUP
            continue
        try:
            previous[signum] = signal.signal(signum, partial(_stop, grace=grace))
        except ValueError:  # pragma: no cover - only the main thread may set handlers
            continue
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
