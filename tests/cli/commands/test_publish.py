"""``troubleshoot publish DIR``: the pages, where they went, and a site file it can't use."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import TREES, write_tree


def test_publish_writes_the_bundled_pages_and_names_each(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site = tmp_path / "site.yaml"
    site.write_text("library: Riverside\npublic_phone: 555-0142\n", encoding="utf-8")
    result = cli(["publish", str(tmp_path / "help"), "--site", str(site)])
    assert result.code == 0
    assert f"{tmp_path / 'help' / 'wifi.html'}  Get online with the library Wi-Fi" in result.out
    assert result.err == f"5 page(s) and the index written to {tmp_path / 'help'}\n"
    assert "555-0142" in (tmp_path / "help" / "index.html").read_text(encoding="utf-8")


def test_publish_refuses_a_site_file_it_cannot_read(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site = tmp_path / "site.yaml"
    site.write_text("public_url: javascript:alert(1)\n", encoding="utf-8")
    result = cli(["publish", str(tmp_path / "help"), "--site", str(site)])
    assert result.code == 1
    assert "public_url: 'javascript:alert(1)' is not a web address (https://...)" in result.err
    assert result.err.rstrip().endswith("; no pages were written")
    assert not (tmp_path / "help").exists()


def test_publishing_again_removes_the_page_of_a_tree_no_longer_marked_and_says_so(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "help"
    assert cli(["publish", str(folder)]).code == 0
    assert (folder / "usb.html").exists()
    unmarked = TREES.joinpath("usb.yaml").read_text(encoding="utf-8")
    block = unmarked[unmarked.index("self_help:\n") : unmarked.index("\nstart:") + 1]
    write_tree(tmp_path / "trees", "usb", unmarked.replace(block, ""))
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(tmp_path / "trees"))
    result = cli(["publish", str(folder)])
    assert result.code == 0
    assert f"removed {folder / 'usb.html'}: its tree is no longer published" in (
        result.out.splitlines()
    )
    assert result.err == f"4 page(s) and the index written to {folder}\n"
    assert not (folder / "usb.html").exists()
