"""What the published pages say: patron words only, the desk's contact, literal text."""

from __future__ import annotations

import html
import re
import textwrap
from pathlib import Path

from tests.publish.conftest import SETTINGS, every_page, read
from troubleshoot.publish.pages import render_index, render_page
from troubleshoot.publish.path import DESK, page_of
from troubleshoot.publish.site import Published
from troubleshoot.site.config import Settings
from troubleshoot.tree.loader import parse_tree
from troubleshoot.tree.model import Escalate, Question, Refer, Resolved, Say, Step, Tree
from troubleshoot.tree.patron import reachable

MARKED = {"mobile-printing", "wifi", "ebooks", "usb", "job-applications"}


def tree_of(text: str, tree_id: str = "t") -> Tree:
    tree, problems = parse_tree(Path(f"{tree_id}.yaml"), textwrap.dedent(text).lstrip("\n"))
    assert tree is not None, problems
    return tree


def staff_texts(tree: Tree) -> set[str]:
    """Every text in the tree meant for staff, less any a trainer also wrote for patrons."""
    found: set[str] = {tree.title, tree.summary, tree.workaround, *tree.collect}
    patron: set[str] = set()
    for node in tree.nodes.values():
        found.add(getattr(node, "note", ""))
        if isinstance(node, Question):
            found |= {node.ask, node.detail, *(a.text for a in node.answers)}
            patron |= {node.patron, *(a.patron for a in node.answers)}
        elif isinstance(node, Step):
            found |= {node.step, node.detail, node.admin or ""}
            patron.add(node.patron)
        elif isinstance(node, Say):
            found |= {node.say, node.detail}
            patron.add(node.patron)
        elif isinstance(node, Resolved):
            found.add(node.text)
            patron.add(node.patron)
        elif isinstance(node, Escalate):
            found |= {node.reason, node.workaround, *node.collect}
        elif isinstance(node, Refer):
            found |= {node.who, node.tell, node.bring, *node.collect}
    # A trainer may reuse a staff sentence inside patron text on purpose; that is theirs.
    return {t for t in found - patron if len(t) > 3 and not any(t in p for p in patron)}


def test_at_least_five_bundled_trees_have_a_page(site: Published) -> None:
    assert {p.tree for p in site.pages} >= MARKED
    assert set(site.files) >= {"index.html", "print.html", "wifi.html", "jobs.html", "usb.html"}


def test_no_staff_text_is_on_any_page(site: Published, trees: dict[str, Tree]) -> None:
    pages = dict(every_page(site))
    for tree in trees.values():
        for text in staff_texts(tree):
            for name, page in pages.items():
                assert html.escape(text) not in page, (tree.id, name, text)


def test_every_patron_text_of_a_page_is_on_it(site: Published, trees: dict[str, Tree]) -> None:
    for page in site.pages:
        tree = trees[page.tree]
        shown = read(site, f"{page.short}.html")
        for node_id in reachable(tree):
            node = tree.nodes[node_id]
            assert isinstance(node, (Question, Step, Say, Resolved))
            assert html.escape(node.patron) in shown


def test_escalations_and_referrals_lead_to_ask_at_the_desk(site: Published) -> None:
    wifi = read(site, "wifi.html")
    # "It's a work or school laptop" leads to a referral to the employer's IT.
    assert f'<a href="#{DESK}">It&#x27;s a work or school laptop' in wifi
    assert f'<section class="part desk" id="{DESK}"' in wifi


def test_the_desk_shows_the_sites_public_contact_and_hours(site: Published) -> None:
    page = read(site, "usb.html")
    assert '<dt>Phone</dt>\n<dd><a href="tel:5550142">555-0142</a></dd>' in page
    url = "https://library.example.org/help"
    assert f'<dt>On the web</dt>\n<dd><a href="{url}">{url}</a></dd>' in page
    assert (
        "<dt>Opening hours</dt>\n<dd>Monday to Thursday: 09:00 to 20:00<br>\n"
        "Saturday: 10:00 to 16:00</dd>"
    ) in page


def test_a_site_without_a_public_contact_leaves_it_out(trees: dict[str, Tree]) -> None:
    page = page_of(trees["wifi"], trees.get)
    assert page is not None
    shown = render_page(page, Settings())
    assert "<dl>" not in shown and "tel:" not in shown
    assert '<h2 id="ask-at-the-desk-h">Ask at the desk</h2>' in shown


def test_a_goto_into_another_published_tree_links_to_its_page(site: Published) -> None:
    wifi = read(site, "wifi.html")
    assert '<a href="print.html#network">I&#x27;m online, but I can&#x27;t find' in wifi


def test_each_choice_prints_the_part_it_leads_to(site: Published) -> None:
    wifi = read(site, "wifi.html")
    assert re.search(r'<span class="print-only">&nbsp;\(go to part \d+\)</span>', wifi)
    assert '<span class="print-only">&nbsp;(go to Ask at the desk)</span>' in wifi


def test_pages_have_landmarks_a_language_and_no_script(site: Published) -> None:
    for name, page in every_page(site):
        assert page.startswith('<!doctype html>\n<html lang="en">'), name
        for landmark in ("<header>", "<nav ", '<main id="main">', "<h1>"):
            assert landmark in page, (name, landmark)
        assert ("<script>" in page) is (name == "index.html"), name


HOSTILE = """
title: Hostile
summary: S
symptoms: ["<img src=x onerror=alert(1)>", b, c]
self_help: {title: "<b>Bold</b> & <script>alert('t')</script>", start: a}
start: a
nodes:
  a:
    step: Staff only.
    patron: "<script>alert(1)</script> \\u001b[31mred\\u001b[0m"
    fixed: done
    not_fixed: it
  done: {resolved: Fine., patron: "</section><a href=javascript:alert(1)>x</a>"}
  it: {escalate: Broken., workaround: Another.}
"""


def test_html_and_script_in_a_tree_are_shown_as_text_never_run() -> None:
    tree = tree_of(HOSTILE)
    page = page_of(tree, lambda _: None)
    assert page is not None
    settings = Settings(library="<i>Lib</i>", public_phone="<b>555</b>")
    for shown in (render_page(page, settings), render_index([page], settings)):
        assert "<script>alert" not in shown and "<b>" not in shown and "<i>" not in shown
        assert "<img" not in shown and "javascript:alert(1)>" not in shown
        assert "\x1b" not in shown
    shown = render_page(page, settings)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; red</p>" in shown
    assert "&lt;/section&gt;&lt;a href=javascript:alert(1)&gt;x&lt;/a&gt;" in shown
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;script&gt;alert(&#x27;t&#x27;)" in shown
    assert '<a href="tel:555">&lt;b&gt;555&lt;/b&gt;</a>' in shown
    index = render_index([page], settings)
    assert 'data-search="&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;script&gt;' in index


def test_a_tree_whose_start_is_staff_only_has_no_page() -> None:
    tree = tree_of(
        HOSTILE.replace(
            "    step: Staff only.\n", "    step: Staff only.\n    admin: IT.\n    no_admin: it\n"
        )
    )
    assert page_of(tree, lambda _: None) is None


def test_the_index_lists_each_problem_in_patron_words_with_a_hidden_search(
    site: Published,
) -> None:
    index = read(site, "index.html")
    assert (
        '<a href="wifi.html">Get online with the library Wi-Fi, or find its login page</a>' in index
    )
    assert '<form id="search" class="search" role="search" hidden>' in index
    assert "<noscript><p>To search this list, use Find in your browser" in index
    assert SETTINGS.public_phone in index
