"""Typed text shows as typed, tree text keeps its Markdown, and nothing in either acts.

Each test reads the Markdown back with a CommonMark parser and compares what a
reader would see (and copy) with what was typed or written in the tree.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.rendered import read
from troubleshoot.text.markdown import blocks, code, inline, item, literal

#: Pieces that mean something to a Markdown viewer, mixed into arbitrary text.
SPECIAL = [
    "\\", "`", "``", "*", "_", "[", "]", "<", ">", "&", "#", "1.", "2)", "-", "+", "=",
    "|", "!", "~", "(", ")", ":", "&amp;", "&#x202E;", "<!--", "-->", "<b>", "</b>",
    "](", "[x]: http://y", "[x]", "![i](j)", "<http://a.example>", "***", "---", " ",
    "\\.", "\\\\", "C:\\Users\\", "a_b", "_a_", "**b**",
]  # fmt: skip
PRINTABLE = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))
TYPED = st.lists(st.sampled_from(SPECIAL) | st.text(PRINTABLE, max_size=5), max_size=12).map(
    "".join
)
#: Tree text may also span lines, open fences and start lists.
LINE_PIECES = [
    *SPECIAL, "```", "~~~", "```sh", "  ", "    ", "- ", "1. ", "2. ", "> ", "\n", "\n\n",
    "\n```\n", "\n  ```\n", "\n   ~~~", "\n    ```\n",
]  # fmt: skip
TREE_TEXT = st.lists(
    st.sampled_from(LINE_PIECES) | st.text(PRINTABLE, max_size=5), max_size=16
).map("".join)


def folded(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("head", ["", "- ", "- Note: ", "**Staff:** "])
@given(typed=TYPED)
def test_typed_text_renders_exactly_as_typed_and_never_acts(head: str, typed: str) -> None:
    shown = read(f"{head}{literal(typed)}\n\n- next\n")
    assert shown.acting == []
    assert shown.text == folded(f"{head.strip('-* ').replace('**', '')} {typed} next")


@given(text=TREE_TEXT)
def test_tree_text_never_links_or_runs_html(text: str) -> None:
    markdown = "\n".join(["- Tree: x", *item("- Offer: ", blocks(text)), "- Next: y", ""])
    shown = read(markdown)
    assert shown.acting == []
    assert shown.blocks[-1] == "Next: y"  # nothing the tree wrote swallowed the rest


@given(text=TREE_TEXT)
def test_tree_text_on_one_line_never_links_or_runs_html(text: str) -> None:
    shown = read(f"- {inline(text)} **fixed**\n")
    assert shown.acting == []
    assert shown.blocks[-1].endswith("fixed")


@pytest.mark.parametrize(
    "typed",
    [
        "C:\\Users\\Ana\\.config\\app",
        "[it]: http://evil.example",
        "<!-- hides the rest",
        "<script>alert(1)</script>",
        "&#x202E; &amp;",
        "# not a heading",
        "1. not a list",
        "> not a quote",
        "- not an item",
        "`C:\\Users\\<username>`",
        "ends in a backslash \\",
        "*not* _emphasis_ **bold** ~~gone~~ | a | b |",
    ],
)
def test_typed_examples_render_as_typed(typed: str) -> None:
    shown = read(f"- Note: {literal(typed)}\n")
    assert shown.text == f"Note: {typed}"
    assert shown.acting == [] and shown.codes == []


def test_a_typed_path_keeps_every_backslash_and_stays_readable_in_the_file() -> None:
    assert literal("C:\\Users\\Ana\\.config\\app") == "C:\\Users\\Ana\\\\.config\\app"
    assert read(literal("C:\\Users\\Ana\\.config\\app")).text == "C:\\Users\\Ana\\.config\\app"


def test_typed_text_is_escaped_only_where_a_viewer_would_act() -> None:
    assert literal("my_file_name B&W a > b") == "my_file_name B&W a > b"
    assert literal("[it]: http://x") == "\\[it\\]: http://x"
    assert literal("two\nlines") == "two lines"


def test_a_code_span_in_a_tree_keeps_its_backslashes_and_brackets() -> None:
    written = "Open `C:\\Users\\<username>` in File Explorer."
    assert inline(written) == written
    shown = read(f"- {inline(written)}\n")
    assert shown.codes == ["C:\\Users\\<username>"]
    assert shown.text == "Open C:\\Users\\<username> in File Explorer."


def test_a_reference_link_in_a_tree_cannot_reach_a_typed_link_definition() -> None:
    note = literal("[it]: http://evil.example")
    workaround = inline("Send them to [the IT portal][it].")
    shown = read(f"- Workaround: {workaround}\n- Note: {note}\n")
    assert "<a" not in shown.html and shown.acting == []
    assert shown.text == (
        "Workaround: Send them to [the IT portal][it]. Note: [it]: http://evil.example"
    )


@pytest.mark.parametrize(
    ("written", "seen"),
    [
        ("Type <username> then Enter", "Type <username> then Enter"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("<!-- hidden --> rest", "<!-- hidden --> rest"),
        ("See [the guide](http://x.example).", "See [the guide](http://x.example)."),
        ("![logo](http://x.example/a.png)", "![logo](http://x.example/a.png)"),
        ("Go to <http://x.example>", "Go to <http://x.example>"),
        ("[portal]: http://evil.example", "[portal]: http://evil.example"),
        ("&#x202E;gnp.exe", "&#x202E;gnp.exe"),
        ("Print in B\\&W", "Print in B&W"),
        ("Press *Print* then `Ctrl+P`", "Press Print then Ctrl+P"),
        ("An open ` backtick <b>", "An open ` backtick <b>"),
        ("```![i](j)```", "![i](j)"),
    ],
)
def test_tree_text_keeps_its_markdown_and_shows_what_would_act(written: str, seen: str) -> None:
    shown = read(f"- {inline(written)}\n")
    assert shown.acting == []
    assert shown.text == seen


MULTI_LINE = """\
Try these in order.

1. Sign out of the PC.
2. Open `C:\\Users\\<username>\\AppData`.
3. Delete the folder:

   ```
   rd /s "%LOCALAPPDATA%\\<app>"
   ```

- If it fails, <b>stop</b>.
- Call [IT](http://it.example).
"""


def test_multi_line_tree_text_stays_paragraphs_a_list_and_fenced_code() -> None:
    markdown = "\n".join(
        ["## Offered", "", *item("- Workaround: ", blocks(MULTI_LINE)), "- Next: y", ""]
    )
    shown = read(markdown)
    assert shown.acting == []
    assert shown.types.count("bullet_list_open") == 2  # the hand-off's list, the tree's
    assert shown.types.count("ordered_list_open") == 1
    assert 'rd /s "%LOCALAPPDATA%\\<app>"\n' in shown.codes
    assert "C:\\Users\\<username>\\AppData" in shown.codes
    assert shown.blocks == [
        "Offered",
        "Workaround: Try these in order.",
        "Sign out of the PC.",
        "Open C:\\Users\\<username>\\AppData.",
        "Delete the folder:",
        'rd /s "%LOCALAPPDATA%\\<app>"\n',
        "If it fails, <b>stop</b>.",
        "Call [IT](http://it.example).",
        "Next: y",
    ]


def test_a_fence_left_open_is_closed_so_the_hand_off_goes_on() -> None:
    lines = item("- Workaround: ", blocks("Run:\n```\n<oops>"))
    assert lines == ["- Workaround: Run:", "  ```", "  <oops>", "  ```"]
    assert read("\n".join([*lines, "- Next: y"])).blocks[-1] == "Next: y"


def test_a_fence_ends_where_its_list_item_ends_and_the_text_after_is_escaped() -> None:
    lines = blocks("- x\n  ```\n  <i>code</i>\n<b>hi</b>")
    assert lines == ["- x", "  ```", "  <i>code</i>", "  ```", "\\<b>hi\\</b>"]
    shown = read("\n".join(item("- Offer: ", lines)))
    assert shown.acting == [] and shown.codes == ["<i>code</i>\n"]
    assert shown.blocks[-1] == "<b>hi</b>"


def test_text_that_starts_with_a_list_starts_below_the_item_and_tail_stays_on_it() -> None:
    assert item("- ", blocks("- one\n- two"), " **fixed**") == [
        "- **fixed**",
        "",
        "  - one",
        "  - two",
    ]
    assert item("- ", blocks("Restart.\nWait."), " **fixed**") == [
        "- Restart.",
        "  Wait. **fixed**",
    ]
    assert item("- Why: ", []) == ["- Why:"]


def test_a_trailing_backslash_in_tree_text_is_kept_before_what_follows() -> None:
    written = inline("Open C:\\")
    assert read(f"- {written} (fixed)\n").text == "Open C:\\ (fixed)"


@pytest.mark.parametrize(
    ("text", "span"),
    [("printer#release", "`printer#release`"), ("a`b", "``a`b``"), ("`a", "`` `a ``")],
)
def test_ids_are_code_spans_whatever_they_hold(text: str, span: str) -> None:
    assert code(text) == span
    assert read(span).codes == [text]
