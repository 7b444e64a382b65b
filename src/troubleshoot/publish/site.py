"""Writing the self-help site: ``index.html`` and one ``SHORT.html`` per tree.

The pages are flat in one folder, so that each works opened from a folder, a USB
stick or any web server, with no paths to rewrite: every link is to a file beside
it. A page's address is its short name (``mobile-printing.html``), short enough for
a QR code on a sign at the printer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from troubleshoot import files
from troubleshoot.errors import TroubleshootError
from troubleshoot.frozen import frozen
from troubleshoot.publish import manifest
from troubleshoot.publish.pages import INDEX, page_file, render_index, render_page
from troubleshoot.publish.path import Page, page_of
from troubleshoot.site.config import Settings
from troubleshoot.tree.model import Tree


@frozen
class Published:
    folder: Path
    pages: tuple[Page, ...]
    removed: tuple[str, ...] = ()  # pages of an earlier run no longer published
    left: tuple[str, ...] = ()  # such pages changed since, so left to their owner

    @property
    def files(self) -> tuple[str, ...]:
        return (INDEX, *(page_file(p.short) for p in self.pages))


def pages_of(trees: Iterable[Tree], get_tree: Callable[[str], Tree | None]) -> list[Page]:
    """Every self-help page these trees make; two trees may not share a short address."""
    found: dict[str, Page] = {}
    for tree in trees:
        page = page_of(tree, get_tree)
        if page is None:
            continue
        if page.short == "index" or page.short in found:
            other = found[page.short].tree if page.short in found else "the index"
            raise TroubleshootError(
                f"trees '{other}' and '{tree.id}' would both be {page_file(page.short)};"
                " give one a different self_help: short:",
                tree.path,
            )
        found[page.short] = page
    return list(found.values())


def publish(
    folder: Path,
    trees: Iterable[Tree],
    get_tree: Callable[[str], Tree | None],
    settings: Settings,
) -> Published:
    """Write the site into *folder* (made if missing); pages already there are replaced,
    and a page an earlier run wrote that is no longer published is removed (see
    :mod:`troubleshoot.publish.manifest`)."""
    pages = pages_of(trees, get_tree)
    try:
        files.published_dir(folder)
        listed = manifest.read(folder)  # before anything is written: a planted list stops it
        written: dict[str, str] = {}
        for name, data in [
            *((page_file(p.short), render_page(p, settings).encode("utf-8")) for p in pages),
            (INDEX, render_index(pages, settings).encode("utf-8")),
        ]:
            files.write_published(folder / name, data)
            written[name] = manifest.digest(data)
        cleared = manifest.clear(folder, listed, written)
        manifest.write(folder, written)
    except OSError as e:
        raise TroubleshootError(
            f"cannot write the pages: {e.strerror or e}", str(e.filename or folder)
        ) from None
    return Published(folder, tuple(pages), cleared.removed, cleared.left)
