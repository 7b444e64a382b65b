"""Writing the pages: readable by all, never through a link, one address per page."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.conftest import write_tree
from tests.publish.conftest import SETTINGS, bundled_trees
from troubleshoot.errors import TroubleshootError
from troubleshoot.publish import manifest
from troubleshoot.publish.site import publish

WIFI = bundled_trees()["wifi"]
USB = bundled_trees()["usb"]


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_pages_are_readable_by_a_web_server_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        done = publish(tmp_path / "help", [WIFI], lambda _: None, SETTINGS)
    finally:
        os.umask(old)
    assert done.files == ("index.html", "wifi.html")
    assert mode(tmp_path / "help") == 0o755
    assert [mode(tmp_path / "help" / name) for name in done.files] == [0o644, 0o644]


def test_publishing_again_replaces_the_pages(tmp_path: Path) -> None:
    folder = tmp_path / "help"
    publish(folder, [WIFI], lambda _: None, SETTINGS)
    (folder / "wifi.html").write_text("old", encoding="utf-8")
    publish(folder, [WIFI], lambda _: None, SETTINGS)
    assert (folder / "wifi.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    # No temporary left; the list of what was written is kept beside the pages.
    assert sorted(os.listdir(folder)) == [".troubleshoot-published", "index.html", "wifi.html"]


def test_a_link_where_a_page_goes_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "help"
    folder.mkdir()
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me", encoding="utf-8")
    (folder / "wifi.html").symlink_to(target)
    with pytest.raises(TroubleshootError) as caught:
        publish(folder, [WIFI], lambda _: None, SETTINGS)
    assert str(caught.value) == (
        f"{folder / 'wifi.html'}: cannot write the pages: is a symbolic link; remove it first"
    )
    assert target.read_text(encoding="utf-8") == "keep me"


def test_a_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "help").symlink_to(real)
    with pytest.raises(TroubleshootError) as caught:
        publish(tmp_path / "help", [WIFI], lambda _: None, SETTINGS)
    assert "is a symbolic link; name the folder itself" in str(caught.value)
    assert os.listdir(real) == []


def test_two_trees_with_one_short_address_are_refused(tmp_path: Path) -> None:
    text = (Path(WIFI.path).read_text(encoding="utf-8")).replace(
        "  start: what_see\n", "  start: what_see\n  short: wifi\n", 1
    )
    other = write_tree(tmp_path / "trees", "wireless", text)
    from troubleshoot.tree.loader import load_tree

    with pytest.raises(TroubleshootError) as caught:
        publish(tmp_path / "help", [WIFI, load_tree(other)], lambda _: None, SETTINGS)
    assert str(caught.value) == (
        f"{other}: trees 'wifi' and 'wireless' would both be wifi.html;"
        " give one a different self_help: short:"
    )


def test_a_page_no_longer_published_is_removed_and_nothing_else(tmp_path: Path) -> None:
    folder = tmp_path / "help"
    first = publish(folder, [WIFI, USB], lambda _: None, SETTINGS)
    assert first.removed == ()
    (folder / "notes.txt").write_text("the librarian's own", encoding="utf-8")
    (folder / "old.html").write_text("a page someone else made", encoding="utf-8")
    again = publish(folder, [WIFI], lambda _: None, SETTINGS)
    assert (again.removed, again.left) == (("usb.html",), ())
    assert sorted(os.listdir(folder)) == [
        ".troubleshoot-published",
        "index.html",
        "notes.txt",
        "old.html",
        "wifi.html",
    ]
    assert publish(folder, [WIFI], lambda _: None, SETTINGS).removed == ()  # gone from the list


def test_a_page_changed_or_linked_since_is_left_to_its_owner(tmp_path: Path) -> None:
    folder = tmp_path / "help"
    publish(folder, [WIFI, USB], lambda _: None, SETTINGS)
    (folder / "usb.html").write_text("edited by hand", encoding="utf-8")
    (folder / "wifi.html").unlink()
    target = tmp_path / "elsewhere.html"
    target.write_text("keep me", encoding="utf-8")
    (folder / "wifi.html").symlink_to(target)
    done = publish(folder, [], lambda _: None, SETTINGS)
    assert (done.removed, done.left) == ((), ("usb.html", "wifi.html"))
    assert (folder / "usb.html").read_text(encoding="utf-8") == "edited by hand"
    assert (folder / "wifi.html").is_symlink()
    assert target.read_text(encoding="utf-8") == "keep me"


def test_a_list_naming_files_outside_the_folder_removes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "help"
    publish(folder, [WIFI], lambda _: None, SETTINGS)
    outside = tmp_path / "outside.html"
    outside.write_bytes(b"mine")
    (folder / "sub").mkdir()
    (folder / "sub" / "page.html").write_bytes(b"mine")
    (folder / ".hidden.html").write_bytes(b"mine")
    digest = manifest.digest(b"mine")
    names = ("../outside.html", "sub/page.html", ".hidden.html", str(outside))
    listed = "".join(f"{digest}  {name}\n" for name in names)
    (folder / manifest.NAME).write_text(listed, encoding="utf-8")
    assert publish(folder, [WIFI], lambda _: None, SETTINGS).removed == ()
    assert [p.read_bytes() for p in (outside, folder / "sub" / "page.html")] == [b"mine"] * 2
    assert (folder / ".hidden.html").exists()


def test_a_list_that_is_a_link_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "help"
    folder.mkdir()
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me", encoding="utf-8")
    (folder / manifest.NAME).symlink_to(target)
    with pytest.raises(TroubleshootError) as caught:
        publish(folder, [WIFI], lambda _: None, SETTINGS)
    assert str(caught.value) == (
        f"{folder / manifest.NAME}: cannot write the pages: is a symbolic link; remove it first"
    )
    assert sorted(os.listdir(folder)) == [manifest.NAME]
    assert target.read_text(encoding="utf-8") == "keep me"
