"""Plain numbered prompts, read line by line.

For screen readers, scripts and any stdin that is not a terminal. Every line is
plain text with no colour and no cursor movement, so it reads aloud in order. A
single letter is always an action (``b`` back, ``n`` note...), never an answer;
answers are chosen by number or by two or more letters of their text.
"""

from __future__ import annotations

from typing import TextIO

from troubleshoot.handoff.content import HandOff
from troubleshoot.handoff.deliver import WalkResult
from troubleshoot.handoff.ticket import now_lines, ticket_text
from troubleshoot.text import clean, one_line
from troubleshoot.walk.driver import SKIP_REST, Quit
from troubleshoot.walk.engine import State
from troubleshoot.walk.prompts import (
    Action,
    AddNote,
    Ask,
    AskFact,
    Back,
    Cannot,
    Choose,
    Do,
    EscalateNow,
    GiveFact,
    Notice,
    PatronLeft,
    Prompt,
    Restart,
    SkipFacts,
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
        if isinstance(prompt, AskFact):
            return self.ask_fact(prompt)
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
            why = self.read("Why stop here? (optional, Enter to skip): ")
            return EscalateNow(why)
        if key == "r":
            return Restart()
        return self.quit()

    def quit(self) -> Quit | PatronLeft | None:
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
        note = getattr(prompt, "note", "")
        if note:
            self.say(f"  FOR STAFF: {one_line(note)}")
        elif isinstance(prompt, StopGuessing):
            self.say(f"STOP GUESSING? {one_line(prompt.reason)}")
            self.say("  Handing it to IT now is a good outcome, not a failure.")
        detail = getattr(prompt, "detail", "")
        if detail:
            self.say(f"  {one_line(detail)}")
        if isinstance(prompt, Do):
            self.say(f"  (about {prompt.minutes} min) Did that fix it?")
        # Numbers line up past nine, so the answers start in one column to read down.
        width = len(str(len(prompt.choices)))
        for number, choice in enumerate(prompt.choices, 1):
            self.say(f"  {number:>{width}}) {one_line(choice)}")
        self.say("  Keys: b back, n note, e escalate now, ? more")

    def refused(self, message: str) -> None:
        self.say(f"Refused: {one_line(message)}")

    def ask_fact(self, prompt: AskFact) -> Action | Quit:
        """One fact for IT. Keys keep their meaning here and are never kept as a fact."""
        if prompt.number == 1:
            self.say()
            many = f"{prompt.total} quick facts" if prompt.total > 1 else "1 quick fact"
            self.say(
                f"FOR IT: {many}. Enter skips one, {SKIP_REST} skips the rest, b goes back, "
                "q keeps the session for later."
            )
        while True:
            reply = self.read(f"  {prompt.number} of {prompt.total}: {one_line(prompt.label)}: ")
            key = reply.strip().lower()
            if key == SKIP_REST:
                return SkipFacts()
            if key == "b":
                return Back()
            if key == "q":
                action = self.quit()
                if action is not None:
                    return action
                continue
            if key == "?":
                self.say(f"  Type the fact, Enter to skip it, {SKIP_REST} to skip the rest,")
                self.say("  b to go back (from the first fact: back into the walk), q to quit.")
                continue
            return GiveFact(reply.strip())

    def outcome(self, note: HandOff) -> None:
        """The end, before anything else is asked: what it is, what to do, whom to call."""
        self.say()
        lines = now_lines(note)
        self.say(lines[0])
        for line in lines[1:]:
            self.say(f"  {line}")

    def finished(self, result: WalkResult) -> None:
        note = result.handoff
        if note is None or not note.for_it:
            return
        self.say()
        self.say("----- HAND-OFF FOR IT: copy from here -----")
        self.say(ticket_text(note).rstrip("\n"))
        self.say("----- end of hand-off -----")
        if result.path is not None:
            self.say(f"Saved for IT as: {result.path}")
        elif result.write_error:
            self.say(
                f"Could not save the hand-off file ({result.write_error}); "
                "copy the text above instead."
            )
