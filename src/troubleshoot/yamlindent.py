"""Telling a line indented wrongly from text that needed quotes.

The YAML parser sees a key indented a space too far as more words of the text
above it, then trips on the key's ``:``, and calls it "mapping values are not
allowed"; the same words come for ``title: Note: the scanner``. A trainer can fix
either once told which it is, so this looks at the lines themselves: a line that
starts with a key (or a ``-``) at a column where no open block above it starts is
an indentation mistake, and the line above it to line up with is named.

Pure functions over the file's text; lines and columns are 0-based in, as the
parser's marks are.
"""

from __future__ import annotations

import re

from troubleshoot.frozen import frozen

#: A line's start: its indent, any ``- `` list markers, and a plain key with its colon.
_LINE = re.compile(r"^( *)((?:-(?: +|$))*)(?:([A-Za-z_][A-Za-z0-9_-]*) *:(?= |$))?")


@frozen
class Misaligned:
    """A line whose first key or ``-`` lines up with nothing open above it."""

    line: int  # 0-based, as the parser's marks
    column: int  # where the key or ``-`` starts
    token: str  # ``fixed:`` or ``-``
    sibling: str  # the key or ``-`` above it to line up with
    sibling_line: int  # 0-based

    def message(self) -> str:
        return (
            "this line is indented differently from the lines above it; "
            f'line up "{self.token}" with "{self.sibling}" (line {self.sibling_line + 1})'
        )


def _tokens(row: str) -> list[tuple[int, str]]:
    """Each ``-`` and the key at the start of *row*, with its column."""
    found = _LINE.match(row)
    if found is None:  # pragma: no cover - the pattern matches any line
        return []
    col = len(found.group(1))
    out: list[tuple[int, str]] = []
    for marker in re.finditer(r"-( *|$)", found.group(2)):
        out.append((col + marker.start(), "-"))
    if found.group(3):
        out.append((col + len(found.group(2)), found.group(3) + ":"))
    return out


def _content(row: str) -> bool:
    stripped = row.strip()
    return bool(stripped) and not stripped.startswith("#")


def misaligned(text: str, line: int, colon: int | None = None) -> Misaligned | None:
    """The indentation mistake on *line*, if that is what the parser tripped on.

    With *colon* (the column the parser complained at), the line's key must end
    there: a complaint further along the line is about the text, not the indent.
    """
    rows = text.split("\n")
    if not 0 <= line < len(rows):
        return None
    own = _tokens(rows[line])
    if not own:
        return None
    column, token = own[-1] if colon is not None else own[0]
    if colon is not None and (token == "-" or column + len(token) - 1 != colon):
        return None
    kind_is_dash = token == "-"
    # The blocks still open at *line*: going up, each line that starts left of all
    # those nearer to it opens one.
    openers: list[tuple[int, str, int]] = []  # (column, token, line)
    leftmost: int | None = None
    for above in range(line - 1, -1, -1):
        row = rows[above]
        if not _content(row):
            continue
        start = len(row) - len(row.lstrip(" "))
        if leftmost is not None and start >= leftmost:
            continue
        leftmost = start
        for col, tok in _tokens(row):
            if (tok == "-") is kind_is_dash:
                openers.append((col, tok, above))
        if start == 0:
            break
    if not openers or any(col == column for col, _, _ in openers):
        return None
    # The nearest in column wins; between two as near, the deeper one (just above).
    col, tok, at = min(openers, key=lambda o: (abs(o[0] - column), -o[0]))
    return Misaligned(line, column, token, tok, at)
