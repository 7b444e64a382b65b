"""The hand-off delivered: its Markdown file, the clipboard, or an email draft.

Nothing here ever sends anything. The clipboard is reached through the copy tool
the desktop already has, only if one is installed; when there is none the walk
still ends well and staff are told where the file is instead. The ``.eml`` draft is
a file the desk's mail program opens, addressed to IT, for sites that have no
ticket system; staff read it over and press Send themselves.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from troubleshoot import files
from troubleshoot.frozen import frozen, replace
from troubleshoot.handoff.content import HandOff, build, scrubbed
from troubleshoot.handoff.ticket import ticket_subject, ticket_text, to_markdown
from troubleshoot.site.config import Settings, it_email
from troubleshoot.text import one_line
from troubleshoot.walk.engine import State, TreeSource
from troubleshoot.walk.prompts import Outcome

if TYPE_CHECKING:  # the email package is loaded only when a draft is asked for
    from email.message import EmailMessage

CLIPBOARD_TIMEOUT = 5  # seconds; a copy tool that hangs must not hold up the desk
#: Mail files use CRLF. Long headers stay on one line: folding a subject that starts
#: with "[" makes some readers show it with a leading space.
DRAFT_LINE_LENGTH = 998


@frozen
class WalkResult:
    """A finished (or quit) walk: its state, the hand-off, and where the file went."""

    state: State
    handoff: HandOff | None = None
    path: Path | None = None  # the hand-off file, when one was written
    write_error: str = ""  # why the file could not be written, if it could not
    quit: bool = False


def conclude(
    trees: TreeSource,
    state: State,
    folder: Path | None,
    amend: Callable[[HandOff], HandOff] | None = None,
) -> WalkResult:
    """The hand-off of a walk that reached an end, saved to *folder* when IT has work.

    That is an escalation, and also a walk that ended well but passed over steps that
    need admin rights: IT still has to do those, so a no-rush note is saved too.
    *amend* adds what the site knows (whom to call, now or in the morning; the
    library, branch and session) before the note is saved and shown.
    """
    note = build(trees, state)
    if amend is not None:
        note = scrubbed(amend(note), state.cards)  # what the site added is checked too
    if folder is None or not note.for_it:
        return WalkResult(state, note)
    try:
        path = save(note, folder)
    except OSError as e:
        return WalkResult(state, note, write_error=f"{folder}: {e.strerror or e}")
    return WalkResult(state, note, path)


def file_stem(note: HandOff) -> str:
    """The name a hand-off's files share (``.md``, ``.eml``): tree and time of the end."""
    kind = "handoff" if note.outcome == Outcome.ESCALATED else "for-it"
    return f"{kind}-{note.tree_id}-{note.ended:%Y%m%d-%H%M%S}"


def save(note: HandOff, folder: Path) -> Path:
    """Write the hand-off as Markdown, private to this user; never over another file.

    The name is claimed by creating the file, so walks ending at the same second on
    several terminals each keep their own hand-off.
    """
    return files.create_unique(folder, file_stem(note), ".md", to_markdown(note).encode("utf-8"))


def clipboard_commands(platform: str, env: Mapping[str, str]) -> list[list[str]]:
    """The copy tools worth trying on this system, most likely first."""
    if platform == "darwin":
        return [["pbcopy"]]
    if platform.startswith(("win", "cygwin", "msys")):
        return [["clip"]]
    found = []
    if env.get("WAYLAND_DISPLAY"):
        found.append(["wl-copy"])
    if env.get("DISPLAY"):
        found += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    return found


def copy_to_clipboard(
    text: str,
    *,
    platform: str = sys.platform,
    env: Mapping[str, str] | None = None,
    which: Callable[[str], str | None] = shutil.which,
) -> str | None:
    """Put *text* on the clipboard. None when done; otherwise why not, in one line."""
    import subprocess  # here: a walk that copies nothing should not pay for it

    commands = clipboard_commands(platform, os.environ if env is None else env)
    available = [(cmd, found) for cmd in commands if (found := which(cmd[0])) is not None]
    if not available:
        return "no clipboard here (no copy tool found)"
    problems = []
    for command, program in available:
        data = text.encode("utf-16") if command[0] == "clip" else text.encode("utf-8")
        try:
            # The output is thrown away: xclip and wl-copy stay behind to serve the
            # clipboard, and waiting on their output would wait for ever.
            done = subprocess.run(
                [program, *command[1:]],
                input=data,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=CLIPBOARD_TIMEOUT,
                check=False,
            )
        except (OSError, subprocess.SubprocessError) as e:
            problems.append(f"{command[0]}: {e.__class__.__name__}")
            continue
        if done.returncode == 0:
            return None
        problems.append(f"{command[0]} exited with {done.returncode}")
    return "the copy tool failed (" + "; ".join(problems) + ")"


def email_draft(note: HandOff, settings: Settings) -> EmailMessage:
    """An unsent email to IT: the ticket text, with the full hand-off attached."""
    import email.policy
    from email.message import EmailMessage

    message = EmailMessage(policy=email.policy.SMTP.clone(max_line_length=DRAFT_LINE_LENGTH))
    to = it_email(settings, note.ended.replace(tzinfo=None))
    if to:
        message["To"] = one_line(to)
    message["Subject"] = ticket_subject(note)
    message["X-Unsent"] = "1"  # mail programs open it as a draft to send, not a received mail
    body = ticket_text(note).split("\n", 2)[2]  # drop "Subject:"
    message.set_content(body)
    for_it = to_markdown(replace(note, route=None))  # the routing is for the desk, not IT
    message.add_attachment(for_it, subtype="markdown", filename=f"{file_stem(note)}.md")
    return message


def save_draft(message: EmailMessage, path: Path) -> Path:
    """Write the draft beside the hand-off, private to this user; never over another file."""
    return files.create_unique(path.parent, path.stem, path.suffix, bytes(message))


def deliver(
    result: WalkResult, settings: Settings, folder: Path, *, copy: bool, eml: bool
) -> list[str]:
    """Do the extra hand-off outputs that were asked for; say what happened, line by line."""
    note = result.handoff
    if not (copy or eml):
        return []
    if note is None or not note.for_it:
        return ["Nothing to hand to IT: the walk did not end in an escalation."]
    said = []
    if copy:
        why_not = copy_to_clipboard(to_markdown(note))
        if why_not is None:
            said.append("Hand-off copied to the clipboard.")
        else:
            where = f"; the hand-off is in {result.path}" if result.path else ""
            said.append(f"Not copied: {why_not}{where}.")
    if eml:
        draft = email_draft(note, settings)
        path = (result.path or folder / f"{file_stem(note)}.md").with_suffix(".eml")
        try:
            saved = save_draft(draft, path)
        except OSError as e:
            said.append(f"Could not save the email draft ({path}: {e.strerror or e}).")
        else:
            to = draft["To"] or "nobody yet: the site settings have no IT email"
            said.append(f"Email draft to {to} saved to: {saved} (open it, check it, send it).")
    return said
