"""Where a hand-off goes next, by the clock: call IT now, or hold it for the morning.

At 2 pm the desk calls IT or files a ticket. At 8 pm nobody answers, so staff need
the workaround for the patron now, a ticket ready for when IT opens, and the
emergency line only when the tree marked the outage urgent (calling it for a jammed
printer teaches people to ignore it). Everything here is worked out from the site
settings and the time the walk ended: no clock, no I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from troubleshoot.site.config import Contact, Emergency, Settings
from troubleshoot.text import one_line

if TYPE_CHECKING:
    from troubleshoot.handoff.content import HandOff


@dataclass(frozen=True)
class Route:
    """The site's word on one escalation: whom to reach, and when."""

    at: dt.datetime  # when the walk ended
    on_duty: tuple[Contact, ...]  # IT contacts answering at that time
    opens: dt.datetime | None = None  # when IT is next on duty, if nobody is now
    next_contact: Contact | None = None  # who that is
    until: dt.datetime | None = None  # when the current cover ends
    emergency: Emergency | None = None  # only for an urgent escalation out of hours
    reasons: tuple[tuple[str, str], ...] = ()  # (policy, why the site forbids it)
    ticket: str = ""  # ready to paste or email when IT opens (out of hours only)
    no_contact: bool = False  # the site named no IT contact at all

    @property
    def inside_hours(self) -> bool:
        return bool(self.on_duty)


def route(settings: Settings, note: HandOff) -> Route | None:
    """The routing for an escalated hand-off; None when the site says nothing useful."""
    if note.outcome != "escalated":
        return None
    used = {policy for _, policy in note.not_allowed}
    reasons = tuple((p, why) for p, why in sorted(settings.reasons.items()) if p in used)
    if not settings.it and settings.emergency is None and not reasons:
        return None
    at = note.ended.replace(tzinfo=None)  # IT hours are the desk's wall clock
    on_duty = tuple(c for c in settings.it if c.on_duty(at))
    if on_duty:
        ends = [c.on_duty_until(at) for c in on_duty]
        until = None if None in ends else max(e for e in ends if e is not None)
        return Route(at, on_duty, until=until, reasons=reasons)
    upcoming = [(c.next_on_duty(at), c) for c in settings.it]
    known = sorted(((when, i), c) for i, (when, c) in enumerate(upcoming) if when is not None)
    opens, first = (known[0][0][0], known[0][1]) if known else (None, None)
    return Route(
        at,
        (),
        opens,
        first,
        emergency=settings.emergency if note.urgent else None,
        reasons=reasons,
        ticket=ticket_text(note, settings) if settings.it else "",
        no_contact=not settings.it,
    )


def amend(settings: Settings, note: HandOff) -> HandOff:
    """The hand-off with the site's routing added (unchanged when there is none)."""
    found = route(settings, note)
    return note if found is None else replace(note, route=found)


def _when(moment: dt.datetime) -> str:
    return moment.strftime("%a %Y-%m-%d %H:%M")


def _reach(contact: Contact) -> list[str]:
    ways = []
    if contact.phone:
        ways.append(f"call {contact.phone}")
    if contact.ticket:
        ways.append(f"file a ticket: {contact.ticket}")
    if contact.email:
        ways.append(f"email {contact.email}")
    return ways or ["(no phone, ticket form or email in the site settings)"]


def lines(route: Route, workaround: str, urgent: bool) -> list[str]:
    """What staff should do now, one instruction a line, most pressing first."""
    if route.inside_hours:
        until = f", until {route.until:%H:%M}" if route.until else ""
        out = [f"IT is on duty now ({_when(route.at)}{until})."]
        for contact in route.on_duty:
            out.append(f"{contact.name}: " + "; or ".join(_reach(contact)) + ".")
        if urgent:
            out.append("URGENT: phone now rather than filing a ticket and waiting.")
        if workaround:
            out.append(f"While IT looks at it, offer the patron: {workaround}")
        return [one_line(line) for line in out]
    if route.no_contact:
        out = [f"No IT contact is set in the site settings ({_when(route.at)})."]
    elif route.opens is not None:
        who = f" ({route.next_contact.name})" if route.next_contact else ""
        out = [
            f"IT is not on duty now ({_when(route.at)}). Next on duty: {_when(route.opens)}{who}."
        ]
    else:
        out = [f"IT is not on duty now ({_when(route.at)}), and no opening is in sight."]
    if workaround:
        out.append(f"Now: give the patron the workaround: {workaround}")
    if route.next_contact is not None:
        ways = [w for w in _reach(route.next_contact) if not w.startswith("call")]
        how = "; or ".join(ways) if ways else "; or ".join(_reach(route.next_contact))
        out.append(f"When IT opens: send the ticket below ({how}).")
    if route.emergency is not None:
        e = route.emergency
        reach = ", ".join(x for x in (e.name, e.phone, e.email) if x)
        cases = f" ({'; '.join(e.when)})" if e.when else ""
        out.append(
            f"URGENT: if this is an emergency{cases}, call the after-hours line now: "
            f"{reach}. If it can wait, send the ticket when IT opens."
        )
    return [one_line(line) for line in out]


def ticket_subject(note: HandOff, settings: Settings) -> str:
    where = f"[{settings.label}] " if settings.label else ""
    flag = "URGENT " if note.urgent else ""
    return one_line(f"{flag}{where}{note.reason}")


def ticket_text(note: HandOff, settings: Settings) -> str:
    """The ticket as plain text: a subject line, then what IT asks first."""
    body = [f"Subject: {ticket_subject(note, settings)}", ""]
    if settings.label:
        body.append(f"Library: {settings.label}")
    body += [
        f"Reported: {note.ended:%Y-%m-%d %H:%M} at the desk",
        f"Problem: {note.reason}",
        f"Urgent: {'yes' if note.urgent else 'no'}",
        f"Guide used: {', '.join(title for _, title in note.trees)} (ended at {note.end_node})",
    ]
    if note.workaround:
        body.append(f"Patron was offered: {note.workaround}")

    def part(title: str, rows: list[str]) -> None:
        if rows:
            body.append(f"{title}:")
            body.extend(f"- {row}" for row in rows)

    part("Facts", [f"{label}: {value}" for label, value in note.facts])
    part("Answers given", [f"{question} {answer}" for question, answer in note.answers])
    part("Already tried", [f"{step} -> {result}" for step, result in note.tried])
    part("Needs admin rights", [f"{step} IT must: {todo}" for step, todo in note.admin_needed])
    part("Not done (library policy)", [f"{step} ({p})" for step, p in note.not_allowed])
    part("Not tried", [step + (f" ({why})" if why else "") for step, why in note.not_tried])
    part("Notes", list(note.notes))
    return "\n".join(one_line(line) for line in body) + "\n"


def markdown(route: Route, workaround: str, urgent: bool) -> list[str]:
    """The routing as Markdown lines, for the hand-off file."""
    if route.no_contact and route.emergency is None:
        return []  # only policy reasons to give; they go with the steps not allowed
    if route.inside_hours:
        title = "Who to contact now"
    elif route.no_contact:
        title = "What to do now"
    else:
        title = "After IT hours: what to do now"
    out = ["", f"## {title}", ""]
    out += [f"- {line}" for line in lines(route, workaround, urgent)]
    if route.ticket:
        out += ["", "### Ticket text (paste or email it when IT opens)", ""]
        out += [f"    {line}" if line else "" for line in route.ticket.splitlines()]
    return out
