"""Run the parts of a corpus on Dask: an embedded local cluster by default, or an existing
scheduler. Each task reads, checks and writes its own part; the client only gathers counts."""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from copyfix.corpus.parts import CorpusError, Part
from copyfix.corpus.records import CorpusStats, RecordOptions
from copyfix.corpus.report import ReportWriter
from copyfix.corpus.tasks import PartResult, run_part

if TYPE_CHECKING:
    from copyfix.lint.linter import Linter

#: A task whose worker dies is run again elsewhere, this many times.
RETRIES = 3


@dataclass(slots=True)
class CorpusRun:
    stats: CorpusStats = field(default_factory=CorpusStats)
    parts: int = 0
    skipped: int = 0
    peak_rss: int = 0
    cpu_seconds: float = 0.0
    wall_seconds: float = 0.0
    workers: int = 0
    rows: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, result: PartResult) -> None:
        self.parts += 1
        if result.error:
            self.errors.append(result.error)
        self.skipped += result.skipped
        self.stats.merge(result.stats)
        self.peak_rss = max(self.peak_rss, result.peak_rss)
        self.cpu_seconds += result.cpu_seconds
        self.rows.extend(result.rows)


def run_parts(
    parts: list[Part],
    options: RecordOptions,
    factory: Callable[[], Linter],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    resume: bool = False,
    on_result: Callable[[PartResult], None] | None = None,
    report: ReportWriter | None = None,
) -> CorpusRun:
    """Run every part; ``workers=0`` runs them in this process, one after the other (no Dask).
    ``on_result`` is called as each part completes, in completion order. Report rows go to
    ``report`` as each part completes (so the client holds one part's rows at a time), or else
    are kept in ``CorpusRun.rows`` in input order."""
    started = time.perf_counter()
    run = CorpusRun()
    _remove_stale_temporaries(parts)
    results: list[PartResult | None] = [None] * len(parts)

    def done(index: int, result: PartResult) -> None:
        if report is not None:
            report.write(result.rows)
            result.rows = []
        results[index] = result
        if on_result is not None:
            on_result(result)

    if workers == 0 and not scheduler:
        run.workers = 0
        for index, part in enumerate(parts):
            done(index, run_part(part, options, factory, resume))
    else:
        run.workers = _run_on_dask(parts, options, factory, workers, scheduler, resume, done)
    _remove_stale_temporaries(parts)  # those of workers killed during this run
    for result in results:
        assert result is not None
        run.add(result)
    run.wall_seconds = time.perf_counter() - started
    return run


def _remove_stale_temporaries(parts: list[Part]) -> None:
    """Temporary outputs whose writer is dead: a killed run or worker (local folders only)."""
    from pathlib import Path

    from copyfix.io.files import remove_stale_temporaries

    folders = {os.path.dirname(p.output) for p in parts if p.output and "://" not in p.output}
    for folder in sorted(folders):
        if os.path.isdir(folder):
            remove_stale_temporaries(Path(folder))


def _run_on_dask(parts, options, factory, workers, scheduler, resume, done) -> int:
    from distributed import Client, LocalCluster, as_completed

    _quiet_dask()
    scheduler = scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS") or None
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise CorpusError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    else:
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        count = len(client.scheduler_info().get("workers", {}))
        token = uuid.uuid4().hex[:8]
        futures = {
            client.submit(
                run_part,
                part,
                options,
                factory,
                resume,
                key=f"copyfix-part-{index}-{token}",
                pure=False,
                retries=RETRIES,
            ): index
            for index, part in enumerate(parts)
        }
        for future in as_completed(futures):
            done(futures[future], future.result())
        return count
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _quiet_dask() -> None:
    """Dask logs every worker start and stop at INFO; a run shows only its own summary."""
    for name in ("distributed", "distributed.nanny", "distributed.scheduler", "distributed.worker"):
        logging.getLogger(name).setLevel(logging.ERROR)
