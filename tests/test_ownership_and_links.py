"""``fix`` keeps a file's owner, group, mode and hard links.

A fixed file is written through a temporary file and ``os.replace``; the temporary file gets the
owner and group of the original first (as root, a CI container on a bind-mounted checkout, fixed
files used to become ``root:root``). Without the privilege to give a file away, the owner is
left to the system, as with any editor. A file with more than one hard link is rewritten in
place instead, after checking through the same descriptor that it is still the file that was
read, so every name sees the fix (replacing it split the link: the other names kept the old
text).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from copyfix.io import files
from copyfix.io.files import FileError, read_source, write_source

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_root = pytest.mark.skipif(not IS_ROOT, reason="giving a file away needs root")

BROKEN = b"In 2019,the plan  changed. It was late.We left.\n"
FIXED = b"In 2019, the plan changed. It was late. We left.\n"


@pytest.fixture
def fix(run):
    def invoke(*paths: str):
        return run("fix", "--no-cache", "--isolated", *paths)

    return invoke


@needs_root
@pytest.mark.parametrize(
    ("uid", "gid", "mode"),
    [(12345, 12345, 0o644), (12345, 0, 0o600), (0, 12345, 0o640), (12345, 54321, 0o2664)],
)
@pytest.mark.parametrize("links", [1, 2])
def test_owner_group_and_mode_are_kept_as_root(tmp_path, fix, uid, gid, mode, links) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(BROKEN)
    os.chown(path, uid, gid)
    os.chmod(path, mode)
    if links == 2:
        os.link(path, tmp_path / "other.md")
    result = fix("a.md")
    assert result.exit_code == 0, result.output
    st = path.stat()
    assert path.read_bytes() == FIXED
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (uid, gid, mode)
    assert st.st_nlink == links


@pytest.mark.parametrize("refuse", ["owner", "owner and group"])
def test_without_the_privilege_the_fix_is_still_written(tmp_path, monkeypatch, refuse) -> None:
    """Not root: chown fails with PermissionError; the group is tried alone, then given up."""
    calls: list[tuple[int, int]] = []

    def chown(path, uid, gid):
        calls.append((uid, gid))
        if uid != -1 or refuse == "owner and group":
            raise PermissionError(1, "Operation not permitted")

    path = tmp_path / "a.md"
    path.write_bytes(BROKEN)
    source = read_source(path)
    monkeypatch.setattr(os, "stat", _pretend_owner(os.stat, path, 12345, 54321))
    monkeypatch.setattr(os, "chown", chown)
    assert write_source(source, FIXED.decode())
    assert path.read_bytes() == FIXED
    assert calls == [(12345, 54321), (-1, 54321)]


def _pretend_owner(real_stat, path: Path, uid: int, gid: int):
    """``os.stat`` that reports ``path`` as owned by ``uid:gid``."""

    def fake(target, *args, **kwargs):
        st = real_stat(target, *args, **kwargs)
        if os.fspath(target) == os.fspath(path):
            values = list(st)
            values[stat.ST_UID], values[stat.ST_GID] = uid, gid
            return os.stat_result(values)
        return st

    return fake


@pytest.mark.parametrize("count", [2, 3])
@pytest.mark.parametrize(
    ("before", "after"),
    [
        (BROKEN, FIXED),  # longer
        (b"Same paragraph here.\n\n" * 6, b"Same paragraph here.\n\n"),  # shorter: truncated
        (BROKEN.replace(b"\n", b"\r\n"), FIXED.replace(b"\n", b"\r\n")),
    ],
)
def test_hard_linked_file_is_fixed_under_every_name(tmp_path, fix, count, before, after):
    path = tmp_path / "a.md"
    path.write_bytes(before)
    others = [tmp_path / f"link{i}.md" for i in range(1, count)]
    for other in others:
        os.link(path, other)
    inode = path.stat().st_ino
    result = fix("a.md")
    assert result.exit_code == 0, result.output
    for name in [path, *others]:
        assert name.read_bytes() == after
        assert name.stat().st_ino == inode
        assert name.stat().st_nlink == count
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.md", *(o.name for o in others)])


def test_hard_linked_file_found_by_walking_a_folder(tmp_path, fix) -> None:
    (tmp_path / "docs").mkdir()
    path = tmp_path / "docs" / "a.md"
    path.write_bytes(BROKEN)
    os.link(path, tmp_path / "elsewhere.txt")
    assert fix("docs").exit_code == 0
    assert (tmp_path / "elsewhere.txt").read_bytes() == FIXED


def test_symlink_to_a_hard_linked_file(tmp_path, fix) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(BROKEN)
    os.link(path, tmp_path / "b.md")
    (tmp_path / "s.md").symlink_to(path)
    assert fix("s.md").exit_code == 0
    assert (tmp_path / "s.md").is_symlink()
    assert (tmp_path / "b.md").read_bytes() == FIXED


def test_hard_linked_file_changed_on_disk_is_left_alone(tmp_path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(BROKEN)
    os.link(path, tmp_path / "b.md")
    source = read_source(path)
    path.write_bytes(BROKEN + b"More.\n")
    with pytest.raises(FileError, match="changed on disk"):
        write_source(source, FIXED.decode())
    assert (tmp_path / "b.md").read_bytes() == BROKEN + b"More.\n"


def test_hard_linked_file_swapped_before_it_is_opened_is_left_alone(tmp_path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(BROKEN)
    os.link(path, tmp_path / "b.md")
    source = read_source(path)
    st = path.stat()
    path.unlink()
    path.write_bytes(BROKEN)  # same bytes, another file
    with pytest.raises(FileError, match="changed on disk"):
        files._write_in_place(source, path, st, FIXED)
    assert path.read_bytes() == BROKEN


def test_read_only_hard_linked_file_is_refused(tmp_path, fix) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(BROKEN)
    os.link(path, tmp_path / "b.md")
    path.chmod(0o444)
    try:
        result = fix("a.md")
    finally:
        path.chmod(0o644)
    assert result.exit_code == 2
    assert "read-only" in result.stderr
    assert path.read_bytes() == BROKEN
