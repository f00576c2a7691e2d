"""Check or fix a set of files with one linter; the CLI's only way to do work."""

from __future__ import annotations

import enum
import os
import signal
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from copyfix.io.cache import Cache, linter_fingerprint
from copyfix.io.files import (
    BinaryFileError,
    FileError,
    SourceFile,
    read_source,
    remove_stale_temporaries,
    write_source,
)
from copyfix.lint.engine import CheckCrash
from copyfix.lint.fixer import AppliedFix
from copyfix.lint.linter import Linter
from copyfix.model import Diagnostic
from copyfix.text.load import kind_for_path
from copyfix.version import REPORT_URL


class Mode(enum.Enum):
    LINT = "lint"
    FIX = "fix"
    DIFF = "diff"


@dataclass(slots=True)
class FileOutcome:
    display: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    applied: Counter[str] = field(default_factory=Counter)
    #: The applied fixes, each with its finding's span in ``original`` (``AppliedFix``).
    fixes: list[AppliedFix] = field(default_factory=list)
    original: str | None = None
    fixed: str | None = None
    error: str | None = None
    #: The file was refused because it is binary (``error`` says so).
    binary: bool = False
    #: Set when checking the file raised: the file gets this one line, no findings, no write.
    crash: str | None = None
    notes: list[str] = field(default_factory=list)
    #: The decoded input with its encoding, BOM and newline style (stdin), to encode the fix.
    source: SourceFile | None = None
    #: The format the file was read as (``text``, ``markdown``, ``mdx``); empty if never read.
    format: str = ""
    #: The cache key to store this outcome under, when it is worth remembering: stored by the
    #: process that runs the whole batch, so worker processes never write the cache.
    cache_key: str | None = None

    @property
    def changed(self) -> bool:
        return self.fixed is not None and self.fixed != self.original


def process_text(
    linter: Linter, text: str, display: str, mode: Mode, *, unsafe: bool, kind: str | None = None
) -> FileOutcome:
    """Lint or fix one text. An exception from a rule or the parser does not escape: it becomes
    the outcome's ``crash`` line, so the other files of the run are still checked."""
    try:
        return _process_text(linter, text, display, mode, unsafe=unsafe, kind=kind)
    except Exception as exc:  # MemoryError and RecursionError included
        return FileOutcome(display, original=text, crash=describe_crash(display, exc))


def describe_crash(display: str, exc: Exception) -> str:
    """One line naming the file, the rule (or the step) and the exception."""
    if isinstance(exc, CheckCrash):
        where, error = f"rule {exc.code} ({exc.name})", exc.error
    else:
        where, error = "reading its structure", exc
    what = "ran out of memory" if isinstance(error, MemoryError) else "crashed"
    detail = str(error).splitlines()[0][:200] if str(error) else ""
    return (
        f"{display}: {where} {what} ({type(error).__name__}{': ' + detail if detail else ''}); "
        f"this is a bug in copyfix, please report it at {REPORT_URL}"
    )


def _process_text(
    linter: Linter, text: str, display: str, mode: Mode, *, unsafe: bool, kind: str | None
) -> FileOutcome:
    doc_kind = kind_for_path(display, kind)
    outcome = FileOutcome(display, original=text, format=doc_kind.value)
    if mode is Mode.LINT:
        outcome.diagnostics = linter.lint(text, path=display, kind=doc_kind)
        return outcome
    result = linter.fix(text, path=display, kind=doc_kind, unsafe=unsafe)
    outcome.fixed = result.text
    outcome.applied = result.applied
    outcome.fixes = result.fixes
    outcome.diagnostics = result.remaining
    outcome.notes += result.refused
    for code in result.unconverged:
        outcome.notes.append(
            f"{code} did not converge: its fixes kept changing the text, so none of them "
            "was applied"
        )
    return outcome


def process_file(
    linter: Linter,
    path: Path,
    mode: Mode,
    *,
    unsafe: bool,
    kind: str | None = None,
    cache: Cache | None = None,
    max_bytes: int | None = None,
) -> FileOutcome:
    display = str(path)
    try:
        source: SourceFile = read_source(path, display, max_bytes)
    except FileError as exc:
        return FileOutcome(display, error=str(exc), binary=isinstance(exc, BinaryFileError))
    key = None
    if cache is not None:
        key = _cache_key(cache, source.raw, display, mode, unsafe, kind)
        hit = cache.load(key)
        if hit is not None:
            return _from_cache(source.text, display, mode, hit, kind)
    outcome = process_text(linter, source.text, display, mode, unsafe=unsafe, kind=kind)
    if key is not None and _cacheable(outcome, mode):
        outcome.cache_key = key
    if mode is Mode.FIX and outcome.changed:
        remove_stale_temporaries(source.target.parent)
        try:
            write_source(source, outcome.fixed)
        except FileError as exc:
            outcome.error = str(exc)
    return outcome


def _cache_key(
    cache: Cache, raw: bytes, display: str, mode: Mode, unsafe: bool, kind: str | None
) -> str:
    # ``--diff`` and ``fix`` compute the same thing; only fixing depends on ``unsafe``.
    if mode is Mode.LINT:
        return cache.key(raw, display, "lint", False, kind)
    return cache.key(raw, display, "fix", unsafe, kind)


def _cacheable(outcome: FileOutcome, mode: Mode) -> bool:
    if outcome.error is not None or outcome.crash is not None:
        return False
    if mode is Mode.LINT:
        return True
    # Only "already clean" is worth remembering for fix: anything else rewrites the file.
    return not outcome.changed and not outcome.applied and not outcome.notes


def _from_cache(
    text: str, display: str, mode: Mode, diagnostics: list[Diagnostic], kind: str | None
) -> FileOutcome:
    outcome = FileOutcome(
        display, diagnostics=diagnostics, original=text, format=kind_for_path(display, kind).value
    )
    if mode is not Mode.LINT:
        outcome.fixed = text
    return outcome


# Below this many files, starting worker processes costs more than it saves.
_PARALLEL_MIN_FILES = 16

# Set in each worker process once, so the linter is not pickled with every batch of files.
#: In a worker process: ``process_file`` with everything but the path bound.
_worker_check: Callable[[Path], FileOutcome] | None = None


def _init_worker(check: Callable[[Path], FileOutcome]) -> None:
    global _worker_check
    _worker_check = check
    # Ctrl-C reaches every process of the terminal's group: the parent stops the run and
    # reports it once; workers printing their own tracebacks would bury that line.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work(path: Path) -> FileOutcome:
    assert _worker_check is not None
    return _worker_check(path)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def process_files(
    linter: Linter,
    paths: Iterable[Path],
    mode: Mode,
    *,
    unsafe: bool,
    kind: str | None = None,
    jobs: int = 0,
    cache: bool = True,
    settings_key: str = "",
    cache_dir: Path | None = None,
    max_bytes: int | None = None,
) -> list[FileOutcome]:
    """Process ``paths`` in order. Cached results are looked up here, in this process; only the
    misses go to the worker pool, so an unchanged tree never pays for starting workers."""
    paths = list(paths)
    store: Cache | None = None
    if cache and paths:
        fingerprint = linter_fingerprint(linter.rules, linter.severities, settings_key)
        store = Cache(cache_dir or Path.cwd(), fingerprint)
    check = partial(
        process_file, linter, mode=mode, unsafe=unsafe, kind=kind, cache=store, max_bytes=max_bytes
    )
    workers = jobs or default_jobs()
    if workers <= 1 or len(paths) < _PARALLEL_MIN_FILES:
        return _remember(store, [check(p) for p in paths], _slot(mode, unsafe, kind))
    results: list[FileOutcome | None] = [None] * len(paths)
    misses: list[int] = []
    for i, path in enumerate(paths):
        hit = _lookup(store, path, mode, unsafe, kind, max_bytes) if store is not None else None
        if hit is None:
            misses.append(i)
        else:
            results[i] = hit
    if len(misses) < _PARALLEL_MIN_FILES:
        for i in misses:
            results[i] = check(paths[i])
    else:
        _run_in_pool(check, paths, misses, results, min(workers, len(misses)))
    return _remember(store, [r for r in results if r is not None], _slot(mode, unsafe, kind))


def _remember(store: Cache | None, outcomes: list[FileOutcome], slot: str) -> list[FileOutcome]:
    """Store the outcomes worth caching in ``store`` and write it once; return ``outcomes``."""
    if store is not None:
        for outcome in outcomes:
            if outcome.cache_key is not None:
                store.store(outcome.cache_key, outcome.display, outcome.diagnostics, slot)
        store.flush()
    return outcomes


def _slot(mode: Mode, unsafe: bool, kind: str | None) -> str:
    """What a cache entry was made for besides its file: a newer entry for the same file and
    slot replaces it."""
    if mode is Mode.LINT:
        return f"lint::{kind or ''}"
    return f"fix:{int(unsafe)}:{kind or ''}"


def _run_in_pool(
    check: Callable[[Path], FileOutcome],
    paths: list[Path],
    misses: list[int],
    results: list[FileOutcome | None],
    workers: int,
) -> None:
    """Check ``paths[i]`` for each ``i`` in ``misses`` in a pool of ``workers`` processes,
    storing each outcome in ``results[i]``."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, len(misses) // (workers * 8))
    pool = ProcessPoolExecutor(
        max_workers=workers,
        initializer=_init_worker,
        initargs=(check,),
    )
    try:
        done = pool.map(_work, [paths[i] for i in misses], chunksize=chunk)
        for i, outcome in zip(misses, done, strict=True):
            results[i] = outcome
    except BrokenProcessPool:
        # A worker died (killed for memory, say): its files and those not yet handed out
        # are checked here, one by one, so every file still gets its result or crash line.
        for i in misses:
            if results[i] is None:
                results[i] = check(paths[i])
    except BaseException:
        # Ctrl-C: stop now. Workers ignore SIGINT (see _init_worker) and would otherwise
        # finish their files before the interpreter could exit.
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        raise
    pool.shutdown()


def _lookup(
    store: Cache, path: Path, mode: Mode, unsafe: bool, kind: str | None, max_bytes: int | None
) -> FileOutcome | None:
    display = str(path)
    try:
        source = read_source(path, display, max_bytes)
    except FileError:
        return None  # the worker reports it
    hit = store.load(_cache_key(store, source.raw, display, mode, unsafe, kind))
    return None if hit is None else _from_cache(source.text, display, mode, hit, kind)
