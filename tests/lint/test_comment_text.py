from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from troubleshoot import yamlsafe
from troubleshoot.lint import comment_text
from troubleshoot.tree.loader import parse_tree

from .common import messages, problems, spot

TREE = """
title: Kiosk
summary: S
symptoms: [a, b, c]
start: kiosk
nodes:
  kiosk:
    step: {step}
    fixed: done  # the end
    not_fixed: it
    cannot: it
  done: {resolved: Works now.}
  it: {escalate: Broken., workaround: Use another.}
"""


def tree(step: str) -> str:
    return TREE.replace("{step}", step)


def test_quoted_text_with_a_hash_passes_and_so_does_a_comment_after_a_node_id() -> None:
    assert problems(tree('"Restart kiosk #3 from the menu."'), comment_text) == []


def test_a_hash_after_a_space_in_unquoted_text_is_a_warning_at_the_hash() -> None:
    text = tree("Restart kiosk #3 from the menu.")
    line, col = spot(text, " #3")
    assert messages(text, comment_text) == [
        f"t.yaml:{line}:{col + 1}: warning: node 'kiosk': step: \" #\" starts a comment "
        'here, so the text ends at "Restart kiosk"; put the whole text in quotes (a note for '
        "trainers goes on a line of its own)"
    ]


def test_a_hash_inside_a_word_is_not_a_comment() -> None:
    assert problems(tree("Press the C# key."), comment_text) == []


def test_an_answer_cut_short_names_its_place_in_the_list() -> None:
    text = tree("Restart it.").replace(
        "  done: {resolved: Works now.}",
        "  q:\n    ask: Which?\n    answers:\n      - text: Kiosk #3\n        next: done\n"
        "      - {text: Another, next: done}\n  done: {resolved: Works now.}",
    )
    line, col = spot(text, " #3")
    assert messages(text, comment_text) == [
        f"t.yaml:{line}:{col + 1}: warning: node 'q': answers[1]: text: \" #\" starts a comment "
        'here, so the text ends at "Kiosk"; put the whole text in quotes (a note for '
        "trainers goes on a line of its own)"
    ]


def test_a_symptom_in_a_block_list_cut_short_is_a_warning() -> None:
    text = tree("Restart it.").replace(
        "symptoms: [a, b, c]", "symptoms:\n  - it ate my dollar #2\n  - b\n  - c"
    )
    line, col = spot(text, " #2")
    assert messages(text, comment_text) == [
        f't.yaml:{line}:{col + 1}: warning: symptoms[1]: " #" starts a comment here, so the '
        'text ends at "it ate my dollar"; put the whole text in quotes (a note for trainers '
        "goes on a line of its own)"
    ]


@pytest.mark.skipif(not yamlsafe.HAVE_LIBYAML, reason="compares libyaml with the pure reader")
def test_the_place_is_the_same_with_and_without_libyaml(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    text = tree("Redémarrez le kiosque #3.").lstrip("\n")
    path = tmp_path / "kiosk.yaml"
    with_c, _ = parse_tree(path, text)
    monkeypatch.setattr(yamlsafe, "ComposeLoader", yaml.SafeLoader)
    monkeypatch.setattr(yamlsafe, "Loader", yaml.SafeLoader)
    pure, _ = parse_tree(path, text)
    assert with_c is not None and pure is not None
    assert with_c.cut_texts == pure.cut_texts
    assert [c.pos for c in pure.cut_texts] == [(7, 33)]
