"""The hand-off file, read as IT's viewer reads it: what staff typed and trees say, unchanged.

Issue #18: a code span gained a backslash, a typed path lost one, and a note shaped
like a link definition turned a workaround's ``[the IT portal][it]`` into a live
link. Each test renders the Markdown with a CommonMark parser and compares words.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import write_tree
from tests.rendered import read
from tests.text.test_markdown import TYPED, folded
from troubleshoot.frozen import replace
from troubleshoot.handoff import deliver, ticket
from troubleshoot.handoff.content import HandOff, Route
from troubleshoot.site.config import Contact, Settings
from troubleshoot.walk.prompts import Outcome

T0 = dt.datetime(2026, 11, 23, 10, 0)
PATH = "C:\\Users\\Ana\\.config\\app"
CODE_STEP = "Open `C:\\Users\\<username>` in File Explorer."

WORKAROUND = """\
Offer the patron a PC in the quiet room.

1. Sign them in as a guest.
2. Check `C:\\Users\\<username>\\Desktop` is empty:

   ```
   dir "C:\\Users\\<username>\\Desktop" <nul
   ```

- If that fails, use [the IT portal][it] or <https://portal.example>.
"""


def note(**changes: object) -> HandOff:
    base = HandOff(
        trees=(("profile", "Profile `will not` load"),),
        outcome=Outcome.ESCALATED,
        reason="The profile is damaged.",
        urgent=False,
        by_staff=False,
        started=T0,
        ended=T0 + dt.timedelta(minutes=6),
        end_node="profile#stuck",
        workaround="Send them to [the IT portal][it].",
        facts=(("Folder it shows", PATH),),
        answers=(("Which PC?", "Public PC `3`"),),
        tried=((CODE_STEP, "not fixed"),),
        not_tried=(),
        admin_needed=(("Rebuild the profile.", "Delete `HKLM\\...\\ProfileList\\<SID>`."),),
        not_allowed=(),
        notes=("[it]: http://evil.example",),
        corrections=(),
        said=(),
        initials="A_B*",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_the_issues_examples_come_through_unchanged_and_nothing_links() -> None:
    shown = read(ticket.to_markdown(note()))
    assert shown.acting == [] and "<a" not in shown.html
    assert f"Folder it shows: {PATH}" in shown.blocks
    assert "C:\\Users\\<username>" in shown.codes
    assert "Open C:\\Users\\<username> in File Explorer. not fixed" in shown.blocks
    assert "[it]: http://evil.example" in shown.blocks
    assert "Workaround given to the patron: Send them to [the IT portal][it]." in shown.blocks
    assert "[ ] Rebuild the profile. IT must: Delete HKLM\\...\\ProfileList\\<SID>." in shown.blocks
    assert "Staff at the desk: A_B*" in shown.blocks
    assert "Hand-off: Profile will not load" in shown.blocks


def test_the_file_itself_reads_as_typed_where_nothing_could_act() -> None:
    markdown = ticket.to_markdown(note())
    assert "- Folder it shows: C:\\Users\\Ana\\\\.config\\app\n" in markdown
    assert f"- {CODE_STEP} **not fixed**\n" in markdown
    assert "- \\[it\\]: http://evil.example\n" in markdown
    assert "- Ended: 2026-11-23 10:06 at `profile#stuck`\n" in markdown


@given(typed=st.lists(TYPED, min_size=1, max_size=3), why=TYPED)
def test_whatever_staff_type_is_shown_as_typed(typed: list[str], why: str) -> None:
    handoff = note(
        facts=tuple((f"Fact {n}", value) for n, value in enumerate(typed)),
        notes=tuple(typed),
        initials=typed[0],
        reason=why,
        by_staff=True,
        not_tried=(("Restart it.", why),),
    )
    shown = read(ticket.to_markdown(handoff))
    assert shown.acting == []
    for n, value in enumerate(typed):
        if value.strip():
            assert folded(f"Fact {n}: {value}") in shown.blocks
            assert folded(value) in shown.blocks
    assert folded(f"Reason: {why}") in shown.blocks
    assert (f"Restart it. (why: {folded(why)})" if why.strip() else "Restart it.") in shown.blocks


def test_a_multi_line_workaround_stays_a_list_with_its_code_fenced() -> None:
    markdown = ticket.to_markdown(note(workaround=WORKAROUND))
    shown = read(markdown)
    assert shown.acting == []
    assert "1. Sign them in as a guest." in markdown.replace("  1.", "1.")
    assert shown.types.count("ordered_list_open") == 1
    assert 'dir "C:\\Users\\<username>\\Desktop" <nul\n' in shown.codes
    assert "C:\\Users\\<username>\\Desktop" in shown.codes
    assert "If that fails, use [the IT portal][it] or <https://portal.example>." in shown.blocks
    assert f"Folder it shows: {PATH}" in shown.blocks  # the sections after it are intact


def test_the_routing_shows_the_sites_words_as_typed_and_the_workaround_as_written() -> None:
    route = Route(at=T0, on_duty=(Contact(name="IT *desk* [east]", phone="555-0100 <ext 4>"),))
    shown = read(ticket.to_markdown(note(route=route, workaround=WORKAROUND)))
    assert shown.acting == []
    assert "IT *desk* [east]: call 555-0100 <ext 4>." in shown.blocks
    assert "While IT looks at it, offer the patron: Offer the patron a PC in the quiet room." in (
        shown.blocks
    )
    assert shown.types.count("ordered_list_open") == 2  # in the routing and in the summary


def test_the_email_draft_carries_the_same_text(tmp_path: Path) -> None:
    handoff = note(workaround=WORKAROUND)
    saved = deliver.save_draft(deliver.email_draft(handoff, Settings()), tmp_path / "d.eml")
    draft = email.message_from_bytes(saved.read_bytes(), policy=email.policy.default)
    body = draft.get_body(("plain",))
    assert body is not None
    text = body.get_content()  # type: ignore[attr-defined]
    assert f"Folder it shows: {PATH}" in text
    assert "[it]: http://evil.example" in text
    assert CODE_STEP in text
    (attached,) = list(draft.iter_attachments())  # type: ignore[attr-defined]
    markdown = attached.get_content().replace("\r\n", "\n")
    assert markdown == ticket.to_markdown(replace(handoff, route=None))
    shown = read(markdown)
    assert shown.acting == [] and f"Folder it shows: {PATH}" in shown.blocks


TREE = r"""
title: Profile will not load
summary: The PC says the user profile cannot be loaded.
symptoms: [profile will not load]
start: open
nodes:
  open:
    step: 'Open `C:\Users\<username>` in File Explorer.'
    fixed: done
    not_fixed: stuck
  done: {resolved: It loads.}
  stuck:
    escalate: The profile is damaged.
    workaround: |
      Offer a PC in the quiet room.

      1. Sign them in as a guest.
      2. Use [the IT portal][it] for the rest.

      ```
      dir <nul
      ```
    collect: [Folder it shows]
"""


def test_a_walk_saves_a_hand_off_with_the_trees_text_and_what_was_typed(
    cli,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    private_data: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    folder = tmp_path / "trees"
    write_tree(folder, "profile", TREE)
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(folder))
    typed = f"n\n[it]: http://evil.example\n2\n{PATH}\n"
    result = cli(["profile", "--plain"], input=typed)
    assert result.code == 0, result.err
    (saved,) = (private_data / "handoffs").glob("*.md")
    shown = read(saved.read_text(encoding="utf-8"))
    assert shown.acting == [] and "<a" not in shown.html
    assert "C:\\Users\\<username>" in shown.codes
    assert "dir <nul\n" in shown.codes
    assert f"Folder it shows: {PATH}" in shown.blocks
    assert "[it]: http://evil.example" in shown.blocks
    assert "Use [the IT portal][it] for the rest." in shown.blocks
    assert shown.types.count("ordered_list_open") == 1
