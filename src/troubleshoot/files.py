"""Writing the tool's files so that nobody else can read them, redirect them or swap them.

A desk PC is shared: other accounts use it, and the temp folder belongs to all of
them. A name that is checked first and written afterwards can be taken in between,
and a name that is a symbolic link writes wherever the link points. So every file
the tool writes is made here, in one of four ways:

- :func:`create` makes a new file, and fails if anything at all (a file, a link) is
  already there: ``O_CREAT | O_EXCL`` never follows a link, and two processes can
  never both create one name.
- :func:`replace` writes a new file beside the target and renames it over it, so a
  reader sees the old file or the new one, never half; a link there is replaced,
  not followed.
- :func:`append` adds to a private file, refusing a link (``O_NOFOLLOW``), a pipe,
  a file with other names, and a file that belongs to someone else.
- :func:`write_named` is for a file a person names on the command line.

Files are made readable by their owner only (0600), in folders made for the owner
only (0700). Folders that already exist keep the modes someone gave them.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
#: Files meant for other people too (a new tree for trainers), still never through a link.
SHARED_FILE = 0o644
SHARED_DIR = 0o755

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY
#: How many names ``stem-2``, ``stem-3``... :func:`create_unique` tries before giving up.
MAX_TRIES = 10_000


def private_dir(folder: Path) -> Path:
    """*folder*, made if missing (with any missing parents) for its owner only."""
    missing: list[Path] = []
    here = folder
    while not here.is_dir():
        missing.append(here)
        if here.parent == here:
            break
        here = here.parent
    for path in reversed(missing):
        try:
            os.mkdir(path, PRIVATE_DIR)
        except FileExistsError:
            if not path.is_dir():
                raise
    return folder


def shared_dir(folder: Path) -> bool:
    """Make *folder* for files meant for other people too; True if it was made here.

    Only the last folder is made: a parent that is missing is more likely a typing
    mistake than a wish for a whole new tree of folders.
    """
    try:
        os.mkdir(folder, SHARED_DIR)
    except FileExistsError:
        if not folder.is_dir():
            raise
        return False
    return True


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def create(
    path: Path, data: bytes, *, mode: int = PRIVATE_FILE, sync: bool = True, exact: bool = False
) -> None:
    """Write *data* to a new file at *path*; FileExistsError if any name (a link too) is there.

    A file that cannot be written whole is removed rather than left half-written.
    *exact* gives the file *mode* whatever the umask says (a page a web server must read).
    """
    fd = os.open(path, _NEW, mode)
    try:
        if exact:
            os.fchmod(fd, mode)
        _write_all(fd, data)
        if sync:
            os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    os.close(fd)


def create_unique(folder: Path, stem: str, suffix: str, data: bytes) -> Path:
    """A new file ``stem + suffix`` in *folder*, else ``stem-2 + suffix``, ``stem-3``...

    Each name is claimed by creating it, so two walks ending in the same second on
    two terminals each get a file of their own: the second finds the first's name
    taken and moves on to the next.
    """
    private_dir(folder)
    for counter in range(1, MAX_TRIES + 1):
        name = f"{stem}{suffix}" if counter == 1 else f"{stem}-{counter}{suffix}"
        try:
            create(folder / name, data)
        except FileExistsError:
            continue
        return folder / name
    raise FileExistsError(errno.EEXIST, f"{MAX_TRIES} files named {stem}* already", str(folder))


def replace(
    path: Path, data: bytes, *, mode: int = PRIVATE_FILE, sync: bool = True, exact: bool = False
) -> None:
    """Put *data* at *path* whole or not at all, through a new file renamed over it."""
    tmp = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
    create(tmp, data, mode=mode, sync=sync, exact=exact)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_named(path: Path, data: bytes) -> None:
    """Write a file a person named (``--output``): private, whole, never through a link.

    A link is refused rather than replaced: ``-o`` naming a link most likely means its
    target, and writing there is what a planted link wants. A pipe or a device
    (``/dev/null``) is written into as it is.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISLNK(info.st_mode):
        raise OSError(errno.ELOOP, "is a symbolic link; name the file itself", str(path))
    if info is not None and not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        fd = os.open(path, os.O_WRONLY | _NOFOLLOW | _CLOEXEC | getattr(os, "O_NOCTTY", 0))
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
        return
    replace(path, data)


def published_dir(folder: Path) -> None:
    """The folder of published pages: made (0755) if missing, refused if it is a link.

    Self-help pages are meant to be served and read by anyone, so unlike the tool's
    other files they are not private. A link is still refused: the folder a person
    named is where the pages go, and a planted link would send them elsewhere.
    """
    info = _lstat(folder)
    if info is not None and stat.S_ISLNK(info.st_mode):
        raise OSError(errno.ELOOP, "is a symbolic link; name the folder itself", str(folder))
    if shared_dir(folder):
        os.chmod(folder, SHARED_DIR)


def write_published(path: Path, data: bytes) -> None:
    """One published page: readable by all (0644, whatever the umask), written whole.

    Never through a link: a link at *path* is refused rather than followed or replaced,
    as for a file named on the command line, since it most likely means a target
    elsewhere that nobody asked to overwrite.
    """
    info = _lstat(path)
    if info is not None and stat.S_ISLNK(info.st_mode):
        raise OSError(errno.ELOOP, "is a symbolic link; remove it first", str(path))
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EEXIST, "is not a plain file", str(path))
    replace(path, data, mode=SHARED_FILE, sync=False, exact=True)


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def append(path: Path, data: bytes) -> None:
    """Add *data* to the end of the private file at *path*, making it if need be.

    Refused (OSError): a link, a pipe or anything but a plain file, a file with
    other names (a hard link planted to point at one of ours), and a file that
    belongs to another user. A file of ours readable by others is made private.
    """
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW | _NONBLOCK | _CLOEXEC | _BINARY
    fd = os.open(path, flags, PRIVATE_FILE)
    try:
        problem = _not_private_file(os.fstat(fd))
        if problem:
            raise OSError(errno.EPERM, problem, str(path))
        if hasattr(os, "fchmod") and os.fstat(fd).st_mode & 0o077:
            os.fchmod(fd, PRIVATE_FILE)
        _write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def _not_private_file(info: os.stat_result) -> str | None:
    if not stat.S_ISREG(info.st_mode):
        return "not a plain file"
    if info.st_nlink > 1:
        return "the file has other names (hard links)"
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return f"the file belongs to another user (uid {info.st_uid})"
    return None


def own_folder(folder: Path, *, make: bool = True) -> str | None:
    """Why *folder* cannot hold private files in a place others can write to; None if it can.

    For a folder in the shared temp folder: it must be a real folder (not a link),
    belong to this user, and let nobody else write to it. One of ours that others can
    merely read (made by an earlier version) is made private. With *make*, a missing
    folder is created for this user only.
    """
    if make:
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder, PRIVATE_DIR)
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows keeps temp folders per user
        return None if folder.is_dir() else "it is not a folder"
    try:
        fd = os.open(folder, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC)
    except FileNotFoundError:
        return "it does not exist"
    except OSError as e:
        if e.errno == errno.ELOOP or folder.is_symlink():
            return "it is a symbolic link"
        if e.errno == errno.ENOTDIR:
            return "it is not a folder"
        return e.strerror or str(e)
    try:
        info = os.fstat(fd)
        if info.st_uid != os.getuid():
            return f"it belongs to another user (uid {info.st_uid})"
        if info.st_mode & 0o022:
            return "other users can write to it"
        if info.st_mode & 0o077:
            os.fchmod(fd, PRIVATE_DIR)
    finally:
        os.close(fd)
    return None


def write_cache(path: Path, value: object) -> None:
    """Write a cache file as JSON, atomically and privately. Best effort: a desk that
    cannot write its cache just parses or builds again next time."""
    import json

    data = json.dumps(value, separators=(",", ":")).encode("utf-8")
    with contextlib.suppress(OSError):
        replace(private_dir(path.parent) / path.name, data, sync=False)
