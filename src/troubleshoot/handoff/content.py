"""From a finished walk to the note IT reads: first as data, then as Markdown.

The first thing IT asks is "what have you already tried?", and the second is "what
couldn't you do?". The note answers both, and lists apart the steps that need
administrator rights the desk does not have, with what IT must do for each.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from typing import Any

from troubleshoot.handoff import routing
from troubleshoot.handoff.routing import Route
from troubleshoot.text import clean, markdown
from troubleshoot.walk.engine import State, TreeSource
from troubleshoot.walk.prompts import NOT_TRIED


@dataclass(frozen=True)
class HandOff:
    trees: tuple[tuple[str, str], ...]  # (id, title), first tree first
    outcome: str
    reason: str
    urgent: bool
    by_staff: bool
    started: dt.datetime
    ended: dt.datetime
    end_node: str
    workaround: str
    facts: tuple[tuple[str, str], ...]
    answers: tuple[tuple[str, str], ...]  # (question, answer)
    tried: tuple[tuple[str, str], ...]  # (step, result)
    not_tried: tuple[tuple[str, str], ...]  # (step, reason)
    admin_needed: tuple[tuple[str, str], ...]  # (step, what IT must do)
    not_allowed: tuple[tuple[str, str], ...]  # (step, policy)
    notes: tuple[str, ...]
    corrections: tuple[str, ...]
    said: tuple[str, ...]
    route: Route | None = None  # the site's routing: whom to reach now, or in the morning
    began_at: str = ""  # tree#node, when a symptom started the walk partway in

    @property
    def minutes(self) -> int:
        return max(0, round((self.ended - self.started).total_seconds() / 60))


def build(trees: TreeSource, state: State, facts: dict[str, str] | None = None) -> HandOff:
    """The hand-off for a walk that has ended."""
    ending = state.ending
    if ending is None:
        raise ValueError("the walk has not ended")
    titles = []
    for tree_id in state.trees:
        tree = trees.get(tree_id)
        titles.append((tree_id, tree.title if tree else tree_id))
    path, log = state.path, state.log
    return HandOff(
        trees=tuple(titles),
        outcome=ending.outcome,
        reason=ending.text,
        urgent=ending.urgent,
        by_staff=ending.by_staff,
        started=state.started,
        ended=ending.at,
        end_node=f"{ending.tree}#{ending.node}",
        workaround=ending.workaround,
        facts=tuple((label, value) for label, value in (facts or {}).items() if value),
        answers=tuple((e.text, e.value) for e in path if e.kind == "answer"),
        tried=tuple((e.text, e.value) for e in path if e.kind == "result" and e.value != NOT_TRIED),
        not_tried=tuple(
            (e.text, e.detail) for e in path if e.kind == "result" and e.value == NOT_TRIED
        ),
        admin_needed=tuple((e.text, e.detail) for e in path if e.kind == "admin_skipped"),
        not_allowed=tuple((e.text, e.value) for e in path if e.kind == "policy_skipped"),
        notes=tuple(e.text for e in log if e.kind == "note"),
        corrections=tuple(e.text for e in log if e.kind == "back" and e.text != "went back"),
        said=tuple(e.text for e in path if e.kind == "said"),
        began_at=next(
            (f"{e.tree}#{e.node}" for e in log[:1] if e.kind == "start" and e.value == "deep"), ""
        ),
    )


def _time(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def headline(handoff: HandOff) -> str:
    """One line that says how it ended, in words that do not blame anyone."""
    if handoff.outcome == "resolved":
        return "Resolved"
    if handoff.outcome == "abandoned":
        return "Not finished: the patron left"
    label = "URGENT: escalate now" if handoff.urgent else "Escalate to IT"
    if handoff.by_staff:
        label += " (stopped by staff: the right call when guessing would not help)"
    return label


def _shown_as_typed(value: Any) -> Any:
    if isinstance(value, str):
        return markdown(value)
    if isinstance(value, tuple):
        return tuple(_shown_as_typed(item) for item in value)
    return value


def to_markdown(handoff: HandOff) -> str:
    """The hand-off as a Markdown file for a ticket, an email or the IT binder.

    Every text in it came from a tree or from staff, so each is folded onto its line
    and kept from being read as Markdown: a note cannot add a heading, hide the rest
    of the file in an HTML comment, or turn into a link.
    """
    handoff = replace(
        handoff,
        **{f.name: _shown_as_typed(getattr(handoff, f.name)) for f in fields(handoff)},
    )
    first_title = handoff.trees[0][1]
    lines = [f"# Hand-off: {first_title}", "", f"**{headline(handoff)}**", ""]
    lines += [
        f"- Tree: {', '.join(f'{title} (`{tid}`)' for tid, title in handoff.trees)}",
        f"- Started: {_time(handoff.started)}",
        f"- Ended: {_time(handoff.ended)} at `{handoff.end_node}`",
        f"- Time spent: {handoff.minutes} min",
        f"- Reason: {handoff.reason}",
    ]
    if handoff.workaround:
        lines.append(f"- Workaround given to the patron: {handoff.workaround}")
    if handoff.began_at:
        lines.append(f"- Began partway in, at `{handoff.began_at}`: a symptom pointed there")
    if handoff.route is not None:
        lines += routing.markdown(handoff.route, handoff.workaround, handoff.urgent)
    reasons = dict(handoff.route.reasons) if handoff.route else {}

    def section(title: str, rows: list[str], empty: str | None = None) -> None:
        if not rows and empty is None:
            return
        lines.extend(["", f"## {title}", ""])
        lines.extend(rows or [empty or ""])

    section(
        "Needs admin rights (not done at the desk)",
        [f"- [ ] {step} **IT must:** {todo}" for step, todo in handoff.admin_needed],
        "None.",
    )
    section(
        "Facts collected", [f"- {label}: {value}" for label, value in handoff.facts], "None given."
    )
    section("Answers given", [f"- {q} **{a}**" for q, a in handoff.answers], "None.")
    section("Steps tried", [f"- {step} **{result}**" for step, result in handoff.tried], "None.")
    section(
        "Steps not tried",
        [f"- {step}" + (f" (why: {why})" if why else "") for step, why in handoff.not_tried],
    )
    section(
        "Not allowed by this library's policy",
        [
            f"- {step} (policy: {policy})" + (f": {reasons[policy]}" if policy in reasons else "")
            for step, policy in handoff.not_allowed
        ],
    )
    section("Told the patron", [f"- {text}" for text in handoff.said])
    section("Notes", [f"- {note}" for note in handoff.notes])
    section(
        "Corrections made during the walk",
        [f"- Went back and changed: {text}" for text in handoff.corrections],
    )
    return clean("\n".join(lines) + "\n")
