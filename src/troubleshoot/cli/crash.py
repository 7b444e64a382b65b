"""Saving a crash report, so an internal error costs staff one line, not a traceback.

A traceback can quote what staff typed, so the report is private to this user.
"""

from __future__ import annotations

import datetime as dt
import platform
import traceback
from pathlib import Path

from troubleshoot import __version__, files, paths


def save() -> Path | None:
    """Write the current exception's traceback to the data folder; None if that fails."""
    try:
        text = (
            f"troubleshoot {__version__} on Python {platform.python_version()} "
            f"({platform.system()})\n\n{traceback.format_exc()}"
        )
        return files.create_unique(
            paths.data_dir() / "crashes",
            f"crash-{dt.datetime.now():%Y%m%d-%H%M%S-%f}",
            ".txt",
            text.encode("utf-8", "backslashreplace"),
        )
    except OSError:
        return None
