"""The hand-off's ending by the clock: call IT now, or hold it for the morning."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR
from troubleshoot.handoff import content, routing, ticket
from troubleshoot.handoff.content import HandOff
from troubleshoot.site import config, reading
from troubleshoot.tree.catalog import Catalog
from troubleshoot.walk import engine
from troubleshoot.walk.prompts import Choose

FIXTURES = FIXTURE_DIR / "site"
MONDAY_MORNING = dt.datetime(2026, 11, 23, 10, 0)
SATURDAY_NIGHT = dt.datetime(2026, 11, 28, 21, 0)

SITE = f"""\
library: Riverside Public Library
branch: Main
trees: [{FIXTURES}]
it:
  name: County IT
  phone: 555-0100
  email: helpdesk@example.org
  ticket: https://help.example.org/new
  hours: {{mon-fri: 08:00-17:00}}
  closed: [2026-12-25]
emergency:
  name: IT on-call
  phone: 555-0199
  when: [Every public PC is down, No network in the building]
"""


@pytest.fixture
def settings(tmp_path: Path) -> config.Settings:
    path = tmp_path / "site.yaml"
    path.write_text(SITE, encoding="utf-8")
    return reading.load_settings(path)


def escalated(at: dt.datetime, *, urgent: bool) -> HandOff:
    """The own-laptop walk to an escalation, ended at *at*."""
    trees = Catalog([FIXTURES])
    state = engine.start(trees, "own-laptop", at)
    actions = [Choose(1)] if urgent else [Choose(0), Choose(1), Choose(0)]
    for action in actions:
        state = engine.apply(trees, state, action, at)
    assert state.ending is not None and state.ending.urgent is urgent
    return content.build(trees, state, {"Laptop make and model": "Dell XPS"})


def test_inside_it_hours_the_hand_off_says_whom_to_call_now(settings: config.Settings) -> None:
    route = routing.route(settings, escalated(MONDAY_MORNING, urgent=False))
    assert route is not None and route.inside_hours
    assert [c.name for c in route.on_duty] == ["County IT"]
    assert route.until == dt.datetime(2026, 11, 23, 17, 0)
    assert route.ticket == "" and route.emergency is None
    assert ticket.route_lines(route, "Offer a library PC for today.", urgent=False) == [
        "IT is on duty now (Mon 2026-11-23 10:00, until 17:00).",
        "County IT: call 555-0100; or file a ticket: https://help.example.org/new; "
        "or email helpdesk@example.org.",
        "While IT looks at it, offer the patron: Offer a library PC for today.",
    ]


def test_after_hours_the_hand_off_gives_the_workaround_and_a_ticket_for_the_morning(
    settings: config.Settings,
) -> None:
    note = escalated(SATURDAY_NIGHT, urgent=False)
    route = routing.route(settings, note)
    assert route is not None and not route.inside_hours
    assert route.opens == dt.datetime(2026, 11, 30, 8, 0)
    assert route.emergency is None  # not urgent: the on-call line is not offered
    assert route.ticket.splitlines()[:3] == [
        "Subject: [Riverside Public Library, Main] Patron laptop cannot join the library Wi-Fi.",
        "",
        "Library: Riverside Public Library, Main",
    ]
    assert "- Laptop make and model: Dell XPS" in route.ticket.splitlines()
    assert ticket.route_lines(route, note.workaround, note.urgent) == [
        "IT is not on duty now (Sat 2026-11-28 21:00). Next on duty: Mon 2026-11-30 08:00 "
        "(County IT).",
        "Now: give the patron the workaround: Offer a library PC for today.",
        "When IT opens: send the ticket below (file a ticket: https://help.example.org/new; "
        "or email helpdesk@example.org).",
    ]


def test_the_emergency_line_is_offered_only_for_an_urgent_escalation_after_hours(
    settings: config.Settings,
) -> None:
    night = routing.route(settings, escalated(SATURDAY_NIGHT, urgent=True))
    assert night is not None and night.emergency == settings.emergency
    assert night.ticket.startswith("Subject: URGENT [Riverside Public Library, Main]")
    last = ticket.route_lines(night, "Put up a sign.", urgent=True)[-1]
    assert last == (
        "URGENT: if this is an emergency (Every public PC is down; No network in the building), "
        "call the after-hours line now: IT on-call, 555-0199. "
        "If it can wait, send the ticket when IT opens."
    )
    day = routing.route(settings, escalated(MONDAY_MORNING, urgent=True))
    assert day is not None and day.emergency is None
    assert "URGENT: phone now rather than filing a ticket and waiting." in ticket.route_lines(
        day, "", urgent=True
    )


def test_a_closed_weekday_counts_as_after_hours(settings: config.Settings) -> None:
    christmas = dt.datetime(2026, 12, 25, 10, 0)  # a Friday
    route = routing.route(settings, escalated(christmas, urgent=False))
    assert route is not None and not route.inside_hours
    assert route.opens == dt.datetime(2026, 12, 28, 8, 0)


def test_of_two_contacts_the_one_on_duty_is_named(tmp_path: Path) -> None:
    path = tmp_path / "site.yaml"
    path.write_text(
        "it:\n"
        "  - {name: County IT, phone: 555-0100, hours: {mon-fri: 08:00-17:00}}\n"
        "  - {name: Weekend desk, phone: 555-0111, hours: {sat-sun: 10:00-16:00}}\n",
        encoding="utf-8",
    )
    two = reading.load_settings(path)
    saturday_noon = dt.datetime(2026, 11, 28, 12, 0)
    route = routing.route(two, escalated(saturday_noon, urgent=False))
    assert route is not None and [c.name for c in route.on_duty] == ["Weekend desk"]
    night = routing.route(two, escalated(SATURDAY_NIGHT, urgent=False))
    assert night is not None and night.next_contact is not None
    assert (night.opens, night.next_contact.name) == (
        dt.datetime(2026, 11, 29, 10, 0),
        "Weekend desk",
    )


def test_without_site_contacts_the_hand_off_is_unchanged() -> None:
    note = escalated(SATURDAY_NIGHT, urgent=True)
    assert routing.route(config.Settings(), note) is None
    assert routing.amend(config.Settings(), note) is note


def test_a_resolved_walk_gets_no_routing(settings: config.Settings) -> None:
    trees = Catalog([FIXTURES])
    state = engine.start(trees, "own-laptop", MONDAY_MORNING)
    for action in (Choose(0), Choose(0)):
        state = engine.apply(trees, state, action, MONDAY_MORNING)
    assert routing.route(settings, content.build(trees, state)) is None


# -- the same walk, two times of day, through the command line ---------------------------


def walk_at(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str, answers: str) -> str:  # type: ignore[no-untyped-def]
    """Run the walk with the clock fixed at *when*; the saved hand-off file's text."""
    monkeypatch.setenv("TROUBLESHOOT_NOW", when)
    path = tmp_path / "site.yaml"
    path.write_text(SITE + f"handoffs: {tmp_path / when.replace(':', '')}\n", encoding="utf-8")
    result = cli(["own-laptop", "--plain", "--site", str(path)], input=answers)
    assert result.code == 0, result.err
    (saved,) = (tmp_path / when.replace(":", "")).glob("*.md")
    # What to do (and whom to call) comes first, then the fact, then the ticket to copy.
    outcome = result.out.index("ESCALATE")  # ESCALATE TO IT, or URGENT: ESCALATE NOW
    assert outcome < result.out.index("FOR IT: ")
    assert result.out.index("----- HAND-OFF FOR IT: copy from here -----") > outcome
    assert f"Saved for IT as: {saved}" in result.out
    return saved.read_text(encoding="utf-8")


def test_the_same_walk_on_a_weekday_morning_and_a_saturday_night_hands_off_differently(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = "1\n2\n1\nDell XPS\n"  # only the laptop; not fixed; guide read; the make
    morning = walk_at(cli, tmp_path, monkeypatch, "2026-11-23T10:00", answers)
    night = walk_at(cli, tmp_path, monkeypatch, "2026-11-28T21:00", answers)
    assert morning != night
    assert "## Who to contact now" in morning
    assert "- County IT: call 555-0100; or file a ticket" in morning
    assert "Ticket text" not in morning and "After IT hours" not in morning
    assert "## After IT hours: what to do now" in night
    assert "- Now: give the patron the workaround: Offer a library PC for today." in night
    assert "Next on duty: Mon 2026-11-30 08:00 (County IT)." in night
    assert "### Ticket text (paste or email it when IT opens)" in night
    assert "    Subject: [Riverside Public Library, Main] Patron laptop cannot join" in night
    assert "    - Laptop make and model: Dell XPS" in night
    assert "555-0199" not in night  # not urgent: no emergency line
    assert "555-0199" not in morning


def test_an_urgent_walk_on_saturday_night_offers_the_emergency_line(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    night = walk_at(cli, tmp_path, monkeypatch, "2026-11-28T21:00", "2\n")
    assert "call the after-hours line now: IT on-call, 555-0199." in night
    morning = walk_at(cli, tmp_path, monkeypatch, "2026-11-23T10:00", "2\n")
    assert "555-0199" not in morning
    assert "- URGENT: phone now rather than filing a ticket and waiting." in morning


def test_the_arrow_key_outcome_panel_shows_what_to_do_now(settings: config.Settings) -> None:
    import io

    from troubleshoot.ui.console import make_console
    from troubleshoot.ui.views import outcome

    note = routing.amend(settings, escalated(SATURDAY_NIGHT, urgent=True))
    console = make_console(io.StringIO(), width=200)
    outcome(console, note)
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "URGENT: ESCALATE NOW: Every public PC is down." in shown
    assert "Next on duty: Mon 2026-11-30 08:00 (County IT)." in shown
    assert "call the after-hours line now: IT on-call, 555-0199." in shown
    assert (
        "When IT opens: send the ticket below (file a ticket: https://help.example.org/new; "
        "or email helpdesk@example.org)." in shown
    )
