"""The ``--report`` file: one row per finding, written as parts complete, as Parquet
(``.parquet``) or JSONL (anything else), under a temporary name until the run ends."""

from __future__ import annotations

import contextlib
import json
from typing import Self

from copyfix.corpus.records import REPORT_COLUMNS
from copyfix.corpus.tasks import atomic_output


def _schema():
    import pyarrow as pa

    schema = pa.schema(
        [
            ("source", pa.string()),
            ("record", pa.string()),
            ("code", pa.string()),
            ("name", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("message", pa.string()),
            ("applied", pa.bool_()),
            ("count", pa.int64()),
        ]
    )
    assert tuple(schema.names) == REPORT_COLUMNS
    return schema


class ReportWriter:
    """``with ReportWriter(path) as report: report.write(rows)``; the file appears complete when
    the ``with`` block ends without an error, and not at all otherwise."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.parquet = path.lower().endswith(".parquet")
        self._stack = contextlib.ExitStack()
        self._out = None
        self._writer = None

    def __enter__(self) -> Self:
        self._out = self._stack.enter_context(atomic_output(self.path))
        if self.parquet:
            import pyarrow.parquet as pq

            self._writer = self._stack.enter_context(pq.ParquetWriter(self._out, _schema()))
        return self

    def write(self, rows: list[dict]) -> None:
        if not rows:
            return
        if self._writer is not None:
            import pyarrow as pa

            self._writer.write_table(pa.Table.from_pylist(rows, schema=_schema()))
            return
        data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        self._out.write(data.encode("utf-8"))

    def __exit__(self, *exc) -> bool:
        return self._stack.__exit__(*exc)


def write_report(path: str, rows: list[dict]) -> None:
    """All of ``rows`` at once (an empty report is still a valid file)."""
    with ReportWriter(path) as report:
        report.write(rows)
