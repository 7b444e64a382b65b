"""The HTML report: one file, charts inside, nothing fetched, tree text shown literally."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser

from tests.sessions.test_figures import MONDAY, WEEK
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


def test_the_html_report_is_self_contained_with_inline_svg_charts() -> None:
    html = to_html(figures.build(WEEK, since=MONDAY))
    tags = parsed(html)
    names = [t for t, _ in tags]
    assert names.count("svg") == 4  # outcomes, escalation nodes, failing steps, hours
    assert "script" not in names and "link" not in names and "img" not in names
    assert not any(v and re.search(r"(https?:|//)", v) for _, attrs in tags for v in attrs.values())
    assert "http" not in html and "@import" not in html and "url(" not in html
    assert "Release the job at the station." in html and "4 of 6" in html


def test_tree_text_in_the_html_report_cannot_add_markup() -> None:
    week = figures.build(WEEK, since=MONDAY)
    hostile = EscalationNode("desk", "x", '<script src="http://x/a.js"></script>', 9)
    html = to_html(dataclasses.replace(week, escalation_nodes=(hostile,)))
    assert "<script" not in html
    assert "&lt;script" in html


def test_an_empty_report_is_still_a_page() -> None:
    html = to_html(figures.build([]))
    assert html.startswith("<!DOCTYPE html>") and "None." in html and "<svg" not in html
