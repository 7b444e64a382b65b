"""Where a hand-off goes next, by the clock: call IT now, or hold it for the morning.

At 2 pm the desk calls IT or files a ticket. At 8 pm nobody answers, so staff need
the workaround for the patron now, a ticket ready for when IT opens, and the
emergency line only when the tree marked the outage urgent (calling it for a jammed
printer teaches people to ignore it). Everything here is worked out from the site
settings and the time the walk ended: no clock, no I/O.
"""

from __future__ import annotations

from troubleshoot.frozen import replace
from troubleshoot.handoff.content import HandOff, Route
from troubleshoot.handoff.ticket import ticket_text
from troubleshoot.site.config import Settings
from troubleshoot.walk.prompts import Outcome


def route(settings: Settings, note: HandOff) -> Route | None:
    """The routing for an escalated hand-off; None when the site says nothing useful."""
    if note.outcome != Outcome.ESCALATED:
        return None
    note = _named(settings, note)
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
        ticket=ticket_text(note) if settings.it else "",
        no_contact=not settings.it,
    )


def _named(settings: Settings, note: HandOff) -> HandOff:
    """The hand-off with the site's library and branch, for IT to see where it is from."""
    if (note.library, note.branch) == (settings.library, settings.branch):
        return note
    return replace(note, library=settings.library, branch=settings.branch)


def amend(settings: Settings, note: HandOff) -> HandOff:
    """The hand-off with the site's name and its routing added."""
    note = _named(settings, note)
    found = route(settings, note)
    return note if found is None else replace(note, route=found)
