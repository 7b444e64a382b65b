"""Private, link-safe files: what another account on the desk PC can plant is never written.

Tests run as root in CI, and root may write anywhere, so the hostile states are made
directly (a planted link, a folder anyone can write to, a folder handed to another
user with chown) and the code must refuse them whoever runs it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from troubleshoot import files

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
OTHER_UID = 65534  # 'nobody'


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_a_new_file_is_private_in_a_private_folder_made_with_its_parents(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    files.create(files.private_dir(folder) / "x.md", b"hand-off")
    assert (folder / "x.md").read_bytes() == b"hand-off"
    assert (mode(tmp_path / "a"), mode(folder), mode(folder / "x.md")) == (0o700, 0o700, 0o600)


def test_create_never_writes_through_a_planted_link_or_over_a_file(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("the victim's own file")
    (tmp_path / "planted.md").symlink_to(victim)
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere")
    for name in ("planted.md", "dangling.md", "victim.txt"):
        with pytest.raises(FileExistsError):
            files.create(tmp_path / name, b"records")
    assert victim.read_text() == "the victim's own file"
    assert not (tmp_path / "nowhere").exists()


def test_create_unique_takes_the_next_free_name_and_skips_links(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text("first")
    (tmp_path / "note-2.md").symlink_to(tmp_path / "elsewhere")
    made = files.create_unique(tmp_path, "note", ".md", b"third")
    assert made == tmp_path / "note-3.md" and made.read_bytes() == b"third"
    assert not (tmp_path / "elsewhere").exists()


def test_replace_swaps_a_link_for_a_private_file_and_leaves_its_target_alone(
    tmp_path: Path,
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    cache = tmp_path / "cache.json"
    cache.symlink_to(victim)
    files.replace(cache, b"{}")
    assert not cache.is_symlink()
    assert cache.read_bytes() == b"{}" and mode(cache) == 0o600
    assert victim.read_text() == "keep me"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_named_output_that_is_a_link_is_refused(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (tmp_path / "out.csv").symlink_to(victim)
    with pytest.raises(OSError, match="is a symbolic link; name the file itself"):
        files.write_named(tmp_path / "out.csv", b"a,b\n")
    assert victim.read_text() == "keep me"
    files.write_named(tmp_path / "new.csv", b"a,b\n")
    assert mode(tmp_path / "new.csv") == 0o600
    files.write_named(Path(os.devnull), b"thrown away")


def test_append_makes_a_private_file_and_tightens_one_of_ours(tmp_path: Path) -> None:
    path = tmp_path / "pending.jsonl"
    files.append(path, b"one\n")
    path.chmod(0o644)  # as an earlier version left it
    files.append(path, b"two\n")
    assert path.read_bytes() == b"one\ntwo\n" and mode(path) == 0o600


@pytest.mark.parametrize("planted", ["symlink", "hard link", "fifo", "another user's"])
def test_append_refuses_what_another_user_could_plant(tmp_path: Path, planted: str) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("mine\n")
    path = tmp_path / "pending.jsonl"
    if planted == "symlink":
        path.symlink_to(victim)
    elif planted == "hard link":
        os.link(victim, path)
    elif planted == "fifo":
        os.mkfifo(path)
    else:
        if not ROOT:
            pytest.skip("only root can give a file to another user")
        path.write_text("")
        os.chown(path, OTHER_UID, OTHER_UID)
    with pytest.raises(OSError):
        files.append(path, b"a record\n")
    assert victim.read_text() == "mine\n"


def test_a_folder_of_ours_in_the_temp_folder_is_accepted_and_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "troubleshoot-0"
    assert files.own_folder(folder) is None and mode(folder) == 0o700
    folder.chmod(0o755)
    assert files.own_folder(folder) is None and mode(folder) == 0o700


@pytest.mark.parametrize(
    ("hostile", "why"),
    [
        ("writable by all", "other users can write to it"),
        ("symlink", "it is a symbolic link"),
        ("a file", "it is not a folder"),
        ("another user's", f"it belongs to another user (uid {OTHER_UID})"),
    ],
)
def test_a_hostile_temp_folder_is_refused_whoever_runs_the_tool(
    tmp_path: Path, hostile: str, why: str
) -> None:
    folder = tmp_path / "troubleshoot-0"
    if hostile == "writable by all":
        folder.mkdir()
        folder.chmod(0o777)
    elif hostile == "symlink":
        (tmp_path / "elsewhere").mkdir(mode=0o700)
        folder.symlink_to(tmp_path / "elsewhere")
    elif hostile == "a file":
        folder.write_text("")
    else:
        if not ROOT:
            pytest.skip("only root can give a folder to another user")
        folder.mkdir(mode=0o700)
        os.chown(folder, OTHER_UID, OTHER_UID)
    assert files.own_folder(folder) == why
