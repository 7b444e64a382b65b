"""What a trainee and a trainer see of practice: the score card and the scores over time.

Each view is built as lines first (so a test can compare the whole text) and then
printed; the lines are plain, so a screen reader reads them in order.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Sequence

from troubleshoot.sessions.practice import Result
from troubleshoot.text import one_line, spreadsheet
from troubleshoot.text.lines import lay_out
from troubleshoot.ui import out
from troubleshoot.walk.practice import ScoreCard


def card_lines(card: ScoreCard, width: int | None = None) -> list[str]:
    """The score card: how the drill went, then the trainee's walk beside the expert's.

    Each entry is wrapped at spaces to *width* columns, as plain mode wraps the walk,
    its later lines set in under its text: a terminal left to break a long step
    itself splits words in two, and a screen reader then reads half-words.
    """
    lines: list[str] = []

    def put(lead: str, text: str = "", hang: str = "") -> None:
        lines.extend(lay_out(one_line(text), width, first=lead, indent=hang or " " * len(lead)))

    if card.right_end:
        end = "Right end."
    elif card.same_kind:
        end = "Not the expert's end, but the same kind of end."
    else:
        end = "Not the right end."
    over = " (over the budget)" if card.minutes > card.budget else ""
    put("SCORE CARD: ", f"{card.tree}, scenario '{card.scenario}'", "  ")
    put("  End: ", end)
    put("    Yours:  ", card.end)
    put("    Expert: ", card.expert_end)
    put(
        "  Time: ",
        f"{card.minutes} of {card.budget} practice minutes{over} ({card.asks} asked of the patron)",
    )
    if card.unneeded:
        put("  Steps not needed:")
        for step in card.unneeded:
            put("    - ", step)
    else:
        put("  Steps not needed: ", "none")
    if card.admin:
        put("  ", "Needs admin rights (left for IT, as it should be without them):", "    ")
        for step in card.admin:
            put("    - ", step)
    if card.facts_asked:
        done = "complete" if card.facts_complete else "incomplete"
        put("  Facts for IT: ", f"{card.facts_given} of {card.facts_asked} given ({done})")
    put("  Your walk:")
    for line in card.walked or ("(nothing answered)",):
        put("    ", line, "      ")
    put("  The expert's walk:")
    for line in card.expert:
        put("    ", line, "      ")
    return lines


def show_card(card: ScoreCard, width: int | None = None) -> None:
    """The card at *width* columns, else the terminal's (80 when there is none)."""
    out.line()
    for line in card_lines(card, width or shutil.get_terminal_size((80, 24)).columns):
        out.line(line)


#: The report's columns: what a trainer compares over time.
HEADS = (
    "date",
    "tree",
    "scenario",
    "initials",
    "right end",
    "minutes",
    "budget",
    "asks",
    "not needed",
    "admin",
    "facts",
)


def _sheet_row(result: Result) -> list[object]:
    """A CSV row: tree, scenario and initials were written by people, so a spreadsheet
    opening the file must show them, never run them as a formula."""
    row: list[object] = list(_row(result))
    row[1:4] = [spreadsheet(cell) for cell in row[1:4]]
    return row


def _row(result: Result) -> tuple[str, ...]:
    end = "yes" if result.right_end else ("same kind" if result.same_kind else "no")
    facts = f"{result.facts_given}/{result.facts_asked}" if result.facts_asked else "-"
    return (
        f"{result.at:%Y-%m-%d}",
        result.tree,
        result.scenario,
        result.initials or "-",
        end,
        str(result.minutes),
        str(result.budget),
        str(result.asks),
        str(result.unneeded),
        str(result.admin),
        facts,
    )


def _summary(results: Sequence[Result], key: str) -> list[str]:
    """One line per tree or per initials: drills, right ends, average minutes."""
    groups: dict[str, list[Result]] = {}
    for result in results:
        name = result.tree if key == "tree" else (result.initials or "-")
        groups.setdefault(name, []).append(result)
    lines = []
    for name in sorted(groups):
        group = groups[name]
        right = sum(r.right_end for r in group)
        average = sum(r.minutes for r in group) / len(group)
        lines.append(
            f"  {one_line(name)}: {len(group)} drills, {right} right ends, "
            f"{average:.1f} min on average"
        )
    return lines


def report_lines(results: Sequence[Result]) -> list[str]:
    """Scores per tree and per initials, then every drill, oldest first."""
    if not results:
        return ["No practice drills kept yet."]
    rows = [HEADS, *(_row(r) for r in results)]
    widths = [max(len(one_line(row[i])) for row in rows) for i in range(len(HEADS))]
    table = [
        "  ".join(one_line(cell).ljust(widths[i]) for i, cell in enumerate(row)).rstrip()
        for row in rows
    ]
    return [
        "Per tree:",
        *_summary(results, "tree"),
        "Per initials:",
        *_summary(results, "initials"),
        "Drills:",
        *table,
    ]


def report_text(results: Sequence[Result], form: str) -> str:
    """The report as ``table``, ``csv`` or ``json``."""
    if form == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerows([HEADS, *(_sheet_row(r) for r in results)])
        return buffer.getvalue()
    if form == "json":
        rows = [dict(zip(HEADS, _row(r), strict=True)) for r in results]
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    return "\n".join(report_lines(results)) + "\n"
