"""Options several commands share, declared once so they read and behave the same."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

#: Which site settings file this desk uses; every command that reads trees, records
#: or hand-offs takes it, so a walk, its resume, its history and its report agree.
Site = Annotated[
    Path | None,
    typer.Option("--site", help="Site settings file (default: $TROUBLESHOOT_SITE, then your own)."),
]
Plain = Annotated[bool, typer.Option("--plain", help="Plain numbered prompts, read line by line.")]
Copy = Annotated[bool, typer.Option("--copy", help="Also copy the hand-off.")]
Eml = Annotated[bool, typer.Option("--eml", help="Also write an email draft to IT.")]
