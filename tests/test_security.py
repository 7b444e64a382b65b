"""What SECURITY.md promises, shown: no network, no programs run, no writes outside the data folder.

The in-process test replaces the socket module's ways out with ones that fail. The
real-process tests install an audit hook (``sys.addaudithook``) before the tool is
imported: every socket, program start and file opened for writing anywhere in the
process is reported, whichever library would have done it.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import subprocess_env
from tests.terminal import WALKS

AUDITED = r"""
import os, sys

own = [os.path.realpath(os.environ[k]) for k in ("TROUBLESHOOT_DATA", "TROUBLESHOOT_CACHE")
       if os.environ.get(k)]
WATCHED = ("socket.", "subprocess.", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
           "os.fork", "os.startfile", "ctypes.dlopen", "urllib.", "http.", "ftplib.", "smtplib.")
WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

def hook(event, args):
    if event.startswith(WATCHED):
        os.write(2, f"AUDIT {event}\n".encode())
    elif event == "open" and isinstance(args[0], (str, bytes)):
        path, mode, flags = os.fsdecode(args[0]), args[1] or "", args[2] or 0
        writing = any(c in mode for c in "wax+") or flags & WRITING
        if writing and not os.path.realpath(path).startswith(tuple(own)):
            os.write(2, f"AUDIT write {path}\n".encode())

sys.addaudithook(hook)
if os.environ.get("CRASH_IN_LIST"):  # a stand-in for a bug, to see where its report goes
    from troubleshoot.ui import tables
    tables.table = None
from troubleshoot.cli.app import main
raise SystemExit(main())
"""
EVIL = """\
title: !!python/object/apply:os.system ["echo ran > /tmp/should-not-exist"]
summary: !!python/object/new:subprocess.Popen [["true"]]
start: a
nodes: {a: {resolved: ok}}
"""


def audited(args: list[str], input: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", AUDITED, *args],
        input=input,
        capture_output=True,
        text=True,
        timeout=60,
        env=subprocess_env(
            PYTHONDONTWRITEBYTECODE="1", **{"TROUBLESHOOT_TREES": str(WALKS), **env}
        ),
    )


def test_a_whole_walk_opens_no_socket_runs_nothing_and_writes_only_its_data(
    private_data: Path,
) -> None:
    done = audited(["desk", "--plain"], input="1\n2\nn\nTray empty\ne\nHP 4\nE5\n")
    assert done.returncode == 0, done.stderr
    assert "AUDIT" not in done.stderr
    (saved,) = (private_data / "handoffs").glob("*.md")
    assert "Tray empty" in saved.read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [["list"], ["check"], ["--version"]])
def test_other_commands_open_no_socket_and_write_nothing(
    args: list[str], private_data: Path
) -> None:
    done = audited(args)
    assert "AUDIT" not in done.stderr
    assert not private_data.exists()


def test_a_tree_asking_to_run_programs_is_refused_and_runs_nothing(tmp_path: Path) -> None:
    (tmp_path / "evil.yaml").write_text(EVIL, encoding="utf-8")
    for args in (["check", str(tmp_path)], ["evil", "--plain"]):
        done = audited(args, TROUBLESHOOT_TREES=str(tmp_path))
        assert done.returncode == 1
        assert "unknown or unsafe YAML tag '!!python/object/apply:os.system'" in (
            done.stdout + done.stderr
        )
        assert "AUDIT" not in done.stderr
    assert not Path("/tmp/should-not-exist").exists()


def test_an_internal_error_report_is_written_inside_the_data_folder(private_data: Path) -> None:
    done = audited(["list"], CRASH_IN_LIST="1")
    assert done.returncode == 1
    assert "AUDIT" not in done.stderr
    (report,) = (private_data / "crashes").glob("*.txt")
    assert f"A report for IT was saved to {report}" in done.stderr


class NoNetwork(socket.socket):
    def __init__(self, *args: object, **kwargs: object) -> None:
        raise AssertionError("the tool tried to open a socket")


def refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("the tool tried to reach the network")


def test_no_network_connection_in_process(
    cli,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
    private_data: Path,
) -> None:
    monkeypatch.setattr(socket, "socket", NoNetwork)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse)
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(WALKS))
    assert cli(["list"]).code == 0
    assert cli(["check"]).code == 0
    walk = cli(["desk", "--plain"], input="3\nHP 4\n")
    assert walk.code == 0 and "URGENT" in walk.out
    assert len(list((private_data / "handoffs").glob("*.md"))) == 1
