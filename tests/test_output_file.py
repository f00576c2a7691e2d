"""``lint -o FILE`` refuses to write the report over one of the files it checks.

The inputs are compared as files, not as spellings: the same file named another way, found by
walking a folder, reached through a symlink or a hard link, or named as stdin's file name. The
run exits 2 with "output file is one of the inputs" and every file keeps its bytes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROSE = b"Hello,world.\n"


def setup(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_bytes(PROSE)
    (tmp_path / "b.txt").write_bytes(PROSE)


@pytest.mark.parametrize(
    ("output", "paths"),
    [
        ("docs/a.md", ["docs/a.md"]),
        ("./docs/../docs/a.md", ["docs/a.md"]),
        ("docs/a.md", ["./docs//a.md"]),
        ("docs/a.md", ["docs"]),
        ("docs/a.md", ["."]),
        ("b.txt", ["docs", "b.txt"]),
        ("b.txt", []),  # the default path is the current folder
        ("{abs}/docs/a.md", ["docs"]),
        ("link.md", ["docs"]),
        ("hard.md", ["docs/a.md"]),
    ],
)
@pytest.mark.parametrize("fmt", ["full", "json", "sarif"])
def test_output_onto_an_input_is_refused(tmp_path: Path, run, output, paths, fmt) -> None:
    setup(tmp_path)
    (tmp_path / "link.md").symlink_to(tmp_path / "docs" / "a.md")
    os.link(tmp_path / "docs" / "a.md", tmp_path / "hard.md")
    result = run("lint", "--format", fmt, "-o", output.format(abs=tmp_path), *paths)
    assert result.exit_code == 2, result.output
    assert "output file is one of the inputs" in result.stderr
    assert (tmp_path / "docs" / "a.md").read_bytes() == PROSE
    assert (tmp_path / "b.txt").read_bytes() == PROSE


def test_output_onto_the_stdin_filename_is_refused(tmp_path: Path, run) -> None:
    setup(tmp_path)
    result = run("lint", "--stdin-filename", "docs/a.md", "-o", "docs/a.md", "-", input="x,y\n")
    assert result.exit_code == 2
    assert "output file is one of the inputs: docs/a.md" in result.stderr
    assert (tmp_path / "docs" / "a.md").read_bytes() == PROSE


@pytest.mark.parametrize("output", ["report.json", "docs/report.json", "out/../report.json"])
def test_output_elsewhere_is_written(tmp_path: Path, run, output: str) -> None:
    setup(tmp_path)
    (tmp_path / "out").mkdir()
    result = run("lint", "--format", "json", "-o", output, "docs")
    assert result.exit_code == 1, result.output
    assert b"SP001" in (tmp_path / output).read_bytes()
    assert (tmp_path / "docs" / "a.md").read_bytes() == PROSE


def test_existing_report_that_is_not_checked_is_overwritten(tmp_path: Path, run) -> None:
    """A report whose name the walk skips (not prose) is an ordinary output file."""
    setup(tmp_path)
    (tmp_path / "report.json").write_text("old", encoding="utf-8")
    result = run("lint", "--format", "json", "-o", "report.json", ".")
    assert result.exit_code == 1
    assert "SP001" in (tmp_path / "report.json").read_text(encoding="utf-8")
