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
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

import yaml

from troubleshoot import files, yamlsafe
from troubleshoot.errors import Finding, TroubleshootError
from troubleshoot.site import hours
from troubleshoot.site.addresses import email_problem
from troubleshoot.site.hours import Hours
from troubleshoot.tree.loader import read_budget
from troubleshoot.tree.model import KNOWN_POLICIES, Budget, Pos, Tree
from troubleshoot.tree.reader import NODE_ID, Reader, pos

T = TypeVar("T")

ENV = "TROUBLESHOOT_SITE"
DEFAULTS = "built-in defaults"
TOP_KEYS = (
    "library",
    "branch",
    "it",
    "emergency",
    "policies",
    "admin",
    "trees",
    "budget",
    "handoffs",
    "database",
)
CONTACT_KEYS = ("name", "phone", "email", "ticket", "hours", "closed")
EMERGENCY_KEYS = ("name", "phone", "email", "when")
STARTER = Path(__file__).with_name("starter.yaml")


# -- the settings, as values ---------------------------------------------------------


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Emergency:
    """Who to call after hours, and only for what."""

    name: str = ""
    phone: str = ""
    email: str = ""
    when: tuple[str, ...] = ()  # what counts as an emergency, in the site's words
    pos: Pos = field(default_factory=Pos)


@dataclass(frozen=True)
class Policy:
    allowed: bool = True
    reason: str = ""
    pos: Pos | None = None  # None: a built-in default


def default_policies() -> dict[str, Policy]:
    return {name: Policy() for name in sorted(KNOWN_POLICIES)}


@dataclass(frozen=True)
class Settings:
    library: str = ""
    branch: str = ""
    it: tuple[Contact, ...] = ()
    emergency: Emergency | None = None
    policies: Mapping[str, Policy] = field(default_factory=default_policies)
    admin: bool = False
    trees: tuple[Path, ...] = ()
    budget: Budget = field(default_factory=Budget)
    handoffs: Path | None = None
    database: Path | None = None
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


# -- reading a settings file ---------------------------------------------------------


def parse_settings(path: Path, text: str | None = None) -> tuple[Settings | None, list[Finding]]:
    """Read one settings file: the settings (when sound) and every problem found."""
    name = str(path)
    try:
        if text is None:
            text = yamlsafe.read_text(path)
        root = yamlsafe.compose(text, name)
    except TroubleshootError as e:
        return None, [Finding(name, e.line or 0, e.col or 0, "error", "yaml", e.message)]
    if root is None:
        return Settings(path=name), []
    reader = Reader(name)
    settings = reader.attempt(lambda: _settings(reader, path, root), None)
    if reader.findings or settings is None:
        return None, sorted(reader.findings)
    return settings, []


def load_settings(path: Path) -> Settings:
    """The settings in *path*, or its first problem as a :class:`TroubleshootError`."""
    settings, findings = parse_settings(path)
    if settings is None:
        raise findings[0].to_error()
    return settings


def _settings(r: Reader, path: Path, root: yaml.Node) -> Settings:
    fields = r.mapping(root, "")
    r.known_keys(fields, TOP_KEYS, "")
    folder = path.absolute().parent

    def get(key: str, fn: Callable[[yaml.Node], T], default: T) -> T:
        if key not in fields:
            return default
        return r.attempt(lambda: fn(fields[key][1]), default)

    def a_path(node: yaml.Node, key: str) -> Path:
        return _path(folder, r.text(node, f"{key}: "))

    defaults = Settings()
    return Settings(
        library=get("library", lambda n: r.text(n, "library: ", empty_ok=True), ""),
        branch=get("branch", lambda n: r.text(n, "branch: ", empty_ok=True), ""),
        it=get("it", lambda n: _contacts(r, n), ()),
        emergency=get("emergency", lambda n: _emergency(r, n), None),
        policies={**defaults.policies, **get("policies", lambda n: _policies(r, n), {})},
        admin=get("admin", lambda n: r.boolean(n, "admin: "), False),
        trees=get("trees", lambda n: tuple(_path(folder, p) for p in r.texts(n, "trees: ")), ()),
        budget=get("budget", lambda n: read_budget(r, n), defaults.budget),
        handoffs=get("handoffs", lambda n: a_path(n, "handoffs"), None),
        database=get("database", lambda n: a_path(n, "database"), None),
        path=str(path),
        key_pos={key: pos(k) for key, (k, _) in fields.items() if key in TOP_KEYS},
    )


def _path(folder: Path, raw: str) -> Path:
    """A path from the file: ``~`` is the home folder; relative means beside the file."""
    candidate = Path(raw).expanduser()
    return candidate if candidate.is_absolute() else folder / candidate


def _contacts(r: Reader, node: yaml.Node) -> tuple[Contact, ...]:
    if isinstance(node, yaml.MappingNode):
        return (_contact(r, node, "it: "),)
    found = []
    for i, item in enumerate(r.sequence(node, "it: "), 1):
        contact = r.attempt(partial(_contact, r, item, f"it[{i}]: "), None)
        if contact is not None:
            found.append(contact)
    return tuple(found)


def _contact(r: Reader, node: yaml.Node, where: str) -> Contact:
    fields = r.mapping(node, where)
    r.known_keys(fields, CONTACT_KEYS, where)

    def opt(key: str) -> str:
        if key not in fields:
            return ""
        return r.attempt(lambda: r.text(fields[key][1], f"{where}{key}: ", empty_ok=True), "")

    name = r.text(r.required(fields, "name", pos(node), where), f"{where}name: ")
    email = _email(r, fields, opt("email"), where)
    cover: tuple[Hours, ...] = ()
    if "hours" in fields:
        cover = r.attempt(lambda: _hours(r, fields["hours"][1], f"{where}hours: "), ())
    closed: tuple[tuple[dt.date, dt.date], ...] = ()
    if "closed" in fields:
        closed = r.attempt(lambda: _closed(r, fields["closed"][1], f"{where}closed: "), ())
    return Contact(name, opt("phone"), email, opt("ticket"), cover, closed, pos(node))


def _email(
    r: Reader, fields: Mapping[str, tuple[yaml.Node, yaml.Node]], email: str, where: str
) -> str:
    problem = email_problem(email) if email else None
    if problem is None:
        return email
    r.problem(pos(fields["email"][1]), f"{where}email: '{email}' {problem}")
    return ""


def _hours(r: Reader, node: yaml.Node, where: str) -> tuple[Hours, ...]:
    out: list[Hours] = []
    for spec, (key, value) in r.mapping(node, where).items():
        try:
            hours.parse_days(spec)
        except ValueError as e:
            r.problem(pos(key), f"{where}{e}")
            continue
        at = f"{where}{spec}: "
        try:
            out += hours.parse_hours(spec, r.text(value, at))
        except ValueError as e:
            r.problem(pos(value), f"{at}{e}")
    return tuple(out)


def _closed(r: Reader, node: yaml.Node, where: str) -> tuple[tuple[dt.date, dt.date], ...]:
    out = []
    for i, item in enumerate(r.sequence(node, where), 1):
        at = f"{where}[{i}]: "
        try:
            out.append(hours.parse_closed(r.text(item, at)))
        except ValueError as e:
            r.problem(pos(item), f"{at}{e}")
    return tuple(out)


def _emergency(r: Reader, node: yaml.Node) -> Emergency | None:
    where = "emergency: "
    fields = r.mapping(node, where)
    r.known_keys(fields, EMERGENCY_KEYS, where)

    def opt(key: str) -> str:
        if key not in fields:
            return ""
        return r.attempt(lambda: r.text(fields[key][1], f"{where}{key}: ", empty_ok=True), "")

    when = r.texts(fields["when"][1], f"{where}when: ") if "when" in fields else ()
    email = _email(r, fields, opt("email"), where)
    found = Emergency(opt("name"), opt("phone"), email, when, pos(node))
    return found if (found.name or found.phone or found.email) else None


def _policies(r: Reader, node: yaml.Node) -> dict[str, Policy]:
    where = "policies: "
    out: dict[str, Policy] = {}
    for name, (key, value) in r.mapping(node, where).items():
        at = f"{where}{name}: "
        if not NODE_ID.match(name):
            r.problem(pos(key), f"{at}not a policy name (lower case letters, digits and _)")
            continue

        def one(key: yaml.Node = key, value: yaml.Node = value, at: str = at) -> Policy:
            if isinstance(value, yaml.MappingNode):
                fields = r.mapping(value, at)
                r.known_keys(fields, ("allowed", "reason"), at)
                allowed = r.boolean(r.required(fields, "allowed", pos(value), at), at + "allowed: ")
                reason = r.text(fields["reason"][1], at + "reason: ") if "reason" in fields else ""
                return Policy(allowed, reason, pos(key))
            return Policy(r.boolean(value, at), "", pos(key))

        policy = r.attempt(one, None)
        if policy is not None:
            out[name] = policy
    return out


# -- finding the file ------------------------------------------------------------------


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


@dataclass(frozen=True)
class Resolved:
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
            "site settings not used, carrying on with the built-in defaults. "
            "'troubleshoot site' shows what to fix."
        )


def resolve(explicit: Path | None = None) -> Resolved:
    """The settings in force. Never raises: a bad file gives the defaults and findings."""
    path, how = locate(explicit)
    if path is None:
        return Resolved(Settings(), None, how)
    settings, findings = parse_settings(path)
    if settings is None:
        return Resolved(Settings(), path, how, tuple(findings))
    return Resolved(settings, path, how)


def write_starter(path: Path) -> Path:
    """Write the commented starter file to *path*, never over an existing file."""
    if path.exists():
        raise TroubleshootError("a file is already there; it was left as it is", str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        files.create(path, STARTER.read_bytes(), mode=files.SHARED_FILE)
    except FileExistsError:
        raise TroubleshootError(
            "a file is already there; it was left as it is", str(path)
        ) from None
    except OSError as e:
        raise TroubleshootError(f"cannot write file: {e.strerror or e}", str(path)) from None
    return path
