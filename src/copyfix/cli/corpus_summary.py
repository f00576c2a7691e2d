"""The summary ``copyfix corpus`` prints: records, findings and fixes per rule, throughput."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from copyfix.corpus.engine import CorpusRun


def _per_rule(counter) -> str:
    return ", ".join(f"{code} {n:,}" for code, n in sorted(counter.items())) or "none"


def summary(mode: str, run: CorpusRun) -> str:
    stats = run.stats
    seconds = max(run.wall_seconds, 1e-9)
    parts = f"{run.parts:,} part{'s' if run.parts != 1 else ''}"
    if run.skipped:
        parts += f" ({run.skipped:,} skipped: output already complete)"
    if run.errors:
        parts += f" ({len(run.errors):,} could not be processed: see the 'copyfix: error:' lines)"
    lines = [
        f"Records: {stats.records:,} read in {parts}; {stats.changed:,} changed, "
        f"{stats.unchanged:,} unchanged, {stats.bad:,} bad (kept as they were)."
        if mode == "fix"
        else f"Records: {stats.records:,} read in {parts}; {stats.bad:,} bad.",
        f"Findings: {sum(stats.findings.values()):,} ({_per_rule(stats.findings)}).",
    ]
    if mode == "fix":
        lines.append(f"Fixes: {sum(stats.fixes.values()):,} ({_per_rule(stats.fixes)}).")
    if stats.bad_reasons:
        lines.append(f"Bad records: {_per_rule(stats.bad_reasons)}.")
    where = (
        f"{run.workers} worker{'s' if run.workers != 1 else ''}" if run.workers else ("in process")
    )
    lines.append(
        f"Throughput: {stats.records / seconds:,.0f} records/s, "
        f"{stats.text_bytes / seconds / 1e6:.2f} MB/s of text in {seconds:.1f} s ({where}, "
        f"{run.cpu_seconds:.1f} CPU s in the tasks); "
        f"peak worker memory {run.peak_rss / 2**20:,.0f} MiB."
    )
    return "\n".join(lines)
