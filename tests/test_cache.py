"""The result cache: same output on a second run, robust entries, keyed on everything that matters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copyfix.io.cache import CACHE_DIR, Cache
from copyfix.io.runner import Mode, process_files
from copyfix.lint.linter import make_linter

BAD = "In 2019,the plan changed.We left late.\n\nthe the end.\n"
CLEAN = "The plan changed in 2019.\n"


def _indexes(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIR).glob("*.json"))


def _entries(root: Path) -> list[str]:
    """The keys of every index under ``root``: one index per linter fingerprint."""
    return sorted(k for index in _indexes(root) for k in json.loads(index.read_bytes())["entries"])


def test_second_run_equals_first(run, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    (tmp_path / "b.md").write_text("# Title\n\nSee `x,y` and [a](https://e.com/a,b).It works.\n")
    first = run("lint", "--format", "json", ".")
    assert _entries(tmp_path), "the first run writes entries"
    second = run("lint", "--format", "json", ".")
    assert second.exit_code == first.exit_code == 1
    assert second.output == first.output
    assert json.loads(second.output)


def test_hit_skips_linting(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(BAD)
    linter = make_linter()
    first = process_files(linter, [path], Mode.LINT, unsafe=False, cache_dir=tmp_path)
    monkeypatch.setattr(type(linter), "lint", lambda *a, **k: pytest.fail("cache missed"))
    second = process_files(linter, [path], Mode.LINT, unsafe=False, cache_dir=tmp_path)
    assert second[0].diagnostics == first[0].diagnostics


def test_corrupt_index_is_ignored_and_rewritten(run, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    first = run("lint", "a.txt")
    [index] = _indexes(tmp_path)
    [key] = _entries(tmp_path)
    for garbage in (
        b"", b"{not json", b'{"format": 2, "entries": [1]}', b"[1, 2]", b"\xff\xfe",
        json.dumps({"format": 2, "entries": {key: ["a.txt", "lint::", [[1]]]}}).encode(),
        json.dumps({"format": 2, "entries": {key: 7}}).encode(),
    ):
        index.write_bytes(garbage)
        again = run("lint", "a.txt")
        assert again.output == first.output
    entries = json.loads(index.read_bytes())["entries"]
    assert entries[key][2], "the entry was recomputed"


def test_entry_with_wrong_shape_is_ignored(tmp_path):
    cache = Cache(tmp_path, "f")
    key = cache.key(b"text", "a.txt", "lint", False, None)
    cache.index.parent.mkdir(parents=True)
    cache.index.write_text(json.dumps({"format": 2, "entries": {key: ["a", "", [[1]]]}}))
    assert cache.load(key) is None


def test_runs_sharing_the_cache_merge_and_keep_one_entry_per_file(tmp_path):
    """Two runs that flush one after the other keep each other's entries; a newer entry for
    the same file and mode replaces the older one, so the index does not grow with edits."""
    first, second = Cache(tmp_path, "f"), Cache(tmp_path, "f")
    a = first.key(b"one", "a.txt", "lint", False, None)
    b = second.key(b"two", "b.txt", "lint", False, None)
    first.store(a, "a.txt", [], "lint::")
    second.store(b, "b.txt", [], "lint::")
    first.flush()
    second.flush()
    assert _entries(tmp_path) == sorted([a, b])
    third = Cache(tmp_path, "f")
    edited = third.key(b"one, edited", "a.txt", "lint", False, None)
    third.store(edited, "a.txt", [], "lint::")
    third.flush()
    assert _entries(tmp_path) == sorted([edited, b])
    assert Cache(tmp_path, "f").load(edited) == [] and Cache(tmp_path, "f").load(a) is None


def test_different_settings_miss(run, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    run("lint", "a.txt")
    assert len(_entries(tmp_path)) == 1
    narrowed = run("lint", "--select", "SP", "a.txt")
    assert len(_entries(tmp_path)) == 2
    assert "CP001" not in narrowed.output and "SP" in narrowed.output
    (tmp_path / "copyfix.toml").write_text('ignore = ["RP"]\n')
    run("lint", "a.txt")
    assert (tmp_path / CACHE_DIR).is_dir()
    assert len(_entries(tmp_path)) == 3


def test_changed_content_misses(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(BAD)
    run("lint", "a.txt")
    path.write_text(CLEAN)
    assert run("lint", "a.txt").exit_code == 0


def test_no_cache_writes_nothing(run, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    run("lint", "--no-cache", "a.txt")
    run("fix", "--no-cache", "a.txt")
    assert not (tmp_path / CACHE_DIR).exists()


def test_fix_caches_only_clean_files(run, tmp_path):
    (tmp_path / "bad.txt").write_text(BAD)
    result = run("fix", "bad.txt")
    assert result.exit_code in (0, 1)
    fixed = (tmp_path / "bad.txt").read_text()
    assert fixed != BAD
    # The rewrite was not cached as clean; the fixed text, once clean, is.
    entries_after_fix = _entries(tmp_path)
    again = run("fix", "bad.txt")
    assert "Fixed 0 problems" in again.output
    assert (tmp_path / "bad.txt").read_text() == fixed
    assert len(_entries(tmp_path)) >= len(entries_after_fix)
    third = run("fix", "bad.txt")
    assert third.output == again.output


def test_fix_hit_does_not_rewrite(run, tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN)
    run("fix", "clean.txt")
    before = path.stat().st_mtime_ns
    run("fix", "clean.txt")
    assert path.stat().st_mtime_ns == before and path.read_text() == CLEAN


def test_unsafe_fixes_are_keyed(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("We saw the the cat.\n")
    run("fix", "a.txt")
    safe_text = path.read_text()
    run("fix", "--unsafe-fixes", "a.txt")
    assert path.read_text() != safe_text or "the the" not in safe_text


def test_cache_folder_is_gitignored(run, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    run("lint", "a.txt")
    assert (tmp_path / CACHE_DIR / ".gitignore").read_text() == "*\n"


def test_unwritable_cache_is_skipped(run, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    (tmp_path / CACHE_DIR).write_text("a file where the folder should be")
    first = run("lint", "a.txt")
    assert first.exit_code == 1 and "CP001" in first.output or "SP" in first.output


@pytest.mark.parametrize(
    "module",
    ["text/analysis.py", "rules/repeated_word.py", "lint/engine.py", "io/runner.py",
     "output/report.py", "cli/lint.py", "packs/builtin/wordy-phrases.toml", "version.py"],
)
def test_an_edit_to_any_stage_invalidates_the_cache(tmp_path, module):
    """The code fingerprint covers every source and pack file of the package, in every stage,
    so a development checkout never serves results of older code."""
    import shutil

    import copyfix
    from copyfix.io.cache import code_fingerprint

    package = tmp_path / "copyfix"
    shutil.copytree(Path(copyfix.__file__).parent, package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    before = code_fingerprint(package)
    assert code_fingerprint(package) == before
    target = package / module
    target.write_text(target.read_text() + "\n")
    assert code_fingerprint(package) != before


def test_indexes_of_other_fingerprints_left_unused_are_pruned(tmp_path):
    import os
    import time

    from copyfix.io.cache import STALE_SECONDS

    old, recent = Cache(tmp_path, "old"), Cache(tmp_path, "recent")
    for cache in (old, recent):
        cache.store(cache.key(b"x", "a.txt", "lint", False, None), "a.txt", [], "lint::")
        cache.flush()
    long_ago = time.time() - STALE_SECONDS - 60
    os.utime(old.index, (long_ago, long_ago))
    current = Cache(tmp_path, "current")
    current.store(current.key(b"y", "b.txt", "lint", False, None), "b.txt", [], "lint::")
    current.flush()
    assert not old.index.exists() and recent.index.exists() and current.index.exists()
