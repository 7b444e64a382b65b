"""Reading a file a person wrote (a tree, a settings file) as text, or saying why not.

Kept apart from the YAML reader so that a command which only needs a file's text
(to see whether a cached copy is still good) never loads YAML at all.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

from troubleshoot.errors import TroubleshootError

#: Trees and settings files larger than this are refused without being read whole.
MAX_FILE_BYTES = 1024 * 1024


#: Why a tree is never read through a link: a link in a folder anyone can write to
#: could point at a private file, and the start of it would be quoted in the error.
LINKED = "is a symbolic link; a tree is read only from a plain file (copy it into the folder)"

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def read_bytes(path: Path, *, follow_links: bool = True) -> bytes:
    """The file's bytes, or a one-line reason why it cannot be a tree or settings file.

    Opened without waiting (a pipe is refused, not waited on) and, unless
    *follow_links*, never through a symbolic link: the link's target is not read.
    """
    name = str(path)
    flags = os.O_RDONLY | _NONBLOCK | _CLOEXEC | _BINARY | (0 if follow_links else _NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        if not follow_links and (e.errno == errno.ELOOP or path.is_symlink()):
            raise TroubleshootError(LINKED, name) from None
        raise TroubleshootError(f"cannot read file: {e.strerror or e}", name) from None
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise TroubleshootError("not a regular file", name)
            if info.st_size > MAX_FILE_BYTES:
                raise TroubleshootError(
                    f"file is {info.st_size // 1024} KiB; the limit is "
                    f"{MAX_FILE_BYTES // 1024} KiB",
                    name,
                )
            return handle.read(MAX_FILE_BYTES + 1)
        except OSError as e:
            raise TroubleshootError(f"cannot read file: {e.strerror or e}", name) from None


def read_text(path: Path, *, follow_links: bool = True) -> str:
    """The file as text, or a one-line reason why it cannot be a tree or settings file."""
    name = str(path)
    data = read_bytes(path, follow_links=follow_links)
    if len(data) > MAX_FILE_BYTES:
        raise TroubleshootError(f"file is larger than {MAX_FILE_BYTES // 1024} KiB", name)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise TroubleshootError("file is UTF-32; save it as UTF-8", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise TroubleshootError("file is UTF-16; save it as UTF-8", name)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if b"\0" in data:
        line, col = line_col(data, data.index(b"\0"))
        hint = "; it may be UTF-16 (save it as UTF-8)" if _looks_utf16(data) else ""
        raise TroubleshootError(f"file holds NUL bytes: not a text file{hint}", name, line, col)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line, col = line_col(data, e.start)
        raise TroubleshootError(
            f"not UTF-8 text (byte 0x{data[e.start]:02x}); save the file as UTF-8", name, line, col
        ) from None


def line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset into UTF-8-ish data."""
    start = data.rfind(b"\n", 0, offset) + 1
    col = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, col


def _looks_utf16(data: bytes) -> bool:
    """Text saved as UTF-16 without a BOM: plain ASCII with a NUL after (or before) each byte."""
    head = data[:200]
    if len(head) < 4:
        return False
    for zeros, text in ((head[1::2], head[::2]), (head[::2], head[1::2])):
        if not zeros.strip(b"\0") and all(32 <= c < 127 or c in b"\t\r\n" for c in text):
            return True
    return False
