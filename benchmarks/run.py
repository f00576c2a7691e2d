"""copyfix benchmark: throughput, start-up, parallelism, cache, memory, growth and peers.

Run ``python benchmarks/run.py`` (or ``make bench``). Inputs are generated at run time in a
temporary folder from the standard library's docstrings and the seed documents, so nothing large
is committed. Every figure is the median of ``--runs`` runs unless it says otherwise.
``--peers`` also installs typos, codespell and proselint into ``benchmarks/.peers-venv`` and times
them on the same 1 MB file in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

PEERS_VENV = HERE / ".peers-venv"
MB = 1_000_000


@dataclass
class Report:
    rows: list[tuple[str, str, str]] = field(default_factory=list)
    targets: list[tuple[str, str, bool | None]] = field(default_factory=list)
    data: dict[str, float] = field(default_factory=dict)

    def section(self, title: str) -> None:
        self.rows.append((f"\n{title}", "", ""))
        print(f"\n{title}", flush=True)

    def add(self, label: str, value: str, note: str = "", key: str = "", raw: float = 0.0) -> None:
        self.rows.append((label, value, note))
        if key:
            self.data[key] = raw
        print(f"  {label:<46} {value:>14}  {note}", flush=True)

    def target(self, label: str, detail: str, met: bool | None) -> None:
        self.targets.append((label, detail, met))


def median_time(func: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls, each started with copyfix's memos empty, so that a
    text timed again is not judged from what the previous run kept."""
    from copyfix.text import clear_memos

    times = []
    for _ in range(runs):
        clear_memos()
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@dataclass
class ProcessRun:
    seconds: float
    max_rss_kb: int
    returncode: int


def _peak_kb(pid: int | str) -> int:
    """VmHWM of a live process, in kB; 0 where /proc is missing. Unlike ``ru_maxrss`` it is
    reset by exec: a child forked from this benchmark, which holds hundreds of megabytes of
    inputs, would otherwise report this process's size as its own peak."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


# Children run as an installed copyfix does: pip compiles an install's bytecode, so a
# PYTHONDONTWRITEBYTECODE in the benchmark's environment would time Python's compiler (about
# 90 ms of every start-up here) instead of copyfix.
_CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_process(cmd: Sequence[str], cwd: Path | None = None, timeout: float = 600) -> ProcessRun:
    """Wall time and peak resident memory of one child process, its peak read from /proc while
    it runs (``ru_maxrss`` from ``wait4`` where /proc is missing)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd), cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_CHILD_ENV
    )
    deadline = start + timeout
    peak = 0
    while True:
        peak = max(peak, _peak_kb(proc.pid))
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.002)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return ProcessRun(seconds, peak or usage.ru_maxrss, proc.returncode)


def median_process(cmd: Sequence[str], runs: int, cwd: Path | None = None,
                   before: Callable[[], object] | None = None) -> ProcessRun:
    results = []
    for _ in range(runs):
        if before is not None:
            before()
        results.append(run_process(cmd, cwd))
    seconds = statistics.median(r.seconds for r in results)
    return ProcessRun(seconds, max(r.max_rss_kb for r in results), results[-1].returncode)


def copyfix_cmd() -> list[str]:
    script = Path(sys.executable).parent / "copyfix"
    return [str(script)] if script.exists() else [sys.executable, "-m", "copyfix.cli"]


def mbps(size: int, seconds: float) -> str:
    return f"{size / MB / seconds:.2f} MB/s"


def secs(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


# --------------------------------------------------------------------------- sections


def in_process(report: Report, inputs: dict[str, Path], runs: int) -> None:
    from copyfix.lint.linter import make_linter
    from copyfix.model import DocumentKind

    linter = make_linter()
    report.section("In-process throughput (library API, no I/O)")
    for shape, kind in (
        ("plain", DocumentKind.TEXT),
        ("markdown", DocumentKind.MARKDOWN),
        ("licence", DocumentKind.TEXT),
    ):
        text = inputs[shape].read_text(encoding="utf-8")
        size = len(text.encode("utf-8"))
        linter.lint(text[:2000], path="warm", kind=kind)
        lint = median_time(lambda: linter.lint(text, path="x", kind=kind), runs)
        fix = median_time(lambda: linter.fix(text, path="x", kind=kind, unsafe=False), runs)
        report.add(f"lint {shape} ({size / MB:.1f} MB)", mbps(size, lint), secs(lint),
                   f"lint_{shape}_mbps", size / MB / lint)
        report.add(f"fix {shape} ({size / MB:.1f} MB)", mbps(size, fix), secs(fix),
                   f"fix_{shape}_mbps", size / MB / fix)
    from copyfix.io.runner import Mode, process_files

    files = sorted(inputs["tree"].rglob("*.md"))
    size = sum(p.stat().st_size for p in files)
    lint = median_time(
        lambda: process_files(linter, files, Mode.LINT, unsafe=False, jobs=1, cache=False), runs
    )
    report.add(f"lint tree, 1 process ({len(files)} files, {size / MB:.1f} MB)", mbps(size, lint),
               secs(lint), "lint_tree_mbps", size / MB / lint)


def floor(report: Report, inputs: dict[str, Path], runs: int) -> None:
    report.section("Floor: one plain re.finditer pass over the same text")
    for shape in ("plain", "markdown"):
        text = inputs[shape].read_text(encoding="utf-8")
        size = len(text.encode("utf-8"))
        words = re.compile(r"\w+")
        t = median_time(lambda: sum(1 for _ in words.finditer(text)), runs)
        report.add(f"re.finditer(r'\\w+') over {shape}", mbps(size, t), secs(t),
                   f"floor_{shape}_mbps", size / MB / t)


def whole_process(report: Report, inputs: dict[str, Path], runs: int, work: Path) -> None:
    cmd = copyfix_cmd()
    report.section("Whole process (copyfix command, --no-cache)")
    for shape in ("plain", "markdown", "licence"):
        path = inputs[shape]
        size = path.stat().st_size
        lint = median_process([*cmd, "lint", "--no-cache", "--exit-zero", str(path)], runs)
        report.add(f"copyfix lint {shape}", mbps(size, lint.seconds),
                   f"{secs(lint.seconds)}, peak {lint.max_rss_kb / 1024:.0f} MB",
                   f"process_lint_{shape}_s", lint.seconds)
        report.data[f"rss_lint_{shape}_mb"] = lint.max_rss_kb / 1024
        target = work / f"fix-{path.name}"
        fix = median_process(
            [*cmd, "fix", "--no-cache", str(target)], runs,
            before=lambda p=path, t=target: shutil.copyfile(p, t),
        )
        report.add(f"copyfix fix {shape}", mbps(size, fix.seconds),
                   f"{secs(fix.seconds)}, peak {fix.max_rss_kb / 1024:.0f} MB",
                   f"process_fix_{shape}_s", fix.seconds)
        report.data[f"rss_fix_{shape}_mb"] = fix.max_rss_kb / 1024
    run_process([*cmd, "lint", "--no-cache", str(inputs["small"])])  # writes the bytecode
    small = median_process([*cmd, "lint", "--no-cache", str(inputs["small"])], max(runs, 10))
    report.add("start-up: copyfix lint small.md", secs(small.seconds), "", "startup_s",
               small.seconds)
    bare = median_process([sys.executable, "-c", "pass"], max(runs, 10))
    report.add("  (bare python -c pass)", secs(bare.seconds), "", "python_s", bare.seconds)


def tree(report: Report, inputs: dict[str, Path], runs: int) -> None:
    cmd = copyfix_cmd()
    root = inputs["tree"]
    files = list(root.rglob("*.md"))
    size = sum(p.stat().st_size for p in files)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    report.section(f"Tree of {len(files)} Markdown files ({size / MB:.1f} MB), {cores} cores")
    one = median_process([*cmd, "lint", "--no-cache", "--exit-zero", "-j", "1", "."], runs, root)
    report.add("copyfix lint -j 1", secs(one.seconds), mbps(size, one.seconds), "tree_j1_s",
               one.seconds)
    every = median_process([*cmd, "lint", "--no-cache", "--exit-zero", "."], runs, root)
    report.add("copyfix lint (all cores)", secs(every.seconds),
               f"{mbps(size, every.seconds)}, speed-up {one.seconds / every.seconds:.2f}x",
               "tree_all_s", every.seconds)
    report.data["tree_speedup"] = one.seconds / every.seconds
    report.data["cores"] = float(cores or 1)
    if (cores or 1) >= 2:
        ceiling = _parallel_ceiling(cores or 1, runs)
        report.add("  (the machine: pure Python in all cores)", f"{ceiling:.2f}x", "speed-up of a "
                   "CPU-bound loop, the most any process pool gets here", "parallel_ceiling",
                   ceiling)

    cache = root / ".copyfix_cache"
    cold_runs, warm_runs = [], []
    for _ in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        cold_runs.append(run_process([*cmd, "lint", "--exit-zero", "."], root).seconds)
        warm_runs.append(run_process([*cmd, "lint", "--exit-zero", "."], root).seconds)
    cold, warm = statistics.median(cold_runs), statistics.median(warm_runs)
    report.add("first run, empty cache", secs(cold), "", "tree_cold_s", cold)
    report.add("second run, unchanged tree", secs(warm), f"{cold / warm:.1f}x faster",
               "tree_warm_s", warm)
    report.data["cache_ratio"] = cold / warm
    shutil.rmtree(cache, ignore_errors=True)


_CEILING_SCRIPT = """
import multiprocessing, sys, time
def spin(_):
    total = 0
    for i in range(3_000_000):
        total += i * i
    return total
if __name__ == "__main__":
    workers = int(sys.argv[1])
    start = time.perf_counter()
    for item in range(2 * workers):
        spin(item)
    serial = time.perf_counter() - start
    with multiprocessing.Pool(workers) as pool:
        start = time.perf_counter()
        pool.map(spin, range(2 * workers), chunksize=1)
        print(serial / (time.perf_counter() - start))
"""


def _parallel_ceiling(workers: int, runs: int) -> float:
    """The speed-up ``workers`` processes of a CPU-bound pure-Python loop get over one, median
    of ``runs``: virtual cores that share a physical one give far less than ``workers``."""
    ratios = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _CEILING_SCRIPT, str(workers)],
                             capture_output=True, text=True, check=True).stdout
        ratios.append(float(out.strip()))
    return statistics.median(ratios)


_GROWTH_SCRIPT = """
import sys, time
from copyfix.lint.linter import make_linter
from copyfix.model import DocumentKind
from copyfix.text import clear_memos
text = open(sys.argv[1], encoding="utf-8").read()
linter = make_linter()
best = float("inf")
for _ in range(int(sys.argv[2])):
    clear_memos()
    start = time.perf_counter()
    linter.lint(text, kind=DocumentKind.TEXT)
    best = min(best, time.perf_counter() - start)
hwm = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")]
print(best, hwm[0].split()[1] if hwm else 0)
"""


def growth(report: Report, inputs: dict[str, Path]) -> None:
    """Lint time and peak memory at 1, 10 and 50 MB of prose, each in a process of its own so
    that its peak resident memory is its own (in-process time, fastest of the runs)."""
    report.section("Linear growth (plain prose, lint in a process of its own)")
    base = None
    for key, runs in (("plain", 3), ("plain10", 1), ("plain50", 1)):
        path = inputs.get(key)
        if path is None or not path.exists():
            continue
        size = path.stat().st_size
        out = subprocess.run(
            [sys.executable, "-c", _GROWTH_SCRIPT, str(path), str(runs)],
            capture_output=True, text=True, check=True,
        ).stdout.split()
        seconds, rss_mb = float(out[0]), int(out[1]) / 1024
        mb = round(size / MB)
        note = f"peak {rss_mb:.0f} MB"
        if base is None:
            base = seconds
        else:
            ratio = seconds / base
            note += f", {ratio:.1f}x the 1 MB time"
            report.data[f"growth_ratio_{mb}"] = ratio
        report.add(f"{mb} MB", secs(seconds), note, f"growth_{mb}_s", seconds)
        report.data[f"rss_growth_{mb}_mb"] = rss_mb


def shapes(report: Report, quick: bool) -> None:
    """The generated shapes of the scaling test, at 4x and 16x its small size: lint time and
    how it grew (linear: 4x)."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    from scaling_shapes import KINDS, SHAPES

    from copyfix.lint.linter import make_linter

    linter = make_linter()
    scale = 1 if quick else 4
    report.section(f"Shapes (lint in process; N = {scale}x the test's size, then 4N)")
    worst = 0.0
    for name, (build, size) in SHAPES.items():
        for kind in KINDS:
            times = []
            for n in (scale * size, 4 * scale * size):
                text = build(n)
                times.append(min(
                    median_time(lambda t=text: linter.lint(t, kind=kind), 1) for _ in range(2)
                ))
            ratio = times[1] / times[0]
            worst = max(worst, ratio)
            report.add(f"{name} ({kind.value}, {len(text) / MB:.2f} MB)", secs(times[1]),
                       f"4x the text took {ratio:.1f}x")
    report.data["shapes_worst_ratio"] = worst


_PATHOLOGICAL_SCRIPT = """
import sys, time
from copyfix.lint.linter import make_linter
from copyfix.model import DocumentKind
from copyfix.text import clear_memos
text = open(sys.argv[1], encoding="utf-8").read()
linter = make_linter()
start = time.perf_counter()
linter.lint(text, kind=DocumentKind.TEXT)
print(time.perf_counter() - start)
"""


def pathological(report: Report, work: Path, timeout: float) -> None:
    report.section(f"Pathological inputs (lint, own process, limit {timeout:.0f} s each)")
    for label, text in corpus.pathological().items():
        times = {}
        for fraction in (10, 1):
            part = text[: len(text) // fraction]
            path = work / "pathological.txt"
            path.write_text(part, encoding="utf-8")
            try:
                out = subprocess.run(
                    [sys.executable, "-c", _PATHOLOGICAL_SCRIPT, str(path)],
                    capture_output=True, text=True, timeout=timeout, check=True,
                )
                times[fraction] = float(out.stdout.strip())
            except subprocess.TimeoutExpired:
                times[fraction] = float("inf")
            except subprocess.CalledProcessError as exc:
                report.add(label, "error", exc.stderr.strip().splitlines()[-1][:60])
                break
        else:
            size = len(text.encode("utf-8"))
            full = times[1]
            ratio = full / max(times[10], 1e-9)
            note = f"10x the input took {ratio:.1f}x as long" if full != float("inf") else "timeout"
            report.add(f"{label} ({size / MB:.1f} MB)", secs(full), note,
                       f"patho_{re.sub(r'[^a-z0-9]+', '_', label.lower())}", full)
            report.data.setdefault("patho_worst_ratio", 0.0)
            if times[10] > 0.05:  # ratios of tiny times are noise
                report.data["patho_worst_ratio"] = max(report.data["patho_worst_ratio"], ratio)
            report.data["patho_worst_s"] = max(report.data.get("patho_worst_s", 0.0), full)


def peers(report: Report, inputs: dict[str, Path], runs: int) -> None:
    report.section("Peers on the same 1 MB files (whole process)")
    bin_dir = PEERS_VENV / "bin"
    if not (bin_dir / "python").exists():
        print("  creating benchmarks/.peers-venv (typos, codespell, proselint)...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(PEERS_VENV)], check=True)
    missing = [p for p in ("typos", "codespell", "proselint") if not (bin_dir / p).exists()]
    if missing:
        subprocess.run(
            [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", *missing], check=True
        )
    for shape in ("plain", "licence"):
        path = str(inputs[shape])
        size = inputs[shape].stat().st_size
        suffix = "" if shape == "plain" else f"_{shape}"
        report.add(f"[{shape}, {size / MB:.1f} MB]", "", "")
        ours = median_process([*copyfix_cmd(), "lint", "--no-cache", "--exit-zero", path], runs)
        report.add("copyfix lint", secs(ours.seconds), mbps(size, ours.seconds))
        commands = {
            "typos": [str(bin_dir / "typos"), path],
            "codespell": [str(bin_dir / "codespell"), path],
            "proselint": _proselint_cmd(bin_dir, path),
        }
        for name, cmd in commands.items():
            theirs = median_process(cmd, runs)
            ratio = ours.seconds / theirs.seconds
            report.add(f"{name}", secs(theirs.seconds),
                       f"copyfix takes {ratio:.2f}x its time (exit {theirs.returncode})",
                       f"peer_{name}{suffix}_s", theirs.seconds)
            report.data[f"ratio_{name}{suffix}"] = ratio
        report.data[f"peer_copyfix{suffix}_s"] = ours.seconds


def _proselint_cmd(bin_dir: Path, path: str) -> list[str]:
    """proselint 0.14 and later take ``check FILE``; older releases take the file alone."""
    help_text = subprocess.run(
        [str(bin_dir / "proselint"), "--help"], capture_output=True, text=True
    ).stdout
    if re.search(r"^\s+check\b", help_text, re.M):
        return [str(bin_dir / "proselint"), "check", path]
    return [str(bin_dir / "proselint"), path]


# --------------------------------------------------------------------------- targets


def judge(report: Report) -> None:
    d = report.data

    def target(label: str, key: str, test: Callable[[float], bool], show: Callable[[float], str]):
        if key in d:
            report.target(label, show(d[key]), test(d[key]))
        else:
            report.target(label, "not measured", None)

    target("lint plain >= 5 MB/s", "lint_plain_mbps", lambda v: v >= 5, lambda v: f"{v:.2f}")
    target("lint Markdown >= 3 MB/s", "lint_markdown_mbps", lambda v: v >= 3, lambda v: f"{v:.2f}")
    target("fix plain >= 2 MB/s", "fix_plain_mbps", lambda v: v >= 2, lambda v: f"{v:.2f}")
    target("fix Markdown >= 2 MB/s", "fix_markdown_mbps", lambda v: v >= 2, lambda v: f"{v:.2f}")
    target("start-up <= 120 ms", "startup_s", lambda v: v <= 0.120, lambda v: f"{v * 1000:.0f} ms")
    if d.get("cores", 1) >= 2:
        target("tree speed-up >= 1.7x (2 cores)", "tree_speedup", lambda v: v >= 1.7,
               lambda v: f"{v:.2f}x")
    target("second run >= 10x faster", "cache_ratio", lambda v: v >= 10, lambda v: f"{v:.1f}x")
    target("10 MB <= 11x the 1 MB time", "growth_ratio_10", lambda v: v <= 11,
           lambda v: f"{v:.1f}x")
    target("50 MB <= 55x the 1 MB time", "growth_ratio_50", lambda v: v <= 55,
           lambda v: f"{v:.1f}x")
    target("shapes: 4x input <= 8x time", "shapes_worst_ratio", lambda v: v <= 8,
           lambda v: f"worst {v:.1f}x")
    target("pathological: 10x input <= 11x time", "patho_worst_ratio", lambda v: v <= 11,
           lambda v: f"worst {v:.1f}x")
    if "rss_lint_plain_mb" in d:
        limit = 8 * 1 + 80
        worst = max(v for k, v in d.items() if k.startswith("rss_") and "growth" not in k)
        report.target(f"peak memory < 8x file + 80 MB ({limit} MB for 1 MB)", f"{worst:.0f} MB",
                      worst < limit)
    if "rss_growth_50_mb" in d:
        report.target("peak memory at 50 MB < 30 bytes per byte", f"{d['rss_growth_50_mb']:.0f} MB",
                      d["rss_growth_50_mb"] < 30 * 50)
    target("whole-process lint faster than codespell", "ratio_codespell", lambda v: v < 1,
           lambda v: f"{v:.2f}x codespell")
    target("whole-process lint <= 2x typos", "ratio_typos", lambda v: v <= 2,
           lambda v: f"{v:.2f}x typos")
    print("\nTargets")
    for label, detail, met in report.targets:
        mark = {True: "met", False: "MISSED", None: "-"}[met]
        print(f"  {label:<46} {detail:>16}  {mark}")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu}, {cores} cores, Python {platform.python_version()}, {platform.system()}"


def build_inputs(work: Path, quick: bool) -> dict[str, Path]:
    start = time.perf_counter()
    plain = corpus.plain_text(MB)
    inputs = {
        "plain": work / "plain.txt",
        "markdown": work / "doc.md",
        "small": work / "small.md",
        "plain10": work / "plain10.txt",
        "tree": work / "tree",
    }
    inputs["plain"].write_text(plain, encoding="utf-8")
    inputs["markdown"].write_text(corpus.markdown(MB), encoding="utf-8")
    inputs["small"].write_text("# Notes\n\nA short file.It has one problem.\n", encoding="utf-8")
    inputs["licence"] = work / "licence.txt"
    inputs["licence"].write_text(corpus.licence_text(MB), encoding="utf-8")
    if not quick:
        inputs["plain10"].write_text(corpus.plain_text_scaled(10 * MB), encoding="utf-8")
        inputs["plain50"] = work / "plain50.txt"
        inputs["plain50"].write_text(corpus.plain_text_scaled(50 * MB), encoding="utf-8")
    corpus.tree(inputs["tree"], 200 if quick else 2000)
    print(f"inputs built in {time.perf_counter() - start:.1f} s under {work}", flush=True)
    return inputs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--peers", action="store_true", help="also time typos, codespell, proselint")
    parser.add_argument("--quick", action="store_true",
                        help="one run, small tree, no 10 and 50 MB tests, small shapes")
    parser.add_argument("--only", nargs="*", default=None,
                        choices=["inprocess", "floor", "process", "tree", "growth", "shapes",
                                 "patho"],
                        help="run only these sections")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else max(1, args.runs)
    sections = set(
        args.only or ["inprocess", "floor", "process", "tree", "growth", "shapes", "patho"]
    )
    if args.quick:
        sections -= {"growth", "patho"}

    from copyfix.version import __version__

    print(f"copyfix {__version__} benchmark on {machine()}; median of {runs} run(s)")
    report = Report()
    with tempfile.TemporaryDirectory(prefix="copyfix-bench-") as tmp:
        work = Path(tmp)
        inputs = build_inputs(work, args.quick)
        if "inprocess" in sections:
            in_process(report, inputs, runs)
        if "floor" in sections:
            floor(report, inputs, runs)
        if "process" in sections:
            whole_process(report, inputs, runs, work)
        if "tree" in sections:
            tree(report, inputs, runs)
        if "growth" in sections:
            growth(report, inputs)
        if "shapes" in sections:
            shapes(report, args.quick)
        if "patho" in sections:
            pathological(report, work, timeout=300)
        if args.peers:
            peers(report, inputs, runs)
    judge(report)
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), **report.data}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
