"""Check or fix a set of files with one linter; the CLI's only way to do work."""

from __future__ import annotations

import enum
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from copyfix.api import Linter
from copyfix.files import (
    FileError,
    SourceFile,
    read_source,
    remove_stale_temporaries,
    write_source,
)
from copyfix.formats import kind_for_path
from copyfix.model import Diagnostic


class Mode(enum.Enum):
    LINT = "lint"
    FIX = "fix"
    DIFF = "diff"


@dataclass(slots=True)
class FileOutcome:
    display: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    applied: Counter[str] = field(default_factory=Counter)
    original: str | None = None
    fixed: str | None = None
    written: bool = False
    error: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed is not None and self.fixed != self.original


def process_text(
    linter: Linter, text: str, display: str, mode: Mode, *, unsafe: bool, kind: str | None = None
) -> FileOutcome:
    doc_kind = kind_for_path(display, kind)
    outcome = FileOutcome(display, original=text)
    if mode is Mode.LINT:
        outcome.diagnostics = linter.lint(text, path=display, kind=doc_kind)
        return outcome
    result = linter.fix(text, path=display, kind=doc_kind, unsafe=unsafe)
    outcome.fixed = result.text
    outcome.applied = result.applied
    outcome.diagnostics = result.remaining
    outcome.notes += result.refused
    for code in result.unconverged:
        outcome.notes.append(f"{code} did not converge: its fixes kept changing the text")
    return outcome


def process_file(
    linter: Linter, path: Path, mode: Mode, *, unsafe: bool, kind: str | None = None
) -> FileOutcome:
    display = str(path)
    try:
        source: SourceFile = read_source(path, display)
    except FileError as exc:
        return FileOutcome(display, error=str(exc))
    outcome = process_text(linter, source.text, display, mode, unsafe=unsafe, kind=kind)
    if mode is Mode.FIX and outcome.changed:
        remove_stale_temporaries(source.target.parent)
        try:
            outcome.written = write_source(source, outcome.fixed)
        except FileError as exc:
            outcome.error = str(exc)
    return outcome


# Below this many files, starting worker processes costs more than it saves.
_PARALLEL_MIN_FILES = 16


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
) -> list[FileOutcome]:
    paths = list(paths)
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(paths) < _PARALLEL_MIN_FILES:
        return [process_file(linter, p, mode, unsafe=unsafe, kind=kind) for p in paths]
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, len(paths) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(
            pool.map(
                partial(process_file, linter, mode=mode, unsafe=unsafe, kind=kind),
                paths,
                chunksize=chunk,
            )
        )
