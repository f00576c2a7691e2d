"""A run over many files with worker processes gives what one process gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from copyfix.io.runner import Mode, process_files
from copyfix.lint.linter import make_linter

TEXTS = [
    "In 2019,the plan changed.We left late.\n",
    "# Notes\n\nthe meeting ran long .It ended at 5 p.m. today.\n",
    "She said,“Come here.” and left  early.\n",
    "A clean sentence about Node.js and config.yaml.\n",
]


def _tree(root: Path, count: int = 40) -> list[Path]:
    paths = []
    for i in range(count):
        suffix = ".md" if i % 2 else ".txt"
        path = root / f"sub{i % 3}" / f"f{i:03d}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TEXTS[i % len(TEXTS)] * (1 + i % 3), encoding="utf-8")
        paths.append(path)
    return sorted(paths)


def test_pool_matches_single_process(tmp_path):
    paths = _tree(tmp_path)
    linter = make_linter()
    one = process_files(linter, paths, Mode.LINT, unsafe=False, jobs=1, cache=False)
    two = process_files(linter, paths, Mode.LINT, unsafe=False, jobs=2, cache=False)
    assert [o.display for o in two] == [o.display for o in one]
    assert [o.diagnostics for o in two] == [o.diagnostics for o in one]
    assert any(o.diagnostics for o in one)


@pytest.mark.parametrize("cache", [False, True])
def test_cli_jobs_two_equals_one(run, tmp_path, cache):
    _tree(tmp_path)
    flags = [] if cache else ["--no-cache"]
    one = run("lint", "--format", "json", "-j", "1", *flags, ".")
    two = run("lint", "--format", "json", "-j", "2", *flags, ".")
    assert one.exit_code == two.exit_code == 1
    assert two.output == one.output


def test_parallel_fix_equals_serial_fix(tmp_path):
    serial = tmp_path / "serial"
    pooled = tmp_path / "pooled"
    a = _tree(serial)
    b = _tree(pooled)
    before = [p.read_text() for p in a]
    linter = make_linter()
    process_files(linter, a, Mode.FIX, unsafe=False, jobs=1, cache=False)
    process_files(linter, b, Mode.FIX, unsafe=False, jobs=2, cache=False)
    assert [p.read_text() for p in a] == [p.read_text() for p in b]
    # The runs fixed every file with a defect (equal trees of untouched files prove nothing).
    changed = [p.read_text() != old for p, old in zip(b, before, strict=True)]
    assert changed == [not old.startswith(TEXTS[-1]) for old in before]


def test_pool_reports_unreadable_files(tmp_path):
    paths = _tree(tmp_path, 20)
    paths[5].write_bytes(b"\xff\xfe\x00bad")
    paths.append(tmp_path / "missing.txt")
    outcomes = process_files(make_linter(), paths, Mode.LINT, unsafe=False, jobs=2, cache=False)
    assert len(outcomes) == len(paths)
    assert outcomes[-1].error is not None
