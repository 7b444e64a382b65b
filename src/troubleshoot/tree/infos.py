"""What listing and searching need of every tree, kept in one index file.

``list`` and ``find`` show titles and summaries of the whole library. Parsing every
tree for that would take seconds on a desk PC; the index holds them and the digest of
each file, so only a changed file is parsed again. Nothing here builds the tree model
unless a file changed, which keeps a warm start quick.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from troubleshoot import paths, textfile
from troubleshoot.errors import Finding, TroubleshootError
from troubleshoot.files import write_cache
from troubleshoot.frozen import frozen

if TYPE_CHECKING:
    from troubleshoot.tree.model import Tree

#: Bump when :class:`TreeInfo` changes shape (the trees' own cache has cache.FORMAT).
FORMAT = 5


@frozen
class TreeInfo:
    """What listing and searching need of a tree, without loading the whole of it."""

    id: str
    path: str
    title: str
    summary: str
    symptoms: tuple[tuple[str, str | None], ...]  # (phrase, node it points to)
    text: str  # every question, step and answer, for searching


def info_of(tree: Tree) -> TreeInfo:
    from troubleshoot.tree.model import Question, Say, Step

    parts: list[str] = []
    for node in tree.nodes.values():
        if isinstance(node, Question):
            parts.append(node.ask)
            parts.extend(a.text for a in node.answers)
        elif isinstance(node, Step):
            parts.append(node.step)
        elif isinstance(node, Say):
            parts.append(node.say)
    return TreeInfo(
        tree.id,
        tree.path,
        tree.title,
        tree.summary,
        tuple((s.text, s.node) for s in tree.symptoms),
        "\n".join(parts),
    )


def infos(files: dict[str, Path]) -> tuple[list[TreeInfo], list[Finding]]:
    """A :class:`TreeInfo` for every tree that loads, and the first problem of each that
    does not. One index file serves the whole library; each tree file is still read and
    hashed, and parsed again only when it changed."""
    folder = paths.cache_dir()
    index_path = None
    index: dict[str, Any] = {}
    if folder is not None:
        names = "\n".join(sorted(str(p) for p in files.values()))
        index_path = folder / f"index-{hashlib.sha1(names.encode()).hexdigest()}.json"
        try:
            loaded = json.loads(index_path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict) and loaded.get("format") == FORMAT:
                index = loaded.get("trees", {})
        except (OSError, ValueError):
            index = {}
    found: list[TreeInfo] = []
    problems: list[Finding] = []
    fresh: dict[str, Any] = {}
    changed = False
    for tree_id in sorted(files):
        path = files[tree_id]
        name = str(path)
        try:
            data = textfile.read_bytes(path, follow_links=False)
        except TroubleshootError:
            data = b""
        digest = hashlib.sha256(data).hexdigest() if data else ""
        entry = index.get(name)
        if digest and isinstance(entry, dict) and entry.get("sha256") == digest:
            try:
                raw = entry["info"]
                symptoms = tuple((str(t), n) for t, n in raw[4])
                info = TreeInfo(raw[0], raw[1], raw[2], raw[3], symptoms, raw[5])
                found.append(info)
                fresh[name] = entry
                continue
            except (TypeError, KeyError, IndexError):
                pass
        from troubleshoot.tree.cache import parse  # builds the tree model: only on a miss

        tree, findings = parse(path)
        if tree is None:
            problems.append(findings[0])
            continue
        info = info_of(tree)
        found.append(info)
        fresh[name] = {
            "sha256": tree.digest,
            "info": [info.id, info.path, info.title, info.summary, info.symptoms, info.text],
        }
        changed = True
    if index_path is not None and (changed or set(fresh) != set(index)):
        write_cache(index_path, {"format": FORMAT, "trees": fresh})
    return found, problems
