"""Tables as plain lines, for commands that must start in a blink (``list``).

Drawing a table with rich costs more to import than the whole ``list`` command
does besides, on an old desk PC. These lines need nothing but the standard library:
columns padded with spaces, the last one wrapped at word boundaries to the width.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from troubleshoot.text import one_line

#: A column (other than the last) never takes more than this share of the width.
MOST_SHARE = 0.35
GAP = "  "


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[str]:
    """*rows* under *headers*, fitted to *width* columns (each line at most that long)."""
    cells = [[one_line(c) for c in row] for row in rows]
    heads = [one_line(h) for h in headers]
    if not heads:
        return []
    widths = []
    for i, head in enumerate(heads[:-1]):
        longest = max([len(head), *(len(row[i]) for row in cells)])
        widths.append(max(1, min(longest, int(width * MOST_SHARE))))
    last = width - sum(widths) - len(GAP) * len(widths)
    if last < 12:  # too narrow for columns: one cell a line, indented under the first
        return _stacked(heads, cells, width)
    lines = [_row(heads, widths, last)[0]]
    for row in cells:
        lines.extend(_row(row, widths, last))
    return [line.rstrip() for line in lines]


def _row(row: Sequence[str], widths: Sequence[int], last: int) -> list[str]:
    parts = [textwrap.wrap(cell, w) or [""] for cell, w in zip(row, widths, strict=False)]
    parts.append(textwrap.wrap(row[-1], last) or [""])
    height = max(len(p) for p in parts)
    out = []
    for n in range(height):
        cols = [(p[n] if n < len(p) else "").ljust(w) for p, w in zip(parts, widths, strict=False)]
        cols.append(parts[-1][n] if n < len(parts[-1]) else "")
        out.append(GAP.join(cols))
    return out


def _stacked(heads: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[str]:
    out: list[str] = []
    for row in rows:
        out.extend(textwrap.wrap(row[0], width) or [""])
        for head, cell in zip(heads[1:], row[1:], strict=False):
            out.extend(
                textwrap.wrap(
                    f"{head}: {cell}", width, initial_indent="  ", subsequent_indent="    "
                )
                or [""]
            )
    return out
