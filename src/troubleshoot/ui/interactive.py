"""Arrow-key prompts for a person at a real terminal.

questionary (and prompt_toolkit under it) take a noticeable moment to import on an
old PC, so they are imported only when the first prompt is actually shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from troubleshoot.handoff.deliver import WalkResult
from troubleshoot.text import one_line
from troubleshoot.ui import views
from troubleshoot.ui.keys import ctrl_d_ends_input
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
    PatronLeft,
    Prompt,
    Restart,
    StopGuessing,
    Tell,
)

if TYPE_CHECKING:
    from rich.console import Console

FOOTER = "(arrows or number, Enter) b back · n note · e escalate now · r start over · q quit"
LABELS = {
    Ask: ("QUESTION", "bold"),
    Do: ("STEP", "bold cyan"),
    Tell: ("TELL THE PATRON", "bold"),
    StopGuessing: ("STOP GUESSING?", "bold yellow"),
}


class InteractivePrompter:
    def __init__(self, console: Console) -> None:
        self.console = console

    def notices(self, notices: tuple[Notice, ...]) -> None:
        from rich.text import Text

        for notice in notices:
            self.console.print(Text("* " + one_line(notice.text), style="italic"))

    def header(self, prompt: Prompt) -> None:
        from rich.text import Text

        label, style = LABELS[type(prompt)]
        text = Text("\n")
        text.append(f"{label} ", style=style)
        body = prompt.reason if isinstance(prompt, StopGuessing) else getattr(prompt, "text", "")
        text.append(one_line(body))
        detail = getattr(prompt, "detail", "")
        if detail:
            text.append("\n  " + one_line(detail), style="dim")
        if isinstance(prompt, Do) and prompt.admin:
            text.append("\n  NEEDS ADMIN RIGHTS: ", style="bold")
            text.append(one_line(prompt.admin))
        if isinstance(prompt, StopGuessing):
            text.append("\n  Handing it to IT now is a good outcome, not a failure.")
        self.console.print(text)

    def ask(self, prompt: Prompt, state: State) -> Action | Quit:
        import questionary
        from questionary import Choice, Separator

        self.header(prompt)
        choices: list[Any] = [
            Choice(one_line(text), ("choose", i)) for i, text in enumerate(prompt.choices)
        ]
        choices.append(Separator())
        choices.append(Choice("Back", ("back",), shortcut_key="b"))
        choices.append(Choice("Add a note", ("note",), shortcut_key="n"))
        choices.append(Choice("Escalate now", ("escalate",), shortcut_key="e"))
        choices.append(Choice("Start over", ("restart",), shortcut_key="r"))
        choices.append(Choice("Quit", ("quit",), shortcut_key="q"))
        question = "Did that fix it?" if isinstance(prompt, Do) else "Choose:"
        while True:
            picked = ctrl_d_ends_input(
                questionary.select(
                    question, choices=choices, use_shortcuts=True, instruction=FOOTER
                )
            ).unsafe_ask()
            action = self.to_action(picked, prompt)
            if action is not None:
                return action

    def to_action(self, picked: tuple[Any, ...], prompt: Prompt) -> Action | Quit | None:
        import questionary
        from questionary import Choice

        kind = picked[0]
        if kind == "choose":
            index = int(picked[1])
            if isinstance(prompt, Do) and index == 2:
                reason = questionary.text(
                    "Why couldn't it be tried? (optional)", erase_when_done=True
                ).unsafe_ask()
                return Cannot(reason or "")
            return Choose(index)
        if kind == "back":
            return Back()
        if kind == "note":
            text = questionary.text(
                "Note (what you see, what the patron said):", erase_when_done=True
            ).unsafe_ask()
            return AddNote(text) if text and text.strip() else None
        if kind == "escalate":
            return EscalateNow()
        if kind == "restart":
            return Restart()
        left = ctrl_d_ends_input(
            questionary.select(
                "Quit:",
                choices=[
                    Choice("Keep this session for later", "keep"),
                    Choice("The patron left (end it)", "left"),
                    Choice("Don't quit", "stay"),
                ],
                use_shortcuts=True,
            )
        ).unsafe_ask()
        if left == "keep":
            return Quit()
        return PatronLeft() if left == "left" else None

    def refused(self, message: str) -> None:
        from rich.text import Text

        self.console.print(Text("Refused: " + one_line(message), style="bold"))

    def ask_fact(self, label: str) -> str:
        import questionary

        # Erased once answered, so a value refused as private does not stay on screen;
        # the hand-off shows every fact that was kept.
        answer = questionary.text(
            f"For IT: {one_line(label)} (Enter skips it, {SKIP_REST} skips the rest)",
            erase_when_done=True,
        ).unsafe_ask()
        return str(answer or "")

    def finished(self, result: WalkResult) -> None:
        views.finished(self.console, result)
