"""Being asked to stop: Ctrl-C, a closed terminal window, a PC shutting down.

SIGTERM and SIGHUP are turned into :class:`~troubleshoot.errors.Stopped`, a kind of
``KeyboardInterrupt``, raised wherever the walk happens to be. It unwinds exactly
like Ctrl-C (one line, an exit code, no traceback), and because it is not an
ordinary ``Exception`` no prompt library swallows it on the way out. Every answer
is kept as it is given, so stopping at any point loses nothing.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from typing import Any

from troubleshoot.errors import Exit, Stopped

#: Signal names and the exit code each ends with (128 + the signal's number, as shells do).
CODES = {"SIGHUP": Exit.HANGUP, "SIGTERM": Exit.TERMINATED}


def _stop(signum: int, frame: object) -> None:
    raise Stopped(CODES[signal.Signals(signum).name])


@contextlib.contextmanager
def on_signals() -> Iterator[None]:
    """Inside this block SIGTERM and SIGHUP raise :class:`Stopped`; after it, as before."""
    previous: dict[int, Any] = {}
    for name in CODES:
        signum = getattr(signal, name, None)
        if signum is None:  # pragma: no cover - Windows has no SIGHUP
            continue
        try:
            previous[signum] = signal.signal(signum, _stop)
        except ValueError:  # pragma: no cover - only the main thread may set handlers
            continue
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
