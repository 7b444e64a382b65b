"""Arrow-key prompts for a person at a real terminal.

prompt_toolkit takes a noticeable moment to import on an old PC, so it is imported
only when the first prompt is actually shown; rich, for the outcome and the
hand-off, only when those are. The question and its menu are prompt_toolkit's.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from troubleshoot.handoff.content import HandOff
from troubleshoot.handoff.deliver import WalkResult
from troubleshoot.text import one_line
from troubleshoot.text.lines import lay_out
from troubleshoot.ui import out, views
from troubleshoot.ui.keys import ctrl_d_ends_input
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
)

if TYPE_CHECKING:
    from rich.console import Console

FOOTER = (
    "(arrows, a number, or type to filter; Enter picks) "
    "b back · n note · e escalate now · r start over · q quit"
)
#: The walk's actions, below the answers in every question's menu: (key, label).
ACTIONS = (
    ("b", "Back"),
    ("n", "Add a note"),
    ("e", "Escalate now"),
    ("r", "Start over"),
    ("q", "Quit"),
)
#: In a drill, at a question: the scenario answers for the patron.
ASK_PATRON = ("a", "Ask the patron")
LABELS = {
    Ask: ("QUESTION", "bold"),
    Do: ("STEP", "bold cyan"),
    Tell: ("TELL THE PATRON", "bold"),
    StopGuessing: ("STOP GUESSING?", "bold yellow"),
}


#: Lines styled piece by piece: (look, text), the looks named in ``out.LOOKS``.
Pieces = list[tuple[str, str]]


class InteractivePrompter:
    def __init__(self, console: Console | None = None, *, coach: Coach | None = None) -> None:
        self._console = console
        # Where questions are drawn: the console's own file when one is given (a test's
        # screen), else the terminal.
        self.screen = console.file if console is not None else None
        self.coach = coach  # a practice drill: the scenario answers for the patron

    @property
    def console(self) -> Console:
        """Rich, made on first use: the outcome and the hand-off need it, a question not."""
        if self._console is None:
            from troubleshoot.ui.console import make_console

            self._console = make_console()
        return self._console

    def line(self, label: str) -> str:
        """One line of free text (a drill's initials), erased once given."""
        import questionary

        return str(questionary.text(label, erase_when_done=True).unsafe_ask() or "")

    def notices(self, notices: tuple[Notice, ...]) -> None:
        for notice in notices:
            laid = lay_out(notice.text, self.width(), first="* ", indent="  ")
            out.styled([("italic", "\n".join(laid))], self.screen)

    def header(self, prompt: Prompt) -> None:
        """The question or step in its lines, as plain mode shows them (text literal)."""
        label, style = LABELS[type(prompt)]
        pieces: Pieces = [("", "\n")]
        body = prompt.reason if isinstance(prompt, StopGuessing) else getattr(prompt, "text", "")
        self.tell(pieces, label, body, style)
        detail = getattr(prompt, "detail", "")
        if detail:
            laid = lay_out(detail, self.width(), first="  ", indent="  ")
            pieces += [("", "\n"), ("dim", "\n".join(laid))]
        if isinstance(prompt, Do) and prompt.admin:
            pieces.append(("", "\n"))
            self.tell(pieces, "  NEEDS ADMIN RIGHTS:", prompt.admin, "bold", indent="    ")
        note = getattr(prompt, "note", "")
        if note:
            pieces.append(("", "\n"))
            self.tell(pieces, "  FOR STAFF:", note, "bold", indent="    ")
        if isinstance(prompt, StopGuessing):
            pieces.append(("", "\n  Handing it to IT now is a good outcome, not a failure."))
        out.styled(pieces, self.screen)

    def width(self) -> int:
        if self._console is not None:
            return self._console.width
        return shutil.get_terminal_size((80, 24)).columns

    def tell(self, pieces: Pieces, label: str, body: str, look: str, *, indent: str = "  ") -> None:
        """*label* in its *look*, then *body* in its lines: wrapped at spaces, lists kept."""
        laid = lay_out(body, self.width(), first=f"{label} ", indent=indent)
        pieces.append((look, label))
        pieces.append(("", "\n".join([laid[0][len(label) :], *laid[1:]])))

    def ask(self, prompt: Prompt, state: State) -> Action | Quit:
        from troubleshoot.ui import menu

        if isinstance(prompt, AskFact):
            return self.ask_fact(prompt)
        self.header(prompt)
        question = "Did that fix it?" if isinstance(prompt, Do) else "Choose:"
        # On a step the pointer starts on "not fixed": Enter pressed in a hurry must
        # never close a walk as fixed while the patron is still stuck.
        start = 1 if isinstance(prompt, Do) else 0
        actions: tuple[tuple[str, str], ...] = ACTIONS
        hint = FOOTER
        if self.coach is not None and isinstance(prompt, Ask):
            actions, hint = (ASK_PATRON, *ACTIONS), FOOTER.replace(") b", ") a ask the patron · b")
        while True:
            picked = menu.pick(question, prompt.choices, actions, start=start, hint=hint)
            action = self.to_action(picked, prompt)
            if action is not None:
                return action

    def to_action(self, picked: int | str, prompt: Prompt) -> Action | Quit | None:
        import questionary

        if isinstance(picked, int):
            if isinstance(prompt, Do) and picked == 2:
                reason = questionary.text(
                    "Why couldn't it be tried? (optional)", erase_when_done=True
                ).unsafe_ask()
                return Cannot(reason or "")
            if isinstance(prompt, Do) and self.coach is not None:
                picked = self.coach.did(prompt, picked)
                self.say(RESULT_WORDS[(StepResult.FIXED, StepResult.NOT_FIXED)[picked]])
            return Choose(picked)
        if picked == ASK_PATRON[0] and self.coach is not None and isinstance(prompt, Ask):
            self.say(self.coach.ask_patron(prompt))
            return None
        if picked == "b":
            return Back()
        if picked == "n":
            text = questionary.text(
                "Note (what you see, what the patron said):", erase_when_done=True
            ).unsafe_ask()
            return AddNote(text) if text and text.strip() else None
        if picked == "e":
            why = questionary.text("Why stop here? (optional)", erase_when_done=True).unsafe_ask()
            return EscalateNow(why or "")
        if picked == "r":
            return Restart()
        return self.quit()

    def quit(self) -> Quit | PatronLeft | None:
        import questionary
        from questionary import Choice

        left = ctrl_d_ends_input(
            questionary.select(
                "Quit:",
                choices=[
                    Choice(
                        "Stop the drill (no score is kept)"
                        if self.coach is not None  # a drill keeps nothing for later
                        else "Keep this session for later",
                        "keep",
                    ),
                    Choice("The patron left (end it)", "left"),
                    Choice("Don't quit", "stay"),
                ],
                use_shortcuts=True,
            )
        ).unsafe_ask()
        if left == "keep":
            return Quit()
        return PatronLeft() if left == "left" else None

    def say(self, text: str) -> None:
        """A drill's words to the trainee, wrapped as the walk's other text is."""
        from rich.text import Text

        self.console.print(Text("\n".join(lay_out(text, self.width(), first="  ", indent="  "))))

    def refused(self, message: str) -> None:
        from rich.text import Text

        self.console.print(Text("Refused: " + one_line(message), style="bold"))

    def ask_fact(self, prompt: AskFact) -> Action | Quit:
        import questionary
        from rich.text import Text

        if prompt.number == 1:
            many = f"{prompt.total} quick facts" if prompt.total > 1 else "1 quick fact"
            self.console.print(
                Text(
                    f"\nFOR IT: {many}. Enter skips one, {SKIP_REST} skips the rest, "
                    "b goes back, q keeps the session for later.",
                    style="bold",
                )
            )
        while True:
            # Erased once answered, so a value refused as private does not stay on
            # screen; the hand-off shows every fact that was kept.
            answer = questionary.text(
                f"{prompt.number} of {prompt.total}: {one_line(prompt.label)}",
                erase_when_done=True,
            ).unsafe_ask()
            key = str(answer or "").strip()
            if key == SKIP_REST:
                return SkipFacts()
            if key.lower() == "b":
                return Back()
            if key.lower() == "q":
                action = self.quit()
                if action is not None:
                    return action
                continue
            return GiveFact(key)

    def outcome(self, note: HandOff) -> None:
        views.outcome(self.console, note)

    def finished(self, result: WalkResult) -> None:
        views.finished(self.console, result)
