"""Finding the site settings in force: which file, and what it says, read once.

The lookup order is ``--site``, then ``TROUBLESHOOT_SITE``, then the user config
folder, then the built-in defaults. A file is read (and YAML loaded) only when
there is one.
"""

from __future__ import annotations

import os
from pathlib import Path

from troubleshoot import privacy
from troubleshoot.errors import Finding
from troubleshoot.frozen import frozen
from troubleshoot.site.config import DEFAULTS, ENV, Settings, closed_policies


def user_settings_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("troubleshoot", appauthor=False)) / "site.yaml"


def locate(explicit: Path | None = None) -> tuple[Path | None, str]:
    """The settings file to use and how it was found; None means the built-in defaults."""
    if explicit is not None:
        return explicit.expanduser(), "--site"
    env = os.environ.get(ENV, "").strip()
    if env:
        return Path(env).expanduser(), ENV
    user = user_settings_path()
    try:
        if user.is_file():
            return user, "the user config folder"
    except OSError:
        pass
    return None, DEFAULTS


@frozen
class InForce:
    """The settings in force, the file they came from, and what was wrong with it."""

    settings: Settings
    path: Path | None
    how: str  # "--site", "TROUBLESHOOT_SITE", "the user config folder" or the defaults
    findings: tuple[Finding, ...] = ()

    @property
    def warning(self) -> str | None:
        """One line for staff when the file could not be used; None when all is well."""
        if not self.findings:
            return None
        first = self.findings[0]
        where = first.path + (f":{first.line}:{first.col}" if first.line else "")
        more = len(self.findings) - 1
        also = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        return (
            f"warning: {where}: {first.message}{also}; "
            "site settings not used: every policy counts as not allowed, and any "
            f"{privacy.STRICT.describe()} as a card number, until the file is fixed. "
            "'troubleshoot site' shows what to fix."
        )


def resolve(explicit: Path | None = None) -> InForce:
    """The settings in force. Never raises: a bad file gives the defaults and findings."""
    path, how = locate(explicit)
    if path is None:
        return InForce(Settings(), None, how)
    from troubleshoot.site.reading import parse_settings  # only when there is a file

    settings, findings = parse_settings(path)
    if settings is None:  # fail closed: nothing the site might forbid is allowed
        return InForce(Settings(policies=closed_policies()), path, how, tuple(findings))
    return InForce(settings, path, how)
