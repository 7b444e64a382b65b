"""Reading YAML safely, in one place.

Only the safe loaders are ever used, and the C one when libyaml is installed
because it is several times faster on an old desk PC. We compose nodes rather than
construct objects: nodes keep their line and column, duplicate keys can be seen,
and aliases are never expanded.

A tree folder on a shared drive can be written by anyone, so before composing, one
pass over the parser's events (a flat loop, no recursion) refuses what would hurt:
nesting deep enough to exhaust the C composer's stack, aliases that refer to the
value they sit inside, aliases that would multiply into millions of values for
whoever walks the result, and tags that ask for anything but plain data.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TypeVar

import yaml

from troubleshoot.errors import TroubleshootError
from troubleshoot.textfile import LINKED, MAX_FILE_BYTES, line_col, read_bytes, read_text
from troubleshoot.yamlindent import misaligned

__all__ = [
    "LINKED",
    "MAX_FILE_BYTES",
    "compose",
    "explain",
    "read_bytes",
    "read_text",
    "safe_load",
]

T = TypeVar("T")

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

#: Lists and mappings inside one another; a real tree needs about six.
MAX_DEPTH = 64
#: Values in one file, counting every use of an alias as a full copy of what it names.
MAX_VALUES = 100_000

_CORE = "tag:yaml.org,2002:"
#: The only tags a file may spell out: plain data. ``!`` means "just a string".
SAFE_TAGS = frozenset(
    {"!"} | {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
)


def _short(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _refuse_harmful(loader: yaml.SafeLoader, name: str) -> None:
    """Walk the parser's events once, refusing deep nesting, alias loops and bombs, and tags."""
    anchors: list[str | None] = []  # one per open list or mapping
    counts: list[int] = [0]  # values inside each open list or mapping (and the document)
    sizes: dict[str, int] = {}  # values an alias to each anchor stands for
    values = 0
    while loader.check_event():
        event: yaml.Event = loader.get_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.CollectionEndEvent):
            anchor, size = anchors.pop(), counts.pop()
            if anchor:
                sizes[anchor] = size
            counts[-1] += size
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        mark = event.start_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in SAFE_TAGS:
            raise TroubleshootError(f"unknown or unsafe YAML tag '{_short(tag)}'", name, line, col)
        size = 1
        if isinstance(event, yaml.AliasEvent):
            if event.anchor in anchors:
                raise TroubleshootError(
                    f"alias '*{event.anchor}' refers to the value it is inside (a loop)",
                    name,
                    line,
                    col,
                )
            size = sizes.get(event.anchor or "", 1)
        values += size
        if values > MAX_VALUES:
            raise TroubleshootError(
                f"file holds more than {MAX_VALUES} values (each use of an alias counts in full)",
                name,
                line,
                col,
            )
        if isinstance(event, yaml.CollectionStartEvent):
            if len(anchors) >= MAX_DEPTH:
                raise TroubleshootError(
                    f"lists and mappings nested more than {MAX_DEPTH} levels deep", name, line, col
                )
            anchors.append(event.anchor)
            counts.append(1)
            continue
        if event.anchor:
            sizes[event.anchor] = size
        counts[-1] += size


def _char(text: str, mark: yaml.Mark) -> str:
    return text[mark.index : mark.index + 1]


def _tab(text: str, mark: yaml.Mark) -> str:
    """A tab in words: before anything on its line it indents, else it spaces words apart."""
    before = text[text.rfind("\n", 0, mark.index) + 1 : mark.index]
    if not before.strip():
        return "a tab is used for indenting here; YAML needs spaces"
    return "a tab is used for spacing here; YAML needs spaces"


def _moved(mark: yaml.Mark, text: str, line: int, column: int) -> yaml.Mark:
    """*mark*, moved to another place in the same text (0-based line and column)."""
    place = copy.copy(mark)
    start = 0
    for _ in range(line):
        start = text.index("\n", start) + 1
    place.line, place.column, place.index = line, column, start + column
    return place


def explain(e: yaml.MarkedYAMLError, text: str) -> tuple[str, yaml.Mark | None]:
    """A YAML syntax error in words a trainer can act on, and where to look."""
    mark = e.problem_mark or e.context_mark
    problem, context = e.problem or "", e.context or ""
    opened = f" at line {e.context_mark.line + 1}" if e.context_mark else ""
    if "expected a single document" in context:
        return "file holds more than one YAML document (a '---' line); keep one per file", mark
    if mark is not None and ("tab character" in problem or _char(text, mark) == "\t"):
        return _tab(text, mark), mark
    if "cannot start any token" in problem and mark is not None:
        return f"text cannot start with '{_char(text, mark)}'; put the whole text in quotes", mark
    if "mapping values are not allowed" in problem:
        wrong = misaligned(text, mark.line, mark.column) if mark else None
        if wrong is not None and mark is not None:
            return wrong.message(), _moved(mark, text, wrong.line, wrong.column)
        return "a ': ' inside text; put the whole text in quotes", mark
    if "quoted scalar" in context and "end of stream" in problem:
        return f"a quote opened{opened} is never closed", e.context_mark or mark
    if "flow sequence" in context:
        return f"the [ ] list opened{opened} is not closed, or text in it needs quotes", mark
    if "flow mapping" in context:
        return f"the {{ }} opened{opened} is not closed, or text in it needs quotes", mark
    if "block" in context and ("expected key" in problem or "expected <block end>" in problem):
        wrong = misaligned(text, mark.line) if mark else None
        if wrong is not None and mark is not None:
            return wrong.message(), _moved(mark, text, wrong.line, wrong.column)
        return f"this line's indentation does not match the block that starts{opened}", mark
    if "unknown escape character" in problem and mark is not None:
        at = mark.index - 1 if text[mark.index - 1 : mark.index] == "\\" else mark.index
        escape = text[at : at + 2]
        place = copy.copy(mark)
        place.index, place.column = at, mark.column - (mark.index - at)
        return (
            f"'{escape}' is not an escape YAML knows in \"double quotes\"; "
            "write '\\\\' for a backslash, or use 'single quotes'",
            place,
        )
    if "duplicate YAML directive" in problem or "duplicate %YAML" in problem:
        return "the %YAML line appears twice; keep one", mark
    if "undefined alias" in problem:
        return "text cannot start with '*'; put the whole text in quotes", mark
    words = " ".join(part for part in (context, problem) if part) or "invalid YAML"
    return f"YAML: {words}", mark


def _as_error(e: yaml.YAMLError, text: str, name: str, *, counts_bytes: bool) -> TroubleshootError:
    """One of our errors, with line and column, for any complaint from the YAML parser."""
    if isinstance(e, yaml.MarkedYAMLError):
        message, mark = explain(e, text)
        if "duplicate anchor" in (e.context or "") + (e.problem or ""):
            first = e.context_mark.line + 1 if e.context_mark else "?"
            message = (
                f"anchor defined twice (first at line {first}); give each '&name' its own name"
            )
        return TroubleshootError(
            message, name, mark.line + 1 if mark else None, mark.column + 1 if mark else None
        )
    if isinstance(e, yaml.reader.ReaderError):
        # libyaml counts bytes of the UTF-8 text; the pure-Python reader counts characters.
        data = text.encode("utf-8") if counts_bytes else text[: e.position].encode("utf-8")
        offset = e.position if counts_bytes else len(data)
        line, col = line_col(data, min(offset, len(data)))
        what = f"character U+{e.character:04X}" if isinstance(e.character, int) else "character"
        return TroubleshootError(f"{what} is not allowed in YAML ({e.reason})", name, line, col)
    return TroubleshootError("invalid YAML: " + " ".join(str(e).split()), name)


def _run(text: str, use: Callable[[yaml.SafeLoader], T], kind: type[yaml.SafeLoader]) -> T:
    """*use* on a fresh loader of *kind* over *text* (building the loader can fail too)."""
    loader = kind(text)
    try:
        return use(loader)
    finally:
        loader.dispose()


def _parse(
    text: str, name: str, use: Callable[[yaml.SafeLoader], T], kind: type[yaml.SafeLoader] = Loader
) -> T:
    """Run *use* on a fresh loader over *text*, turning any YAML complaint into ours.

    libyaml words and places the same faults differently from release to release, and
    0.2.6 refuses deep nesting with a limit of its own before our depth check can see
    it. So a file libyaml refuses is read once more by PyYAML's own parser, which has
    no limits of its own and is the same everywhere: its complaint, or our check's, is
    the one reported, and every build of PyYAML gives the same line for a broken file.
    Good files never pay for this.
    """
    try:
        return _run(text, use, kind)
    except yaml.YAMLError as e:
        first = e
    except RecursionError:  # pragma: no cover - the depth check comes first
        raise TroubleshootError("YAML is nested too deeply", name) from None
    if HAVE_LIBYAML:
        try:
            _run(text, use, yaml.SafeLoader)
        except yaml.YAMLError as e:
            raise _as_error(e, text, name, counts_bytes=False) from None
        except RecursionError:  # pragma: no cover - the depth check comes first
            raise TroubleshootError("YAML is nested too deeply", name) from None
    raise _as_error(first, text, name, counts_bytes=HAVE_LIBYAML) from None


def compose(text: str, name: str) -> yaml.Node | None:
    """One YAML document as a node graph, or None for an empty file."""
    _parse(text, name, lambda loader: _refuse_harmful(loader, name))
    return _parse(text, name, lambda loader: loader.get_single_node(), ComposeLoader)


def safe_load(text: str, name: str = "<text>") -> object:
    """Plain Python values from YAML text, for callers that need no positions.

    The same checks as :func:`compose` come first, and a value the constructor cannot
    build (a date like 2026-13-45, an integer thousands of digits long) is one of our
    errors rather than a bare ``ValueError``.
    """
    node = compose(text, name)
    if node is None:
        return None
    try:
        return yaml.constructor.SafeConstructor().construct_document(node)
    except yaml.YAMLError as e:
        raise _as_error(e, text, name, counts_bytes=False) from None
    except (ValueError, OverflowError) as e:
        message = " ".join(str(e).split())
        raise TroubleshootError(f"a value cannot be read: {message}", name) from None
