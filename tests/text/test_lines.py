"""Tree text laid out in lines: paragraphs wrapped at spaces, lists kept, code as typed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from troubleshoot.text.lines import (
    Block,
    Kind,
    blocks,
    is_one_line,
    lay_out,
    plain,
    unescape,
    width_of,
)

STEPS = """\
Ask the patron to sign in at the release station. Never ask for a card number.

1. Open Devices and pick B\\&W.
2. Type the path below, long enough to wrap at the edge.
   It is still step two.
- Check the tray
  - then the door

```
\\\\print01\\queue  \\&
```
Done."""


def test_text_becomes_paragraphs_items_and_code_with_the_blank_lines_between() -> None:
    assert blocks(STEPS) == (
        Block(
            Kind.PARAGRAPH,
            "Ask the patron to sign in at the release station. Never ask for a card number.",
        ),
        Block(Kind.BLANK),
        Block(Kind.ITEM, "Open Devices and pick B&W.", "1."),
        Block(
            Kind.ITEM,
            "Type the path below, long enough to wrap at the edge. It is still step two.",
            "2.",
        ),
        Block(Kind.ITEM, "Check the tray", "-"),
        Block(Kind.ITEM, "then the door", "-", indent=2),
        Block(Kind.BLANK),
        Block(Kind.CODE, code=("\\\\print01\\queue  \\&",)),
        Block(Kind.PARAGRAPH, "Done."),
    )


def test_lines_wrap_at_spaces_items_hang_under_their_text_and_code_is_never_wrapped() -> None:
    assert lay_out(STEPS, 40, first="STEP: ", indent="  ") == [
        "STEP: Ask the patron to sign in at the",
        "  release station. Never ask for a card",
        "  number.",
        "",
        "  1. Open Devices and pick B&W.",
        "  2. Type the path below, long enough to",
        "     wrap at the edge. It is still step",
        "     two.",
        "  - Check the tray",
        "    - then the door",
        "",
        "      \\\\print01\\queue  \\&",
        "  Done.",
    ]


def test_without_a_width_each_block_keeps_its_own_line() -> None:
    assert lay_out("Steps:\n1. Restart\n2. Sign in\n\nThen wait.") == [
        "Steps:",
        "1. Restart",
        "2. Sign in",
        "",
        "Then wait.",
    ]


def test_a_list_or_code_first_starts_below_its_label() -> None:
    assert lay_out("1. one\n2. two", 40, first="Offer: ", indent="  ") == [
        "Offer:",
        "  1. one",
        "  2. two",
    ]
    assert lay_out("```\nnet stop spooler\n```", None, first="IT must: ", indent="  ") == [
        "IT must:",
        "      net stop spooler",
    ]


def test_single_line_text_reads_as_it_did_folded_on_one_line() -> None:
    assert lay_out("  Restart   the\tPC  ", 80, first="STEP: ") == ["STEP: Restart the PC"]
    assert lay_out("Restart\nthe PC") == ["Restart the PC"]
    assert is_one_line("Restart\nthe PC")
    assert not is_one_line("1. Restart")
    assert not is_one_line("Restart.\n\nThen wait.")


def test_a_word_wider_than_the_line_is_the_only_thing_broken() -> None:
    assert lay_out("see https://help.example.org/printing/release now", 20, indent="  ") == [
        "see",
        "  https://help.examp",
        "  le.org/printing/re",
        "  lease now",
    ]


def test_wide_characters_take_two_columns() -> None:
    assert lay_out("印刷 印刷 印刷 印刷", 10) == ["印刷 印刷", "印刷 印刷"]


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("B\\&W", "B&W"),
        ("\\*not bold\\* and \\_not\\_ and \\#1", "*not bold* and _not_ and #1"),
        ("a \\\\ b", "a \\ b"),
        ("\\`tick\\`", "`tick`"),
        ("C:\\Users\\patron", "C:\\Users\\patron"),  # a backslash before a letter stays
        ("type `\\\\server\\share \\&` here", "type `\\\\server\\share \\&` here"),
        ("``a ` b \\&``", "``a ` b \\&``"),
        ("an unclosed ` tick \\&", "an unclosed ` tick &"),
        ("<PC number> and 🖨️", "<PC number> and 🖨️"),
        ("trailing \\", "trailing \\"),
    ],
)
def test_markdown_escapes_show_the_plain_character_outside_code(typed: str, shown: str) -> None:
    assert unescape(typed) == shown
    assert lay_out(typed) == [shown]


def test_control_characters_are_still_removed() -> None:
    assert lay_out("\x1b[2Jclear\n```\nco\x07de\n```") == ["clear", "    code"]


def test_an_unclosed_fence_keeps_the_rest_as_code() -> None:
    assert lay_out("Type:\n```\n  dir /b\n\n  exit") == ["Type:", "      dir /b", "", "      exit"]


def test_plain_folds_every_block_onto_one_line() -> None:
    assert plain(STEPS) == (
        "Ask the patron to sign in at the release station. Never ask for a card number. "
        "1. Open Devices and pick B&W. 2. Type the path below, long enough to wrap at the "
        "edge. It is still step two. - Check the tray - then the door "
        "\\\\print01\\queue \\& Done."
    )


@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200),
    st.integers(12, 100),
)
def test_no_word_is_lost_and_no_wrapped_line_runs_over(text: str, width: int) -> None:
    laid = lay_out(text, width, first="> ", indent="  ")
    code = {
        f"      {line}".rstrip() for b in blocks(text) if b.kind is Kind.CODE for line in b.code
    }
    assert [line for line in laid if width_of(line) > width and line not in code] == []
    assert "".join("".join(laid).split()) == ">" + "".join(plain(text).split())
