"""Plain numbered prompts, read line by line.

For screen readers, scripts and any stdin that is not a terminal. Every line is
plain text with no colour and no cursor movement, so it reads aloud in order. A
single letter is always an action (``b`` back, ``n`` note...), never an answer;
answers are chosen by number or by two or more letters of their text.
"""

from __future__ import annotations

from typing import TextIO

from troubleshoot.handoff.deliver import WalkResult
from troubleshoot.handoff.ticket import headline, to_markdown
from troubleshoot.text import clean, one_line
from troubleshoot.walk.driver import SKIP_REST, Quit
from troubleshoot.walk.engine import State
from troubleshoot.walk.prompts import (
    Action,
    AddNote,
    Ask,
    Back,
    Cannot,
    Choose,
    Do,
    EscalateNow,
    Notice,
    Outcome,
    PatronLeft,
    Prompt,
    Restart,
    StopGuessing,
    Tell,
    match,
)

KEYS = (
    ("b", "back: return to the previous question"),
    ("n", "note: add what you see or what the patron said"),
    ("c", "couldn't try: this step could not be done (steps only)"),
    ("e", "escalate now: stop here and hand it to IT"),
    ("r", "start over from the first question"),
    ("q", "quit: keep the session for later, or end it because the patron left"),
    ("?", "show these keys"),
)
ACTION_KEYS = "bnceq r?"


class PlainPrompter:
    """Asks on *out*, reads answers from *inp*."""

    def __init__(self, inp: TextIO, out: TextIO) -> None:
        self.inp = inp
        self.out = out

    def say(self, text: str = "") -> None:
        self.out.write(clean(text) + "\n")
        self.out.flush()

    def read(self, label: str, *, echo: bool = False) -> str:
        """One line of input. When input comes from a script nothing echoes it, so an
        answer is written back; notes and facts never are (they may be refused as private).
        """
        self.out.write(label)
        self.out.flush()
        line = self.inp.readline()
        if not line:
            raise EOFError
        line = line.rstrip("\r\n")
        if not self.inp.isatty():
            self.out.write((one_line(line) if echo else "") + "\n")
        return line

    # -- Prompter -------------------------------------------------------------------
    def notices(self, notices: tuple[Notice, ...]) -> None:
        for notice in notices:
            self.say(f"* {one_line(notice.text)}")

    def ask(self, prompt: Prompt, state: State) -> Action | Quit:
        self.show(prompt)
        while True:
            reply = self.read("> ", echo=True).strip()
            if not reply:
                continue
            key = reply.lower()
            if len(key) == 1 and key in ACTION_KEYS:
                action = self.action(key, prompt)
                if action is not None:
                    return action
                continue
            index = match(prompt, reply)
            if index is None:
                self.say(
                    f"Not one of the answers. Type a number from 1 to {len(prompt.choices)},"
                    " or ? for other keys."
                )
                continue
            if isinstance(prompt, Do) and index == 2:
                return Cannot(self.read("Why couldn't it be tried? (optional, Enter to skip): "))
            return Choose(index)

    def action(self, key: str, prompt: Prompt) -> Action | Quit | None:
        if key == "?":
            self.say("Keys:")
            for letter, meaning in KEYS:
                self.say(f"  {letter}  {meaning}")
            return None
        if key == "b":
            return Back()
        if key == "n":
            text = self.read("Note (what you see, what the patron said): ").strip()
            return AddNote(text) if text else None
        if key == "c":
            if not isinstance(prompt, Do):
                self.say("'c' is for steps: there is no step to skip here.")
                return None
            return Cannot(self.read("Why couldn't it be tried? (optional, Enter to skip): "))
        if key == "e":
            return EscalateNow()
        if key == "r":
            return Restart()
        self.say("Quit: 1) keep this session for later  2) the patron left (end it)")
        reply = self.read("> ").strip().lower()
        if reply in ("1", "keep", "k"):
            return Quit()
        if reply in ("2", "patron left", "left", "l"):
            return PatronLeft()
        self.say("Not quitting.")
        return None

    def show(self, prompt: Prompt) -> None:
        self.say()
        if isinstance(prompt, Ask):
            self.say(f"QUESTION: {one_line(prompt.text)}")
        elif isinstance(prompt, Do):
            self.say(f"STEP: {one_line(prompt.text)}")
            if prompt.admin:
                self.say(f"  NEEDS ADMIN RIGHTS: {one_line(prompt.admin)}")
        elif isinstance(prompt, Tell):
            self.say(f"TELL THE PATRON: {one_line(prompt.text)}")
        elif isinstance(prompt, StopGuessing):
            self.say(f"STOP GUESSING? {one_line(prompt.reason)}")
            self.say("  Handing it to IT now is a good outcome, not a failure.")
        detail = getattr(prompt, "detail", "")
        if detail:
            self.say(f"  {one_line(detail)}")
        if isinstance(prompt, Do):
            self.say(f"  (about {prompt.minutes} min) Did that fix it?")
        for number, choice in enumerate(prompt.choices, 1):
            self.say(f"  {number}) {one_line(choice)}")
        self.say("  Keys: b back, n note, e escalate now, ? more")

    def refused(self, message: str) -> None:
        self.say(f"Refused: {one_line(message)}")

    def ask_fact(self, label: str) -> str:
        return self.read(
            f"For IT: {one_line(label)} (Enter skips it, {SKIP_REST} skips the rest): "
        )

    def finished(self, result: WalkResult) -> None:
        note = result.handoff
        if note is None:
            return
        self.say()
        if note.outcome == Outcome.RESOLVED:
            self.say(f"RESOLVED: {one_line(note.reason)}")
            return
        if note.outcome == Outcome.ABANDONED:
            self.say("SESSION ENDED: the patron left.")
            return
        self.say(f"{headline(note).upper()}")
        self.say()
        self.say(to_markdown(note))
        if result.path is not None:
            self.say(f"Hand-off saved to: {result.path}")
        elif result.write_error:
            self.say(
                f"Could not save the hand-off file ({result.write_error}); "
                "copy the text above instead."
            )
