"""One error type for everything a person can get wrong, and the exit codes.

Validation code adds context as it descends (file, node, key, index), so a single
exception tells the whole way down to the faulty value, the way a trainer reads it
in an editor: ``printer.yaml:14:9: node 'release': answers[1]: unknown target``.
"""

from __future__ import annotations

import enum

from troubleshoot.frozen import field, frozen, mutable


class Exit(enum.IntEnum):
    """Exit codes; scripts and the desk's own wrappers rely on them."""

    OK = 0
    ERROR = 1  # bad input, or problems found
    USAGE = 2  # no such tree or command
    EOF = 3  # input ended before the walk reached an end
    HANGUP = 129  # the terminal window was closed (SIGHUP)
    INTERRUPTED = 130  # Ctrl-C
    TERMINATED = 143  # asked to stop by the system (SIGTERM), e.g. at shutdown


class Stopped(KeyboardInterrupt):
    """A signal asking the tool to stop, raised where the walk is so it unwinds like Ctrl-C."""

    def __init__(self, exit_code: Exit) -> None:
        super().__init__(exit_code.name.lower())
        self.exit_code = exit_code


@mutable
class TroubleshootError(Exception):
    """An expected problem: shown as one line, never with a traceback."""

    message: str
    path: str | None = None
    line: int | None = None  # 1-based
    col: int | None = None  # 1-based
    context: list[str] = field(default_factory=list)
    exit_code: Exit = Exit.ERROR

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = " ".join(self.path.splitlines())
            if self.line is not None:
                where += f":{self.line}"
                if self.col is not None:
                    where += f":{self.col}"
            where += ": "
        return where + _one_line(": ".join([*self.context, self.message]))


#: Longer messages lose their middle: a key a megabyte long is quoted, not printed whole.
MAX_MESSAGE = 400


def _one_line(text: str) -> str:
    """A message is always one line: text quoted from a file must not start a fake one."""
    text = " ".join(text.split())
    if len(text) > MAX_MESSAGE:
        text = text[: MAX_MESSAGE - 100] + " … " + text[-97:]
    return text


@frozen(order=True)
class Finding:
    """One problem in one file, sortable into a stable, editor-friendly order."""

    path: str
    line: int
    col: int
    level: str  # "error" or "warning"
    rule: str
    message: str

    def __str__(self) -> str:
        where = " ".join(self.path.splitlines())
        if self.line:
            where += f":{self.line}" + (f":{self.col}" if self.col else "")
        return f"{where}: {self.level}: {_one_line(self.message)}"

    def to_error(self) -> TroubleshootError:
        return TroubleshootError(self.message, self.path, self.line or None, self.col or None)
