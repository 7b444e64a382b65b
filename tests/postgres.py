"""A throwaway PostgreSQL server for the tests: initdb and pg_ctl in a temp folder.

The server listens on a Unix socket in its own folder only (no TCP port to clash
with anything). initdb refuses to run as root, so as root the cluster is made and
run as the ``postgres`` user, in a folder that user owns. Without the server's
programs (Debian's ``postgresql`` package puts them in /usr/lib/postgresql/*/bin)
or psycopg, the tests that need it skip with one line saying so.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def server_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_server_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", "postgres", "--"]


@contextlib.contextmanager
def cluster() -> Iterator[str]:
    """A running server, as a URL naming its socket folder; stopped and removed after."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install '.[postgres]')")
    bin_dir = server_bin()
    if bin_dir is None:
        pytest.skip("no PostgreSQL server on this machine (/usr/lib/postgresql/*/bin)")
    as_user = _as_server_user()
    if as_user:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no postgres user to run the server as")
    folder = Path(tempfile.mkdtemp(prefix="troubleshoot-pg-"))
    if as_user:
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    data = folder / "data"
    run = {"check": True, "capture_output": True, "timeout": 120}
    try:
        subprocess.run(
            [*as_user, str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
             "-E", "UTF8", "--no-sync"],
            **run,
        )  # fmt: skip
        options = f"-k {folder} -c listen_addresses='' -c fsync=off -p 5432"
        subprocess.run(
            [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-w",
             "-l", str(folder / "log"), "start"],
            **run,
        )  # fmt: skip
    except subprocess.CalledProcessError as e:
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"the test server did not start: {e.stderr.decode()}") from None
    try:
        yield f"postgresql://postgres@/postgres?host={folder}&port=5432"
    finally:
        subprocess.run(
            [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(folder, ignore_errors=True)


def fresh_database(server: str) -> str:
    """A new empty database on *server*, as a URL: each test starts from nothing."""
    import psycopg

    name = f"t_{uuid.uuid4().hex}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server.replace("@/postgres?", f"@/{name}?")
