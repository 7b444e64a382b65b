"""Making text from files and people safe to show, on a terminal and in a spreadsheet."""

from __future__ import annotations

import pytest

from troubleshoot.text import clean, one_line, spreadsheet


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J\x1b[Hclear", "clear"),
        ("\x1b]0;title\x07after", "after"),
        ("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("\x9b31mred", "red"),
        ("bell\x07 back\x08space", "bell backspace"),
        ("over\rwrite", "overwrite"),
        ("\u202egnp.exe", "gnp.exe"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("[red]x[/red] :smile:", "[red]x[/red] :smile:"),
    ],
)
def test_clean_removes_what_a_terminal_would_act_on(text: str, shown: str) -> None:
    assert clean(text) == shown


def test_one_line_folds_lines_and_runs_of_space() -> None:
    assert one_line("  a\n\n b\t c \x1b[2J ") == "a b c"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x","Click")', '\'=HYPERLINK("http://x","Click")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("desk#release", "desk#release"),
        ("a=b", "a=b"),
        (3, 3),
        (-1.5, -1.5),
        (None, None),
    ],
)
def test_text_a_spreadsheet_would_run_is_made_plain_text(value: object, cell: object) -> None:
    assert spreadsheet(value) == cell
