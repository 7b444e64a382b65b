"""``troubleshoot check`` as trainers and CI run it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import FIXTURE_DIR, TREES, run_tool, write_tree

WALKS = FIXTURE_DIR / "walks"

GOOD = """
title: Scanner
summary: The scanner does not send.
symptoms: [scan did not arrive, scanner error, no email from scanner]
reviewed: {reviewed}
start: a
nodes:
  a: {step: Check the email address., fixed: done, not_fixed: it, cannot: it}
  done: {resolved: Scan arrived.}
  it: {escalate: Scanner not sending., workaround: Save to USB instead.}
"""


def good(reviewed: str = "2026-10-01") -> str:
    return GOOD.replace("{reviewed}", reviewed)


def test_every_bundled_tree_passes_strict_check(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["check", "--strict"])
    assert (result.code, result.out) == (0, "")
    assert "0 errors, 0 warnings" in result.err


def test_a_clean_file_exits_0_and_says_so(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_tree(tmp_path, "scanner", good())
    result = cli(["check", str(path)])
    assert (result.code, result.out) == (0, "")
    assert result.err == "1 file checked: 0 errors, 0 warnings\n"


def test_every_problem_in_a_folder_is_listed_in_file_order(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_tree(tmp_path, "b", good().replace("not_fixed: it", "not_fixed: done"))
    write_tree(tmp_path, "a", good().replace("fixed: done", "fixed: dnoe"))
    result = cli(["check", str(tmp_path)])
    assert result.code == 1
    lines = result.out.splitlines()
    files = [line.split(":")[0] for line in lines]
    assert files == sorted(files) and set(files) == {
        str(tmp_path / n) for n in ("a.yaml", "b.yaml")
    }
    assert "error: node 'a': fixed: unknown target 'dnoe' (did you mean 'done'?)" in result.out
    assert "error: node 'a': fixed and not_fixed both go to 'done'" in result.out
    assert result.err == f"2 files checked: {len(lines)} errors, 0 warnings\n"


def test_warnings_pass_unless_strict(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_tree(tmp_path, "scanner", good("2020-01-01"))
    relaxed = cli(["check", str(path)])
    assert relaxed.code == 0
    assert relaxed.out.startswith(f"{path}:4:1: warning: reviewed 2020-01-01 is ")
    assert cli(["check", "--strict", str(path)]).code == 1


def test_max_age_counts_from_the_tool_clock(cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = write_tree(tmp_path, "scanner", good("2026-10-01"))
    assert cli(["check", "--strict", "--max-age", "60", str(path)]).code == 0
    monkeypatch.setenv("TROUBLESHOOT_NOW", "2026-12-15T09:00")
    late = cli(["check", "--strict", "--max-age", "60", str(path)])
    assert late.code == 1
    assert "reviewed 2026-10-01 is 75 days ago (more than 60)" in late.out


def test_json_output_is_a_list_of_findings(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = good().replace("address.,", "address., admin: Reset the mailbox.,")
    path = write_tree(tmp_path, "scanner", text)
    line = next(i for i, row in enumerate(path.read_text().splitlines(), 1) if "admin:" in row)
    col = path.read_text().splitlines()[line - 1].index("Reset the mailbox") + 1
    result = cli(["check", "--format", "json", str(path)])
    assert result.code == 1
    assert json.loads(result.out) == [
        {
            "path": str(path),
            "line": line,
            "col": col,
            "level": "error",
            "rule": "admin",
            "message": "node 'a': admin step without 'no_admin': "
            "say where staff without admin rights go",
        }
    ]


def test_a_goto_may_name_a_bundled_tree(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = good().replace("{resolved: Scan arrived.}", "{goto: usb}")
    ok = cli(["check", "--strict", str(write_tree(tmp_path, "scanner", text))])
    assert ok.code == 0, ok.out
    broken = write_tree(tmp_path, "scanner", text.replace("goto: usb", "goto: ubs"))
    result = cli(["check", str(broken)])
    assert result.code == 1
    assert "goto: no tree called 'ubs' (did you mean 'usb'?)" in result.out


def test_a_tree_named_like_a_command_is_reported(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_tree(tmp_path, "list", good())
    result = cli(["check", str(path)])
    assert result.code == 1
    assert result.out == (
        f"{path}:1:1: error: tree id 'list' is the name of a command; rename the file\n"
    )


def test_a_missing_path_is_one_line_and_a_usage_error(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(["check", str(tmp_path / "nope.yaml")])
    assert result.code == 2
    assert result.err == f"troubleshoot: no such file or folder: {tmp_path / 'nope.yaml'}\n"


def test_breaking_a_next_in_a_copy_fails_check_at_that_line(tmp_path: Path) -> None:
    """Issue 2: a broken ``next:`` makes ``check`` exit 1 pointing at its line."""
    for name in ("desk.yaml", "other.yaml"):
        shutil.copy(WALKS / name, tmp_path / name)
    copy = tmp_path / "desk.yaml"
    text = copy.read_text(encoding="utf-8")
    good_line = "      - {text: A library PC, next: release}"
    assert good_line in text
    copy.write_text(text.replace(good_line, good_line.replace("release}", "relaese}")), "utf-8")
    before = text[: text.index(good_line)]
    line = before.count("\n") + 1
    col = good_line.index("release") + 1

    result = run_tool(["check", str(tmp_path)])

    assert result.returncode == 1
    errors = [row for row in result.stdout.splitlines() if ": error: " in row]
    assert errors == [
        f"{copy}:{line}:{col}: error: node 'where': answers[1]: unknown target 'relaese' "
        "(did you mean 'release'?)"
    ]


def test_breaking_a_next_in_a_copy_of_the_printer_tree_fails_at_that_line(
    tmp_path: Path,
) -> None:
    """Issue 2's own example: the bundled printer tree, one ``next:`` misspelt."""
    copy = tmp_path / "printer.yaml"
    text = (TREES / "printer.yaml").read_text(encoding="utf-8")
    good = "next: release}"
    assert good in text
    at = text.index(good)
    copy.write_text(text[:at] + "next: relase}" + text[at + len(good) :], encoding="utf-8")
    line = text.count("\n", 0, at) + 1
    col = at - text.rfind("\n", 0, at) + len("next: ")

    result = run_tool(["check", str(copy)])

    assert result.returncode == 1
    errors = [row for row in result.stdout.splitlines() if ": error: " in row]
    assert errors[0].startswith(f"{copy}:{line}:{col}: error: ")
    assert "unknown target 'relase' (did you mean 'release'?)" in errors[0]


CHARGER_TREE = """
    title: Lend a charger
    summary: A patron needs a phone charger.
    symptoms: [need a charger, phone is dead, battery flat]
    start: lend
    nodes:
      lend:
        step: Lend a charger from the desk drawer.
        policy: lend_chargers
        fixed: done
        not_fixed: esc
        cannot: esc
      done: {resolved: The phone is charging.}
      esc: {escalate: No charger fits., workaround: Point to the charging lockers.}
"""


def test_a_policy_the_site_defines_is_known_to_check(cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tree = write_tree(tmp_path / "trees", "charger", CHARGER_TREE)
    unknown = cli(["check", "--strict", str(tree)])
    assert unknown.code == 1
    assert "policy" in unknown.out and "lend_chargers" in unknown.out

    settings = tmp_path / "site.yaml"
    settings.write_text("policies:\n  lend_chargers: true\n", encoding="utf-8")
    monkeypatch.setenv("TROUBLESHOOT_SITE", str(settings))
    known = cli(["check", "--strict", str(tree)])
    assert known.code == 0, known.out
    assert "lend_chargers" not in known.out
