"""The HTML report: one file, charts inside, nothing fetched, tree text shown literally."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tests.sessions.test_breakdowns import COULD_NOT, PLACED
from tests.sessions.test_figures import MONDAY, WEEK
from troubleshoot import frozen
from troubleshoot.sessions import figures
from troubleshoot.sessions.figures import EscalationNode
from troubleshoot.ui.report_html import to_html


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parsed(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def charts(tags: list[tuple[str, dict[str, str | None]]]) -> list[str | None]:
    return [attrs.get("aria-label") for tag, attrs in tags if tag == "svg" and attrs.get("role")]


def test_the_html_report_is_self_contained_with_inline_svg_charts() -> None:
    html = to_html(figures.build([*PLACED, *COULD_NOT], since=MONDAY, titles={"desk": "Desk"}))
    tags = parsed(html)
    names = [t for t, _ in tags]
    assert charts(tags) == [
        "Outcomes per tree", "Outcomes per branch", "Sessions per week",
        "What came of each step", "Escalations by node", "Steps not fixed",
        "Sessions by hour started",
    ]  # fmt: skip
    assert "script" not in names and "link" not in names and "img" not in names
    assert not any(v and re.search(r"(https?:|//)", v) for _, attrs in tags for v in attrs.values())
    assert "http" not in html and "@import" not in html and "url(" not in html


def test_every_chart_has_its_numbers_as_text_in_a_table() -> None:
    html = to_html(figures.build([*PLACED, *COULD_NOT], since=MONDAY, titles={"desk": "Desk"}))
    cells = re.sub(r"\s+", " ", html)
    assert '<td>Central</td><td class="n">5</td><td class="n">2</td>' in cells
    assert '<td>2026-W48</td><td>2026-11-23</td><td class="n">15</td>' in cells
    assert (
        '<td>Release the job at the station.</td><td>Desk (desk)</td><td class="n">6</td>'
        '<td class="n">2</td><td class="n">4</td><td class="n">4</td>'
        '<td class="n">33%</td>'
        "<td>No key to the release station (2); Printer is off (2)</td>"
    ) in cells
    assert "4 of 6" in html and "33% fixed" in html
    assert '<p class="legend">' in html and "couldn&#x27;t try" in html


def test_the_html_report_prints_on_a4_or_letter() -> None:
    html = to_html(figures.build(WEEK))
    assert "@page { size: portrait; margin: 16mm 14mm; }" in html
    assert "@media print" in html and "break-inside: avoid" in html


def test_tree_text_in_the_html_report_cannot_add_markup() -> None:
    week = figures.build(WEEK, since=MONDAY)
    hostile = EscalationNode("desk", "x", '<script src="http://x/a.js"></script>', 9)
    html = to_html(frozen.replace(week, escalation_nodes=(hostile,)))
    assert "<script" not in html
    assert "&lt;script" in html


def test_an_empty_report_is_still_a_page() -> None:
    html = to_html(figures.build([]))
    assert html.startswith("<!DOCTYPE html>") and "None." in html and "<svg" not in html
