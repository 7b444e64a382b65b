"""The ticket and the outcome as plain text keep the lines of a multi-line workaround or step."""

from __future__ import annotations

import datetime as dt

from tests.conftest import FIXTURE_DIR
from troubleshoot.handoff import content
from troubleshoot.handoff.content import HandOff
from troubleshoot.handoff.ticket import now_lines, ticket_text
from troubleshoot.tree.catalog import Catalog
from troubleshoot.walk import engine
from troubleshoot.walk.prompts import Choose

T0 = dt.datetime(2026, 11, 23, 10, 0)


def stuck() -> HandOff:
    """The scan tree walked to its escalation: a list for a workaround, a step with code."""
    trees = Catalog([FIXTURE_DIR / "lines"])
    state = engine.start(trees, "scan-usb", T0)
    for action in (Choose(0), Choose(1)):
        state = engine.apply(trees, state, action, T0 + dt.timedelta(minutes=2))
    return content.build(trees, state)


def test_the_ticket_keeps_the_workaround_s_list_and_the_step_s_lines() -> None:
    assert ticket_text(stuck()) == (
        "Subject: The scanner does not see the stick.\n"
        "\n"
        "Reported: 2026-11-23 10:02 at the desk\n"
        "Problem: The scanner does not see the stick.\n"
        "Urgent: no\n"
        "Guide used: Scan to a USB stick (ended at scan-usb#stuck)\n"
        "Patron was offered: Offer one of these:\n"
        "  1. Scan to email instead.\n"
        "  2. Lend a library stick.\n"
        "Answers given:\n"
        "- Which kind of scan does the patron want? Colour scans are bigger; B&W fits more "
        "pages on a small stick. Black and white\n"
        "Already tried:\n"
        "- At the scanner:\n"
        "\n"
        "  1. Insert the stick into the port on the right side of the panel.\n"
        "  2. Choose *Scan to USB* and wait for the stick's name to appear.\n"
        "  - Never unplug it while the light blinks.\n"
        "\n"
        "  If it asks for a folder, type exactly:\n"
        "\n"
        "      E:\\Scans\\<PC number>  & keep \\* as typed\n"
        "  -> not fixed\n"
    )


def test_what_to_do_now_wraps_to_the_width_and_keeps_the_list() -> None:
    assert now_lines(stuck(), 38) == [
        "ESCALATE TO IT: The scanner does not",
        "  see the stick.",
        "Now: offer the patron: Offer one of",
        "  these:",
        "  1. Scan to email instead.",
        "  2. Lend a library stick.",
        "Whom to call: no IT contact is set for",
        "  this desk. Ask your manager, or run",
        "  'troubleshoot site --init' to make a",
        "  settings file that names IT.",
    ]


def test_what_to_do_now_without_a_width_keeps_one_line_an_instruction() -> None:
    first, second, *_ = now_lines(stuck())
    assert (first, second) == (
        "ESCALATE TO IT: The scanner does not see the stick.",
        "Now: offer the patron: Offer one of these:",
    )
