"""What staff see when something goes wrong: one line and an exit code, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_tool, subprocess_env
from tests.terminal import WALKS
from troubleshoot import __version__
from troubleshoot.cli import app as cli_module
from troubleshoot.errors import Exit
from troubleshoot.ui import tables


def boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("a bug in the tool")


def test_internal_error_is_one_friendly_line_and_a_saved_report(
    cli,
    monkeypatch: pytest.MonkeyPatch,
    private_data: Path,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(tables, "table", boom)
    result = cli(["list"])
    assert result.code == Exit.ERROR
    (report,) = (private_data / "crashes").glob("crash-*.txt")
    said = "troubleshoot: something went wrong inside the tool. A report for IT was saved to"
    assert result.err == f"{said} {report}\n"
    saved = report.read_text(encoding="utf-8")
    assert saved.startswith(f"troubleshoot {__version__} on Python ")
    assert "RuntimeError: a bug in the tool" in saved and "Traceback" in saved


def test_internal_error_without_a_writable_data_folder_still_is_one_line(
    cli,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("TROUBLESHOOT_DATA", str(blocker))
    monkeypatch.setattr(tables, "table", boom)
    result = cli(["list"])
    assert result.code == Exit.ERROR
    assert (
        result.err
        == "troubleshoot: something went wrong inside the tool. Run again with --debug.\n"
    )


def test_debug_shows_the_traceback(
    cli, monkeypatch: pytest.MonkeyPatch, private_data: Path
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(tables, "table", boom)
    result = cli(["--debug", "list"])
    assert result.code == Exit.ERROR
    assert result.err.startswith("Traceback (most recent call last):")
    assert result.err.rstrip().endswith("RuntimeError: a bug in the tool")
    assert "def boom" not in result.out


CRASHING = (
    "import sys\n"
    "from troubleshoot.ui import tables\n"
    "def boom(*a, **k):\n"
    "    raise RuntimeError('a bug in the tool')\n"
    "tables.table = boom\n"
    "from troubleshoot.cli.app import main\n"
    "raise SystemExit(main())\n"
)


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_internal_error_in_a_real_process(debug: bool, private_data: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CRASHING, *(["--debug"] if debug else []), "list"],
        capture_output=True,
        text=True,
        timeout=30,
        env=subprocess_env(),
    )
    assert done.returncode == 1
    if debug:
        assert "Traceback (most recent call last)" in done.stderr
        assert "RuntimeError: a bug in the tool" in done.stderr
    else:
        assert "Traceback" not in done.stderr
        assert len(done.stderr.splitlines()) == 1
        assert "A report for IT was saved to " in done.stderr


def test_input_ending_mid_walk_exits_3_with_one_line() -> None:
    done = run_tool(["desk", "--plain"], input="1\n", TROUBLESHOOT_TREES=str(WALKS))
    assert done.returncode == Exit.EOF
    assert done.stderr == "troubleshoot: input ended before the walk reached an end.\n"


def test_input_ending_at_the_tree_picker_exits_3(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["run", "--plain"], input="")
    assert result.code == Exit.EOF
    assert "What is the problem?" in result.out


@pytest.mark.parametrize("command", ["check", "list"])
def test_output_into_a_pipe_nobody_reads_ends_quietly(
    command: str, tmp_path: Path, private_data: Path
) -> None:
    folder = tmp_path if command == "check" else ""
    (tmp_path / "broken.yaml").write_text("title: [\n", encoding="utf-8")
    shell = (
        f"{sys.executable} -m troubleshoot {command} {folder} | true; "
        'echo "status ${PIPESTATUS[0]}"'
    )
    env = subprocess_env(TROUBLESHOOT_TREES=str(tmp_path))
    done = subprocess.run(
        ["bash", "-c", shell], capture_output=True, text=True, timeout=30, env=env
    )
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert "went wrong" not in done.stderr
    assert not (private_data / "crashes").exists()
    assert done.stdout == "status 1\n"


def test_an_unknown_tree_for_show_is_a_usage_error_with_suggestions(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["show", "usbqqq"])
    assert result.code == Exit.USAGE
    assert result.err == "troubleshoot: no tree called 'usbqqq'; closest: usb\n"


def test_version_is_one_line(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["--version"])
    assert (result.code, result.out) == (0, f"troubleshoot {__version__}\n")


def test_a_bare_tree_name_means_run() -> None:
    assert cli_module.route(["printer"]) == ["run", "printer"]
    assert cli_module.route(["--debug", "list"]) == ["--debug", "list"]
    assert cli_module.route(["--admin"]) == ["--admin"]
