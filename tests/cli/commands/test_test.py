"""``troubleshoot test``: example walks run from the command line, failures located."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import TREES, write_tree

DESK = """
title: Desk printer
summary: Nothing printed.
symptoms: [nothing printed]
start: where
nodes:
  where:
    ask: Where did the patron print from?
    answers:
      - {text: A library PC, next: release}
      - {text: Many PCs at once, next: outage}
  release:
    step: Release the job at the station.
    fixed: done
    not_fixed: outage
  done:
    resolved: The job printed.
  outage:
    escalate: Nothing prints.
    workaround: Put up a sign.
tests:
  - answers: [A library PC, fixed]
    end: done
  - answers: [Yes]
    end: outage
  - answers: [Many]
    end: outage
"""


def test_failing_walks_are_listed_with_file_line_and_where_they_went_astray(
    cli, tmp_path: Path
) -> None:
    path = write_tree(tmp_path, "desk", DESK)
    result = cli(["test", str(path)])
    assert result.code == 1
    assert result.out == (
        f"{path}:23:5: error: walk 2 (Yes -> outage): answer 1 'Yes' does not fit question 'where' "
        "(choices: 1. 'A library PC', 2. 'Many PCs at once')\n"
    )
    assert result.err == "3 walk(s) in 1 file(s), 1 failed\n"


def test_passing_walks_exit_0_and_verbose_lists_them(cli, tmp_path: Path) -> None:
    path = write_tree(tmp_path, "desk", DESK.replace("[Yes]", "[2]"))
    result = cli(["test", "-v", str(tmp_path)])
    assert result.code == 0, result.out
    assert result.out.splitlines() == [
        f"{path}: walk 1 (A library PC, fixed -> done): ok, ended at 'done'",
        f"{path}: walk 2 (2 -> outage): ok, ended at 'outage'",
        f"{path}: walk 3 (Many -> outage): ok, ended at 'outage'",
    ]


def test_a_tree_without_walks_is_a_warning_not_a_failure(cli, tmp_path: Path) -> None:
    path = write_tree(tmp_path, "desk", DESK.split("tests:")[0])
    result = cli(["test", str(path)])
    assert result.code == 0
    assert result.out == (
        f"{path}:1:1: warning: no example walks; add a 'tests:' list "
        "(one resolved, one escalated)\n"
    )


def test_a_tree_that_does_not_load_fails_with_its_problems(cli, tmp_path: Path) -> None:
    path = write_tree(tmp_path, "desk", DESK.replace("    fixed: done\n", ""))
    result = cli(["test", str(path)])
    assert result.code == 1
    assert result.out == f"{path}:12:5: error: node 'release': missing required key 'fixed'\n"
    assert result.err.endswith(", 1 file(s) could not be read\n")


def test_walks_reach_a_tree_beside_the_one_tested(cli, tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        "other",
        "title: O\nsummary: O.\nsymptoms: [o]\nstart: e\n"
        "nodes:\n  e: {escalate: Other., workaround: W.}\n",
    )
    path = write_tree(
        tmp_path,
        "desk",
        DESK.replace("next: outage}", "next: hop}")
        .replace("  done:", "  hop:\n    goto: other\n  done:")
        .replace("end: outage\n", "end: other#e\n", 2)
        .replace("[Yes]", "[Many]"),
    )
    result = cli(["test", str(path)])
    assert result.code == 0, result.out


def test_a_path_that_does_not_exist_is_an_error(cli, tmp_path: Path) -> None:
    result = cli(["test", str(tmp_path / "nope.yaml")])
    assert result.code == 2  # as for check and show: nothing there to work on
    assert result.err == f"troubleshoot: no such file or folder: {tmp_path / 'nope.yaml'}\n"


def test_a_folder_without_trees_is_an_error(cli, tmp_path: Path) -> None:
    result = cli(["test", str(tmp_path)])
    assert result.code == 1
    assert "no tree files" in result.err


def test_with_no_paths_every_bundled_tree_is_tested(cli) -> None:
    result = cli(["test", "-v"])
    assert result.code == 0, result.out
    files = sorted(TREES.glob("*.yaml"))
    assert result.err.endswith(f" in {len(files)} file(s), 0 failed\n")
    for path in files:
        assert f"{path}: walk " in result.out


def test_scenarios_run_with_their_site_policies_and_are_named_when_they_fail(
    cli, tmp_path: Path
) -> None:
    text = DESK.split("tests:")[0] + (
        "scenarios:\n"
        "  - name: many patrons stuck\n"
        "    patron: nothing is printing for anyone\n"
        "    situation: The print server is down.\n"
        "    answers: [Many PCs]\n"
        "    end: outage\n"
        "  - name: wrong end\n"
        "    patron: my job is missing\n"
        "    situation: One job is stuck.\n"
        "    answers: [A library PC, fixed]\n"
        "    end: outage\n"
    )
    path = write_tree(tmp_path, "desk", text)
    result = cli(["test", "-v", str(path)])
    assert result.code == 1
    assert f"{path}: scenario 'many patrons stuck': ok, ended at 'outage'" in result.out
    assert (
        f"{path}:26:5: error: scenario 'wrong end': ended at 'done' (resolved), expected 'outage'"
    ) in result.out


NAMED = (
    DESK.split("tests:")[0]
    + """
tests:
  - name: a release fixes it
    answers: [A library PC, not fixed]
    end: done
scenarios:
  - name: the station was asleep
    patron: my job never came out
    situation: The release station had gone to sleep.
    answers: [A library PC, not fixed]
    end: done
  - patron: nothing comes out of the printer
    situation: The release station had gone to sleep.
    answers: [A library PC, not fixed]
    end: done
"""
)


def test_walks_and_scenarios_are_called_by_their_names_or_the_patrons_words(
    cli, tmp_path: Path
) -> None:
    path = write_tree(tmp_path, "desk", NAMED)
    result = cli(["test", str(path)])
    assert result.code == 1
    assert result.out.splitlines() == [
        f"{path}:22:5: error: walk 'a release fixes it': ended at 'outage' (escalated), "
        "expected 'done'",
        f"{path}:26:5: error: scenario 'the station was asleep': ended at 'outage' "
        "(escalated), expected 'done'",
        f"{path}:31:5: error: scenario 'nothing comes out of the printer': ended at 'outage' "
        "(escalated), expected 'done'",
    ]


def test_an_unnamed_walk_with_many_answers_shows_the_start_of_its_plan(cli, tmp_path: Path) -> None:
    many = DESK.replace("[Many]", "[Many PCs at once, Many PCs at once, Many PCs at once]")
    path = write_tree(tmp_path, "desk", many)
    result = cli(["test", str(path)])
    assert result.out.splitlines()[-1] == (
        f"{path}:25:5: error: walk 3 (Many PCs at once, Many PCs at once, M... -> outage): "
        "ended at 'outage' (escalated) with answers left over: 'Many PCs at once', "
        "'Many PCs at once'"
    )
