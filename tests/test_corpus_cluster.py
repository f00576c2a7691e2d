"""``copyfix corpus fix --scheduler``: a real Dask scheduler and two worker processes on
127.0.0.1, one of them killed while the run is under way; the run completes with the output of
a clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from copyfix.corpus import fix_records
from tests.corpus_datasets import read_jsonl, records, write_jsonl

distributed = pytest.importorskip("distributed")

FILES = 6
PER_FILE = 250  # about 90 kB of text per file: a few tenths of a second of work each


def _start(args: list[str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", *args],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


# The installed command (``python -m copyfix.cli.main`` would warn about the module's double life).
_SCRIPT = Path(sys.executable).with_name("copyfix")
COPYFIX = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "copyfix.cli.main"]


@pytest.fixture
def cluster(tmp_path):
    """A scheduler and two workers without nannies (a killed worker stays dead)."""
    scheduler_file = tmp_path / "scheduler.json"
    procs = [
        _start(
            [
                "distributed.cli.dask_scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(scheduler_file),
            ],
            tmp_path / "scheduler.log",
        )
    ]
    try:
        _wait_for(scheduler_file.exists, 60, "the scheduler")
        for name in ("w1", "w2"):
            procs.append(
                _start(
                    [
                        "distributed.cli.dask_worker",
                        "--scheduler-file",
                        str(scheduler_file),
                        "--nthreads",
                        "1",
                        "--no-nanny",
                        "--host",
                        "127.0.0.1",
                        "--no-dashboard",
                        "--name",
                        name,
                        "--death-timeout",
                        "60",
                    ],
                    tmp_path / f"{name}.log",
                )
            )
        address = json.loads(scheduler_file.read_text())["address"]
        with distributed.Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        yield address, procs[1], procs[2]
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=30)


def test_a_worker_killed_midway_does_not_change_the_output(cluster, tmp_path):
    address, doomed, survivor = cluster
    src = tmp_path / "in"
    src.mkdir()
    for n in range(FILES):
        write_jsonl(src / f"f{n}.jsonl", records(PER_FILE, seed=100 + n))
    out = tmp_path / "out"
    client_log = tmp_path / "client.log"
    run = subprocess.Popen(
        [*COPYFIX, "corpus", "fix", str(src), "-o", str(out), "--isolated", "--scheduler", address],
        stdout=client_log.open("wb"),
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
    )
    try:
        _wait_for(lambda: out.exists() and any(out.glob("f*.jsonl")), 120, "a first output")
        done_before_kill = len(list(out.glob("f*.jsonl")))
        os.kill(doomed.pid, signal.SIGKILL)
        # Reaped at once, as its parent would: a zombie's pid still looks alive to the run.
        assert doomed.wait(timeout=10) == -signal.SIGKILL
        assert done_before_kill < FILES, "the run ended before a worker could be killed"
        assert run.wait(timeout=180) == 0, client_log.read_text()
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
    assert survivor.poll() is None
    summary = client_log.read_text()
    assert f"Records: {FILES * PER_FILE:,} read in {FILES} parts" in summary
    for n in range(FILES):
        expected = list(fix_records(records(PER_FILE, seed=100 + n)))
        assert read_jsonl(out / f"f{n}.jsonl") == expected, n
    assert not list(out.rglob("*.copyfix-tmp"))
