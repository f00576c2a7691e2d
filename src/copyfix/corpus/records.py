"""Fix or lint records (dicts) one by one, exactly as ``copyfix fix -`` treats one text.

Each record's text is handled like standard input: encoded as UTF-8 and decoded as a file is, so
its newline style and byte-order mark come back as they were, and a text that ``copyfix fix -``
would refuse (NUL characters, lone surrogates) is left unchanged and counted as a bad record.
A record is never dropped: bad ones come out as they went in.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copyfix.io.files import BinaryFileError, FileError, decode_source, encode_text
from copyfix.io.runner import Mode, process_text
from copyfix.lint.linter import shared_linter

if TYPE_CHECKING:
    from copyfix.lint.linter import Linter

REPORT_COLUMNS = ("source", "record", "code", "name", "start", "end", "message", "applied", "count")


@dataclass(slots=True)
class CorpusStats:
    """What a run did; two runs' stats add up with ``merge``."""

    records: int = 0
    changed: int = 0
    unchanged: int = 0
    bad: int = 0
    text_bytes: int = 0
    seconds: float = 0.0
    findings: Counter = field(default_factory=Counter)
    fixes: Counter = field(default_factory=Counter)
    bad_reasons: Counter = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)

    def merge(self, other: CorpusStats) -> CorpusStats:
        for name in ("records", "changed", "unchanged", "bad", "text_bytes", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.findings.update(other.findings)
        self.fixes.update(other.fixes)
        self.bad_reasons.update(other.bad_reasons)
        self.crashes.extend(other.crashes)
        return self


@dataclass(frozen=True, slots=True)
class RecordOptions:
    """How records are read and checked. Picklable, so it travels with each task."""

    text_field: str = "text"
    id_field: str | None = None
    kind: str = "text"
    unsafe: bool = False
    mode: str = "fix"  # "fix" or "lint"
    #: Collect report rows (one per finding); off unless ``--report`` asks for them.
    report: bool = False


def fix_records(
    records: Iterable[dict],
    *,
    text_field: str = "text",
    id_field: str | None = None,
    linter: Linter | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    unsafe: bool = False,
    kind: str = "text",
    stats: CorpusStats | None = None,
    findings: list[dict] | None = None,
) -> Iterator[dict]:
    """Yield each record with its ``text_field`` fixed; every other field, and the order of
    records and fields, stays as it was. The input dicts are not modified.

    ``linter`` (from ``copyfix.lint.linter.make_linter`` or the CLI's settings) wins over
    ``select``/``ignore``. Pass a ``CorpusStats`` to count what was done and a list as
    ``findings`` to receive one row per finding (see ``REPORT_COLUMNS``)."""
    options = RecordOptions(text_field, id_field, kind, unsafe, "fix", findings is not None)
    yield from _run(records, options, linter or shared_linter(select, ignore), stats, findings)


def lint_records(
    records: Iterable[dict],
    *,
    text_field: str = "text",
    id_field: str | None = None,
    linter: Linter | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    kind: str = "text",
    stats: CorpusStats | None = None,
) -> list[dict]:
    """One row per finding in ``records`` (see ``REPORT_COLUMNS``)."""
    rows: list[dict] = []
    options = RecordOptions(text_field, id_field, kind, False, "lint", True)
    for _ in _run(records, options, linter or shared_linter(select, ignore), stats, rows):
        pass
    return rows


def _run(records, options, linter, stats, findings) -> Iterator[dict]:
    stats = stats if stats is not None else CorpusStats()
    started = time.perf_counter()
    try:
        for number, record in enumerate(records):
            yield check_record(record, number, options, linter, stats, findings)
    finally:
        stats.seconds += time.perf_counter() - started


def check_record(
    record: Any,
    number: int,
    options: RecordOptions,
    linter: Linter,
    stats: CorpusStats,
    findings: list[dict] | None,
    source: str = "",
) -> Any:
    """The record, fixed (a new dict) or as it was; ``stats`` and ``findings`` are updated."""
    stats.records += 1
    record_id = _record_id(record, number, options.id_field)
    text = record.get(options.text_field) if isinstance(record, dict) else None
    problem = _bad_text(record, text, options.text_field)
    decoded = None
    if problem is None:
        try:
            decoded = decode_source(text.encode("utf-8"), Path("-"), "-")
        except UnicodeEncodeError:
            problem = "text is not valid Unicode (lone surrogate)"
        except BinaryFileError:
            problem = "text contains NUL characters"  # what makes a file binary, in a record
        except FileError as exc:
            problem = exc.reason.removesuffix(", skipped")
    if problem is not None:
        _count_bad(stats, findings, source, record_id, problem)
        stats.unchanged += 1
        return record
    stats.text_bytes += len(text.encode("utf-8"))
    mode = Mode.FIX if options.mode == "fix" else Mode.LINT
    outcome = process_text(
        linter, decoded.text, "-", mode, unsafe=options.unsafe, kind=options.kind
    )
    if outcome.crash:
        stats.crashes.append(f"{source} record {record_id}: {outcome.crash}")
        stats.unchanged += 1
        return record
    stats.fixes.update(outcome.applied)
    stats.findings.update(outcome.applied)
    stats.findings.update(d.code for d in outcome.diagnostics)
    if findings is not None and options.report:
        findings.extend(_rows(source, record_id, outcome))
    if not outcome.changed:
        stats.unchanged += 1
        return record
    stats.changed += 1
    fixed = encode_text(decoded, outcome.fixed).decode("utf-8")
    return {**record, options.text_field: fixed}


def _bad_text(record: Any, text: Any, field_name: str) -> str | None:
    if not isinstance(record, dict):
        return f"not an object ({type(record).__name__})"
    if field_name not in record:
        return f"no field {field_name!r}"
    if not isinstance(text, str):
        kind = "null" if text is None else type(text).__name__
        return f"field {field_name!r} is not a string ({kind})"
    return None


def _count_bad(stats, findings, source, record_id, problem: str) -> None:
    stats.bad += 1
    stats.bad_reasons[problem] += 1
    if findings is not None:
        findings.append(_row(source, record_id, "BAD", "bad-record", None, None, problem, False, 1))


def _record_id(record: Any, number: int, id_field: str | None) -> str:
    if id_field and isinstance(record, dict) and id_field in record:
        return str(record[id_field])
    return str(number)


def _rows(source: str, record_id: str, outcome) -> Iterator[dict]:
    for f in outcome.fixes:
        yield _row(source, record_id, f.code, f.name, f.span.start, f.span.end, f.message, True, 1)
    for d in outcome.diagnostics:
        yield _row(source, record_id, d.code, d.name, d.span.start, d.span.end, d.message, False, 1)


def _row(source, record_id, code, name, start, end, message, applied, count) -> dict:
    values = (source, record_id, code, name, start, end, message, applied, count)
    return dict(zip(REPORT_COLUMNS, values, strict=True))


def bad_record_row(source: str, record_id: str, problem: str) -> dict:
    """A report row for a line or value that could not even be read as a record."""
    return _row(source, record_id, "BAD", "bad-record", None, None, problem, False, 1)
