"""``troubleshoot site``: the settings in force, each with the file line it came from.

A trainer fixing a settings file wants to see what the tool made of it, so every
value is shown as read, with ``[file:line]`` or ``[built-in defaults]`` beside it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from troubleshoot.desk import DATABASE_ENV, Chosen, Desk
from troubleshoot.site.config import DEFAULTS, Contact, Settings
from troubleshoot.site.locate import InForce
from troubleshoot.text import one_line
from troubleshoot.ui import out

LABEL = 18


class _Rows:
    """Label, value and source, lined up; continuation lines under the value."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.name = Path(settings.path).name
        self.rows: list[str] = []

    def source(self, key: str) -> str:
        found = self.settings.source(key)
        if found == DEFAULTS:
            return f"[{DEFAULTS}]"
        return f"[{self.name}{found[len(self.settings.path) :]}]"

    def row(self, label: str, value: str, source: str = "") -> None:
        text = f"{label:<{LABEL}}{one_line(value)}"
        self.rows.append(f"{text}  {source}" if source else text)

    def more(self, value: str) -> None:
        self.rows.append(" " * LABEL + one_line(value))


def _duty(contact: Contact, now: dt.datetime) -> str:
    if contact.on_duty(now):
        until = contact.on_duty_until(now)
        return "yes" + (f", until {until:%a %H:%M}" if until else "")
    opens = contact.next_on_duty(now)
    return "no" + (f", next on duty {opens:%a %Y-%m-%d %H:%M}" if opens else "")


def _header(resolved: InForce, now: dt.datetime) -> list[str]:
    if resolved.path is None:
        head = [
            "Site settings: built-in defaults (no settings file found).",
            "  'troubleshoot site --init' writes a starter file to fill in.",
        ]
    elif resolved.findings:
        head = [f"Site settings: {resolved.path} (found by {resolved.how}) has problems:"]
        head += [f"  {finding}" for finding in resolved.findings]
        head.append(
            "  Until they are fixed, walks count every policy as not allowed and use the "
            "defaults shown below."
        )
    else:
        head = [f"Site settings: {resolved.path} (found by {resolved.how})"]
    return [*head, f"Time now: {now:%a %Y-%m-%d %H:%M}", ""]


def _contacts(r: _Rows, now: dt.datetime) -> None:
    if not r.settings.it:
        r.row("IT", "(none set: hand-offs cannot say whom to call)", r.source("it"))
    for i, contact in enumerate(r.settings.it):
        r.row("IT" if i == 0 else "", contact.name, r.source("it"))
        reach = (("phone", contact.phone), ("email", contact.email), ("ticket", contact.ticket))
        ways = [f"{kind} {value}" for kind, value in reach if value]
        if ways:
            r.more(" · ".join(ways))
        r.more("hours: " + ("; ".join(h.text for h in contact.hours) or "at all times"))
        if contact.closed:
            days = (str(a) if a == b else f"{a}..{b}" for a, b in contact.closed)
            r.more("closed: " + ", ".join(days))
        r.more(f"on duty now: {_duty(contact, now)}")


def _emergency(r: _Rows) -> None:
    found = r.settings.emergency
    if found is None:
        r.row("emergency", "(none set)", r.source("emergency"))
        return
    reach = ", ".join(x for x in (found.name, found.phone, found.email) if x)
    r.row("emergency", reach, r.source("emergency"))
    if found.when:
        r.more("only for: " + "; ".join(found.when))


def _policies(r: _Rows) -> None:
    for i, (policy, switch) in enumerate(sorted(r.settings.policies.items())):
        state = "allowed" if switch.allowed else "NOT allowed"
        if switch.reason:
            state += f" ({switch.reason})"
        where = f"[{r.name}:{switch.pos.line}]" if switch.pos else f"[{DEFAULTS}]"
        r.row("policies" if i == 0 else "", f"{policy}: {state}", where)


def _public(r: _Rows) -> None:
    """What the self-help pages tell patrons: an IT lead checks it before publishing."""
    settings = r.settings
    r.row("public phone", settings.public_phone or "(not set)", r.source("public_phone"))
    r.row("public web page", settings.public_url or "(not set)", r.source("public_url"))
    hours = [h.text for h in settings.opening_hours] or ["(not set)"]
    r.row("opening hours", hours[0], r.source("opening_hours"))
    for more in hours[1:]:
        r.more(more)


def lines(desk: Desk, now: dt.datetime) -> list[str]:
    resolved, settings = desk.site, desk.settings
    r = _Rows(settings)
    r.row("library", settings.library or "(not set)", r.source("library"))
    r.row("branch", settings.branch or "(not set)", r.source("branch"))
    r.row("desk", desk.name if settings.desk else f"{desk.name} (host name)", r.source("desk"))
    _contacts(r, now)
    _emergency(r)
    _policies(r)
    r.row("admin rights", "yes" if settings.admin else "no", r.source("admin"))
    budget = f"{settings.budget.minutes} min, {settings.budget.steps} steps"
    r.row("budget", budget, r.source("budget"))
    r.row("card numbers", desk.cards.describe(), r.source("card_numbers"))
    _public(r)
    r.row("extra trees", ", ".join(map(str, settings.trees)) or "(none)", r.source("trees"))
    for folder in settings.trees:
        if not folder.is_dir():
            r.more(f"not found: {folder}")
    for shadow in desk.catalog.shadows:
        r.more(f"'{shadow.tree_id}' from {shadow.used} replaces {shadow.hidden}")
    r.row("hand-offs", str(desk.handoffs), r.source("handoffs"))
    from_env = f"[{DATABASE_ENV}]"
    chosen = desk.chosen_by_env
    if desk.server:
        from troubleshoot.sessions.pgstore import where

        r.row("shared store", where(desk.server), from_env if chosen else r.source("database"))
    kept = from_env if chosen is Chosen.FILE else r.source("database")
    r.row("session database", str(desk.database), kept)
    return _header(resolved, now) + r.rows


def show(desk: Desk, now: dt.datetime) -> None:
    for text in lines(desk, now):
        out.line(text)
