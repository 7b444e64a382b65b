"""Findings as text: one pure function per output format, picked by ``--format``.

``text`` is the form editors and terminals understand (``path:line:col: level:
message``); ``json`` is built from the same values for CI, never by parsing text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from troubleshoot.errors import Finding
from troubleshoot.frozen import asdict
from troubleshoot.ui.formats import Format


def text(finding: Finding) -> str:
    """``printer.yaml:14:9: error: message``, on one line, however long the quoted text."""
    return str(finding)


def as_dict(finding: Finding) -> dict[str, object]:
    return asdict(finding)


def json_object(finding: Finding) -> str:
    return json.dumps(as_dict(finding), ensure_ascii=False)


FORMATS: dict[Format, Callable[[Finding], str]] = {Format.TEXT: text, Format.JSON: json_object}


def render(findings: Iterable[Finding], fmt: Format) -> list[str]:
    """The lines to print: one per finding, and for JSON a single list around them."""
    lines = [FORMATS[fmt](f) for f in findings]
    if fmt is Format.JSON:
        return ["[" + ",\n ".join(lines) + "]"]
    return lines


def summary(files: int, errors: int, warnings: int) -> str:
    def count(n: int, word: str) -> str:
        return f"{n} {word}" + ("" if n == 1 else "s")

    return f"{count(files, 'file')} checked: {count(errors, 'error')}, {count(warnings, 'warning')}"
