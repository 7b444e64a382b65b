"""Tree text as people write it, on the desk's screen: lines kept, words whole, no crash.

A numbered list stays a list, a block of what to type stays exactly as typed, words
wrap at spaces at the screen's edge, and Markdown escapes show the plain character.
Every output here comes from the tool run as a real process.
"""

from __future__ import annotations

from tests.conftest import FIXTURE_DIR, run_tool
from tests.terminal import ended, spawn

LINES = FIXTURE_DIR / "lines"
SCAN = str(LINES / "scan-usb.yaml")

STEP_AT_40 = """\
STEP: At the scanner:

  1. Insert the stick into the port on
     the right side of the panel.
  2. Choose *Scan to USB* and wait for
     the stick's name to appear.
  - Never unplug it while the light
    blinks.

  If it asks for a folder, type exactly:

      E:\\Scans\\<PC number>  & keep \\* as typed
  The panel calls it *Memory* on older
  models.
  (about 2 min) Did that fix it?
  1) Yes, that fixed it
  2) No, still not fixed
  3) Couldn't try it
"""


def walk(**env: str) -> str:
    result = run_tool(["scan-usb", "--plain"], input="1\n2\n", TROUBLESHOOT_TREES=str(LINES), **env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_plain_walk_keeps_lists_and_code_and_wraps_at_word_boundaries() -> None:
    out = walk(COLUMNS="40")
    assert (
        "QUESTION: Which kind of scan does the\n"
        "  patron want?\n"
        "\n"
        "  Colour scans are bigger; B&W fits more\n"
        "  pages on a small stick.\n"
        "  1) Black and white\n"
    ) in out
    assert STEP_AT_40 in out


def test_the_outcome_and_the_ticket_keep_the_workaround_s_list() -> None:
    out = walk(COLUMNS="40")
    assert (
        "ESCALATE TO IT: The scanner does not\n"
        "    see the stick.\n"
        "  Now: offer the patron: Offer one of\n"
        "    these:\n"
        "    1. Scan to email instead.\n"
        "    2. Lend a library stick.\n"
    ) in out
    ticket = out.split("copy from here -----\n", 1)[1].split("----- end of hand-off")[0]
    assert (
        "Patron was offered: Offer one of these:\n"
        "  1. Scan to email instead.\n"
        "  2. Lend a library stick.\n"
    ) in ticket
    assert (  # the copied ticket is not wrapped: the ticket system does that
        "Already tried:\n"
        "- At the scanner:\n"
        "\n"
        "  1. Insert the stick into the port on the right side of the panel.\n"
        "  2. Choose *Scan to USB* and wait for the stick's name to appear.\n"
        "  - Never unplug it while the light blinks.\n"
        "\n"
        "  If it asks for a folder, type exactly:\n"
        "\n"
        "      E:\\Scans\\<PC number>  & keep \\* as typed\n"
        "  -> not fixed\n"
    ) in ticket


def test_with_no_terminal_and_no_width_given_lines_wrap_at_80() -> None:
    walked = walk().split("----- HAND-OFF FOR IT")[0]  # the copied ticket is not wrapped
    assert "  1. Insert the stick into the port on the right side of the panel.\n" in walked
    assert max(len(line) for line in walked.splitlines()) <= 80


def test_a_narrow_terminal_wraps_the_text_at_its_width() -> None:
    prompt = r"\? more\r\n> "  # the code line holds a "> " of its own
    child = spawn(["scan-usb", "--plain"], cols=40, TROUBLESHOOT_TREES=str(LINES))
    child.expect(prompt)
    screen = child.before.replace("\r\n", "\n")
    assert (
        "QUESTION: Which kind of scan does the\n"
        "  patron want?\n"
        "\n"
        "  Colour scans are bigger; B&W fits more\n"
        "  pages on a small stick.\n"
    ) in screen
    child.sendline("1")
    child.expect(prompt)
    assert STEP_AT_40 in child.before.replace("\r\n", "\n")
    child.sendline("q")
    child.expect("> ")
    child.sendline("2")
    assert ended(child)[0] == 0


def test_show_keeps_the_lines_in_the_drawing() -> None:
    result = run_tool(["show", SCAN], COLUMNS="100")
    assert result.returncode == 0, result.stderr
    assert (
        "    ├── Black and white → [STEP] scan: At the scanner:\n"
        "    │   \n"
        "    │     1. Insert the stick into the port on the right side of the panel.\n"
        "    │     2. Choose *Scan to USB* and wait for the stick's name to appear.\n"
        "    │     - Never unplug it while the light blinks.\n"
        "    │   \n"
        "    │     If it asks for a folder, type exactly:\n"
        "    │   \n"
        "    │         E:\\Scans\\<PC number>  & keep \\* as typed\n"
        "    │   (about 2 min)\n"
    ) in result.stdout


def test_the_markdown_guide_keeps_lists_as_lists_and_code_fenced() -> None:
    result = run_tool(["show", SCAN, "--format", "markdown"])
    assert result.returncode == 0, result.stderr
    assert (
        "**2. Step (about 2 min):** At the scanner:\n"
        "\n"
        "1. Insert the stick into the port on the right side of the panel.\n"
        "2. Choose \\*Scan to USB\\* and wait for the stick's name to appear.\n"
        "- Never unplug it while the light blinks.\n"
        "\n"
        "If it asks for a folder, type exactly:\n"
        "\n"
        "```\n"
        "E:\\Scans\\<PC number>  & keep \\* as typed\n"
        "```\n"
        "\n"
        "*The panel calls it \\*Memory\\* on older models.*\n"
        "\n"
        "- Fixed → **3**\n"
    ) in result.stdout
    assert (
        "- **Offer the patron:** Offer one of these:\n"
        "\n"
        "  1. Scan to email instead.\n"
        "  2. Lend a library stick.\n"
    ) in result.stdout


def test_diagrams_fold_the_lines_into_one_label() -> None:
    mermaid = run_tool(["show", SCAN, "--format", "mermaid"]).stdout.splitlines()
    assert (
        '  n_format{"ASK: Which kind of scan does the patron want? Colour scans are bigger; '
        'B#amp;W fits…"}'
    ) in mermaid
    dot = run_tool(["show", SCAN, "--format", "dot"]).stdout.splitlines()
    assert (
        '  "scan" [label="STEP: At the scanner: 1. Insert the stick into the port on the right '
        'side of th…", shape=box];'
    ) in dot


def test_an_ascii_only_output_shows_replacements_instead_of_crashing() -> None:
    shown = run_tool(["show", SCAN], PYTHONIOENCODING="ascii", COLUMNS="100")
    assert shown.returncode == 0, shown.stderr
    assert "    +-- Black and white ? [STEP] scan: At the scanner:" in shown.stdout.splitlines()
    printer = run_tool(["show", "printer"], PYTHONIOENCODING="ascii")
    assert printer.returncode == 0, printer.stderr
    report = run_tool(["report"], PYTHONIOENCODING="ascii")
    assert report.returncode == 0, report.stderr
    assert report.stdout.splitlines()[0] == "Session report: no sessions"
    assert "tree  sess  res  esc  urg  ref  left  open  res%  esc%" in report.stdout.splitlines()


def test_an_ascii_only_plain_walk_reaches_its_end() -> None:
    result = run_tool(
        ["scan-usb", "--plain"],
        input="1\nn\nLe patron a dit « clé »\n2\n",  # a note the stream cannot decode
        TROUBLESHOOT_TREES=str(LINES),
        PYTHONIOENCODING="ascii",
        TROUBLESHOOT_CACHE="off",
    )
    assert result.returncode == 0, result.stderr
    assert "STEP: At the scanner:" in result.stdout.splitlines()
    assert "ESCALATE TO IT: The scanner does not see the stick." in result.stdout.splitlines()
