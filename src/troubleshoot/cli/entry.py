"""The console script's first stop: answer what it can before building the command line.

Building typer's command line costs a noticeable moment on an old desk PC: a script
or an IT inventory asking for the version should not pay for it, nor should the
everyday ``list``, ``find`` and walks (cli/quick.py). Everything else goes to the
full app (cli/app.py).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from troubleshoot.ui import out

    out.forgiving_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:
        from troubleshoot import __version__

        out.line(f"troubleshoot {__version__}")
        return 0
    from troubleshoot.cli import quick

    code = quick.answer(args)
    if code is not None:
        return code
    from troubleshoot.cli.app import main as run_cli

    return run_cli(args)
