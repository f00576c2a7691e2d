"""Corpus scale: fix or lint JSONL, JSONL.gz, Parquet and text datasets record by record.

``fix_records`` and ``lint_records`` work on any iterable of dicts (a Dask bag or DataFrame
partition, a Spark ``mapPartitions``, a datatrove step); ``plan`` and ``run_parts`` drive
``copyfix corpus``, on an embedded Dask cluster or an existing one (``pip install
copyfix[corpus]``).
"""

from __future__ import annotations

from copyfix.corpus.records import (
    REPORT_COLUMNS,
    CorpusStats,
    RecordOptions,
    fix_records,
    lint_records,
)

__all__ = ["REPORT_COLUMNS", "CorpusStats", "RecordOptions", "fix_records", "lint_records"]
