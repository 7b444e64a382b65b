"""One desk setup for every command: a site's trees, database and hand-off folder.

A tree kept in the site file's ``trees:`` folder, with the site's own ``database:``
and ``handoffs:``, must be the same desk to every command: walked, quit, resumed
(its hand-off in the site's folder, with the site's IT routing), shown, tested, and
found in ``history`` and ``report``.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import write_tree
from troubleshoot.desk import Desk

KIOSK = """\
title: Self-checkout kiosk
summary: The kiosk at the door freezes or refuses items.
symptoms: [the kiosk froze]
collect: [Kiosk number]
start: screen
nodes:
  screen:
    ask: What does the kiosk screen show?
    answers:
      - {text: A frozen screen, next: restart}
      - {text: An error message, next: stuck}
  restart:
    step: Hold the kiosk's power button for ten seconds, then switch it on.
    fixed: done
    not_fixed: stuck
  done:
    resolved: The kiosk works again.
  stuck:
    escalate: The kiosk stays frozen after a restart.
    workaround: Check the patron's items out at the desk.
tests:
  - name: a restart fixes it
    answers: [A frozen screen, fixed]
    end: done
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site file naming its own trees folder, database and hand-off folder."""
    write_tree(tmp_path / "branch-trees", "kiosk", KIOSK)
    path = tmp_path / "site.yaml"
    path.write_text(
        "library: Riverside Library\n"
        "branch: Main\n"
        "trees: [branch-trees]\n"
        "database: records/main.db\n"
        "handoffs: for-it\n"
        "it:\n"
        "  - name: County IT\n"
        "    phone: 555-0100\n",
        encoding="utf-8",
    )
    return path


def test_the_desk_takes_trees_database_and_handoffs_from_the_site_file(
    site: Path, tmp_path: Path
) -> None:
    desk = Desk.resolve(site)
    assert desk.catalog.paths["kiosk"] == tmp_path / "branch-trees" / "kiosk.yaml"
    assert "printer" in desk.catalog.paths  # the bundled trees are still there
    assert desk.database == tmp_path / "records" / "main.db"
    assert desk.handoffs == tmp_path / "for-it"


def test_the_session_records_move_with_the_site_setting(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TROUBLESHOOT_SITE", str(site))
    with Desk.resolve().store() as db:
        assert db.count() == 0
    assert (tmp_path / "records" / "main.db").is_file()


def test_a_site_tree_is_walked_resumed_shown_tested_and_reported(
    cli, site: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    walked = cli(["run", "kiosk", "--plain", "--site", str(site)], input="1\nq\n1\n")
    assert walked.code == 0, walked.err
    assert "STEP: Hold the kiosk's power button for ten seconds, then switch it on." in walked.out
    kept = walked.out.rsplit("'troubleshoot resume ", 1)[1].split("'")[0]

    listed = cli(["resume", "--list", "--site", str(site)])
    assert kept in listed.out and "kiosk" in listed.out

    resumed = cli(["resume", kept, "--plain", "--site", str(site)], input="2\nK-3\n")
    assert resumed.code == 0, resumed.err
    assert "Hold the kiosk's power button" in resumed.out
    (saved,) = (tmp_path / "for-it").glob("handoff-kiosk-*.md")
    assert f"Saved for IT as: {saved}" in resumed.out
    handoff = saved.read_text(encoding="utf-8")
    assert "- Kiosk number: K-3" in handoff
    assert "County IT" in resumed.out  # the site's routing reached the resumed walk

    shown = cli(["show", "kiosk", "--format", "markdown", "--site", str(site)])
    assert shown.code == 0 and "Self-checkout kiosk" in shown.out

    tested = cli(["test", "--site", str(site)])
    assert "walk(s)" in tested.err and ", 0 failed" in tested.err

    history = cli(["history", "--format", "json", "--site", str(site)])
    (record,) = json.loads(history.out)
    assert (record["tree"], record["outcome"]) == ("kiosk", "escalated")

    report = cli(["report", "--format", "json", "--site", str(site)])
    assert [t["tree"] for t in json.loads(report.out)["trees"]] == ["kiosk"]

    elsewhere = cli(["history", "--format", "json"])  # no site: the data folder's records
    assert json.loads(elsewhere.out) == []


def test_a_tree_folder_that_is_not_there_is_named_in_a_warning(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    typo = tmp_path / "tress"
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(typo))
    result = cli(["list"])
    assert result.code == 0
    assert result.err == (
        f"warning: TROUBLESHOOT_TREES names {typo}, which is not a folder; "
        "no trees are loaded from it\n"
    )


def test_every_walk_records_its_library_branch_desk_and_tree_version(
    cli, site: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with site.open("a", encoding="utf-8") as f:
        f.write("desk: Reference desk 2\n")
    assert cli(["run", "kiosk", "--plain", "--site", str(site)], input="1\n1\n").code == 0
    with Desk.resolve(site).store(readonly=True) as db:
        (kept,) = db.sessions()
    tree = Desk.resolve(site).catalog.load("kiosk")
    assert (kept.library, kept.branch, kept.desk) == (
        "Riverside Library",
        "Main",
        "Reference desk 2",
    )
    assert kept.digest == tree.digest

    (row,) = json.loads(cli(["history", "--format", "json", "--site", str(site)]).out)
    assert row["library"] == "Riverside Library" and row["branch"] == "Main"
    assert row["desk"] == "Reference desk 2" and row["digest"] == tree.digest
    csv_out = cli(["history", "--format", "csv", "--site", str(site)]).out
    (cells,) = csv.DictReader(io.StringIO(csv_out))
    assert cells["desk"] == "Reference desk 2" and cells["digest"] == tree.digest


def test_a_desk_the_site_does_not_name_is_known_by_its_host_name(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "uname", lambda: SimpleNamespace(nodename="circ-pc-04"), raising=False)
    desk = Desk.resolve(site)
    assert desk.name == "circ-pc-04"
    assert (desk.origin.library, desk.origin.branch, desk.origin.desk) == (
        "Riverside Library",
        "Main",
        "circ-pc-04",
    )


def test_on_windows_the_host_name_comes_from_computername(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(os, "uname", raising=False)
    monkeypatch.setenv("COMPUTERNAME", "REF-DESK-2")
    assert Desk.resolve(site).name == "REF-DESK-2"


def _site_with_server(site: Path, url: str) -> Path:
    text = site.read_text(encoding="utf-8").replace("database: records/main.db\n", "")
    site.write_text(text + f"database: {url}\n", encoding="utf-8")
    return site


def test_a_server_named_by_the_site_or_the_environment_is_the_shared_store(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _site_with_server(site, "postgresql://desk@db.example.org/records")
    desk = Desk.resolve(site)
    assert desk.server == "postgresql://desk@db.example.org/records"
    assert desk.database.name == "sessions.db"  # the desk's own file, for when it is away
    monkeypatch.setenv("TROUBLESHOOT_DATABASE", "postgres://other@db2/records")
    assert Desk.resolve(site).server == "postgres://other@db2/records"
    monkeypatch.setenv("TROUBLESHOOT_DATABASE", str(tmp_path / "own.db"))
    assert Desk.resolve(site).server == "" and Desk.resolve(site).database == tmp_path / "own.db"


def test_a_walk_is_kept_on_this_pc_when_the_server_cannot_be_reached(
    cli, site: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    away = f"postgresql://desk@/records?host={tmp_path / 'no-server'}&port=5999"
    _site_with_server(site, away)
    walked = cli(["run", "kiosk", "--plain", "--site", str(site)], input="1\n1\n")
    assert walked.code == 0, walked.err
    (warning,) = [line for line in walked.err.splitlines() if "shared session store" in line]
    assert warning.startswith("warning: cannot use the shared session store at local socket")
    assert warning.endswith("this walk is kept on this PC instead")
    with Desk.resolve(site).local_store(readonly=True) as db:
        (kept,) = db.sessions()
    assert kept.tree == "kiosk" and kept.outcome == "resolved"


def test_a_walk_at_a_desk_with_a_server_is_kept_there_and_listed_from_there(
    cli, site: Path, postgres_url: str
) -> None:  # type: ignore[no-untyped-def]
    from troubleshoot.sessions.pgstore import PgStore

    _site_with_server(site, postgres_url)
    walked = cli(["run", "kiosk", "--plain", "--site", str(site)], input="1\n1\n")
    assert walked.code == 0 and "warning" not in walked.err, walked.err
    with PgStore.open(postgres_url) as db:
        (kept,) = db.sessions()
    assert (kept.tree, kept.library, kept.branch) == ("kiosk", "Riverside Library", "Main")
    (row,) = json.loads(cli(["history", "--format", "json", "--site", str(site)]).out)
    assert row["id"] == kept.id
    with Desk.resolve(site).local_store(readonly=True) as local:
        assert local.count() == 0
