"""One task: read a part, check every record, write the part's output atomically, return the
counts (and report rows). Runs on a Dask worker or in the calling process alike."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import resource
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from copyfix.corpus.parts import Part
from copyfix.corpus.records import CorpusStats, RecordOptions, bad_record_row, check_record
from copyfix.io.files import TEMP_SUFFIX, FileError, decode_source, encode_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from copyfix.lint.linter import Linter


@dataclass(slots=True)
class PartResult:
    part: Part
    stats: CorpusStats
    rows: list[dict] = field(default_factory=list)
    skipped: bool = False  # --resume: its output was already complete
    #: The part could not be read or written (its output, if any, is left as it was).
    error: str | None = None
    peak_rss: int = 0  # bytes, of the process that ran it
    cpu_seconds: float = 0.0  # CPU time the part took in its process


_LINTERS: dict[object, Linter] = {}


@dataclass(frozen=True, slots=True)
class ShippedLinter:
    """A linter built by the client (configuration, packs, selection all resolved there) and
    sent with every task, so workers need copyfix but not the client's files."""

    payload: bytes
    digest: str

    @classmethod
    def of(cls, linter: Linter) -> ShippedLinter:
        import hashlib
        import pickle

        payload = pickle.dumps(linter)
        return cls(payload, hashlib.sha256(payload).hexdigest())

    def __call__(self) -> Linter:
        import pickle

        return pickle.loads(self.payload)

    def __hash__(self) -> int:
        return hash(self.digest)


def _linter(factory: Callable[[], Linter]) -> Linter:
    """One linter per worker process and settings, built on first use."""
    key = getattr(factory, "digest", factory)
    if key not in _LINTERS:
        _LINTERS[key] = factory()
    return _LINTERS[key]


def output_complete(part: Part) -> bool:
    """An output exists only once complete: it is written under a temporary name first."""
    import fsspec

    return part.output is not None and fsspec.core.url_to_fs(part.output)[0].exists(
        fsspec.core.url_to_fs(part.output)[1]
    )


def run_part(
    part: Part, options: RecordOptions, factory: Callable[[], Linter], resume: bool = False
) -> PartResult:
    if resume and output_complete(part):
        return PartResult(part, CorpusStats(), skipped=True, peak_rss=_peak_rss())
    linter = _linter(factory)
    stats = CorpusStats()
    rows: list[dict] = []
    handler = {"jsonl": _jsonl, "jsonl.gz": _jsonl, "parquet": _parquet, "txt": _txt}
    started = time.process_time()
    try:
        handler[part.format](part, options, linter, stats, rows)
    except Exception as exc:  # noqa: BLE001 - one unreadable part must not end the whole run
        detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        return PartResult(
            part, stats, rows, error=f"{part.display}: {detail}", peak_rss=_peak_rss()
        )
    cpu = time.process_time() - started
    return PartResult(part, stats, rows, peak_rss=_peak_rss(), cpu_seconds=cpu)


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def _open_input(part: Part):
    import fsspec

    return fsspec.open(part.source, "rb", compression="gzip" if part.format == "jsonl.gz" else None)


@contextlib.contextmanager
def atomic_output(path: str):
    """A binary file for ``path``, written under a temporary name in the same folder and renamed
    into place once complete; on any error the temporary file is removed."""
    import fsspec

    fs, target = fsspec.core.url_to_fs(path)
    folder, name = os.path.split(target)
    fs.makedirs(folder or ".", exist_ok=True)
    tmp = os.path.join(folder, f".{name}.{os.getpid()}.{id(path)}{TEMP_SUFFIX}")
    try:
        with fs.open(tmp, "wb") as fh:
            yield fh
            fh.flush()
            if hasattr(fh, "fileno"):
                with contextlib.suppress(OSError, io.UnsupportedOperation):
                    os.fsync(fh.fileno())
        _test_crash(path)
        from fsspec.implementations.local import LocalFileSystem

        if isinstance(fs, LocalFileSystem):
            os.replace(tmp, target)
        else:
            fs.mv(tmp, target)
    except BaseException:
        with contextlib.suppress(Exception):
            fs.rm(tmp)
        raise


def _test_crash(path: str) -> None:
    """A seam for fault-injection tests: ``COPYFIX_TEST_CORPUS_CRASH=<name>`` kills the process
    when the output whose path ends with ``name`` is complete but not yet renamed."""
    name = os.environ.get("COPYFIX_TEST_CORPUS_CRASH")
    if name and path.endswith(name):
        os.kill(os.getpid(), 9)


def _jsonl(part: Part, options: RecordOptions, linter, stats, rows) -> None:
    """Unchanged lines (and lines that are not JSON, counted as bad) are written byte for byte;
    a fixed record is written as JSON with its fields in their order."""
    with contextlib.ExitStack() as stack:
        src = stack.enter_context(_open_input(part))
        out = None
        if options.mode == "fix" and part.output is not None:
            raw_out = stack.enter_context(atomic_output(part.output))
            out = raw_out
            if part.format == "jsonl.gz":
                out = stack.enter_context(gzip.GzipFile(fileobj=raw_out, mode="wb", mtime=0))
        number = 0
        for line in src:
            if not line.strip():
                if out is not None:
                    out.write(line)
                continue
            fixed = _jsonl_record(line, number, part, options, linter, stats, rows)
            number += 1
            if out is not None:
                out.write(line if fixed is None else _dump(fixed, line))


def _jsonl_record(line: bytes, number, part, options, linter, stats, rows):
    """The fixed record, or None when the line stays as it is."""
    try:
        record = json.loads(line)
    except ValueError as exc:
        _unreadable(
            f"not valid JSON ({str(exc).split(':')[0]})", number, part, options, stats, rows
        )
        return None
    result = check_record(record, number, options, linter, stats, rows, part.source)
    return None if result is record else result


def _unreadable(problem: str, number: int, part, options, stats, rows) -> None:
    """Count a line or file that is not even a record; it is written back as it was."""
    stats.records += 1
    stats.bad += 1
    stats.unchanged += 1
    stats.bad_reasons[problem] += 1
    if options.report:
        rows.append(bad_record_row(part.source, str(number), problem))


def _dump(record: dict, line: bytes) -> bytes:
    ending = b"\r\n" if line.endswith(b"\r\n") else b"\n" if line.endswith(b"\n") else b""
    return json.dumps(record, ensure_ascii=False).encode("utf-8") + ending


def _parquet(part: Part, options: RecordOptions, linter, stats, rows) -> None:
    """The text column is replaced by its fixed values, with its type; every other column, the
    schema and its metadata are written as read."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    with _open_input(part) as fh:
        pf = pq.ParquetFile(fh)
        table = pf.read() if part.row_groups is None else pf.read_row_groups(part.row_groups)
    names = table.column_names
    texts = table.column(options.text_field).to_pylist() if options.text_field in names else None
    ids = None
    if options.id_field and options.id_field in names:
        ids = table.column(options.id_field).to_pylist()
    fixed_values = []
    changed = False
    for row in range(table.num_rows):
        record = {} if texts is None else {options.text_field: texts[row]}
        if ids is not None:
            record[options.id_field] = ids[row]
        result = check_record(
            record, part.first_row + row, options, linter, stats, rows, part.source
        )
        changed = changed or result is not record
        fixed_values.append(result.get(options.text_field) if texts is not None else None)
    if options.mode != "fix" or part.output is None:
        return
    if changed:
        index = names.index(options.text_field)
        column_type = table.schema.field(index).type
        column = pa.array(fixed_values, type=pa.string()).cast(column_type)
        table = table.set_column(index, table.schema.field(index), column)
    with atomic_output(part.output) as out:
        pq.write_table(table, out)


def _txt(part: Part, options: RecordOptions, linter, stats, rows) -> None:
    """A text file is one record, decoded and written back as ``copyfix fix`` would."""
    with _open_input(part) as fh:
        raw = fh.read()
    result = record = None
    try:
        source = decode_source(raw, part.source, part.source)
    except FileError as exc:
        _unreadable(exc.reason.removesuffix(", skipped"), 0, part, options, stats, rows)
    else:
        record = {options.text_field: source.text}
        result = check_record(record, 0, options, linter, stats, rows, part.source)
    if options.mode != "fix" or part.output is None:
        return
    with atomic_output(part.output) as out:
        if result is record:
            out.write(raw)
        else:
            out.write(encode_text(source, result[options.text_field]))
