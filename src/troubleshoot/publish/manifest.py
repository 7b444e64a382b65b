"""What ``publish`` wrote into a folder last time, so it can take back what is no longer published.

A folder of pages is named by a person and may hold their own files too, so nothing
there is deleted on a guess. Each run keeps a small list beside the pages, of the
files it wrote and a digest of each; the next run removes a page on that list that
it no longer writes, and only while the file is still a plain file with exactly the
bytes it wrote. A page someone has edited, or replaced with a link, is theirs now
and is left where it is. A list that cannot be read names nothing to remove.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path

from troubleshoot import files
from troubleshoot.frozen import frozen

#: The list in the folder of pages. Hidden, and not a page: a web server has no need of it.
NAME = ".troubleshoot-published"
HEADER = (
    "# Pages 'troubleshoot publish' wrote here, with a digest of each. Publishing again\n"
    "# removes a page listed here that is no longer published, if it is unchanged.\n"
)
#: Only a page's own name, in this folder: never a path, a link elsewhere, or a dot file.
_PAGE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.html")
_LINE = re.compile(r"([0-9a-f]{64})  (\S+)")
#: Never through a link, and never waiting on a pipe planted where a page was.
_OPEN = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


@frozen
class Cleared:
    """What a run did with the pages it no longer writes."""

    removed: tuple[str, ...] = ()
    left: tuple[str, ...] = ()  # changed since, or no longer a plain file: not ours now


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read(folder: Path) -> dict[str, str]:
    """The pages the last run wrote, name -> digest; none when there is no usable list.

    A list that is a link, or not a plain file, is refused (OSError) rather than read:
    someone put it there, and publishing must not act on it or write through it.
    """
    path = folder / NAME
    try:
        fd = os.open(path, _OPEN)
    except FileNotFoundError:
        return {}
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise OSError(errno.ELOOP, "is a symbolic link; remove it first", str(path)) from None
        raise
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(errno.EEXIST, "is not a plain file", str(path))
        text = handle.read(1 << 20).decode("utf-8", errors="replace")
    listed: dict[str, str] = {}
    for line in text.splitlines():
        found = _LINE.fullmatch(line)
        if found and _PAGE.fullmatch(found[2]):
            listed[found[2]] = found[1]
    return listed


def write(folder: Path, written: Mapping[str, str]) -> None:
    """The list of this run's files (name -> digest), readable like the pages."""
    body = "".join(f"{written[name]}  {name}\n" for name in sorted(written))
    files.write_published(folder / NAME, (HEADER + body).encode("utf-8"))


def clear(folder: Path, listed: Mapping[str, str], keep: Iterable[str]) -> Cleared:
    """Remove each page *listed* from an earlier run that is not in *keep*, if unchanged."""
    keeping = set(keep)
    removed: list[str] = []
    left: list[str] = []
    for name in sorted(set(listed) - keeping):
        path = folder / name
        try:
            fd = os.open(path, _OPEN)
        except FileNotFoundError:
            continue  # removed by hand already
        except OSError as e:
            if e.errno != errno.ELOOP:
                raise
            left.append(name)  # a link now: never followed, never removed
            continue
        with os.fdopen(fd, "rb") as handle:
            plain = stat.S_ISREG(os.fstat(handle.fileno()).st_mode)
            same = plain and digest(handle.read()) == listed[name]
        if not same:
            left.append(name)
            continue
        os.unlink(path)
        removed.append(name)
    return Cleared(tuple(removed), tuple(left))
