"""Text from a tree is shown as typed: it cannot clear the screen, fake a prompt or restyle.

The tree below carries terminal escapes (clear screen, cursor moves, window title,
hidden text, colour, hyperlinks), a carriage return that would let a line overwrite
itself, a direction override, Rich markup, emoji codes and Markdown that a viewer
would act on. Every place that shows tree text is checked: the plain walk, the
list, the rich hand-off, the arrow-key prompt's header, the saved hand-off file and
``check``'s messages.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from tests.conftest import write_tree
from tests.rendered import read
from troubleshoot.handoff import deliver
from troubleshoot.tree.catalog import Catalog
from troubleshoot.ui import tables, views
from troubleshoot.ui.console import make_console
from troubleshoot.ui.interactive import InteractivePrompter
from troubleshoot.walk import engine
from troubleshoot.walk.prompts import Choose, GiveFact, Notice

EVIL = r"""
title: "\e[2J\e[HPrinter [red]ALARM[/red] :smile:"
summary: "\e]0;owned\a[link=http://evil.example]click[/link] \u202Egnp.exe"
symptoms: ["\e[31mred\e[0m"]
collect: ["Printer \e[8mhidden\e[28m name"]
start: where
nodes:
  where:
    ask: "\e[5AWhere? [bold]now[/bold] :warning:"
    detail: "\x9b2J detail\r> fake prompt"
    answers:
      - {text: "\e[1mPC\e[0m [green]ok[/green]", next: release}
      - {text: "Laptop :laptop:", next: stuck}
  release:
    step: "Release [i]it[/i] \e[?25l"
    detail: "<!-- hide the rest --> [x](http://evil.example)"
    fixed: done
    not_fixed: spooler
  spooler:
    step: "Restart the spooler [u]now[/u]"
    admin: "Restart \e]8;;http://evil.example\e\\link\e]8;;\e\\ spooler :gear:"
    no_admin: stuck
    fixed: done
    not_fixed: stuck
  done:
    resolved: "Done \e[2K:tada:"
  stuck:
    escalate: "Stuck \e[2J[blink]now[/blink]"
    workaround: "Use \e[31manother\e[0m printer :printer: &#x202E;"
"""

#: What must appear exactly as typed.
LITERAL = [
    "[red]ALARM[/red] :smile:",
    "[bold]now[/bold] :warning:",
    "[green]ok[/green]",
    "Laptop :laptop:",
]
#: What must never reach the screen or a file.
FORBIDDEN = ["\x1b", "\x07", "\x9b", "\r", "\u202e", "\u2713", "\U0001f604", "\u26a0"]
T0 = dt.datetime(2026, 11, 23, 10, 0)


@pytest.fixture
def evil(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "trees"
    write_tree(folder, "evil", EVIL)
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(folder))
    return folder


def assert_harmless(shown: str) -> None:
    for bad in FORBIDDEN:
        assert bad not in shown, f"{bad!r} reached the output"


def test_plain_walk_shows_tree_text_as_typed(cli, evil: Path, private_data: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(["evil", "--plain"], input="1\n2\nHP 4\n")
    assert result.code == 0, result.err
    assert_harmless(result.out + result.err)
    for text in LITERAL:
        assert text in result.out
    assert "QUESTION: Where? [bold]now[/bold] :warning:" in result.out
    assert "  detail> fake prompt\n" in result.out  # on the question's own line, not a new one
    assert "[blink]now[/blink]" in result.out
    (saved,) = (private_data / "handoffs").glob("*.md")
    markdown = saved.read_text(encoding="utf-8")
    assert_harmless(markdown)
    shown = read(markdown)
    assert shown.acting == []
    assert "Hand-off: Printer [red]ALARM[/red] :smile:" in shown.blocks
    assert "Workaround given to the patron: Use another printer :printer: &#x202E;" in shown.blocks
    assert "Printer hidden name: HP 4" in shown.blocks


def test_saved_hand_off_keeps_markdown_from_acting(cli, evil: Path, private_data: Path) -> None:  # type: ignore[no-untyped-def]
    cli(["evil", "--plain"], input="1\nn\n<!-- hidden --> [go](http://evil.example)\n2\n\n")
    (saved,) = (private_data / "handoffs").glob("*.md")
    markdown = saved.read_text(encoding="utf-8")
    shown = read(markdown)
    assert "<!-- hidden --> [go](http://evil.example)" in shown.blocks
    assert shown.acting == [] and "<!--" not in shown.html and "<a" not in shown.html


def test_picker_lists_titles_as_typed(cli, evil: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(["run", "--plain"], input="")
    assert result.code == 3
    assert_harmless(result.out)
    assert "Printer [red]ALARM[/red] :smile:: [link=http://evil.example]click" in result.out


def test_list_shows_tree_text_as_typed(cli, evil: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(["list"])
    assert result.code == 0
    assert_harmless(result.out)
    assert "[red]ALARM[/red]" in result.out and ":smile:" in result.out


def test_the_tree_list_is_literal(evil: Path) -> None:
    tree = Catalog([evil]).load("evil")
    shown = "\n".join(
        tables.table(("id", "title", "summary"), [(tree.id, tree.title, tree.summary)], 200)
    )
    assert "[red]ALARM[/red] :smile:" in shown
    assert "[link=http://evil.example]click[/link]" in shown
    assert_harmless(shown)


def test_arrow_key_prompt_header_shows_text_as_typed(evil: Path) -> None:
    trees = Catalog([evil])
    buffer = io.StringIO()
    prompter = InteractivePrompter(make_console(file=buffer, width=200))
    state = engine.start(trees, "evil", T0, admin=True)
    prompter.header(engine.prompt(trees, state))
    state = engine.apply(trees, state, Choose(0), T0)
    state = engine.apply(trees, state, Choose(1), T0)
    prompter.header(engine.prompt(trees, state))
    prompter.notices((Notice("Continuing with: \x1b[2J[red]x[/red]"),))
    prompter.refused("\x1b]0;t\x07[b]no[/b]")
    shown = buffer.getvalue()
    assert_harmless(shown)
    assert "QUESTION Where? [bold]now[/bold] :warning:" in shown
    assert "  detail> fake prompt\n" in shown
    assert "STEP Restart the spooler [u]now[/u]" in shown
    assert "NEEDS ADMIN RIGHTS: Restart link spooler :gear:" in shown
    assert "* Continuing with: [red]x[/red]" in shown
    assert "Refused: [b]no[/b]" in shown


def test_rich_hand_off_shows_text_as_typed(evil: Path) -> None:
    trees = Catalog([evil])
    state = engine.start(trees, "evil", T0)
    state = engine.apply(trees, state, Choose(1), T0)
    buffer = io.StringIO()
    state = engine.apply(trees, state, GiveFact("\x1b[2J[red]HP[/red] :printer:"), T0)
    result = deliver.conclude(trees, state, None)
    assert result.handoff is not None
    views.outcome(make_console(file=buffer, width=100), result.handoff)
    views.finished(make_console(file=buffer, width=100), result)
    shown = buffer.getvalue()
    assert_harmless(shown)
    assert "Stuck [blink]now[/blink]" in shown
    assert "Use another printer :printer:" in shown
    assert "Printer hidden name: [red]HP[/red] :printer:" in shown


def test_check_messages_quote_hostile_keys_harmlessly(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "keys.yaml"
    path.write_text('"\\e[2Jtitle\\nfake.yaml:1:1: error: [red]x[/red]": 1\n', encoding="utf-8")
    result = cli(["check", str(path)])
    assert_harmless(result.out)
    (line,) = [x for x in result.out.splitlines() if "unknown key" in x]
    assert "unknown key 'title fake.yaml:1:1: error: [red]x[/red]'" in line
    assert not any(x.startswith("fake.yaml") for x in result.out.splitlines())
