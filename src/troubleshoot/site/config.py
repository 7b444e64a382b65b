"""Site settings: who IT is and when they are on duty, and what staff here may touch.

One file per desk (or per branch, on a shared drive). It is read through the same
reader as trees, so a mistake in it is reported at its line and column. A broken
settings file never keeps staff from helping a patron: the walk goes on with the
built-in defaults and one warning line that says where the file went wrong.

The file is looked for in this order, and the first one found is used whole (keys
it leaves out take the built-in defaults): ``--site PATH``, then the environment
variable ``TROUBLESHOOT_SITE``, then ``site.yaml`` in the user config folder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from troubleshoot import privacy
from troubleshoot.errors import TroubleshootError
from troubleshoot.frozen import field, frozen
from troubleshoot.site.hours import Hours
from troubleshoot.tree.values import KNOWN_POLICIES, Budget, Pos

if TYPE_CHECKING:
    from troubleshoot.tree.model import Tree

T = TypeVar("T")

ENV = "TROUBLESHOOT_SITE"
DEFAULTS = "built-in defaults"
STARTER = Path(__file__).with_name("starter.yaml")


# -- the settings, as values ---------------------------------------------------------


@frozen
class Contact:
    """An IT contact: how to reach them, and when someone answers."""

    name: str
    phone: str = ""
    email: str = ""
    ticket: str = ""  # the ticket form's address, or how to file one
    hours: tuple[Hours, ...] = ()  # none written means always on duty
    closed: tuple[tuple[dt.date, dt.date], ...] = ()  # whole days off, first and last
    pos: Pos = field(default_factory=Pos)

    def closed_on(self, day: dt.date) -> bool:
        return any(first <= day <= last for first, last in self.closed)

    def on_duty(self, at: dt.datetime) -> bool:
        if self.closed_on(at.date()):
            return False
        return not self.hours or any(h.covers(at) for h in self.hours)

    def on_duty_until(self, at: dt.datetime) -> dt.datetime | None:
        """When the stretch of cover that includes *at* ends (None: no end in sight)."""
        ends = [h.end for h in self.hours if h.covers(at)]
        if not ends:
            return None
        return dt.datetime.combine(at.date(), dt.time()) + dt.timedelta(minutes=max(ends))

    def next_on_duty(self, at: dt.datetime, horizon_days: int = 31) -> dt.datetime | None:
        """The first moment after *at* that someone answers, within *horizon_days*."""
        midnight = dt.datetime.combine(at.date(), dt.time())
        for offset in range(horizon_days + 1):
            day = midnight + dt.timedelta(days=offset)
            if self.closed_on(day.date()):
                continue
            if not self.hours:
                return max(day, at)
            starts = [
                day + dt.timedelta(minutes=h.start)
                for h in self.hours
                if day.weekday() in h.days and day + dt.timedelta(minutes=h.start) > at
            ]
            if starts:
                return min(starts)
        return None


@frozen
class Emergency:
    """Who to call after hours, and only for what."""

    name: str = ""
    phone: str = ""
    email: str = ""
    when: tuple[str, ...] = ()  # what counts as an emergency, in the site's words
    pos: Pos = field(default_factory=Pos)


@frozen
class Policy:
    allowed: bool = True
    reason: str = ""
    pos: Pos | None = None  # None: a built-in default


def default_policies() -> dict[str, Policy]:
    return {name: Policy() for name in sorted(KNOWN_POLICIES)}


#: Why every policy is off when the site's own file cannot be read.
UNREADABLE = "the site settings file could not be read, so nothing it may forbid is done"


def closed_policies() -> dict[str, Policy]:
    """Every policy not allowed: a branch that forbids clearing jams must never be told
    to clear one because its settings file has a typo in it."""
    return {name: Policy(False, UNREADABLE) for name in sorted(KNOWN_POLICIES)}


@frozen
class Settings:
    library: str = ""
    branch: str = ""
    desk: str = ""  # this desk's name on its records; empty: the computer's host name
    it: tuple[Contact, ...] = ()
    emergency: Emergency | None = None
    policies: Mapping[str, Policy] = field(default_factory=default_policies)
    admin: bool = False
    trees: tuple[Path, ...] = ()
    budget: Budget = field(default_factory=Budget)
    handoffs: Path | None = None
    database: Path | None = None  # the desk's own SQLite file
    server: str = ""  # database: postgresql://...: the site's shared store
    #: What a patron's card number looks like here; the strict default when unset
    #: or when the file cannot be read.
    cards: privacy.CardPattern = privacy.STRICT
    #: For patrons, on the self-help pages: the desk's public phone, the library's
    #: web page and its opening hours. Never the IT contacts, which are for staff.
    public_phone: str = ""
    public_url: str = ""
    opening_hours: tuple[Hours, ...] = ()
    path: str = ""  # the file these came from; empty for the built-in defaults
    key_pos: Mapping[str, Pos] = field(default_factory=dict)

    @property
    def forbidden(self) -> frozenset[str]:
        return frozenset(name for name, policy in self.policies.items() if not policy.allowed)

    @property
    def reasons(self) -> dict[str, str]:
        """Why each forbidden policy is forbidden, where the site said."""
        return {n: p.reason for n, p in self.policies.items() if not p.allowed and p.reason}

    @property
    def label(self) -> str:
        """The library and branch, as one line for a ticket."""
        return ", ".join(part for part in (self.library, self.branch) if part)

    def source(self, key: str) -> str:
        """Where a top-level setting came from: ``file:line``, or the built-in defaults."""
        at = self.key_pos.get(key)
        return f"{self.path}:{at.line}" if at else DEFAULTS


#: How a ``database:`` setting names a server rather than a file.
SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server(text: str) -> bool:
    return text.strip().startswith(SERVER_SCHEMES)


def known_policies(settings: Settings) -> frozenset[str]:
    """Every policy name the settings define (the built-in four plus the site's own)."""
    return frozenset(settings.policies)


def budget_for(settings: Settings, tree: Tree) -> Budget:
    """The tree's own budget when it sets one, else the site's default."""
    return tree.budget if "budget" in tree.key_pos else settings.budget


def it_email(settings: Settings, at: dt.datetime) -> str:
    """Whom an email draft goes to: a contact on duty at *at*, else the next one on duty."""
    with_email = [c for c in settings.it if c.email]
    if not with_email:
        return ""
    on_duty = [c for c in with_email if c.on_duty(at)]
    if on_duty:
        return on_duty[0].email
    far = at + dt.timedelta(days=366)
    return min(with_email, key=lambda c: c.next_on_duty(at) or far).email


def write_starter(path: Path) -> Path:
    """Write the commented starter file to *path*, never over an existing file."""
    if path.exists():
        raise TroubleshootError("a file is already there; it was left as it is", str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        from troubleshoot import files

        files.create(path, STARTER.read_bytes(), mode=files.SHARED_FILE)
    except FileExistsError:
        raise TroubleshootError(
            "a file is already there; it was left as it is", str(path)
        ) from None
    except OSError as e:
        raise TroubleshootError(f"cannot write file: {e.strerror or e}", str(path)) from None
    return path
