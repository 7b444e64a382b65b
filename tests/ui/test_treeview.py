"""The tree drawn in the terminal: every kind named in words, each node drawn once."""

from __future__ import annotations

import io
from pathlib import Path

from tests.conftest import FIXTURE_DIR, write_tree
from troubleshoot.tree.loader import load_tree
from troubleshoot.ui.console import make_console
from troubleshoot.ui.treeview import tree_view

NASTY = FIXTURE_DIR / "show" / "nasty.yaml"


def drawn(path: Path, titles: dict[str, str] | None = None, width: int = 200) -> str:
    buffer = io.StringIO()
    make_console(buffer, width=width).print(tree_view(load_tree(path), titles))
    return buffer.getvalue()


def desk(tmp_path: Path) -> Path:
    return write_tree(
        tmp_path,
        "desk",
        """
        title: Desk printer
        summary: Nothing printed.
        symptoms: [nothing printed]
        budget: {minutes: 9, steps: 5}
        start: where
        nodes:
          where:
            ask: Where did the patron print from?
            answers:
              - {text: A library PC, next: release}
              - {text: Their own laptop, next: laptop}
              - {text: Many PCs at once, next: outage}
          laptop:
            goto: mobile#start_here
          release:
            step: Release the job at the station.
            fixed: done
            not_fixed: spooler
          spooler:
            step: Restart the print spooler.
            minutes: 3
            admin: Restart the Print Spooler service.
            no_admin: stuck
            fixed: done
            not_fixed: stuck
          done:
            resolved: The job printed.
          stuck:
            escalate: Print queue stuck.
            workaround: Use the printer by the desk.
          outage:
            escalate: Nothing prints from any PC.
            urgent: true
            workaround: Put up a sign.
          forgotten:
            resolved: Nobody gets here.
        """,
    )


def test_each_kind_is_marked_in_words_so_colour_is_not_needed(tmp_path: Path) -> None:
    text = drawn(desk(tmp_path))
    assert "[ASK] where: Where did the patron print from?" in text
    assert "A library PC → [STEP] release: Release the job at the station. (about 2 min)" in text
    assert "not fixed → [ADMIN] [STEP] spooler: Restart the print spooler. (about 3 min)" in text
    assert "IT must: Restart the Print Spooler service." in text
    assert "Their own laptop → [GOTO] laptop: mobile#start_here" in text
    assert "Many PCs at once → [ESCALATE] [URGENT] outage: Nothing prints from any PC." in text
    assert "Offer the patron: Put up a sign." in text
    assert "fixed → [RESOLVED] done: The job printed." in text


def test_header_gives_title_summary_and_budget(tmp_path: Path) -> None:
    lines = drawn(desk(tmp_path)).splitlines()
    assert lines[:3] == [
        "Desk printer  (desk)",
        "Nothing printed.",
        "Time budget: about 9 minutes or 5 steps",
    ]


def test_a_node_reached_twice_is_drawn_once_and_pointed_to_after(tmp_path: Path) -> None:
    text = drawn(desk(tmp_path))
    assert text.count("[RESOLVED] done:") == 1
    assert text.count("[ESCALATE] stuck:") == 1
    assert "fixed → (see done)" in text
    assert "no admin rights → (see stuck)" in text


def test_a_node_no_walk_reaches_is_drawn_and_flagged(tmp_path: Path) -> None:
    text = drawn(desk(tmp_path))
    assert "[UNREACHABLE] no walk gets here" in text
    assert "[RESOLVED] forgotten: Nobody gets here." in text


def test_a_goto_names_the_tree_it_continues_in(tmp_path: Path) -> None:
    text = drawn(desk(tmp_path), {"mobile": "Printing from a phone"})
    assert "[GOTO] laptop: mobile#start_here (Printing from a phone)" in text


def test_a_target_that_does_not_exist_is_marked_missing(tmp_path: Path) -> None:
    path = write_tree(
        tmp_path,
        "gap",
        """
        title: Gap
        summary: A step points nowhere.
        symptoms: [gap]
        start: a
        nodes:
          a: {step: Try it., fixed: done, not_fixed: nowhere}
          done: {resolved: Fine.}
        """,
    )
    assert "not fixed → [MISSING] no node 'nowhere'" in drawn(path)


def test_tree_text_is_shown_literally_without_markup_or_escapes() -> None:
    text = drawn(NASTY)
    assert 'Urgent: "everything" is <broken> & [down]' in text
    assert "%%{init: {'theme': 'dark'}}%% directive-looking text" in text
    assert "[ADMIN] fake tag → [RESOLVED] lost:" in text
    assert "Done; red escape and a tab here" in text
    assert "\x1b" not in text


def test_a_long_chain_is_built_without_running_out_of_stack(tmp_path: Path) -> None:
    from rich.tree import Tree as RichTree

    count = 1100  # deeper than Python's default recursion limit
    nodes = [f"  s{i}: {{say: Step {i}., next: s{i + 1}}}" for i in range(count)]
    nodes.append(f"  s{count}: {{resolved: Done.}}")
    path = tmp_path / "chain.yaml"
    path.write_text(
        "title: Chain\nsummary: Long.\nsymptoms: [long]\nstart: s0\nnodes:\n"
        + "\n".join(nodes)
        + "\n",
        encoding="utf-8",
    )
    branch = tree_view(load_tree(path))
    depth = 0
    while isinstance(branch, RichTree) and branch.children:
        branch, depth = branch.children[0], depth + 1
    assert isinstance(branch, RichTree)
    assert depth == count + 1
    assert str(branch.label).endswith(f"[RESOLVED] s{count}: Done.")


CODE_LINE = r"C:\Users\<username>\AppData\Local\Temp\printing\spool\held-jobs" + "\\x" * 40


def test_prose_fits_the_screen_and_a_code_line_is_drawn_whole(tmp_path: Path) -> None:
    path = write_tree(
        tmp_path,
        "deep",
        f"""
        title: Deep
        summary: Held jobs.
        symptoms: [held jobs]
        start: one
        nodes:
          one:
            ask: Which PC?
            answers:
              - {{text: The PC by the window, next: two}}
          two:
            ask: |
              Open the folder where held jobs wait. Look for a file with the patron's
              print time in its name, and tell them how many pages it has.

              ```
              {CODE_LINE}
              ```
            answers:
              - {{text: Found it, next: done}}
          done: {{resolved: The job was found.}}
        """,
    )
    from troubleshoot.ui.treeview import print_tree

    buffer = io.StringIO()
    print_tree(make_console(buffer, width=60), load_tree(path))
    lines = buffer.getvalue().splitlines()
    assert any(line.endswith(CODE_LINE) for line in lines)
    prose = [line for line in lines if CODE_LINE not in line and "→" not in line]
    assert max(len(line) for line in prose) <= 60
    assert "          Open the folder where held jobs wait. Look for a" in lines
