"""Where the tool keeps its own files: hand-offs, session records, caches.

These are the only places it ever writes, apart from files a person names.
``TROUBLESHOOT_DATA`` moves them all, for a shared drive, a test or a training room.
"""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    env = os.environ.get("TROUBLESHOOT_DATA")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("troubleshoot", appauthor=False))


def handoff_dir() -> Path:
    """Where hand-offs are saved: a folder staff can open, not a hidden one.

    The data folder is hidden on every desktop (AppData on Windows), so a hand-off
    saved there is lost to the person who needs to attach it to an email. Documents
    is where staff look. ``TROUBLESHOOT_DATA`` (a shared drive, a test) keeps
    everything together under it instead.
    """
    if os.environ.get("TROUBLESHOOT_DATA"):
        return data_dir() / "handoffs"
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "Troubleshoot hand-offs"


def database() -> Path:
    """The session records, when the site names no database of its own."""
    return data_dir() / "sessions.db"


def cache_dir() -> Path | None:
    """Where parsed trees and search indexes are kept; None when
    ``TROUBLESHOOT_CACHE=off`` turns caching off."""
    env = os.environ.get("TROUBLESHOOT_CACHE")
    if env == "off":
        return None
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("troubleshoot", appauthor=False))
