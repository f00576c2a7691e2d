"""A check that raises is a bug to report, not a finding, and never stops the run.

The file whose check crashed gets one line naming it, the rule and the exception; the other files
are still linted or fixed; the crashed file is never written; the exit code is 3. Ctrl-C exits
130 without a traceback.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from copyfix.lint.registry import default_registry

BOOM = "BOOM"
GOOD = "In 2019,the plan changed.\n"
BROKEN = f"In 2019,the {BOOM} plan changed.\n"


@pytest.fixture(params=[ValueError, MemoryError], ids=["ValueError", "MemoryError"])
def broken_rule(request, monkeypatch) -> tuple[str, str, type[Exception]]:
    """Make SP001 raise on any text that holds ``BOOM``. Patched on the class, so worker
    processes forked by the run inherit it."""
    rule = default_registry().get("SP001")
    original = type(rule).check
    error = request.param

    def check(self, doc):
        if BOOM in doc.text:
            raise error("injected failure")
        yield from original(self, doc)

    monkeypatch.setattr(type(rule), "check", check)
    return rule.code, rule.name, error


def _write(folder: Path, count: int, broken: int) -> list[Path]:
    paths = []
    for i in range(count):
        path = folder / f"f{i:02d}.txt"
        path.write_text(BROKEN if i == broken else GOOD, encoding="utf-8")
        paths.append(path)
    return paths


def _crash_line(stderr: str, name: str) -> str:
    lines = [line for line in stderr.splitlines() if name in line]
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_lint_reports_the_other_files_and_exits_3(run, tmp_path, broken_rule, jobs) -> None:
    code, name, error = broken_rule
    # Sixteen files or more go to the worker pool when there are two jobs.
    count = 3 if jobs == "1" else 20
    _write(tmp_path, count, broken=1)
    result = run("lint", "--no-cache", "--isolated", "-j", jobs, ".")
    assert result.exit_code == 3, result.output
    line = _crash_line(result.stderr, "f01.txt")
    assert code in line and name in line and error.__name__ in line and "report" in line
    assert "Traceback" not in result.output
    for i in range(count):
        if i != 1:
            assert f"f{i:02d}.txt:1:8" in result.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fix_fixes_the_other_files_and_leaves_the_broken_one(
    run, tmp_path, broken_rule, jobs
) -> None:
    code, _, _ = broken_rule
    count = 3 if jobs == "1" else 20
    paths = _write(tmp_path, count, broken=1)
    before = paths[1].stat().st_mtime_ns
    result = run("fix", "--no-cache", "--isolated", "-j", jobs, ".")
    assert result.exit_code == 3, result.output
    assert code in _crash_line(result.stderr, "f01.txt")
    assert paths[1].read_text(encoding="utf-8") == BROKEN
    assert paths[1].stat().st_mtime_ns == before
    for i, path in enumerate(paths):
        if i != 1:
            assert path.read_text(encoding="utf-8") == "In 2019, the plan changed.\n"


def test_a_crash_in_a_later_fix_pass_writes_nothing(run, tmp_path, monkeypatch) -> None:
    """The first pass's fixes are applied in memory; the second pass crashes; nothing is
    written, because the text that would be written was never fully checked."""
    rule = default_registry().get("SP001")
    original = type(rule).check
    calls = {"n": 0}

    def check(self, doc):
        calls["n"] += 1
        if calls["n"] > 1:
            raise RuntimeError("second pass")
        yield from original(self, doc)

    monkeypatch.setattr(type(rule), "check", check)
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = run("fix", "--no-cache", "--isolated", "a.txt")
    assert result.exit_code == 3, result.output
    assert path.read_text(encoding="utf-8") == GOOD


def test_stdin_fix_with_a_crash_passes_the_text_through(run, broken_rule) -> None:
    result = run("fix", "--isolated", "-", input=BROKEN)
    assert result.exit_code == 3
    assert result.stdout == BROKEN


def test_a_five_million_letter_word_is_linted(run, tmp_path) -> None:
    (tmp_path / "word.txt").write_text("Word " + "a" * 5_000_000 + "'s end.\n", encoding="utf-8")
    (tmp_path / "apostrophes.txt").write_text("a'" * 2_500_000 + "\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text(GOOD, encoding="utf-8")
    result = run("lint", "--no-cache", "--isolated", ".")
    assert result.exit_code == 1, result.output
    assert "other.txt:1:8" in result.stdout


def _copyfix(*args: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "from copyfix.cli import main; main()", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        start_new_session=True,  # its own process group, to signal it as a terminal would
        # A shell without job control starts background jobs with SIGINT ignored, and a process
        # keeps that (as it should: `nohup`-like). A terminal's foreground job has the default.
        preexec_fn=_default_sigint,
    )


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_without_a_traceback(tmp_path, jobs) -> None:
    for i in range(20):
        (tmp_path / f"f{i:02d}.txt").write_text(GOOD * 20_000, encoding="utf-8")
    # Three interrupts, each of which must end the run within the timeout: a worker killed
    # while writing its result once made one exit in three wait forever. A signal also races
    # with start-up; on a loaded machine it can land before the handler is installed, a window
    # no program can close, so one attempt of the three may end otherwise.
    outcomes = []
    for _ in range(3):
        proc = _copyfix("lint", "--no-cache", "--isolated", "-j", jobs, ".", cwd=tmp_path)
        time.sleep(2.0)  # past start-up, into the checking
        running = proc.poll() is None
        # As the terminal does: to the whole process group, workers included.
        if running:
            os.killpg(proc.pid, signal.SIGINT)
        try:
            _, stderr = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            pytest.fail(f"the run did not end after Ctrl-C: {outcomes}")
        outcomes.append((running, proc.returncode, "Traceback" in stderr, "interrupted" in stderr))
    assert all(running for running, *_ in outcomes), "a run ended before it could be interrupted"
    assert outcomes.count((True, 130, False, True)) >= 2, outcomes


def test_a_worker_that_dies_does_not_lose_the_other_files(run, tmp_path, monkeypatch) -> None:
    """A worker process killed outright (as the kernel does when memory runs out) breaks the
    pool; the files it had not finished are checked again in the main process."""
    import multiprocessing

    rule = default_registry().get("SP001")
    original = type(rule).check

    def check(self, doc):
        if BOOM in doc.text:
            if multiprocessing.parent_process() is not None:
                os._exit(9)  # in a worker: die without a word
            raise MemoryError("injected failure")
        yield from original(self, doc)

    monkeypatch.setattr(type(rule), "check", check)
    _write(tmp_path, 20, broken=5)
    result = run("lint", "--no-cache", "--isolated", "-j", "2", ".")
    assert result.exit_code == 3, result.output
    assert "ran out of memory" in _crash_line(result.stderr, "f05.txt")
    for i in range(20):
        if i != 5:
            assert f"f{i:02d}.txt:1:8" in result.stdout
