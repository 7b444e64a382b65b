"""The site's reason, added to the walk's "not done here" notice.

The engine says that the library's policy does not allow a step; the site settings
may say why ("Staff do not handle patrons' own devices"). Staff hearing the why can
explain it to the patron, so the reason is shown right beside the notice.
"""

from __future__ import annotations

from collections.abc import Mapping

from troubleshoot.frozen import replace
from troubleshoot.handoff.content import HandOff
from troubleshoot.handoff.deliver import WalkResult
from troubleshoot.ui.session import DeskPrompter
from troubleshoot.walk.driver import Quit
from troubleshoot.walk.engine import State
from troubleshoot.walk.prompts import Action, Notice, Prompt


class WithReasons:
    """A prompter that shows notices with the site's policy reasons; all else passes on."""

    def __init__(self, inner: DeskPrompter, reasons: Mapping[str, str]) -> None:
        self.inner = inner
        self.reasons = dict(reasons)

    def explained(self, notice: Notice) -> Notice:
        reason = self.reasons.get(notice.policy) if notice.policy else None
        return replace(notice, text=f"{notice.text} (Why: {reason})") if reason else notice

    def notices(self, notices: tuple[Notice, ...]) -> None:
        self.inner.notices(tuple(self.explained(notice) for notice in notices))

    def ask(self, prompt: Prompt, state: State) -> Action | Quit:
        return self.inner.ask(prompt, state)

    def refused(self, message: str) -> None:
        self.inner.refused(message)

    def outcome(self, note: HandOff) -> None:
        self.inner.outcome(note)

    def finished(self, result: WalkResult) -> None:
        self.inner.finished(result)


def with_reasons(prompter: DeskPrompter, reasons: Mapping[str, str]) -> DeskPrompter:
    return WithReasons(prompter, reasons) if reasons else prompter
