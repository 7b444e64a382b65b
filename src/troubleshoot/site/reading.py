"""Reading a site settings file into :class:`~troubleshoot.site.config.Settings`.

Kept apart from the settings themselves so that a desk with no settings file (and
every command that only needs the values) never loads the YAML reader.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import TypeVar

import yaml

from troubleshoot import privacy, yamlsafe
from troubleshoot.errors import Finding, TroubleshootError
from troubleshoot.site import config, hours
from troubleshoot.site.addresses import email_problem
from troubleshoot.site.config import Contact, Emergency, Policy, Settings
from troubleshoot.site.hours import Hours
from troubleshoot.tree.loader import read_budget
from troubleshoot.tree.reader import NODE_ID, Reader, pos

T = TypeVar("T")

TOP_KEYS = (
    "library",
    "branch",
    "desk",
    "it",
    "emergency",
    "policies",
    "admin",
    "trees",
    "budget",
    "handoffs",
    "database",
    "card_numbers",
    "public_phone",
    "public_url",
    "opening_hours",
)
CARD_KEYS = ("digits", "starts_with")
#: How long a card number a site may describe: shorter would catch phone numbers.
CARD_DIGITS = (8, 19)
CONTACT_KEYS = ("name", "phone", "email", "ticket", "hours", "closed")
EMERGENCY_KEYS = ("name", "phone", "email", "when")


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
    database = get("database", lambda n: r.text(n, "database: "), "")
    return Settings(
        library=get("library", lambda n: r.text(n, "library: ", empty_ok=True), ""),
        branch=get("branch", lambda n: r.text(n, "branch: ", empty_ok=True), ""),
        desk=get("desk", lambda n: r.text(n, "desk: ", empty_ok=True), ""),
        it=get("it", lambda n: _contacts(r, n), ()),
        emergency=get("emergency", lambda n: _emergency(r, n), None),
        policies={**defaults.policies, **get("policies", lambda n: _policies(r, n), {})},
        admin=get("admin", lambda n: r.boolean(n, "admin: "), False),
        trees=get("trees", lambda n: tuple(_path(folder, p) for p in r.texts(n, "trees: ")), ()),
        budget=get("budget", lambda n: read_budget(r, n), defaults.budget),
        handoffs=get("handoffs", lambda n: a_path(n, "handoffs"), None),
        database=None if not database or config.is_server(database) else _path(folder, database),
        server=database.strip() if config.is_server(database) else "",
        cards=get("card_numbers", lambda n: _cards(r, n), privacy.STRICT),
        public_phone=get("public_phone", lambda n: r.text(n, "public_phone: "), ""),
        public_url=get("public_url", lambda n: _web_address(r, n), ""),
        opening_hours=get("opening_hours", lambda n: _hours(r, n, "opening_hours: "), ()),
        path=str(path),
        key_pos={key: pos(k) for key, (k, _) in fields.items() if key in TOP_KEYS},
    )


def _path(folder: Path, raw: str) -> Path:
    """A path from the file: ``~`` is the home folder; relative means beside the file."""
    candidate = Path(raw).expanduser()
    return candidate if candidate.is_absolute() else folder / candidate


def _web_address(r: Reader, node: yaml.Node) -> str:
    """A web address patrons are sent to: http or https only, so that a published page
    never links to a script (``javascript:``) or a file on the desk PC."""
    text = r.text(node, "public_url: ")
    if not text.startswith(("https://", "http://")) or any(c.isspace() for c in text):
        raise r.problem(pos(node), f"public_url: '{text}' is not a web address (https://...)")
    return text


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


def _cards(r: Reader, node: yaml.Node) -> privacy.CardPattern:
    """``card_numbers: {digits: 14, starts_with: "2"}``: what this library's patron
    cards look like, so that item barcodes (starting with 3, say) are kept."""
    where = "card_numbers: "
    fields = r.mapping(node, where)
    r.known_keys(fields, CARD_KEYS, where)
    least, most = privacy.STRICT.least, privacy.STRICT.most
    if "digits" in fields:
        least, most = _digits(r, fields["digits"][1], f"{where}digits: ")
    starts: tuple[str, ...] = ()
    if "starts_with" in fields:
        value = fields["starts_with"][1]
        at = f"{where}starts_with: "
        found = r.texts(value, at) if isinstance(value, yaml.SequenceNode) else (r.text(value, at),)
        for start in found:
            if not start.isdigit() or not start.isascii() or len(start) >= least:
                raise r.problem(
                    pos(value), f"{at}'{start}' is not the first digits of a card (like \"2\")"
                )
        starts = tuple(found)
    return privacy.CardPattern(least, most, starts)


def _digits(r: Reader, node: yaml.Node, where: str) -> tuple[int, int]:
    """``14``, or a range such as ``13-16``."""
    low, high = CARD_DIGITS
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int":
        one = r.integer(node, where, low, high)
        return one, one
    text = r.text(node, where)
    first, dash, last = text.partition("-")
    if not (dash and first.strip().isdigit() and last.strip().isdigit()):
        raise r.problem(pos(node), f"{where}expected a number of digits like 14, or 13-16")
    least, most = int(first), int(last)
    if not low <= least <= most <= high:
        raise r.problem(pos(node), f"{where}must be between {low} and {high} digits, fewest first")
    return least, most


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
