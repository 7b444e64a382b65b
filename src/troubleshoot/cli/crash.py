"""Saving a crash report, so an internal error costs staff one line, not a traceback."""

from __future__ import annotations

import datetime as dt
import platform
import traceback
from pathlib import Path

from troubleshoot import __version__, paths


def save() -> Path | None:
    """Write the current exception's traceback to the data folder; None if that fails."""
    try:
        folder = paths.data_dir() / "crashes"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.txt"
        path.write_text(
            f"troubleshoot {__version__} on Python {platform.python_version()} "
            f"({platform.system()})\n\n{traceback.format_exc()}",
            encoding="utf-8",
        )
        return path
    except OSError:
        return None
