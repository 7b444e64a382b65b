"""One desk setup for every command: a site's trees, database and hand-off folder.

A tree kept in the site file's ``trees:`` folder, with the site's own ``database:``
and ``handoffs:``, must be the same desk to every command: walked, quit, resumed
(its hand-off in the site's folder, with the site's IT routing), shown, tested, and
found in ``history`` and ``report``.
"""

from __future__ import annotations

import json
from pathlib import Path

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
