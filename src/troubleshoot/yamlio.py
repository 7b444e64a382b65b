"""Reading YAML safely, in one place.

Only the safe loaders are ever used, and the C one when libyaml is installed
because it is several times faster on an old desk PC. We compose nodes rather than
construct objects: nodes keep their line and column, duplicate keys can be seen,
and aliases are never expanded (so an alias bomb costs nothing).
"""

from __future__ import annotations

import codecs
from pathlib import Path

import yaml

from troubleshoot.errors import TroubleshootError

try:
    Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
    HAVE_LIBYAML = True
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    Loader = yaml.SafeLoader
    HAVE_LIBYAML = False

#: Trees and settings files larger than this are refused without being read whole.
MAX_FILE_BYTES = 1024 * 1024


def read_text(path: Path) -> str:
    """The file as text, or a one-line reason why it cannot be a tree or settings file."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise TroubleshootError(
                f"file is {size // 1024} KiB; the limit is {MAX_FILE_BYTES // 1024} KiB", name
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise TroubleshootError(f"cannot read file: {e.strerror or e}", name) from None
    if len(data) > MAX_FILE_BYTES:
        raise TroubleshootError(f"file is larger than {MAX_FILE_BYTES // 1024} KiB", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise TroubleshootError("file is UTF-16; save it as UTF-8", name)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        raise TroubleshootError("file holds NUL bytes: not a text file", name, line)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise TroubleshootError(
            f"not UTF-8 text (byte 0x{data[e.start]:02x}); save the file as UTF-8", name, line, col
        ) from None


def compose(text: str, name: str) -> yaml.Node | None:
    """One YAML document as a node graph, or None for an empty file."""
    loader = Loader(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        message = " ".join(part for part in (e.context, e.problem) if part) or "invalid YAML"
        if "expected a single document" in message:
            message = "file holds more than one YAML document (a '---' line); keep one per file"
        raise TroubleshootError(
            message, name, mark.line + 1 if mark else None, mark.column + 1 if mark else None
        ) from None
    except yaml.YAMLError as e:
        raise TroubleshootError(f"invalid YAML: {e}", name) from None
    except RecursionError:
        raise TroubleshootError("YAML is nested too deeply", name) from None
    finally:
        loader.dispose()


def safe_load(text: str) -> object:
    """Plain Python values from YAML text, for callers that need no positions."""
    return yaml.load(text, Loader=Loader)
