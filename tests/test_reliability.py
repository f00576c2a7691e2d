"""Reliability under faults and hostile input, with the real ``copyfix`` in a subprocess: a run
killed mid-write loses nothing, concurrent runs never mix, huge or strange files finish in
bounded time and memory or are refused with a precise message."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from copyfix import fix_text
from copyfix.io import files

BROKEN = "In 2019,the plan  changed. It was late.We left.\n"
FIXED = "In 2019, the plan changed. It was late. We left.\n"


def copyfix(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120):
    command = [sys.executable, "-c", "from copyfix.cli import main; main()", *args]
    environment = {**os.environ, **(env or {}), "NO_COLOR": "1"}
    return subprocess.run(
        command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=timeout
    )


def _temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(files.TEMP_SUFFIX)]


# -- fault injection ---------------------------------------------------------------------------


def test_kill_before_replace_keeps_the_original_and_the_next_run_cleans_up(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(BROKEN)
    killed = copyfix("fix", "--no-cache", "doc.txt", cwd=tmp_path,
                     env={"COPYFIX_TEST_CRASH_BEFORE_REPLACE": "1"})
    assert killed.returncode == -9, killed.stderr
    assert path.read_text() == BROKEN
    leftovers = _temporaries(tmp_path)
    assert len(leftovers) == 1 and leftovers[0].read_text() == FIXED  # complete, never renamed

    again = copyfix("fix", "--no-cache", "doc.txt", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert path.read_text() == FIXED
    assert _temporaries(tmp_path) == []


# -- concurrency ------------------------------------------------------------------------------


@pytest.mark.slow
def test_two_concurrent_runs_leave_every_file_original_or_fully_fixed(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    originals: dict[Path, str] = {}
    for i in range(50):
        folder = tree / f"part{i % 5}"
        folder.mkdir(parents=True, exist_ok=True)
        text = (BROKEN * (1 + i % 7)) + f"Item {i},with  details. Done.\n"
        path = folder / f"doc{i}.txt"
        path.write_text(text)
        originals[path] = text
    expected = {path: fix_text(text, path=str(path)) for path, text in originals.items()}
    assert all(expected[path] != originals[path] for path in originals)
    command = [sys.executable, "-c", "from copyfix.cli import main; main()", "fix", "--no-cache",
               "tree"]
    runs = [subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=180)
        assert run.returncode in (0, 1, 2), err
    for path in originals:
        assert path.read_text() in (originals[path], expected[path]), path
    assert _temporaries(tree) == []
    # A third run finishes whatever a refused write left.
    copyfix("fix", "--no-cache", "tree", cwd=tmp_path)
    assert all(path.read_text() == expected[path] for path in originals)


# -- hostile input ----------------------------------------------------------------------------


def _child_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


@pytest.mark.slow
def test_100_mb_file_is_refused_fast_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # sparse: 100 MB of NULs on a filesystem that allows it
    started = time.monotonic()
    result = copyfix("fix", "--no-cache", "huge.txt", cwd=tmp_path, timeout=60)
    assert time.monotonic() - started < 30
    assert result.returncode == 2
    assert (
        "huge.txt: file too large (104,857,600 bytes, 104.86 MB; the limit is 50,000,000 bytes, "
        "set by max-file-size), skipped"
    ) in result.stderr
    assert path.stat().st_size == 100 * 1024 * 1024


@pytest.mark.slow
def test_single_10_mb_line_finishes_in_bounded_time_and_memory(tmp_path: Path) -> None:
    # One 10 MB line of words and single spaces (runs of spaces and of commas hit the quadratic
    # patterns listed in test_regex_safety.py and are tested there at a size that fits CI).
    path = tmp_path / "line.txt"
    path.write_text("a" * 10_000_000)
    started = time.monotonic()
    result = copyfix("fix", "--no-cache", "line.txt", cwd=tmp_path, timeout=240)
    elapsed = time.monotonic() - started
    assert result.returncode in (0, 1), result.stderr
    assert elapsed < 180
    assert _child_peak_rss_mb() < 2000


@pytest.mark.slow
def test_one_million_commas(tmp_path: Path) -> None:
    path = tmp_path / "commas.txt"
    path.write_text("," * 1_000_000)
    try:
        result = copyfix("lint", "--no-cache", "--format", "concise", "commas.txt",
                         cwd=tmp_path, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("1 million commas took more than 60 s")
    assert result.returncode in (0, 1), result.stderr


def test_invalid_utf8_mid_file_is_refused_precisely(tmp_path: Path) -> None:
    data = ("Good line.\n" * 50_000).encode() + b"\xc3\x28" + b"more text\n" * 10
    path = tmp_path / "mid.txt"
    path.write_bytes(data)
    result = copyfix("fix", "--no-cache", "mid.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "mid.txt: not valid UTF-8 (byte 0xc3 at offset 550000), skipped" in result.stderr
    assert path.read_bytes() == data


@pytest.mark.parametrize("kind", ["text", "markdown", "mdx", "rst"])
def test_a_linted_document_is_freed_without_the_cyclic_collector(kind, monkeypatch):
    """Once a lint is done, the document, its analysis and their spans hold no reference cycle:
    they are freed as soon as the lint lets go of them. (A cycle left the whole structure to
    the cyclic collector, whose full passes cost a quarter of a long document's lint.)"""
    import gc
    import weakref

    from copyfix.lint import linter as linter_module
    from copyfix.model import DocumentKind

    built = []

    def build_and_watch(*args, **kwargs):
        doc = build_document(*args, **kwargs)
        built.append(weakref.ref(doc))
        return doc

    build_document = linter_module.build_document
    monkeypatch.setattr(linter_module, "build_document", build_and_watch)
    text = "Intro (with an aside.\n\nIt is late.We left , said Ann. the end.\n\n" * 20
    gc.disable()
    try:
        found = linter_module.shared_linter().lint(text, path="x", kind=DocumentKind(kind))
        assert found  # the rules ran, and the analyses with them
        assert built
        assert built[0]() is None
    finally:
        gc.enable()
