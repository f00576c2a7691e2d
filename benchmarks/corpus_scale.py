"""Corpus-mode benchmark: records/s and MB/s of `copyfix corpus fix` with 1 and 2 workers of the
embedded Dask cluster, against a plain loop over `copyfix.fix_text` (the floor) and the same
records fixed in one process (`--workers 0`), with the peak memory of a worker.

    python benchmarks/corpus_scale.py [--mb 5] [--files 16] [--runs floor,0,1,2] [--json out.json]

``--runs`` chooses what is timed: ``floor`` (the ``fix_text`` loop) and the worker counts
(``0``: in process); at 200 MB each takes minutes, so ``--runs floor,1,2`` leaves out ``0``.

The JSONL records (2 to 4 paragraphs of the standard library's docstrings and `seeds/`, with
slips injected: glued commas, doubled spaces and words, spaces before commas) are generated in
a temporary folder; nothing is committed. MB/s counts the UTF-8 bytes of the text fields.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus

SLIPS = [(", ", ","), (". ", ".  "), (" the ", " the the "), (", ", " , ")]


def make_records(megabytes: float, seed: int = 16) -> list[dict]:
    rng = random.Random(seed)
    paras = corpus._paragraphs()
    target = int(megabytes * 1e6)
    records: list[dict] = []
    size = 0
    while size < target:
        text = "\n\n".join(rng.choice(paras) for _ in range(rng.randint(2, 4)))
        for _ in range(rng.randint(0, 3)):
            old, new = rng.choice(SLIPS)
            at = text.find(old, rng.randrange(len(text)))
            if at >= 0:
                text = text[:at] + new + text[at + len(old) :]
        records.append(
            {
                "id": len(records),
                "url": f"https://example.org/{len(records)}",
                "text": text,
                "lang": "en",
            }
        )
        size += len(text.encode("utf-8"))
    return records


def write_files(records: list[dict], folder: Path, files: int) -> None:
    folder.mkdir(parents=True)
    per_file = -(-len(records) // files)
    for n in range(files):
        chunk = records[n * per_file : (n + 1) * per_file]
        with (folder / f"part-{n:03d}.jsonl").open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in chunk)


def floor(records: list[dict]) -> float:
    import copyfix

    started = time.perf_counter()
    for record in records:
        copyfix.fix_text(record["text"])
    return time.perf_counter() - started


def corpus_run(src: Path, out: Path, workers: int) -> tuple[float, int, float]:
    """Wall time of the whole command (cluster start-up included), peak worker memory and the
    CPU time of its tasks."""
    script = Path(sys.executable).with_name("copyfix")
    started = time.perf_counter()
    result = subprocess.run(
        [
            str(script),
            "corpus",
            "fix",
            str(src),
            "-o",
            str(out),
            "--isolated",
            "--workers",
            str(workers),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - started
    peak = re.search(r"peak worker memory ([\d,]+) MiB", result.stdout)
    cpu = re.search(r"([\d.]+) CPU s in the tasks", result.stdout)
    return (
        seconds,
        int(peak.group(1).replace(",", "")) if peak else 0,
        float(cpu.group(1)) if cpu else 0.0,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=5.0, help="MB of text (default 5)")
    parser.add_argument("--files", type=int, default=16, help="JSONL files (default 16)")
    parser.add_argument("--runs", default="floor,0,1,2", help="what to time (default all)")
    parser.add_argument("--json", help="Also write the figures here.")
    args = parser.parse_args()
    records = make_records(args.mb)
    text_bytes = sum(len(r["text"].encode("utf-8")) for r in records)
    figures: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        write_files(records, src, args.files)
        runs = args.runs.split(",")
        if "floor" in runs:
            load = os.getloadavg()[0]
            seconds = floor(records)
            figures["fix_text loop (floor)"] = {"seconds": seconds, "peak_mib": None, "load": load}
        for workers in (int(r) for r in runs if r != "floor"):
            load = os.getloadavg()[0]
            seconds, peak, cpu = corpus_run(src, Path(tmp) / f"out{workers}", workers)
            name = "in process (--workers 0)" if workers == 0 else f"{workers} worker(s)"
            figures[name] = {"seconds": seconds, "peak_mib": peak, "load": load, "cpu": cpu}
        same = all(
            (Path(tmp) / "out1" / f.name).read_bytes() == (Path(tmp) / "out2" / f.name).read_bytes()
            for f in src.iterdir()
        ) if {"1", "2"} <= set(runs) else None
    print(f"{len(records):,} records, {text_bytes / 1e6:.1f} MB of text, {args.files} files")
    for name, fig in figures.items():
        fig["records_per_s"] = len(records) / fig["seconds"]
        fig["mb_per_s"] = text_bytes / 1e6 / fig["seconds"]
        peak = f", peak worker memory {fig['peak_mib']} MiB" if fig["peak_mib"] else ""
        if fig.get("cpu"):
            peak += f", task CPU {fig['cpu']:.1f} s"
        print(
            f"  load {fig['load']:.1f}  {name:26} {fig['seconds']:7.1f} s  {fig['records_per_s']:8,.0f} records/s"
            f"  {fig['mb_per_s']:.3f} MB/s{peak}"
        )
    speedup = None
    if "1 worker(s)" in figures and "2 worker(s)" in figures:
        speedup = figures["1 worker(s)"]["seconds"] / figures["2 worker(s)"]["seconds"]
        print(f"  speed-up, 2 workers over 1: {speedup:.2f}x; outputs identical: {same}")
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "records": len(records),
                    "text_bytes": text_bytes,
                    "figures": figures,
                    "speedup_2_over_1": speedup,
                    "identical": same,
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
