"""The score card and the trainers' report, compared whole."""

from __future__ import annotations

import datetime as dt
import json

from troubleshoot import frozen
from troubleshoot.sessions.practice import Result
from troubleshoot.ui.practice import card_lines, report_text
from troubleshoot.walk.practice import ScoreCard

CARD = ScoreCard(
    tree="printer",
    scenario="queue stuck",
    right_end=False,
    same_kind=True,
    end="escalated: Print queue stuck.",
    expert_end="escalated: Release station frozen.",
    minutes=12,
    budget=10,
    asks=2,
    unneeded=("Check the paper tray.",),
    admin=("Restart the print spooler.",),
    facts_asked=2,
    facts_given=1,
    walked=("Where? -> A library PC", "Check the paper tray. -> not fixed"),
    expert=("Where? -> A library PC",),
)


def test_the_score_card_reads_whole() -> None:
    assert "\n".join(card_lines(CARD)) == "\n".join(
        [
            "SCORE CARD: printer, scenario 'queue stuck'",
            "  End: Not the expert's end, but the same kind of end.",
            "    Yours:  escalated: Print queue stuck.",
            "    Expert: escalated: Release station frozen.",
            "  Time: 12 of 10 practice minutes (over the budget) (2 asked of the patron)",
            "  Steps not needed:",
            "    - Check the paper tray.",
            "  Needs admin rights (left for IT, as it should be without them):",
            "    - Restart the print spooler.",
            "  Facts for IT: 1 of 2 given (incomplete)",
            "  Your walk:",
            "    Where? -> A library PC",
            "    Check the paper tray. -> not fixed",
            "  The expert's walk:",
            "    Where? -> A library PC",
        ]
    )


def test_a_narrow_terminal_gets_the_card_wrapped_at_spaces_under_each_text() -> None:
    assert card_lines(CARD, width=34) == [
        "SCORE CARD: printer, scenario",
        "  'queue stuck'",
        "  End: Not the expert's end, but",
        "       the same kind of end.",
        "    Yours:  escalated: Print queue",
        "            stuck.",
        "    Expert: escalated: Release",
        "            station frozen.",
        "  Time: 12 of 10 practice minutes",
        "        (over the budget) (2 asked",
        "        of the patron)",
        "  Steps not needed:",
        "    - Check the paper tray.",
        "  Needs admin rights (left for IT,",
        "    as it should be without them):",
        "    - Restart the print spooler.",
        "  Facts for IT: 1 of 2 given",
        "                (incomplete)",
        "  Your walk:",
        "    Where? -> A library PC",
        "    Check the paper tray. -> not",
        "      fixed",
        "  The expert's walk:",
        "    Where? -> A library PC",
    ]


def _result(tree: str, initials: str, right: bool, minutes: int) -> Result:
    at = dt.datetime(2026, 11, 23, 10, 0)
    return Result(at, tree, "s", initials, right, right, minutes, 10, 0, 0, 0, 0, 0)


RESULTS = [
    _result("printer", "JD", True, 6),
    _result("printer", "", False, 9),
    _result("wifi", "JD", True, 3),
]


def test_the_report_gives_scores_per_tree_and_per_initials() -> None:
    assert report_text(RESULTS, "table") == "\n".join(
        [
            "Per tree:",
            "  printer: 2 drills, 1 right ends, 7.5 min on average",
            "  wifi: 1 drills, 1 right ends, 3.0 min on average",
            "Per initials:",
            "  -: 1 drills, 0 right ends, 9.0 min on average",
            "  JD: 2 drills, 2 right ends, 4.5 min on average",
            "Drills:",
            "date        tree     scenario  initials  right end  minutes  budget  asks  "
            "not needed  admin  facts",
            "2026-11-23  printer  s         JD        yes        6        10      0     "
            "0           0      -",
            "2026-11-23  printer  s         -         no         9        10      0     "
            "0           0      -",
            "2026-11-23  wifi     s         JD        yes        3        10      0     "
            "0           0      -",
            "",
        ]
    )


def test_the_report_as_csv_and_json() -> None:
    assert report_text(RESULTS[:1], "csv") == (
        "date,tree,scenario,initials,right end,minutes,budget,asks,not needed,admin,facts\n"
        "2026-11-23,printer,s,JD,yes,6,10,0,0,0,-\n"
    )
    (row,) = json.loads(report_text(RESULTS[:1], "json"))
    assert (row["tree"], row["right end"], row["minutes"]) == ("printer", "yes", "6")


def test_initials_that_look_like_a_formula_stay_text_in_the_csv() -> None:
    (first,) = RESULTS[:1]
    risky = frozen.replace(first, initials="=HYPERLINK(1)")
    assert report_text([risky], "csv").splitlines()[1] == (
        "2026-11-23,printer,s,'=HYPERLINK(1),yes,6,10,0,0,0,-"
    )


def test_no_drills_yet() -> None:
    assert report_text([], "table") == "No practice drills kept yet.\n"
