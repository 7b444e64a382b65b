from __future__ import annotations

from troubleshoot.lint import invisible

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
start: q
nodes:
  q:
    ask: Which one?
    answers:
      - {text: This one, next: b}
      - {text: {answer}, next: b}
  b: {step: {step}, fixed: done, not_fixed: it, cannot: it}
  done: {resolved: Works now.}
  it: {escalate: Broken., workaround: Use another.}
"""


def tree(answer: str = "That one", step: str = "Restart it.") -> str:
    return TREE.replace("{answer}", answer).replace("{step}", step)


def test_text_without_invisible_characters_passes() -> None:
    assert problems(tree(), invisible) == []


def test_an_answer_of_only_zero_width_spaces_shows_as_blank() -> None:
    text = tree(answer='"\\u200b\\u200b"')
    line, col = spot(text, '{text: "')
    assert messages(text, invisible) == [
        f"t.yaml:{line}:{col}: warning: node 'q': answers[2]: text: shows as blank: it holds "
        "only invisible characters (U+200B); write the words, or delete it"
    ]


def test_a_step_of_a_byte_order_mark_and_a_word_joiner_shows_as_blank() -> None:
    text = tree(step='"\\ufeff \\u2060"')
    line, col = spot(text, "{step:")
    assert messages(text, invisible) == [
        f"t.yaml:{line}:{col}: warning: node 'b': step: shows as blank: it holds only "
        "invisible characters (U+FEFF, U+2060); write the words, or delete it"
    ]


def test_a_zero_width_space_written_inside_a_word_is_a_warning() -> None:
    text = tree(step="Re\u200bstart it.")
    line, col = spot(text, "{step:")
    assert messages(text, invisible) == [
        f"t.yaml:{line}:{col}: warning: node 'b': step: holds 1 invisible character(s) "
        "(U+200B), which stop staff's words from matching it; delete them"
    ]


def test_a_joiner_between_letters_of_a_script_that_uses_it_passes() -> None:
    assert (
        problems(tree(answer="\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"), invisible) == []
    )


def test_a_joiner_beside_ascii_letters_is_a_warning() -> None:
    found = messages(tree(answer="Th\u200dis one"), invisible)
    assert [row.split(": warning: ")[1] for row in found] == [
        "node 'q': answers[2]: text: holds 1 invisible character(s) (U+200D), which stop "
        "staff's words from matching it; delete them"
    ]
