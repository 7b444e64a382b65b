"""The ``self_help:`` block and ``patron:`` texts as trainers write them."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_tree
from troubleshoot.tree import cache
from troubleshoot.tree.loader import parse_tree
from troubleshoot.tree.model import Question, SelfHelp, Step

TREE = """
title: T
summary: S
symptoms: [a, b, c]
self_help: {title: Get online, start: q, short: wifi-help}
start: q
nodes:
  q:
    ask: What does the patron see?
    patron: What do you see?
    answers:
      - {text: No login page, next: a, patron: There is no login page}
      - {text: Offline, next: it}
  a: {step: Ask them to open a page., patron: Open neverssl.com., fixed: it, not_fixed: it}
  it: {escalate: Down., workaround: Lend a laptop.}
"""


def test_self_help_and_patron_texts_are_read_and_kept_through_the_cache(tmp_path: Path) -> None:
    path = write_tree(tmp_path, "t", TREE)
    tree, problems = cache.parse(path)
    assert problems == [] and tree is not None
    assert tree.self_help == SelfHelp("Get online", "q", "wifi-help", (4, 12), (4, 39))
    question = tree.nodes["q"]
    assert isinstance(question, Question) and question.patron == "What do you see?"
    assert [a.patron for a in question.answers] == ["There is no login page", ""]
    step = tree.nodes["a"]
    assert isinstance(step, Step) and step.patron == "Open neverssl.com."
    again, _ = cache.parse(path)  # now from the cache file
    assert again == tree


def test_a_self_help_start_that_names_no_node_is_reported_at_it(tmp_path: Path) -> None:
    path = write_tree(tmp_path, "t", TREE.replace("start: q, short", "start: qq, short"))
    _, problems = parse_tree(path)
    assert [str(p) for p in problems] == [
        f"{path}:4:39: error: self_help: start: unknown node 'qq' (did you mean 'q'?)"
    ]


def test_a_short_address_must_be_short_and_plain(tmp_path: Path) -> None:
    path = write_tree(tmp_path, "t", TREE.replace("short: wifi-help", "short: ../wifi"))
    _, problems = parse_tree(path)
    assert [str(p) for p in problems] == [
        f"{path}:4:49: error: self_help: short: '../wifi' is not a short address"
        " (up to 32 lower case letters, digits and -)"
    ]
