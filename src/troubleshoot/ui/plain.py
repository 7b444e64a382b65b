"""Plain numbered prompts, read line by line.

For screen readers, scripts and any stdin that is not a terminal. Every line is
plain text with no colour and no cursor movement, so it reads aloud in order. A
single letter is always an action (``b`` back, ``n`` note...), never an answer;
answers are chosen by number or by two or more letters of their text.
"""

from __future__ import annotations

import shutil
from typing import TextIO

from troubleshoot import privacy
from troubleshoot.handoff.content import HandOff
from troubleshoot.handoff.deliver import WalkResult
from troubleshoot.handoff.ticket import now_lines, ticket_text
from troubleshoot.text import clean, one_line
from troubleshoot.text.lines import lay_out, plain
from troubleshoot.walk.driver import SKIP_REST, Quit
from troubleshoot.walk.engine import State
from troubleshoot.walk.practice import RESULT_WORDS, Coach
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
    StepResult,
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
#: In a drill only: the patron can be asked what the expert would have found out.
ASK_KEY = ("a", "ask the patron: what they would tell you here (costs a minute)")


class PlainPrompter:
    """Asks on *out*, reads answers from *inp*.

    Tree text is wrapped here, at spaces, to *width* columns (else the terminal's
    width, 80 when there is no terminal): a terminal left to break a long line
    itself splits words in two, and a screen reader then reads half-words.
    """

    def __init__(
        self, inp: TextIO, out: TextIO, *, width: int | None = None, coach: Coach | None = None
    ) -> None:
        self.inp = inp
        self.out = out
        self.width = width
        self.coach = coach  # a practice drill: the scenario answers for the patron

    def columns(self) -> int:
        """The width to wrap to, asked each time: a window can be resized mid-walk."""
        return self.width or shutil.get_terminal_size((80, 24)).columns

    def say(self, text: str = "") -> None:
        self.out.write(clean(text) + "\n")
        self.out.flush()

    def tell(self, text: str, first: str = "", indent: str = "  ") -> None:
        """Tree text in its lines: paragraphs wrapped, lists and code kept as written."""
        for line in lay_out(text, self.columns(), first=first, indent=indent):
            self.say(line)

    def read(self, label: str, *, echo: bool = False) -> str:
        """One line of input. When input comes from a script nothing echoes it, so an
        answer is written back; notes and facts never are (they may be refused as private),
        nor is an answer that looks like a card number or a password: typed at the wrong
        prompt, it must not be shown either. The strict pattern is used, so nothing that
        could be a card at any site is echoed.
        """
        self.out.write(label)
        self.out.flush()
        line = self.inp.readline()
        if not line:
            raise EOFError
        line = line.rstrip("\r\n")
        if not self.inp.isatty():
            shown = echo and privacy.problem(line) is None
            self.out.write((one_line(line) if shown else "") + "\n")
        return line

    # -- Prompter -------------------------------------------------------------------
    def notices(self, notices: tuple[Notice, ...]) -> None:
        for notice in notices:
            self.tell(notice.text, "* ")

    def ask(self, prompt: Prompt, state: State) -> Action | Quit:
        if isinstance(prompt, AskFact):
            return self.ask_fact(prompt)
        self.show(prompt)
        while True:
            reply = self.read("> ", echo=True).strip()
            if not reply:
                continue
            key = reply.lower()
            if key == ASK_KEY[0] and self.coach is not None:
                self.ask_patron(prompt)
                continue
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
            if isinstance(prompt, Do) and self.coach is not None:
                index = self.coach.did(prompt, index)
                self.say(RESULT_WORDS[(StepResult.FIXED, StepResult.NOT_FIXED)[index]])
            return Choose(index)

    def ask_patron(self, prompt: Prompt) -> None:
        """In a drill, what the patron says to this question (the step results speak
        for themselves once a step is done)."""
        if self.coach is None or not isinstance(prompt, Ask):
            self.say("'a' is for questions: the patron has nothing to add here.")
            return
        self.tell(self.coach.ask_patron(prompt), "  ")

    def action(self, key: str, prompt: Prompt) -> Action | Quit | None:
        if key == "?":
            self.say("Keys:")
            for letter, meaning in (ASK_KEY, *KEYS) if self.coach else KEYS:
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
        if self.coach is not None:  # a drill keeps nothing for later
            self.say("Quit: 1) stop the drill (no score is kept)  2) the patron left (end it)")
        else:
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
            self.tell(prompt.text, "QUESTION: ")
        elif isinstance(prompt, Do):
            self.tell(prompt.text, "STEP: ")
            if prompt.admin:
                self.tell(prompt.admin, "  NEEDS ADMIN RIGHTS: ", "    ")
        elif isinstance(prompt, Tell):
            self.tell(prompt.text, "TELL THE PATRON: ")
        note = getattr(prompt, "note", "")
        if note:
            self.tell(note, "  FOR STAFF: ", "    ")
        elif isinstance(prompt, StopGuessing):
            self.tell(prompt.reason, "STOP GUESSING? ")
            self.say("  Handing it to IT now is a good outcome, not a failure.")
        detail = getattr(prompt, "detail", "")
        if detail:
            self.tell(detail, "  ")
        if isinstance(prompt, Do):
            self.say(f"  (about {prompt.minutes} min) Did that fix it?")
        # Numbers line up past nine, so the answers start in one column to read down.
        width = len(str(len(prompt.choices)))
        for number, choice in enumerate(prompt.choices, 1):
            self.say(f"  {number:>{width}}) {plain(choice)}")
        asking = "a ask the patron, " if self.coach is not None else ""
        self.say(f"  Keys: {asking}b back, n note, e escalate now, ? more")

    def refused(self, message: str) -> None:
        self.say(f"Refused: {one_line(message)}")

    def ask_fact(self, prompt: AskFact) -> Action | Quit:
        """One fact for IT. Keys keep their meaning here and are never kept as a fact."""
        if prompt.number == 1:
            self.say()
            many = f"{prompt.total} quick facts" if prompt.total > 1 else "1 quick fact"
            self.tell(
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
        lines = now_lines(note, self.columns() - 2)
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
