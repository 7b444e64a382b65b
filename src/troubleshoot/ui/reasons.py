"""The site's reason, added to the walk's "not done here" notice.

The engine says that the library's policy does not allow a step; the site settings
may say why ("Staff do not handle patrons' own devices"). Staff hearing the why can
explain it to the patron, so the reason is shown right beside the notice.
"""

from __future__ import annotations

from collections.abc import Mapping

from troubleshoot.handoff.deliver import WalkResult
from troubleshoot.ui.session import DeskPrompter
from troubleshoot.walk.driver import Quit
from troubleshoot.walk.engine import State
from troubleshoot.walk.prompts import Action, Prompt


class WithReasons:
    """A prompter that shows notices with the site's policy reasons; all else passes on."""

    def __init__(self, inner: DeskPrompter, reasons: Mapping[str, str]) -> None:
        self.inner = inner
        self.reasons = dict(reasons)

    def explained(self, line: str) -> str:
        for policy, reason in self.reasons.items():
            if f"policy '{policy}'" in line:
                return f"{line} (Why: {reason})"
        return line

    def notices(self, lines: tuple[str, ...]) -> None:
        self.inner.notices(tuple(self.explained(line) for line in lines))

    def ask(self, prompt: Prompt, state: State) -> Action | Quit:
        return self.inner.ask(prompt, state)

    def refused(self, message: str) -> None:
        self.inner.refused(message)

    def ask_fact(self, label: str) -> str:
        return self.inner.ask_fact(label)

    def finished(self, result: WalkResult) -> None:
        self.inner.finished(result)


def with_reasons(prompter: DeskPrompter, reasons: Mapping[str, str]) -> DeskPrompter:
    return WithReasons(prompter, reasons) if reasons else prompter
