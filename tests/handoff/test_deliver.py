"""The hand-off on the clipboard and as an email draft: never sent, never in the way."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR
from troubleshoot.frozen import replace
from troubleshoot.handoff import content, deliver, routing, ticket
from troubleshoot.handoff.content import HandOff
from troubleshoot.handoff.deliver import WalkResult
from troubleshoot.site import config, reading
from troubleshoot.tree.catalog import Catalog
from troubleshoot.walk import engine
from troubleshoot.walk.prompts import Choose

FIXTURES = FIXTURE_DIR / "site"
SATURDAY_NIGHT = dt.datetime(2026, 11, 28, 21, 0)

SITE = """\
library: Riverside Public Library
it:
  - {name: Weekend desk, email: weekend@example.org, hours: {sat-sun: 10:00-16:00}}
  - {name: County IT, email: helpdesk@example.org, hours: {mon-fri: 08:00-17:00}}
"""


@pytest.fixture
def settings(tmp_path: Path) -> config.Settings:
    path = tmp_path / "site.yaml"
    path.write_text(SITE, encoding="utf-8")
    return reading.load_settings(path)


def escalated(at: dt.datetime = SATURDAY_NIGHT) -> HandOff:
    trees = Catalog([FIXTURES])
    state = engine.start(trees, "own-laptop", at)
    for action in (Choose(0), Choose(1), Choose(0)):
        state = engine.apply(trees, state, action, at)
    return content.build(trees, state, {"Laptop make and model": "Dell XPS"})


def read_eml(path: Path) -> EmailMessage:
    parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def test_the_email_draft_is_addressed_to_it_and_holds_the_ticket(
    settings: config.Settings, tmp_path: Path
) -> None:
    note = routing.amend(settings, escalated())
    saved = deliver.save_draft(deliver.email_draft(note, settings), tmp_path / "d.eml")
    draft = read_eml(saved)
    assert draft["To"] == "weekend@example.org"  # nobody on duty: the next one on duty
    assert draft["Subject"] == (
        "[Riverside Public Library] Patron laptop cannot join the library Wi-Fi."
    )
    assert draft["X-Unsent"] == "1"
    body = draft.get_body(("plain",))
    assert body is not None
    assert "Laptop make and model: Dell XPS" in body.get_content()
    (attached,) = list(draft.iter_attachments())
    assert attached.get_filename() == "handoff-own-laptop-20261128-210000.md"
    without_routing = ticket.to_markdown(replace(note, route=None))
    assert attached.get_content().replace("\r\n", "\n") == without_routing


def test_the_email_draft_goes_to_the_contact_on_duty_when_there_is_one(
    settings: config.Settings,
) -> None:
    monday_morning = dt.datetime(2026, 11, 23, 10, 0)
    draft = deliver.email_draft(escalated(monday_morning), settings)
    assert draft["To"] == "helpdesk@example.org"


def test_a_second_draft_never_overwrites_the_first(
    settings: config.Settings, tmp_path: Path
) -> None:
    draft = deliver.email_draft(escalated(), settings)
    first = deliver.save_draft(draft, tmp_path / "handoff.eml")
    second = deliver.save_draft(draft, tmp_path / "handoff.eml")
    assert (first.name, second.name) == ("handoff.eml", "handoff-2.eml")


def test_eml_beside_the_saved_hand_off_and_without_an_address_says_so(tmp_path: Path) -> None:
    note = escalated()
    markdown = tmp_path / "handoff-own-laptop.md"
    said = deliver.deliver(
        WalkResult(state=None, handoff=note, path=markdown),  # type: ignore[arg-type]
        config.Settings(),
        tmp_path,
        copy=False,
        eml=True,
    )
    saved = tmp_path / "handoff-own-laptop.eml"
    assert said == [
        f"Email draft to nobody yet: the site settings have no IT email saved to: {saved} "
        "(open it, check it, send it)."
    ]
    assert read_eml(saved)["To"] is None


def test_copy_fails_soft_when_there_is_no_copy_tool(tmp_path: Path) -> None:
    why = deliver.copy_to_clipboard(
        "text", platform="linux", env={"DISPLAY": ":0"}, which=lambda name: None
    )
    assert why == "no clipboard here (no copy tool found)"
    said = deliver.deliver(
        WalkResult(state=None, handoff=escalated(), path=tmp_path / "h.md"),  # type: ignore[arg-type]
        config.Settings(),
        tmp_path,
        copy=True,
        eml=False,
    )
    assert said[0].startswith("Not copied: ")
    assert said[0].endswith(f"; the hand-off is in {tmp_path / 'h.md'}.")


@pytest.mark.parametrize(
    ("platform", "env", "first"),
    [
        ("darwin", {}, "pbcopy"),
        ("win32", {}, "clip"),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "wl-copy"),
        ("linux", {"DISPLAY": ":0"}, "xclip"),
    ],
)
def test_the_copy_tool_tried_first_fits_the_desktop(
    platform: str, env: dict[str, str], first: str
) -> None:
    assert deliver.clipboard_commands(platform, env)[0][0] == first


def test_a_text_console_has_no_clipboard_to_try() -> None:
    assert deliver.clipboard_commands("linux", {}) == []


needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="uses a shell script tool")


def fake_tool(folder: Path, name: str, script: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    tool = folder / name
    tool.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    tool.chmod(0o755)
    return tool


@needs_posix
def test_copy_hands_the_text_to_the_desktops_copy_tool(tmp_path: Path) -> None:
    got = tmp_path / "clipboard.txt"
    fake_tool(tmp_path / "bin", "xclip", f'cat > "{got}"')
    why = deliver.copy_to_clipboard(
        "Hand-off: café printer",
        platform="linux",
        env={"DISPLAY": ":0"},
        which=lambda name: str(tmp_path / "bin" / name) if name == "xclip" else None,
    )
    assert why is None
    assert got.read_text(encoding="utf-8") == "Hand-off: café printer"


@needs_posix
def test_a_copy_tool_that_fails_is_reported_and_the_next_one_tried(tmp_path: Path) -> None:
    got = tmp_path / "clipboard.txt"
    bin_dir = tmp_path / "bin"
    fake_tool(bin_dir, "xclip", "exit 1")
    fake_tool(bin_dir, "xsel", f'cat > "{got}"')
    found = {name: str(bin_dir / name) for name in ("xclip", "xsel")}
    why = deliver.copy_to_clipboard(
        "text", platform="linux", env={"DISPLAY": ":0"}, which=found.get
    )
    assert why is None and got.read_text(encoding="utf-8") == "text"
    fake_tool(bin_dir, "xsel", "exit 2")
    why = deliver.copy_to_clipboard(
        "text", platform="linux", env={"DISPLAY": ":0"}, which=found.get
    )
    assert why == "the copy tool failed (xclip exited with 1; xsel exited with 2)"


def test_copy_and_eml_from_the_command_line_end_well_without_a_clipboard(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no copy tool anywhere
    monkeypatch.setenv("TROUBLESHOOT_NOW", "2026-11-28T21:00")
    path = tmp_path / "site.yaml"
    path.write_text(SITE + f"trees: [{FIXTURES}]\nhandoffs: {tmp_path / 'out'}\n", "utf-8")
    result = cli(
        ["own-laptop", "--plain", "--copy", "--eml", "--site", str(path)],
        input="1\n2\n1\nDell XPS\n",
    )
    assert result.code == 0
    saved = tmp_path / "out" / "handoff-own-laptop-20261128-210000"
    lines = result.out.splitlines()
    assert (
        f"Not copied: no clipboard here (no copy tool found); the hand-off is in {saved}.md."
    ) in lines
    assert (
        f"Email draft to weekend@example.org saved to: {saved}.eml (open it, check it, send it)."
    ) in lines
    assert read_eml(saved.with_suffix(".eml"))["To"] == "weekend@example.org"


def test_nothing_extra_is_written_when_the_walk_is_resolved(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path
) -> None:
    path = tmp_path / "site.yaml"
    path.write_text(SITE + f"trees: [{FIXTURES}]\nhandoffs: {tmp_path / 'out'}\n", "utf-8")
    result = cli(["own-laptop", "--plain", "--eml", "--site", str(path)], input="1\n1\n")
    assert "Nothing to hand to IT: the walk did not end in an escalation." in result.out
    assert not (tmp_path / "out").exists()
