"""Which sessions a report counts: a span of days, one tree, one branch. No I/O.

A branch manager asks about last month at their own branch; IT asks about one tree
since its last change. Both are a filter over the records, kept here as a value so
that the figures and the heading of the report say the same thing.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from troubleshoot.errors import Exit, TroubleshootError
from troubleshoot.frozen import frozen
from troubleshoot.sessions.records import Session

#: The group of records made where the site named no branch.
NO_BRANCH = "(no branch)"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@frozen
class Selection:
    since: dt.date | None = None  # first day counted
    until: dt.date | None = None  # last day counted (inclusive)
    tree: str | None = None  # the tree the sessions started in
    branch: str | None = None  # NO_BRANCH picks the records without one

    def admits(self, session: Session) -> bool:
        day = session.started.date()
        if self.since is not None and day < self.since:
            return False
        if self.until is not None and day > self.until:
            return False
        if self.tree is not None and session.tree != self.tree:
            return False
        return self.branch is None or branch_of(session) == self.branch

    def clauses(self, prefix: str = "", tree: str = "tree") -> tuple[list[str], list[Any]]:
        """This selection as SQL conditions over a table whose columns start *prefix*.

        Times are ISO text that starts with the day, so "started on or after *since*" is
        ``started >= since`` and "on or before *until*" is ``started < the day after``:
        both a range over the index rather than a function of every row. *tree* names
        the tree column (a summary row keeps the walk's own tree under another name).
        Sessions keep an empty branch where the site named none, summary rows keep
        NO_BRANCH: picking NO_BRANCH matches both.
        """
        clauses: list[str] = []
        params: list[Any] = []
        if self.since is not None:
            clauses.append(f"{prefix}started >= ?")
            params.append(self.since.isoformat())
        if self.until is not None:
            clauses.append(f"{prefix}started < ?")
            params.append((self.until + dt.timedelta(days=1)).isoformat())
        if self.tree is not None:
            clauses.append(f"{prefix}{tree} = ?")
            params.append(self.tree)
        if self.branch == NO_BRANCH:  # branch_of: an empty branch is counted as this one
            clauses.append(f"{prefix}branch IN ('', ?)")
            params.append(NO_BRANCH)
        elif self.branch is not None:
            clauses.append(f"{prefix}branch = ?")
            params.append(self.branch)
        return clauses, params


def branch_of(session: Session) -> str:
    return session.branch or NO_BRANCH


def parse_day(option: str, text: str | None) -> dt.date | None:
    """A day given as YYYY-MM-DD on the command line; one clear line when it is not one."""
    if text is None:
        return None
    text = text.strip()
    try:
        if not _DAY.fullmatch(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise TroubleshootError(
            f"{option}: '{text}' is not a day like 2026-11-23 (YYYY-MM-DD)", exit_code=Exit.USAGE
        ) from None


def selection(
    since: str | None = None,
    until: str | None = None,
    tree: str | None = None,
    branch: str | None = None,
) -> Selection:
    """The report's filters from the command line's words."""
    first, last = parse_day("--since", since), parse_day("--until", until)
    if first is not None and last is not None and last < first:
        raise TroubleshootError(f"--until: {last} is before --since {first}", exit_code=Exit.USAGE)
    return Selection(first, last, tree or None, branch or None)
