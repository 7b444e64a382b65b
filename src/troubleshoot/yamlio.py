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

#: Plain scalar -> its tag. Safe loaders resolve a tag from the scalar's text alone, so
#: the answer can be kept; keys such as ``next`` and ``fixed`` recur in every node.
_TAGS: dict[str, str] = {}
_TAGS_KEPT = 20_000


def _resolve(self: yaml.SafeLoader, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
    if kind is _SCALAR and implicit[0]:
        tag = _TAGS.get(value)
        if tag is None:
            tag = str(Loader.resolve(self, kind, value, implicit))  # type: ignore[no-untyped-call]
            if len(_TAGS) < _TAGS_KEPT:
                _TAGS[value] = tag
        return tag
    return str(Loader.resolve(self, kind, value, implicit))  # type: ignore[no-untyped-call]


_SCALAR = yaml.ScalarNode


def _no_paths(self: yaml.SafeLoader, *_args: object) -> None:
    """Path resolvers are never registered, so there is no path to track."""


#: The loader ``compose`` uses: the safe one, a third faster on a folder of trees.
#: (If anything ever registered a path resolver, tags would depend on more than the
#: text; then the plain safe loader is used.)
ComposeLoader: type[yaml.SafeLoader] = (
    type(
        "ComposeLoader",
        (Loader,),
        {"resolve": _resolve, "descend_resolver": _no_paths, "ascend_resolver": _no_paths},
    )
    if not Loader.yaml_path_resolvers
    else Loader
)

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
    loader = ComposeLoader(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as e:
        message, mark = explain(e, text)
        raise TroubleshootError(
            message, name, mark.line + 1 if mark else None, mark.column + 1 if mark else None
        ) from None
    except yaml.YAMLError as e:
        raise TroubleshootError(f"invalid YAML: {e}", name) from None
    except RecursionError:
        raise TroubleshootError("YAML is nested too deeply", name) from None
    finally:
        loader.dispose()


def explain(e: yaml.MarkedYAMLError, text: str) -> tuple[str, yaml.Mark | None]:
    """A YAML syntax error in words a trainer can act on, and where to look."""
    mark = e.problem_mark or e.context_mark
    problem, context = e.problem or "", e.context or ""
    opened = f" at line {e.context_mark.line + 1}" if e.context_mark else ""
    if "expected a single document" in context:
        return "file holds more than one YAML document (a '---' line); keep one per file", mark
    if "cannot start any token" in problem and mark is not None:
        char = text[mark.index : mark.index + 1]
        if char == "\t":
            return "a tab character: indent with spaces, not tabs", mark
        return f"text cannot start with '{char}'; put the whole text in quotes", mark
    if "mapping values are not allowed" in problem:
        return "a ': ' inside text; put the whole text in quotes", mark
    if "quoted scalar" in context and "end of stream" in problem:
        return f"a quote opened{opened} is never closed", e.context_mark or mark
    if "flow sequence" in context:
        return f"the [ ] list opened{opened} is not closed, or text in it needs quotes", mark
    if "flow mapping" in context:
        return f"the {{ }} opened{opened} is not closed, or text in it needs quotes", mark
    if "block" in context and "expected key" in problem:
        return f"this line's indentation does not match the block that starts{opened}", mark
    if "undefined alias" in problem:
        return "text cannot start with '*'; put the whole text in quotes", mark
    words = " ".join(part for part in (context, problem) if part) or "invalid YAML"
    return f"YAML: {words}", mark


def safe_load(text: str) -> object:
    """Plain Python values from YAML text, for callers that need no positions."""
    return yaml.load(text, Loader=Loader)
