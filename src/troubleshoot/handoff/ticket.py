"""The hand-off as text: the Markdown file, the ticket, and what to do now.

Every text here came from a tree, a settings file or staff. In the ticket and on
screen each is folded onto its line; in the Markdown file what staff typed is shown
exactly as typed and what the tree says keeps its own light Markdown, and neither
can act (``text.markdown`` says how).
"""

from __future__ import annotations

import datetime as dt

from troubleshoot.handoff.content import HandOff, Route
from troubleshoot.site.config import Contact
from troubleshoot.text import clean, one_line
from troubleshoot.text.lines import is_one_line, lay_out, plain, wrap
from troubleshoot.text.markdown import blocks, code, inline, item, literal
from troubleshoot.walk.prompts import Outcome


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


#: A line of what to do now: our own words, then tree text (a workaround) or "".
Entry = tuple[str, str]


def _route_entries(route: Route, workaround: str, urgent: bool) -> list[Entry]:
    """What staff should do now, one instruction an entry, most pressing first."""
    if route.inside_hours:
        until = f", until {route.until:%H:%M}" if route.until else ""
        out: list[Entry] = [(f"IT is on duty now ({_when(route.at)}{until}).", "")]
        for contact in route.on_duty:
            out.append((f"{contact.name}: " + "; or ".join(_reach(contact)) + ".", ""))
        if urgent:
            out.append(("URGENT: phone now rather than filing a ticket and waiting.", ""))
        if workaround:
            out.append(("While IT looks at it, offer the patron:", workaround))
        return out
    if route.no_contact:
        out = [(f"No IT contact is set in the site settings ({_when(route.at)}).", "")]
    elif route.opens is not None:
        who = f" ({route.next_contact.name})" if route.next_contact else ""
        out = [
            (
                f"IT is not on duty now ({_when(route.at)}). "
                f"Next on duty: {_when(route.opens)}{who}.",
                "",
            )
        ]
    else:
        out = [(f"IT is not on duty now ({_when(route.at)}), and no opening is in sight.", "")]
    if workaround:
        out.append(("Now: give the patron the workaround:", workaround))
    if route.next_contact is not None:
        ways = [w for w in _reach(route.next_contact) if not w.startswith("call")]
        how = "; or ".join(ways) if ways else "; or ".join(_reach(route.next_contact))
        out.append((f"When IT opens: send the ticket below ({how}).", ""))
    if route.emergency is not None:
        e = route.emergency
        reach = ", ".join(x for x in (e.name, e.phone, e.email) if x)
        cases = f" ({'; '.join(e.when)})" if e.when else ""
        out.append(
            (
                f"URGENT: if this is an emergency{cases}, call the after-hours line now: "
                f"{reach}. If it can wait, send the ticket when IT opens.",
                "",
            )
        )
    return out


def route_lines(route: Route, workaround: str, urgent: bool) -> list[str]:
    """What staff should do now, one instruction a line, most pressing first."""
    return [
        one_line(f"{words} {text}" if text else words)
        for words, text in _route_entries(route, workaround, urgent)
    ]


def _laid(entries: list[Entry], width: int | None) -> list[str]:
    """Entries as lines: our words wrapped, tree text in its own lines after them.

    A wrapped line hangs under its first, so each entry still reads as one.
    """
    out: list[str] = []
    for words, text in entries:
        if text:
            out += lay_out(text, width, first=f"{one_line(words)} ", indent="  ")
        else:
            out += wrap(one_line(words), width, rest="  ")
    return out


def _row(text: str, tail: str = "") -> list[str]:
    """One row of a ticket's list: on its line when the text is one paragraph, else
    its lines under the dash with *tail* (our words: "-> not fixed") after them."""
    if is_one_line(text):
        return [one_line(f"- {plain(text)}{tail}")]
    return [*lay_out(text, first="- ", indent="  "), *([f"  {one_line(tail)}"] if tail else [])]


def ticket_subject(note: HandOff) -> str:
    where = f"[{note.label}] " if note.label else ""
    flag = "URGENT " if note.urgent else ""
    if note.outcome == Outcome.RESOLVED:
        flag = "No rush: admin steps left for IT: "
    return one_line(f"{flag}{where}{note.reason}")


def where_it_ended(note: HandOff) -> str:
    """The guide the walk ended in, and the ones it passed through on the way."""
    ended, before = note.trees[-1][1], [title for _, title in note.trees[:-1]]
    return ended + (f" (passed through: {', '.join(before)})" if before else "")


def ticket_text(note: HandOff) -> str:
    """The ticket as plain text: a subject line, then what IT asks first.

    Not wrapped (the ticket system wraps it), but a multi-line workaround or step
    keeps its lines: numbered steps run together on one line are hard to follow.
    """
    body = [f"Subject: {ticket_subject(note)}", ""]
    if note.label:
        body.append(one_line(f"Library: {note.label}"))
    reported = f"Reported: {note.ended:%Y-%m-%d %H:%M} at the desk"
    if note.initials:
        reported += f" by {note.initials}"
    body += _laid(
        [
            (reported, ""),
            ("Problem:", note.reason),
            (f"Urgent: {'yes' if note.urgent else 'no'}", ""),
            (f"Guide used: {where_it_ended(note)} (ended at {note.end_node})", ""),
        ],
        None,
    )
    if note.session:
        body.append(one_line(f"Session: {note.session}"))
    if note.workaround:
        body += lay_out(note.workaround, first="Patron was offered: ", indent="  ")

    def part(title: str, rows: list[list[str]]) -> None:
        if rows:
            body.append(f"{title}:")
            body.extend(line for row in rows for line in row)

    part("Facts", [[one_line(f"- {label}: {value}")] for label, value in note.facts])
    part("Answers given", [_row(f"{plain(q)} {plain(a)}") for q, a in note.answers])
    part("Already tried", [_row(step, f" -> {result}") for step, result in note.tried])
    part("Needs admin rights", [_admin_row(step, todo) for step, todo in note.admin_needed])
    why = dict(note.route.reasons) if note.route else {}
    part(
        "Not done (library policy)",
        [
            _row(step, f" (policy {p}" + (f": {why[p]})" if p in why else ")"))
            for step, p in note.not_allowed
        ],
    )
    part("Not tried", [_row(step, f" ({why})" if why else "") for step, why in note.not_tried])
    part("Corrections", [[one_line(f"- {row}")] for row in note.corrections])
    part("Notes", [[one_line(f"- {row}")] for row in note.notes])
    return "\n".join(clean(line) for line in body) + "\n"


def _admin_row(step: str, todo: str) -> list[str]:
    """A step IT must do: one line when both texts are, else each in its lines."""
    if is_one_line(step) and is_one_line(todo):
        return [one_line(f"- {plain(step)} IT must: {plain(todo)}")]
    return [
        *lay_out(step, first="- ", indent="  "),
        *lay_out(todo, first="  IT must: ", indent="    "),
    ]


#: When the site names nobody to call, staff are told so, and how a desk fixes that.
NO_CONTACT = (
    "Whom to call: no IT contact is set for this desk. Ask your manager, or run "
    "'troubleshoot site --init' to make a settings file that names IT."
)


def now_lines(note: HandOff, width: int | None = None) -> list[str]:
    """What the desk must know the moment a walk ends, most pressing first.

    Shown before any fact for IT is asked: what the outcome is, what to do for the
    patron now, and whom to call now. Typing facts can wait; a phone call cannot.
    With a *width*, lines are wrapped to it; a multi-line workaround keeps its lines.
    """
    if note.outcome == Outcome.ABANDONED:
        return ["SESSION ENDED: the patron left."]
    if note.outcome == Outcome.RESOLVED:
        out: list[Entry] = [("RESOLVED:", note.reason)]
        if note.admin_needed:
            out.append(
                (
                    "For IT, no rush: steps that need admin rights were passed over; "
                    "a short note for IT is saved.",
                    "",
                )
            )
        return _laid(out, width)
    if note.outcome == Outcome.REFERRED:
        out = [
            (f"NOT FOR LIBRARY IT: this belongs to {note.reason}.", ""),
            ("Tell the patron:", note.workaround),
        ]
        if note.bring:
            out.append(("They should bring or ask for:", note.bring))
        return _laid(out, width)
    title = "URGENT: ESCALATE NOW" if note.urgent else "ESCALATE TO IT"
    out = [(f"{title}:", note.reason)]
    if note.by_staff:
        out.append(("Stopping here is the right call when guessing would not help.", ""))
    if note.route is not None:
        out += _route_entries(note.route, note.workaround, note.urgent)
    else:
        if note.workaround:
            out.append(("Now: offer the patron:", note.workaround))
        if note.urgent:
            out.append(("URGENT: phone IT now rather than filing a ticket and waiting.", ""))
        out.append((NO_CONTACT, ""))
    return _laid(out, width)


#: Stands in for the workaround while the routing is worded, so the Markdown can put
#: the tree's own text (its lists, its code) where the words say it goes.
_WORKAROUND = "\ue000"


def route_markdown(route: Route, workaround: str, urgent: bool) -> list[str]:
    """The routing as Markdown lines, for the hand-off file.

    The wording is the one staff see on screen (:func:`route_lines`); the site's
    names, phones and addresses in it are shown as typed, the workaround as the
    tree wrote it.
    """
    if route.no_contact and route.emergency is None:
        return []  # only policy reasons to give; they go with the steps not allowed
    if route.inside_hours:
        title = "Who to contact now"
    elif route.no_contact:
        title = "What to do now"
    else:
        title = "After IT hours: what to do now"
    out = ["", f"## {title}", ""]
    for line in route_lines(route, _WORKAROUND if workaround else "", urgent):
        head, marker, tail = line.partition(_WORKAROUND)
        if not marker:
            out.append(f"- {literal(line)}")
            continue
        out += item(f"- {literal(head)} ", blocks(workaround), literal(tail))
    if route.ticket:
        out += ["", "### Ticket text (paste or email it when IT opens)", ""]
        out += [f"    {line}" if line else "" for line in route.ticket.splitlines()]
    return out


def _time(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def headline(handoff: HandOff) -> str:
    """One line that says how it ended, in words that do not blame anyone."""
    if handoff.outcome == Outcome.RESOLVED:
        return "Resolved; for IT, no rush: admin steps" if handoff.admin_needed else "Resolved"
    if handoff.outcome == Outcome.ABANDONED:
        return "Not finished: the patron left"
    if handoff.outcome == Outcome.REFERRED:
        return f"Referred: not for library IT ({handoff.reason})"
    label = "URGENT: escalate now" if handoff.urgent else "Escalate to IT"
    if handoff.by_staff:
        label += " (stopped by staff: the right call when guessing would not help)"
    return label


def _tree(head: str, text: str, tail: str = "") -> list[str]:
    """A list item that holds what a tree says, its Markdown kept (see ``text.markdown``)."""
    return item(head, blocks(text), tail)


def to_markdown(handoff: HandOff) -> str:
    """The hand-off as a Markdown file for a ticket, an email or the IT binder.

    IT copies paths and messages out of it, so what staff typed is shown exactly as
    typed and what the tree says keeps its code and lists; neither can add a
    heading, hide the rest of the file in an HTML comment, or become a link.
    """
    h = handoff
    ended_title = inline(h.trees[-1][1])
    lines = [f"# Hand-off: {ended_title}", "", f"**{literal(headline(h))}**", ""]
    tree = f"{ended_title} ({code(h.trees[-1][0])})"
    if len(h.trees) > 1:
        tree += ", passed through: " + ", ".join(
            f"{inline(t)} ({code(i)})" for i, t in h.trees[:-1]
        )
    lines.append(f"- Tree: {tree}")
    if h.label:
        lines.append(f"- Library: {literal(h.label)}")
    if h.initials:
        lines.append(f"- Staff at the desk: {literal(h.initials)}")
    if h.session:
        session = literal(h.session)
        lines.append(f"- Session: {session} ('troubleshoot history show {session}')")
    lines += [
        f"- Started: {_time(h.started)}",
        f"- Ended: {_time(h.ended)} at {code(h.end_node)}",
        f"- Time spent: {h.minutes} min",
    ]
    # Why staff stopped is what they typed; any other reason is the tree's.
    lines += [f"- Reason: {literal(h.reason)}"] if h.by_staff else _tree("- Reason: ", h.reason)
    if h.outcome == Outcome.REFERRED:
        lines += _tree("- Told the patron to go to them: ", h.workaround)
        if h.bring:
            lines += _tree("- To bring or ask for: ", h.bring)
    elif h.workaround:
        lines += _tree("- Workaround given to the patron: ", h.workaround)
    if h.began_at:
        lines.append(f"- Began partway in, at {code(h.began_at)}: a symptom pointed there")
    if h.route is not None:
        lines += route_markdown(h.route, h.workaround, h.urgent)
    reasons = dict(h.route.reasons) if h.route else {}

    def section(title: str, rows: list[str], empty: str | None = None) -> None:
        if not rows and empty is None:
            return
        lines.extend(["", f"## {title}", ""])
        lines.extend(rows or [empty or ""])

    def each(pairs: list[list[str]]) -> list[str]:
        return [line for pair in pairs for line in pair]

    section(
        "Needs admin rights (not done at the desk)",
        each([_tree(f"- [ ] {inline(step)} **IT must:** ", todo) for step, todo in h.admin_needed]),
        "None.",
    )
    section(
        "Facts collected",
        [f"- {inline(label)}: {literal(value)}" for label, value in h.facts],
        "None given.",
    )
    section(
        "Answers given", each([_tree("- ", q, f" **{inline(a)}**") for q, a in h.answers]), "None."
    )
    section(
        "Steps tried",
        each([_tree("- ", step, f" **{literal(result)}**") for step, result in h.tried]),
        "None.",
    )
    why_not = [(step, literal(why)) for step, why in h.not_tried]
    section(
        "Steps not tried",
        each([_tree("- ", step, f" (why: {why})" if why else "") for step, why in why_not]),
    )
    section(
        "Not allowed by this library's policy",
        each(
            [
                _tree(
                    "- ",
                    step,
                    f" (policy: {inline(policy)})"
                    + (f": {literal(reasons[policy])}" if policy in reasons else ""),
                )
                for step, policy in h.not_allowed
            ]
        ),
    )
    section("Told the patron", each([_tree("- ", text) for text in h.said]))
    section("Notes", [f"- {literal(note)}" for note in h.notes])
    section(
        "Corrections made during the walk",
        [f"- {literal(text[:1].upper() + text[1:])}" for text in h.corrections],
    )
    return clean("\n".join(lines) + "\n")
