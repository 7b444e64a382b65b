"""The small values a tree shares with the rest of the desk: ids, positions, budgets.

Listing trees and reading site settings need these and nothing else of a tree.
Kept apart from model.py, whose many frozen classes take a noticeable moment to
build at start-up on an old desk PC, so that a warm ``list`` never builds them.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import NamedTuple

from troubleshoot.frozen import frozen

DEFAULT_STEP_MINUTES = 2

#: A tree's id is its file name: lower case letters, digits, hyphens and underscores.
TREE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def tree_id_for(path: PurePath) -> str:
    return path.name[: -len(".yaml")] if path.name.endswith(".yaml") else path.stem


#: Words the command line owns; a tree with one of these ids could never be reached.
COMMAND_NAMES = frozenset(
    {
        "check",
        "export",
        "find",
        "help",
        "history",
        "import",
        "list",
        "new",
        "practice",
        "publish",
        "report",
        "resume",
        "run",
        "show",
        "site",
        "sync",
        "test",
    }
)

#: Policy switches every site knows about; a site may add more.
KNOWN_POLICIES = frozenset({"patron_devices", "clear_jams", "session_override", "refunds"})


class Pos(NamedTuple):
    """1-based line and column in the source file (0 when unknown).

    A named tuple rather than a dataclass: a big library holds hundreds of thousands
    of these, and tuples are several times cheaper to build.
    """

    line: int = 0
    col: int = 0


NOWHERE = Pos()
TOP = Pos(1, 1)


@frozen
class Budget:
    minutes: int = 10
    steps: int = 12
