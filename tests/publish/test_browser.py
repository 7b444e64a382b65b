"""The self-help pages in a real browser: search, a walk to an end, no script, a11y.

Chromium comes from the system's packages (``apt-get install chromium``) and is
driven through Playwright (``pip install '.[browser]'``); no browser is ever
downloaded. axe-core (``npm install axe-core``) checks accessibility; it is found
through ``AXE_CORE_JS`` or a ``node_modules`` folder at the project root. Without
any of these the tests skip and say which is missing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.publish.conftest import every_page
from tests.publish.test_pages import staff_texts
from troubleshoot.publish.site import Published
from troubleshoot.tree.model import Tree

CHROMIUM = [p for p in ("/usr/bin/chromium", shutil.which("chromium") or "") if p]


def _chromium() -> str:
    for path in CHROMIUM:
        if os.access(path, os.X_OK):
            return path
    pytest.skip("no Chromium on this machine (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (pip install '.[browser]')"
    )
    executable = _chromium()
    with sync_api.sync_playwright() as playwright:
        try:
            # --no-sandbox: CI runs as root, where Chromium's sandbox will not start.
            chromium = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        except Exception as e:  # a broken install: say so rather than fail the suite
            pytest.skip(f"Chromium at {executable} would not start: {str(e).splitlines()[0]}")
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 800, "height": 1000})
    yield context.new_page()
    context.close()


def url(site: Published, name: str) -> str:
    return (site.folder / name).as_uri()


def test_searching_the_index_narrows_the_list_as_the_patron_types(
    page: Any, site: Published
) -> None:
    page.goto(url(site, "index.html"))
    box = page.get_by_label("Search the problems")
    assert box.is_visible()  # the script shows the box it can serve
    box.fill("hoopla")
    visible = page.locator(".pages li:visible a")
    assert visible.all_inner_texts() == ["Libby or hoopla won't work on your phone or tablet"]
    assert page.locator("#count").inner_text() == "1 problem matches"
    box.fill("printer")  # a patron's word from a symptom, not the title
    assert "Print from your phone, tablet, laptop or the print website" in (
        visible.all_inner_texts()
    )
    box.fill("")
    assert visible.count() == len(site.pages)


def test_a_patron_follows_a_page_from_the_index_to_an_end(page: Any, site: Published) -> None:
    page.goto(url(site, "index.html"))
    page.get_by_role("link", name="Get online with the library Wi-Fi").click()
    assert page.url.endswith("/wifi.html")
    page.get_by_role("link", name="It says connected, but there is no internet").click()
    step = page.locator("section:target")
    assert step.get_attribute("id") == "open_plain_page"
    assert "go to neverssl.com" in step.inner_text()
    step.get_by_role("link", name="That worked").click()
    end = page.locator("section:target")
    assert end.get_attribute("id") == "done_online"
    assert "Done. You can close this page" in end.inner_text()


def test_a_way_on_for_staff_leads_to_ask_at_the_desk_with_the_contact(
    page: Any, site: Published
) -> None:
    page.goto(url(site, "wifi.html"))
    page.get_by_role("link", name="It's a work or school laptop").first.click()
    desk = page.locator("section:target")
    assert desk.get_attribute("id") == "ask-at-the-desk"
    assert "Ask at the desk" in desk.inner_text() and "555-0142" in desk.inner_text()


def test_no_admin_or_staff_text_is_on_any_page_as_shown(
    page: Any, site: Published, trees: dict[str, Tree]
) -> None:
    staff = set().union(*(staff_texts(tree) for tree in trees.values()))
    for name, _ in every_page(site):
        page.goto(url(site, name))
        shown = page.locator("body").inner_text()
        assert [t for t in staff if t in shown] == [], name


def test_every_page_works_without_script(browser: Any, site: Published) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url(site, "index.html"))
    assert not page.locator("#search").is_visible()  # no box that could not search
    assert page.locator(".pages li:visible").count() == len(site.pages)
    page.get_by_role("link", name="Your USB drive won't work").click()
    page.get_by_role("link", name="Files I saved are missing").click()
    assert page.locator("section:target").get_attribute("id") == "lost_where"
    context.close()


def test_choices_are_large_targets_with_a_visible_focus(page: Any, site: Published) -> None:
    page.goto(url(site, "print.html"))
    for box in page.locator(".choices a, nav a").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().height)"
    ):
        assert box >= 44
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_a_printed_page_drops_the_links_and_says_where_each_choice_goes(
    page: Any, site: Published
) -> None:
    page.goto(url(site, "usb.html"))
    page.emulate_media(media="print")
    assert not page.locator("header nav").is_visible()
    first = page.locator(".choices a").first.inner_text()
    assert first.startswith("Nothing happens when I plug in my drive") and "(go to part 2)" in first


def _axe() -> str:
    named = os.environ.get("AXE_CORE_JS", "")
    for candidate in (named, str(ROOT / "node_modules" / "axe-core" / "axe.min.js")):
        if candidate and Path(candidate).is_file():
            return Path(candidate).read_text(encoding="utf-8")
    pytest.skip("axe-core not found (npm install axe-core; or set AXE_CORE_JS)")


def test_no_serious_accessibility_problems_on_any_page(page: Any, site: Published) -> None:
    axe = _axe()
    found = {}
    for name, _ in every_page(site):
        page.goto(url(site, name))
        page.add_script_tag(content=axe)
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        serious = [
            f"{v['id']}: {v['help']}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            found[name] = serious
    assert found == {}
