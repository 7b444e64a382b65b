"""A :class:`~troubleshoot.publish.path.Page` and the index of pages, as plain HTML.

Every text from a tree or the settings goes through :func:`_t`: control characters
out, then every ``<``, ``&`` and quote escaped, so a tree that says ``<script>``
shows those letters and runs nothing. Links are built only from node ids, short
addresses (both limited to letters, digits, ``-`` and ``_`` by the loader), a phone
number reduced to its digits, and a web address the settings reader accepted as
``http(s)://``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from troubleshoot import text
from troubleshoot.publish.path import DESK, Choice, Page, Part
from troubleshoot.publish.styles import CSS, SCRIPT
from troubleshoot.site.config import Settings
from troubleshoot.site.hours import FULL_DAYS, Hours, clock

INDEX = "index.html"
HEADINGS = {"ask": "Question", "step": "Try this", "say": "Good to know", "resolved": "Done"}


def _t(value: str) -> str:
    return html.escape(text.clean(value), quote=True)


def page_file(short: str) -> str:
    return f"{short}.html"


def _document(title: str, settings: Settings, body: str, script: str = "") -> str:
    library = settings.library or "Library"
    tail = f"<script>{script}</script>\n" if script else ""
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_t(title)} - {_t(library)} self-help</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n"
        '<a class="skip" href="#main">Skip to the main content</a>\n'
        f"<header>\n<p>{_t(library)} self-help</p>\n"
        f'<nav aria-label="Self-help pages"><a href="{INDEX}">All problems</a></nav>\n'
        "</header>\n"
        f'<main id="main">\n{body}</main>\n{tail}</body>\n</html>\n'
    )


def render_page(page: Page, settings: Settings) -> str:
    body = [f"<h1>{_t(page.title)}</h1>\n"]
    body.append(
        "<p>Start at 1. Each part says what to do, and where to go next. "
        "You can stop and ask at the desk at any time.</p>\n"
    )
    for number, part in enumerate(page.parts, 1):
        body.append(_part(page, number, part))
    body.append(desk_section(settings))
    body.append(
        f'<footer>\n<p>Short address of this page: <span class="short">'
        f"{_t(page_file(page.short))}</span></p>\n</footer>\n"
    )
    return _document(page.title, settings, "".join(body))


def _part(page: Page, number: int, part: Part) -> str:
    # A question is its own heading; a step's words read better as a paragraph.
    heading = part.text if part.kind == "ask" else HEADINGS[part.kind]
    out = [
        f'<section class="part" id="{_t(part.id)}" aria-labelledby="{_t(part.id)}-h">\n',
        f'<h2 id="{_t(part.id)}-h"><span class="number">{number}.</span> {_t(heading)}</h2>\n',
    ]
    if part.kind != "ask":
        out.append(f'<p class="text">{_t(part.text)}</p>\n')
    if part.kind == "resolved":
        out.append(
            '<p class="done">Done. You can close this page, '
            f'or go back to <a href="{INDEX}">all problems</a>.</p>\n'
        )
    if part.choices:
        out.append('<ul class="choices">\n')
        out += [f"<li>{_choice(page, c)}</li>\n" for c in part.choices]
        out.append("</ul>\n")
    out.append("</section>\n")
    return "".join(out)


def _choice(page: Page, choice: Choice) -> str:
    if choice.page:
        href = page_file(choice.page) + ("" if choice.node == DESK else f"#{choice.node}")
        where = f"another page, {page_file(choice.page)}"
    elif choice.node == DESK:
        href, where = f"#{DESK}", "Ask at the desk"
    else:
        href, where = f"#{choice.node}", f"part {page.number(choice.node)}"
    return (
        f'<a href="{_t(href)}">{_t(choice.label)}'
        f'<span class="print-only">&nbsp;(go to {_t(where)})</span></a>'
    )


def desk_section(settings: Settings) -> str:
    """Where every escalation and referral leads: the site's public contact and hours,
    each left out when the site has not set it."""
    out = [
        f'<section class="part desk" id="{DESK}" aria-labelledby="{DESK}-h">\n',
        f'<h2 id="{DESK}-h">Ask at the desk</h2>\n',
        "<p>Staff at the library desk can help with this. "
        "Tell them what you tried on this page.</p>\n",
    ]
    facts = []
    if settings.public_phone:
        dial = re.sub(r"[^0-9+]", "", settings.public_phone)
        phone = _t(settings.public_phone)
        facts.append(("Phone", f'<a href="tel:{dial}">{phone}</a>' if dial else phone))
    if settings.public_url:
        url = _t(settings.public_url)
        facts.append(("On the web", f'<a href="{url}">{url}</a>'))
    if settings.opening_hours:
        lines = "<br>\n".join(_t(line) for line in opening_lines(settings.opening_hours))
        facts.append(("Opening hours", lines))
    if facts:
        out.append("<dl>\n")
        out += [f"<dt>{name}</dt>\n<dd>{value}</dd>\n" for name, value in facts]
        out.append("</dl>\n")
    out.append("</section>\n")
    return "".join(out)


def opening_lines(hours: Sequence[Hours]) -> list[str]:
    """``mon-fri 09:00-20:00`` as a patron reads it: "Monday to Friday: 09:00 to 20:00"."""
    return [f"{_days(h.days)}: {clock(h.start)} to {clock(h.end)}" for h in hours]


def _days(days: Iterable[int]) -> str:
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    names = [
        FULL_DAYS[run[0]].title()
        if len(run) == 1
        else f"{FULL_DAYS[run[0]].title()} to {FULL_DAYS[run[-1]].title()}"
        for run in runs
    ]
    return ", ".join(names)


def render_index(pages: Sequence[Page], settings: Settings) -> str:
    body = [
        "<h1>Help with common problems</h1>\n",
        "<p>Pick the problem that sounds like yours. "
        "Each page takes you through it one step at a time.</p>\n",
        '<form id="search" class="search" role="search" hidden>\n'
        '<label for="q">Search the problems</label>\n'
        '<input id="q" type="search" autocomplete="off">\n'
        '<p id="count" aria-live="polite"></p>\n</form>\n',
        "<noscript><p>To search this list, use Find in your browser "
        "(Ctrl+F, or Command+F on a Mac).</p></noscript>\n",
        '<nav aria-label="Problems"><ul class="pages">\n',
    ]
    for page in sorted(pages, key=lambda p: p.title.casefold()):
        words = " ".join((page.title, *page.symptoms))
        body.append(
            f'<li data-search="{_t(words)}"><a href="{_t(page_file(page.short))}">'
            f"{_t(page.title)}</a>"
        )
        if page.symptoms:
            said = "; ".join(f"\u201c{s}\u201d" for s in page.symptoms[:3])
            body.append(f'<p class="also">People say: {_t(said)}</p>')
        body.append("</li>\n")
    body.append("</ul></nav>\n")
    body.append(desk_section(settings))
    return _document("Help with common problems", settings, "".join(body), SCRIPT)
