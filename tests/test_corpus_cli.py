"""``copyfix corpus lint|fix``: the command, its settings, the embedded cluster, ``--resume``
after a killed run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from copyfix.corpus import fix_records
from tests.corpus_datasets import read_jsonl, records, write_jsonl, write_parquet

pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")


# The installed command (``python -m copyfix.cli.main`` would warn about the module's double life).
_SCRIPT = Path(sys.executable).with_name("copyfix")
COPYFIX = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "copyfix.cli.main"]


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        write_jsonl(folder / f"part{n}.jsonl", records(120, seed=n))
    write_parquet(folder / "table.parquet", records(200, seed=9), row_group_size=80)
    return folder


def _expected(seed: int, count: int, **kw) -> list[dict]:
    return list(fix_records(records(count, seed=seed), **kw))


def _check_outputs(out: Path, **kw) -> None:
    for n in range(3):
        assert read_jsonl(out / f"part{n}.jsonl") == _expected(n, 120, **kw)
    parts = sorted((out / "table.parquet").glob("part-*.parquet"))
    texts = [t for p in parts for t in pq.read_table(p).column("text").to_pylist()]
    wanted = [
        r.get("text") if isinstance(r.get("text"), str) else None for r in _expected(9, 200, **kw)
    ]
    assert texts == wanted
    assert not list(out.rglob("*.copyfix-tmp"))


def test_fix_in_process_prints_summary_and_writes_report(run, inputs, tmp_path):
    result = run(
        "corpus",
        "fix",
        str(inputs),
        "-o",
        "out",
        "--workers",
        "0",
        "--isolated",
        "--id-field",
        "id",
        "--report",
        "report.jsonl",
    )
    assert result.exit_code == 0, result.output
    _check_outputs(tmp_path / "out")
    assert "Records: 560 read in 6 parts;" in result.output
    assert "Throughput:" in result.output and "Fixes:" in result.output
    rows = [json.loads(x) for x in (tmp_path / "report.jsonl").read_text().splitlines()]
    assert {r["source"] for r in rows} == {str(p) for p in sorted(inputs.iterdir())}
    assert any(r["record"].startswith("doc-") for r in rows)


def test_lint_exit_code_and_nothing_written(run, inputs, tmp_path):
    result = run("corpus", "lint", str(inputs / "part0.jsonl"), "--workers", "0", "--isolated")
    assert result.exit_code == 1, result.output
    assert "Findings:" in result.output and "bad" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_settings_travel_with_the_tasks(run, inputs, tmp_path):
    (tmp_path / "copyfix.toml").write_text('ignore = ["SP001"]\n')
    result = run("corpus", "fix", str(inputs), "-o", "out", "--workers", "0")
    assert result.exit_code == 0, result.output
    assert "SP001" not in result.output.split("Fixes:")[1].splitlines()[0]
    _check_outputs(tmp_path / "out", ignore=["SP001"])


def test_missing_input_and_missing_output_are_usage_errors(run, tmp_path):
    assert run("corpus", "fix", "nothing.jsonl", "-o", "out").exit_code == 2
    assert run("corpus", "fix", "nothing.jsonl").exit_code == 2


def test_embedded_local_cluster_gives_the_same_output(inputs, tmp_path):
    result = subprocess.run(  # noqa: PLW1510 - the return code is asserted
        [
            *COPYFIX,
            "corpus",
            "fix",
            str(inputs),
            "-o",
            str(tmp_path / "out"),
            "--workers",
            "2",
            "--isolated",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
        env={**os.environ, "DASK_SCHEDULER_ADDRESS": ""},
    )
    assert result.returncode == 0, result.stderr
    assert "(2 workers," in result.stdout
    _check_outputs(tmp_path / "out")


def test_resume_after_a_killed_run_gives_the_output_of_one_clean_run(inputs, tmp_path):
    out = tmp_path / "out"
    command = [
        *COPYFIX,
        "corpus",
        "fix",
        str(inputs),
        "-o",
        str(out),
        "--workers",
        "0",
        "--isolated",
    ]
    killed = subprocess.run(  # noqa: PLW1510 - the return code is asserted
        command,
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "COPYFIX_TEST_CORPUS_CRASH": "part1.jsonl"},
    )
    assert killed.returncode == -signal.SIGKILL
    assert (out / "part0.jsonl").exists() and not (out / "part1.jsonl").exists()
    assert list(out.glob(".part1.jsonl.*.copyfix-tmp"))  # the complete-but-unrenamed output
    before = (out / "part0.jsonl").stat().st_mtime_ns
    resumed = subprocess.run(  # noqa: PLW1510 - the return code is asserted
        [*command, "--resume"], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert resumed.returncode == 0, resumed.stderr
    assert "1 skipped" in resumed.stdout
    assert (out / "part0.jsonl").stat().st_mtime_ns == before
    _check_outputs(out)


def test_an_unreadable_part_is_an_error_and_the_others_are_done(run, inputs, tmp_path):
    (inputs / "broken.parquet").write_bytes(b"PAR1 not really parquet PAR1")
    (inputs / "zz.jsonl.gz").write_bytes(b"not gzip")
    result = run("corpus", "fix", str(inputs), "-o", "out", "--workers", "0", "--isolated")
    assert result.exit_code == 2, result.output
    assert "zz.jsonl.gz" in result.output and "could not be processed" in result.output
    _check_outputs(tmp_path / "out")
    assert not (tmp_path / "out" / "zz.jsonl.gz").exists()


def test_an_unreachable_scheduler_is_a_usage_error(run, inputs, monkeypatch):
    import distributed

    def refuse(address, timeout):  # what Client raises after its 30 s of connection attempts
        raise OSError(f"Timed out trying to connect to {address} after {timeout}")

    monkeypatch.setattr(distributed, "Client", refuse)
    result = run("corpus", "lint", str(inputs), "--scheduler", "tcp://127.0.0.1:9", "--isolated")
    assert result.exit_code == 2, result.output
    assert "cannot reach the Dask scheduler" in result.output


def test_packs_and_unsafe_fixes_work_as_in_copyfix_fix(run, tmp_path):
    (tmp_path / "copyfix.toml").write_text('packs = ["web-boilerplate"]\n')
    texts = [
        "The mayors met in Nanning ,and signed.\n\nLeave a Replay",
        "Nothing to see here.",
        "Share this:\n\nThe talks went on.",
    ]
    write_jsonl(tmp_path / "pages.jsonl", [{"text": t} for t in texts])
    result = run("corpus", "fix", "pages.jsonl", "-o", "out", "--workers", "0", "--unsafe-fixes")
    assert result.exit_code == 0, result.output
    assert "WB001 1" in result.output
    fixed = [r["text"] for r in read_jsonl(tmp_path / "out" / "pages.jsonl")]
    for text, got in zip(texts, fixed, strict=True):
        stdin = run("fix", "--unsafe-fixes", "-", input=text.encode("utf-8"))
        assert got == stdin.stdout_bytes.decode("utf-8")
    assert "Leave a Replay" not in fixed[0]


def test_corpus_adds_nothing_to_the_start_up_of_other_commands():
    code = (
        "import sys; from copyfix.cli import main; "
        "print([m for m in sys.modules if m.split('.')[0] in "
        "('dask', 'distributed', 'pyarrow', 'fsspec', 'pandas') or m.startswith('copyfix.corpus')])"
    )
    out = subprocess.run(  # noqa: PLW1510
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert out.stdout.strip() == "[]", out.stderr


@pytest.mark.parametrize("name", ["report.jsonl", "report.parquet"])
def test_report_is_written_as_parts_complete_and_holds_every_row(run, inputs, tmp_path, name):
    result = run("corpus", "fix", str(inputs), "-o", "out", "--workers", "0", "--isolated",
                 "--report", name)  # fmt: skip
    assert result.exit_code == 0, result.output
    if name.endswith(".parquet"):
        rows = pq.read_table(tmp_path / name).to_pylist()
    else:
        rows = [json.loads(x) for x in (tmp_path / name).read_text().splitlines()]
    applied = sum(r["count"] for r in rows if r["applied"])
    assert f"Fixes: {applied:,} (" in result.output
    assert sum(1 for r in rows if r["code"] == "BAD") == int(
        result.output.split(" bad (")[0].rsplit(" ", 1)[1]
    )
