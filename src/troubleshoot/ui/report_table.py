"""The report as tables for the terminal, fitted to its width.

A branch manager reads this on whatever screen the desk has, often 80 columns. Names
are what people read (tree titles, step text) and wrap inside their column; an id
that will not wrap at a space is folded onto the next line rather than cut short,
so no name ever ends in "…". Counts use short headings, explained under each table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from troubleshoot.sessions.figures import Figures, Report
from troubleshoot.text import one_line
from troubleshoot.ui.report import (
    By,
    hour_label,
    minutes,
    percent,
    period,
    reasons,
    week_name,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

OUTCOMES_NOTE = (
    "sess: sessions; res: resolved; esc: escalated; urg: of them urgent; ref: referred "
    "elsewhere; left: the patron left; open: not ended yet; res%, esc%: of the sessions "
    "that ended"
)
TIMES_NOTE = (
    "minutes from start to end: res = to resolve, esc = to escalate (median and 90th "
    "percentile); over: sessions over budget"
)
STEPS_NOTE = (
    "sessions in which the step was last marked fixed, not (fixed) or couldn't (try); "
    "tried = fixed + not; fix% of tried"
)


def _tree(report: Report, tree: str) -> Text:
    """A tree's title, with its id on the line below when the two differ."""
    from rich.text import Text

    title = one_line(report.title(tree))
    cell = Text(title)
    if title != tree:
        cell.append("\n" + one_line(tree), style="dim")
    return cell


def _table(*columns: str) -> Table:
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    table.add_column(columns[0], overflow="fold", ratio=1)
    for name in columns[1:]:
        table.add_column(name, justify="right", no_wrap=True)
    return table


def _names(report: Report, by: By) -> list[tuple[Text, Figures]]:
    from rich.text import Text

    if by is By.TREE:
        rows = [(_tree(report, f.group), f) for f in report.trees]
    elif by is By.BRANCH:
        rows = [(Text(one_line(f.group)), f) for f in report.branches]
    else:
        rows = [(Text(week_name(f.group)), f) for f in report.weeks]
    return [*rows, (Text("all"), report.total)]


def _outcomes(console: Console, report: Report, by: By) -> None:
    from rich.text import Text

    table = _table(by.value, "sess", "res", "esc", "urg", "ref", "left", "open", "res%", "esc%")
    times = _table(by.value, "res median", "res p90", "esc median", "esc p90", "over")
    for name, f in _names(report, by):
        table.add_row(
            name, str(f.sessions), str(f.resolved), str(f.escalated), str(f.urgent),
            str(f.referred), str(f.abandoned), str(f.unfinished), percent(f.resolved_share),
            percent(f.escalated_share),
        )  # fmt: skip
        times.add_row(
            name.copy(), minutes(f.median_minutes), minutes(f.p90_minutes),
            minutes(f.escalate_median_minutes), minutes(f.escalate_p90_minutes), str(f.overruns),
        )  # fmt: skip
    console.print(table)
    console.print(Text(OUTCOMES_NOTE, style="dim"))
    console.print(Text(""))
    console.print(times)
    console.print(Text(TIMES_NOTE, style="dim"))


def _steps(console: Console, report: Report) -> None:
    from rich.text import Text

    if not report.steps:
        console.print(Text("None."))
        return
    table = _table("step", "tried", "fixed", "not", "couldn't", "fix%")
    for s in report.steps:
        name = Text(one_line(s.step))
        name.append(f"\n  in {one_line(report.title(s.tree))}", style="dim")
        if s.reasons:
            name.append(f"\n  couldn't try: {reasons(s)}", style="dim")
        table.add_row(
            name, str(s.tried), str(s.fixed), str(s.not_fixed), str(s.cannot),
            percent(s.fix_rate),
        )  # fmt: skip
    console.print(table)
    console.print(Text(STEPS_NOTE, style="dim"))


HEADINGS = {
    By.TREE: "Sessions per tree",
    By.BRANCH: "Sessions per branch",
    By.WEEK: "Sessions per week (ISO weeks, from Monday)",
    By.STEP: "What came of each step",
}


def show(console: Console, report: Report, by: By = By.TREE) -> None:
    from rich.text import Text

    def heading(text: str) -> None:
        console.print(Text("\n" + text, style="bold"))

    console.print(Text(f"Session report: {period(report)}", style="bold"))
    heading(HEADINGS[by])
    if by is By.STEP:
        _steps(console, report)
    else:
        _outcomes(console, report, by)

    heading("Where walks most often end in escalation")
    nodes = _table("node", "reason", "sessions")
    nodes.columns[1].justify, nodes.columns[1].no_wrap = "left", False
    for n in report.escalation_nodes:
        node = Text(f"{one_line(report.title(n.tree))} #{one_line(n.node)}")
        nodes.add_row(node, Text(one_line(n.reason)), str(n.count))
    console.print(nodes if report.escalation_nodes else Text("None."))

    if by is not By.STEP:
        heading('Steps most often marked "not fixed"')
        steps = _table("step", "not fixed", "of tried")
        for f in report.failing_steps:
            label = Text(one_line(f.step))
            label.append(f"\n  in {one_line(report.title(f.tree))}", style="dim")
            steps.add_row(label, str(f.not_fixed), str(f.tried))
        console.print(steps if report.failing_steps else Text("None."))

    heading("Budget overruns (offered to stop guessing)")
    over = _table("reason", "sessions")
    for o in report.overruns:
        over.add_row(o.reason, str(o.sessions))
    console.print(over if report.overruns else Text("None."))
    if report.overruns:
        console.print(Text(f"Staff kept going in {report.kept_going} of them."))

    heading("Busiest hours (sessions started)")
    peak = max(report.hours) if any(report.hours) else 0
    hours = _table("hour", "sessions", "")
    hours.columns[2].justify = "left"
    for hour, count in report.busiest_hours:
        hours.add_row(hour_label(hour), str(count), "#" * round(20 * count / peak))
    console.print(hours if peak else Text("None."))
