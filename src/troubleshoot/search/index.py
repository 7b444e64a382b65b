"""The search index of a catalog, kept between runs in the cache folder.

Searching needs every tree's words, and parsing a thousand YAML files takes seconds
on a desk PC; the finished index loads from one JSON file in a fraction of that.
The file records a digest of every tree file's bytes, so any edit, new file or
removed file is seen and the index rebuilt: the cache is never wrong, only
sometimes unused. Plain JSON, never pickle, since the folder may be shared. When
the cache cannot be read or written the index is simply built in memory.
``TROUBLESHOOT_CACHE`` moves the folder, or turns it off with ``off``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from troubleshoot import files, paths, textfile
from troubleshoot.errors import TroubleshootError
from troubleshoot.search.find import Index
from troubleshoot.tree.catalog import Catalog

#: Format of :func:`to_data`; bump when the index, weights.py or words.py change.
FORMAT = 3


def to_data(index: Index) -> dict[str, Any]:
    """Plain JSON values, so a catalog need not load every tree to search it."""
    return {
        "format": FORMAT,
        "trees": index.trees,
        "postings": index.postings,
        "phrases": [
            index.phrase_tree,
            index.phrase_text,
            index.phrase_node,
            index.phrase_terms,
            index.phrase_size,
            index.phrase_strength,
        ],
        "phrase_postings": index.phrase_postings,
        "compounds": index.compounds,
    }


def from_data(data: Mapping[str, Any]) -> Index:
    """The index back from :func:`to_data`; ValueError if it is not one."""
    try:
        if data["format"] != FORMAT:
            raise ValueError("index format changed")
        tree, text, node, words, size, strength = data["phrases"]
        index = Index(
            trees=[(str(i), str(t)) for i, t in data["trees"]],
            postings={t: (p[0], p[1]) for t, p in data["postings"].items()},
            phrase_tree=tree,
            phrase_text=text,
            phrase_node=node,
            phrase_terms=words,
            phrase_size=size,
            phrase_strength=strength,
            phrase_postings=data["phrase_postings"],
            compounds=data["compounds"],
        )
    except (KeyError, TypeError, AttributeError, IndexError) as e:
        raise ValueError(f"not a search index: {e}") from None
    if not len(tree) == len(text) == len(node) == len(words) == len(size) == len(strength):
        raise ValueError("not a search index: phrase columns differ in length")
    return index


def signature(catalog: Catalog) -> str:
    """A digest of every tree file's id, path and bytes: what the index was built from."""
    digest = hashlib.sha256()
    for tree_id, path in sorted(catalog.paths.items()):
        try:
            content = hashlib.sha256(textfile.read_bytes(path, follow_links=False)).hexdigest()
        except TroubleshootError:  # refused by the loader too; a big file is not read whole
            try:
                info = path.lstat()
                content = f"{info.st_size}:{info.st_mtime_ns}"
            except OSError:
                content = "unreadable"
        digest.update(f"{tree_id}\0{path}\0{content}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def cache_file(catalog: Catalog) -> Path | None:
    """One file per set of tree folders, so a training catalog never evicts the desk's."""
    folder = paths.cache_dir()
    if folder is None:
        return None
    names = "\n".join(str(f) for f in catalog.folders)
    digest = hashlib.sha256(names.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return folder / f"find-index-{digest}.json"


def index_for(catalog: Catalog, warn: Callable[[str], None] | None = None) -> Index:
    """The catalog's search index: from the cache when it is current, else built and saved.

    *warn* hears one line per tree file that does not load, so a broken file is named
    even when the index comes from the cache and nothing is parsed.
    """
    wanted = signature(catalog)
    where = cache_file(catalog)
    if where is not None:
        try:
            data = json.loads(where.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("signature") == wanted:
                index = from_data(data["index"])
                for line in data.get("broken", []):
                    if warn is not None:
                        warn(str(line))
                return index
        except (OSError, ValueError, KeyError, TypeError):
            pass
    index = Index.build(catalog.trees())
    broken = [f"skipped {problem}" for problem in catalog.broken()]
    for line in broken:
        if warn is not None:
            warn(line)
    if where is not None:
        files.write_cache(where, {"signature": wanted, "index": to_data(index), "broken": broken})
    return index
