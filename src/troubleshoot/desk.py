"""The one desk setup every command starts from.

A desk is its site settings (and the file they came from), every folder of trees it
may walk, the database its sessions are kept in and the folder its hand-offs go to.
Each command used to work these out for itself, and the copies drifted: a tree in
the site's ``trees:`` folder could be walked but not resumed or shown, and a walk
recorded in the site's database was missing from ``history``. Now a command asks
:meth:`Desk.resolve` once and takes everything from the answer.

Building a desk reads the settings file and lists the tree folders, nothing more:
the catalog loads trees on demand and the database is opened only by :meth:`store`,
so ``list`` never pays for SQLite.
"""

from __future__ import annotations

import enum
import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from troubleshoot import paths, privacy
from troubleshoot.frozen import field, frozen
from troubleshoot.site.config import Settings, is_server
from troubleshoot.site.locate import InForce, resolve
from troubleshoot.tree import catalog as catalogs
from troubleshoot.tree.catalog import Catalog

if TYPE_CHECKING:
    from troubleshoot.sessions.records import Origin
    from troubleshoot.sessions.storage import SessionStore
    from troubleshoot.sessions.store import Store

#: Folders of trees named in the environment, after the bundled ones.
TREES_ENV = "TROUBLESHOOT_TREES"
#: A shared server (postgresql://...) or a database file, over the site's ``database:``.
DATABASE_ENV = "TROUBLESHOOT_DATABASE"


class Chosen(enum.Enum):
    """What ``TROUBLESHOOT_DATABASE`` names: a shared server, or a file of this desk's."""

    SERVER = "server"
    FILE = "file"


def database_from_env() -> tuple[Chosen | None, str]:
    """``TROUBLESHOOT_DATABASE`` read once, for the file, the server and ``site``'s
    account of where records go alike: what it names, and the name."""
    named = os.environ.get(DATABASE_ENV, "").strip()
    if not named:
        return None, ""
    return (Chosen.SERVER if is_server(named) else Chosen.FILE), named


@frozen
class Desk:
    """Everything about this desk that a command needs, worked out in one place."""

    site: InForce
    extra_trees: tuple[Path, ...] = field(default=())

    @classmethod
    def resolve(cls, site_path: Path | None = None, extra_trees: tuple[Path, ...] = ()) -> Desk:
        """This desk: the settings from *site_path* (or where they are found), and its trees.

        *extra_trees* are folders a command was given on its own command line
        (``test`` and ``check`` take paths); they come after every other folder.
        """
        return cls(resolve(site_path), extra_trees)

    @property
    def settings(self) -> Settings:
        return self.site.settings

    @property
    def cards(self) -> privacy.CardPattern:
        """What a patron's card number looks like at this desk: handed to the walk, the
        records and imports, which never read the settings themselves. The strict
        default when the site does not say, or its file cannot be read."""
        return self.settings.cards

    @property
    def warning(self) -> str | None:
        """One line for staff when the settings file could not be used."""
        return self.site.warning

    @property
    def warnings(self) -> list[str]:
        """Every line staff should see before using this desk: the settings file that
        could not be used, and each tree folder named that is not there (a typing
        mistake in ``TROUBLESHOOT_TREES`` used to leave its trees out without a word).
        """
        found = [self.warning] if self.warning else []
        named = [
            *((p, f"{TREES_ENV} names") for p in _env_folders()),
            *((p, f"{self.settings.source('trees')}: trees: names") for p in self.settings.trees),
        ]
        for folder, where in named:
            if not folder.is_dir():
                found.append(
                    f"warning: {where} {folder}, which is not a folder; no trees are loaded from it"
                )
        return found

    @property
    def tree_folders(self) -> list[Path]:
        """Bundled trees, then ``TROUBLESHOOT_TREES``, then the site's, then the command's."""
        return [
            catalogs.bundled_dir(),
            *_env_folders(),
            *self.settings.trees,
            *self.extra_trees,
        ]

    @cached_property
    def catalog(self) -> Catalog:
        """Every tree this desk can walk, by id; a later folder's tree replaces an earlier one."""
        return Catalog(self.tree_folders)

    def titles(self) -> dict[str, str]:
        """Every tree's title by id, read fast: reports name trees as people know them.

        A broken file has no title here; its records are still counted under its id.
        """
        found, _ = self.catalog.infos()
        return {info.id: info.title for info in found}

    @property
    def database(self) -> Path:
        """This desk's own database file: ``TROUBLESHOOT_DATABASE`` when it names a file,
        else the site's ``database:`` file, else ``sessions.db`` in the data folder."""
        chosen, named = database_from_env()
        if chosen is Chosen.FILE:
            return Path(named).expanduser()
        return self.settings.database or paths.database()

    @property
    def practice(self) -> Path:
        """Where practice drills are kept: beside this desk's own database file, so a
        site that keeps its records in a folder of its own keeps its drills there too
        (a shared server holds sessions only; drills stay on the desk)."""
        from troubleshoot.sessions.practice import FILE_NAME

        return self.database.parent / FILE_NAME

    @property
    def chosen_by_env(self) -> Chosen | None:
        """What ``TROUBLESHOOT_DATABASE`` chose, or None when it is not set: it wins over
        the site file, and ``troubleshoot site`` must say so."""
        return database_from_env()[0]

    @property
    def server(self) -> str:
        """The shared store's URL (``postgresql://...``), or empty: records stay here."""
        chosen, named = database_from_env()
        if chosen is None:
            return self.settings.server
        return named if chosen is Chosen.SERVER else ""

    @property
    def name(self) -> str:
        """This desk's name on its records: the site's ``desk:``, else the host name.

        Read from the system (``uname``; Windows keeps it in COMPUTERNAME), not through
        a socket: a walk opens none. Not through ``platform`` either, whose import
        alone costs a walk's start a few milliseconds for the same answer.
        """
        uname = getattr(os, "uname", None)
        host = uname().nodename if uname is not None else os.environ.get("COMPUTERNAME", "")
        return self.settings.desk or host or "unnamed desk"

    @property
    def origin(self) -> Origin:
        """Where this desk's walks are done, as each record keeps it."""
        from troubleshoot.sessions.records import Origin

        return Origin(self.settings.library, self.settings.branch, self.name)

    @property
    def handoffs(self) -> Path:
        """Where hand-offs are saved: the site's ``handoffs:`` folder, else the data folder's."""
        return self.settings.handoffs or paths.handoff_dir()

    def store(self, *, readonly: bool = False) -> SessionStore:
        """The session records: the site's shared server when one is named, else this
        desk's own file (see :meth:`local_store`), opened and brought up to date now."""
        if self.server:
            from troubleshoot.sessions.pgstore import PgStore

            return PgStore.open(self.server)
        return self.local_store(readonly=readonly)

    def local_store(self, *, readonly: bool = False) -> Store:
        """This desk's own database file, opened (and brought up to date) now.

        *readonly* for commands that only read, so that they still work on a file
        nobody may write, and a rescue never changes what it rescues from.
        """
        from troubleshoot.sessions.store import Store

        return Store.open(self.database, readonly=readonly)


def _env_folders() -> list[Path]:
    return [Path(p) for p in os.environ.get(TREES_ENV, "").split(os.pathsep) if p]
