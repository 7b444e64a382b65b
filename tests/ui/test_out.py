"""Plain lines out, and the styled lines above an arrow-key menu."""

from __future__ import annotations

import io

import pytest

from troubleshoot.ui import out


class Terminal(io.StringIO):
    """A screen that says it is a terminal, as a desk PC's console does."""

    def isatty(self) -> bool:
        return True


PIECES = [("bold cyan", "STEP"), ("", " Restart the PC.\n"), ("dim", "  It takes a minute.")]


def test_a_terminal_gets_bold_and_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    screen = Terminal()
    out.styled(PIECES, screen)
    assert screen.getvalue() == (
        "\x1b[1;36mSTEP\x1b[0m Restart the PC.\n\x1b[2m  It takes a minute.\x1b[0m\n"
    )


def test_no_color_keeps_bold_and_drops_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm")
    screen = Terminal()
    out.styled(PIECES, screen)
    assert screen.getvalue() == (
        "\x1b[1mSTEP\x1b[0m Restart the PC.\n\x1b[2m  It takes a minute.\x1b[0m\n"
    )


def test_a_file_or_a_dumb_terminal_gets_the_words_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    for screen in (Terminal(), io.StringIO()):
        out.styled(PIECES, screen)
        assert screen.getvalue() == "STEP Restart the PC.\n  It takes a minute.\n"


def test_text_from_a_tree_cannot_style_the_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    screen = Terminal()
    out.styled([("bold", "QUESTION"), ("", " \x1b[2J\x1b]0;owned\x07Which PC?")], screen)
    assert screen.getvalue() == "\x1b[1mQUESTION\x1b[0m Which PC?\n"
