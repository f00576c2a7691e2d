"""File safety: what ``copyfix fix`` reads it writes back faithfully, and what it cannot handle it
refuses with one precise line, leaving the file as it was."""

from __future__ import annotations

import codecs
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from copyfix.cli import main
from copyfix.config import schema as config_schema
from copyfix.io import files
from copyfix.io.files import FileError, discover, read_source, write_source

BROKEN = "In 2019,the plan  changed. It was late.We left."
FIXED = "In 2019, the plan changed. It was late. We left."
CLEAN = "Nothing here needs fixing.\n"

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


#: Every ``run`` here skips the cache and the configuration (see the ``run`` fixture in
#: conftest.py).
CLI_SUFFIX = ("--no-cache", "--isolated")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# -- encodings and newlines ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("newline", "label"), [("\n", "lf"), ("\r\n", "crlf"), ("\r", "cr")]
)
def test_newline_style_is_kept(tmp_path: Path, run, newline: str, label: str) -> None:
    path = _write(tmp_path / f"{label}.txt", f"{BROKEN}\nSecond line.\n".replace("\n", newline)
                  .encode())
    result = run("fix", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == f"{FIXED}\nSecond line.\n".replace("\n", newline).encode()


def test_mixed_newlines_are_kept_as_they_are(tmp_path: Path, run) -> None:
    path = _write(tmp_path / "mixed.txt", f"{BROKEN}\r\nOne.\nTwo.\rThree.\n".encode())
    run("fix", str(path))
    assert path.read_bytes() == f"{FIXED}\r\nOne.\nTwo.\rThree.\n".encode()


def test_utf8_bom_is_kept(tmp_path: Path, run) -> None:
    path = _write(tmp_path / "bom.txt", codecs.BOM_UTF8 + f"{BROKEN}\n".encode())
    assert run("fix", str(path)).exit_code == 0
    assert path.read_bytes() == codecs.BOM_UTF8 + f"{FIXED}\n".encode()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded_and_written_back_in_utf16(
    tmp_path: Path, run, codec: str
) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    path = _write(tmp_path / "wide.txt", bom + f"{BROKEN}\r\nÉtat “ok”.\r\n".encode(codec))
    result = run("fix", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == bom + f"{FIXED}\r\nÉtat “ok”.\r\n".encode(codec)


def test_utf16_lint_reports_offsets_of_the_decoded_text(tmp_path: Path, run) -> None:
    path = _write(tmp_path / "wide.txt", codecs.BOM_UTF16_LE + "Go,now.".encode("utf-16-le"))
    result = run("lint", "--format", "concise", str(path))
    assert f"{path.name}:1:3:" in result.output.replace(str(path), path.name)


# -- what is not rewritten ---------------------------------------------------------------------


def test_unchanged_file_keeps_bytes_and_mtime(tmp_path: Path, run) -> None:
    path = _write(tmp_path / "clean.txt", CLEAN.encode())
    past = 1_000_000_000
    os.utime(path, (past, past))
    result = run("fix", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == CLEAN.encode()
    assert path.stat().st_mtime == past


def test_file_mode_is_kept(tmp_path: Path, run) -> None:
    path = _write(tmp_path / "mode.txt", BROKEN.encode())
    path.chmod(0o640)
    run("fix", str(path))
    assert path.read_text() == FIXED
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_fixing_twice_gives_the_same_bytes(tmp_path: Path, run) -> None:
    path = _write(tmp_path / "twice.txt", f"{BROKEN}\r\n".encode())
    run("fix", str(path))
    once = path.read_bytes()
    os.utime(path, (1_000_000_000, 1_000_000_000))
    run("fix", str(path))
    assert path.read_bytes() == once
    assert path.stat().st_mtime == 1_000_000_000


# -- refusals: one line naming the file and the reason, exit code 2 ----------------------------


def _error_lines(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("copyfix: error:")]


def test_undecodable_file_is_refused_with_its_offset(tmp_path: Path, run) -> None:
    data = b"Good text here.\nThen a bad byte \xff here.\n"
    path = _write(tmp_path / "latin.txt", data)
    other = _write(tmp_path / "other.txt", BROKEN.encode())
    result = run("fix", str(path), str(other))
    assert result.exit_code == 2
    (line,) = _error_lines(result)
    assert "latin.txt" in line and "not valid UTF-8 (byte 0xff at offset 32)" in line
    assert path.read_bytes() == data
    assert other.read_text() == FIXED  # the other files are still processed


def test_missing_path(tmp_path: Path, run) -> None:
    result = run("lint", "nowhere.txt")
    assert result.exit_code == 2
    assert _error_lines(result) == ["copyfix: error: nowhere.txt: no such file or directory"]


def test_binary_file_with_txt_name(tmp_path: Path, run) -> None:
    data = bytes(range(256)) * 40
    path = _write(tmp_path / "image.txt", data)
    result = run("fix", str(path))
    assert result.exit_code == 2
    (line,) = _error_lines(result)
    assert "image.txt" in line and "binary file" in line
    assert path.read_bytes() == data


def test_nul_bytes_after_the_sniffed_prefix(tmp_path: Path, run) -> None:
    data = b"Plain words. " * 1000 + b"\x00\x00" + b" more,words."
    path = _write(tmp_path / "late-nul.txt", data)
    result = run("fix", str(path))
    assert result.exit_code == 2
    assert "binary file (contains NUL characters)" in _error_lines(result)[0]
    assert path.read_bytes() == data


def test_info_index_markers_are_text_and_masked(tmp_path: Path, run) -> None:
    # makeinfo marks an index node with "\0\b[index\0\b]"; the rest of the file is prose.
    data = (
        b"File: demo.info,  Node: Index,  Prev: Top,  Up: Top\n\n"
        b"\x00\x08[index\x00\x08]\n* Menu:\n\nThe index lists the the options.\n"
    )
    path = _write(tmp_path / "demo.info", data)
    result = run("fix", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == data.replace(b"the the", b"the")
    # A NUL anywhere else still makes a file binary.
    other = _write(tmp_path / "other.info", data + b"\x00 more")
    assert run("fix", str(other)).exit_code == 2
    assert other.read_bytes() == data + b"\x00 more"


def test_nul_in_utf16_is_refused() -> None:
    raw = codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le")
    with pytest.raises(FileError, match="NUL"):
        files.decode_source(raw, Path("x.txt"), "x.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_without_hanging(tmp_path: Path, run) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[Result] = []
    worker = threading.Thread(target=lambda: outcome.append(run("fix", str(fifo))), daemon=True)
    worker.start()
    worker.join(timeout=20)
    if worker.is_alive():
        # Unblock the reader so the test process can exit, then fail.
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        pytest.fail("copyfix blocked on a FIFO")
    (result,) = outcome
    assert result.exit_code == 2
    assert _error_lines(result) == [f"copyfix: error: {fifo}: not a regular file"]


def test_too_large_file_is_refused_before_reading(
    tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(config_schema, "MAX_FILE_BYTES", 1000)  # the default of max-file-size
    path = _write(tmp_path / "big.txt", BROKEN.encode() * 100)
    result = run("fix", str(path))
    assert result.exit_code == 2
    size = len(BROKEN.encode()) * 100
    assert (
        f"file too large ({size:,} bytes, {size / 1e6:.2f} MB; the limit is 1,000 bytes, "
        "set by max-file-size), skipped"
    ) in _error_lines(result)[0]
    assert path.read_bytes() == BROKEN.encode() * 100


@pytest.mark.parametrize(
    ("setting", "option", "limit"),
    [
        ("max-file-size = 1000", (), 1000),
        ('max-file-size = "1kB"', (), 1000),
        ('max-file-size = "1 KiB"', (), 1024),
        ("", ("--max-file-size", "1000"), 1000),
        ('max-file-size = "1MB"', ("--max-file-size", "1000"), 1000),  # the option wins
    ],
)
def test_max_file_size_from_config_or_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str, option: tuple, limit: int
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "copyfix.toml").write_text(setting + "\n", encoding="utf-8")
    _write(tmp_path / "over.txt", b"x" * limit + b"\n")
    _write(tmp_path / "at.txt", b"x" * (limit - 1) + b"\n")
    result = CliRunner().invoke(main, ["lint", "--no-cache", *option, "over.txt", "at.txt"])
    assert result.exit_code == 2, result.output
    errors = _error_lines(result)
    # One byte over the limit reads as one byte over, not as "1.0 kB; the limit is 1.0 kB".
    assert errors == [
        f"copyfix: error: over.txt: file too large ({limit + 1:,} bytes, "
        f"{(limit + 1) / 1e6:.2f} MB; the limit is {limit:,} bytes, set by max-file-size), skipped"
    ]


@pytest.mark.parametrize("value", ["0", '"50XB"', '"-5MB"', "true", '"lots"'])
def test_invalid_max_file_size_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "copyfix.toml").write_text(f"max-file-size = {value}\n", encoding="utf-8")
    _write(tmp_path / "a.txt", b"Text.\n")
    result = CliRunner().invoke(main, ["lint", "--no-cache", "a.txt"])
    assert result.exit_code == 2
    assert "key 'max-file-size': expected a positive number of bytes" in result.output


def test_invalid_max_file_size_option_is_a_usage_error(tmp_path: Path, run) -> None:
    _write(tmp_path / "a.txt", b"Text.\n")
    result = run("lint", "--max-file-size", "big", "a.txt")
    assert result.exit_code == 2
    assert "--max-file-size" in result.output


# -- read-only files and folders --------------------------------------------------------------


@pytest.fixture
def restore_modes() -> Iterator[list[Path]]:
    paths: list[Path] = []
    yield paths
    for path in paths:
        path.chmod(0o755 if path.is_dir() else 0o644)


def test_read_only_file_gets_a_clear_error_and_is_untouched(
    tmp_path: Path, run, restore_modes: list[Path]
) -> None:
    path = _write(tmp_path / "locked.txt", BROKEN.encode())
    os.utime(path, (1_000_000_000, 1_000_000_000))
    path.chmod(0o444)
    restore_modes.append(path)
    result = run("fix", str(path))
    assert result.exit_code == 2
    (line,) = _error_lines(result)
    assert "locked.txt" in line and "read-only" in line
    assert path.read_bytes() == BROKEN.encode()
    assert path.stat().st_mtime == 1_000_000_000
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_read_only_folder_gets_a_clear_error_and_is_untouched(
    tmp_path: Path, run, restore_modes: list[Path]
) -> None:
    folder = tmp_path / "sealed"
    folder.mkdir()
    path = _write(folder / "inside.txt", BROKEN.encode())
    folder.chmod(0o555)
    restore_modes.append(folder)
    result = run("fix", str(folder))
    assert result.exit_code == 2
    (line,) = _error_lines(result)
    assert "inside.txt" in line and "folder is read-only" in line
    assert path.read_bytes() == BROKEN.encode()
    assert sorted(p.name for p in folder.iterdir()) == ["inside.txt"]


def test_file_changed_while_being_fixed_is_left_alone(tmp_path: Path) -> None:
    path = _write(tmp_path / "race.txt", BROKEN.encode())
    source = read_source(path)
    path.write_text("Someone else wrote this.")
    with pytest.raises(FileError, match="changed on disk"):
        write_source(source, FIXED)
    assert path.read_text() == "Someone else wrote this."


def test_file_already_fixed_by_another_run_is_not_rewritten(tmp_path: Path) -> None:
    path = _write(tmp_path / "race.txt", BROKEN.encode())
    source = read_source(path)
    path.write_text(FIXED)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    assert write_source(source, FIXED) is False
    assert path.stat().st_mtime == 1_000_000_000


# -- symlinks ---------------------------------------------------------------------------------


def test_walking_a_folder_does_not_follow_symlinks(tmp_path: Path, run) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    target = _write(outside / "target.txt", BROKEN.encode())
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    real = _write(tree / "real.txt", BROKEN.encode())
    (tree / "link.txt").symlink_to(target)
    (tree / "linked-dir").symlink_to(outside, target_is_directory=True)
    assert [p.name for p in discover([str(tree)])] == ["real.txt"]
    result = run("fix", str(tree))
    assert result.exit_code == 0, result.output
    assert real.read_text() == FIXED
    assert target.read_bytes() == BROKEN.encode()
    assert (tree / "link.txt").is_symlink()


def test_named_symlink_is_fixed_at_its_target_and_stays_a_link(tmp_path: Path, run) -> None:
    target = _write(tmp_path / "target.txt", BROKEN.encode())
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = run("fix", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == FIXED
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(files.TEMP_SUFFIX)]
    assert leftovers == []


def test_dangling_symlink_is_reported(tmp_path: Path, run) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    result = run("fix", str(link))
    assert result.exit_code == 2
    assert "dangling.txt" in _error_lines(result)[0]


def test_stale_temporaries_are_removed_but_live_ones_kept(tmp_path: Path) -> None:
    dead = tmp_path / f".a.txt.999999999.x{files.TEMP_SUFFIX}"
    live = tmp_path / f".a.txt.{os.getpid()}.y{files.TEMP_SUFFIX}"
    dead.write_text("half")
    live.write_text("busy")
    files.remove_stale_temporaries(tmp_path)
    assert not dead.exists() and live.exists()
