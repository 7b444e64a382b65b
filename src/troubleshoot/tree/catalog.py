"""Where trees live, and loading them on demand.

A desk has the bundled trees plus, perhaps, folders of its own or its consortium's
(later folders win, so a site can replace a bundled tree by writing one with the same
id). Trees are loaded only when asked for, so starting a walk does not pay for the
whole library, and one broken file never hides the good ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from troubleshoot.errors import Finding, TroubleshootError
from troubleshoot.frozen import field, frozen, mutable
from troubleshoot.tree import infos
from troubleshoot.tree.values import tree_id_for

if TYPE_CHECKING:
    from troubleshoot.tree.model import Tree


def bundled_dir() -> Path:
    """The trees shipped with the tool: inside the package once installed, else the repo's."""
    package = Path(__file__).resolve().parent.parent  # src/troubleshoot, or the installed one
    packaged = package / "trees"
    if packaged.is_dir():
        return packaged
    return package.parent.parent / "trees"


def tree_files(folder: Path) -> list[Path]:
    """Every ``*.yaml`` name in one folder, in a stable order; a file stands for itself.

    Anything by that name but a folder is listed, so that a pipe, a link or a
    dangling link is reported as a broken tree (and not read) instead of being
    skipped without a word.
    """
    if folder.is_file():
        return [folder]
    try:
        return sorted(p for p in folder.glob("*.yaml") if p.is_symlink() or not p.is_dir())
    except OSError:
        return []


@frozen
class Shadow:
    """A tree id found in two folders: which file is used and which is not."""

    tree_id: str
    used: Path
    hidden: Path


@mutable
class Catalog:
    """Tree ids mapped to files, over several folders; trees loaded and kept on demand."""

    folders: list[Path]
    paths: dict[str, Path] = field(default_factory=dict)
    shadows: list[Shadow] = field(default_factory=list)
    _trees: dict[str, Tree] = field(default_factory=dict)
    _problems: dict[str, list[Finding]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for folder in self.folders:
            for path in tree_files(folder):
                tree_id = tree_id_for(path)
                if tree_id in self.paths and self.paths[tree_id] != path:
                    self.shadows.append(Shadow(tree_id, path, self.paths[tree_id]))
                self.paths[tree_id] = path

    def ids(self) -> list[str]:
        return sorted(self.paths)

    def get(self, tree_id: str) -> Tree | None:
        """The tree, or None when there is no such id or the file is broken."""
        if tree_id in self._trees:
            return self._trees[tree_id]
        path = self.paths.get(tree_id)
        if path is None or tree_id in self._problems:
            return None
        from troubleshoot.tree import cache  # builds the tree model: only to load one

        tree, findings = cache.parse(path)
        if tree is None:
            self._problems[tree_id] = findings
            tree = self._replaced(tree_id)
            if tree is None:
                return None
        self._trees[tree_id] = tree
        return tree

    def _replaced(self, tree_id: str) -> Tree | None:
        """The file a broken one replaced (a site's copy of a bundled tree), if that loads.

        A half-saved edit on a shared drive must not take a working tree away from
        the desk; the broken file is still reported.
        """
        for shadow in reversed(self.shadows):
            if shadow.tree_id == tree_id:
                from troubleshoot.tree import cache

                tree, _ = cache.parse(shadow.hidden)
                if tree is not None:
                    return tree
        return None

    def load(self, tree_id: str) -> Tree:
        """The tree, or an error that says why it cannot be had."""
        tree = self.get(tree_id)
        if tree is not None:
            return tree
        if tree_id in self._problems:
            raise self._problems[tree_id][0].to_error()
        raise TroubleshootError(f"no tree called '{tree_id}'")

    def infos(self) -> tuple[list[infos.TreeInfo], list[Finding]]:
        """Titles, summaries and search text of every tree, fast; and the broken files."""
        return infos.infos(self.paths)

    def problems(self, tree_id: str) -> list[Finding]:
        return self._problems.get(tree_id, [])

    def trees(self) -> Iterator[Tree]:
        """Every tree that loads; the broken ones are kept in :meth:`problems`."""
        for tree_id in self.ids():
            tree = self.get(tree_id)
            if tree is not None:
                yield tree

    def broken(self) -> list[Finding]:
        """The first problem of every tree that did not load (call after :meth:`trees`)."""
        return [found[0] for found in self._problems.values() if found]
