"""Corpus mode, the library and the file formats: fixed records equal `copyfix fix -`, every
other field, type and the order survive, bad records are counted and kept."""

from __future__ import annotations

import functools
import json

import pytest
from click.testing import CliRunner

import copyfix
from copyfix.cli import main
from copyfix.corpus import CorpusStats, RecordOptions, fix_records, lint_records
from copyfix.corpus.engine import run_parts
from copyfix.corpus.parts import CorpusError, plan
from copyfix.corpus.report import write_report
from copyfix.lint.linter import make_linter
from tests.corpus_datasets import read_jsonl, records, write_jsonl, write_parquet

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

COUNT = 2000


@pytest.fixture(scope="module")
def dataset():
    rows = records(COUNT)
    stats = CorpusStats()
    fixed = list(fix_records(rows, id_field="id", stats=stats))
    return rows, fixed, stats


def _fix_stdin(text: str) -> str:
    result = CliRunner().invoke(main, ["fix", "--isolated", "-"], input=text.encode("utf-8"))
    assert result.exit_code in (0, 1), result.output
    return result.stdout_bytes.decode("utf-8")


def test_every_fixed_record_equals_fix_text(dataset):
    rows, fixed, stats = dataset
    assert len(fixed) == len(rows) == stats.records == COUNT
    for before, after in zip(rows, fixed, strict=True):
        text = before.get("text")
        if isinstance(text, str) and "\r" not in text:
            assert after["text"] == copyfix.fix_text(text), before["id"]
    assert stats.changed > COUNT // 4
    assert stats.changed + stats.unchanged == COUNT


def test_fixed_records_equal_copyfix_fix_stdin(dataset, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rows, fixed, _ = dataset
    sample = [i for i, r in enumerate(rows) if isinstance(r.get("text"), str)][:60]
    assert any("\r\n" in rows[i]["text"] for i in sample)
    for i in sample:
        assert fixed[i]["text"] == _fix_stdin(rows[i]["text"]), rows[i]["id"]


def test_other_fields_order_and_types_are_kept_and_input_untouched(dataset):
    rows, fixed, stats = dataset
    assert rows == records(COUNT)  # the input dicts were not modified
    for before, after in zip(rows, fixed, strict=True):
        assert list(after) == list(before)
        assert {k: v for k, v in after.items() if k != "text"} == {
            k: v for k, v in before.items() if k != "text"
        }
    bad = sum(1 for r in rows if not isinstance(r.get("text"), str))
    assert stats.bad == bad > 0
    assert all(a == b for a, b in zip(rows, fixed) if not isinstance(a.get("text"), str))


def test_records_stdin_would_refuse_are_bad_and_unchanged():
    rows = [{"text": "a\x00b ,c"}, {"text": "x\ud800 ,y"}, {"text": "fine ,here"}, "nope"]
    stats = CorpusStats()
    findings: list[dict] = []
    out = list(fix_records(rows, stats=stats, findings=findings))
    assert out[:2] == rows[:2] and out[3] == "nope"
    assert out[2]["text"] == "fine, here"
    assert stats.bad == 3 and stats.changed == 1
    assert sum(r["code"] == "BAD" for r in findings) == 3
    assert findings[0]["message"] == "text contains NUL characters"


def test_lint_records_reports_positions():
    rows = lint_records([{"text": "Hello ,world."}, {"text": "Clean text."}])
    assert rows and all(r["record"] == "0" and not r["applied"] for r in rows)
    assert [(r["start"], r["end"]) for r in rows] == [
        (d.span.start, d.span.end) for d in copyfix.lint_text("Hello ,world.")
    ]


def _run(tmp_path, inputs, mode="fix", **kw):
    out = tmp_path / "out"
    parts = plan([str(p) for p in inputs], str(out) if mode == "fix" else None, **kw)
    options = RecordOptions(id_field="id", mode=mode, report=True)
    return out, run_parts(parts, options, functools.partial(make_linter), workers=0)


@pytest.mark.parametrize("name", ["data.jsonl", "data.jsonl.gz"])
def test_jsonl_output(dataset, tmp_path, name):
    rows, fixed, stats = dataset
    src = tmp_path / "in"
    src.mkdir()
    write_jsonl(src / name, rows)
    (src / name).with_name("broken.jsonl").write_bytes(b'{"text": "Words ,here."}\nnot json\n\n')
    out, run = _run(tmp_path, [src])
    assert read_jsonl(out / name) == fixed
    assert (out / "broken.jsonl").read_bytes() == b'{"text": "Words, here."}\nnot json\n\n'
    assert run.stats.records == COUNT + 2 and run.stats.bad == stats.bad + 1
    assert sum(run.stats.fixes.values()) == sum(stats.fixes.values()) + 1
    assert not list(out.rglob("*.copyfix-tmp"))


def test_unchanged_jsonl_lines_are_kept_byte_for_byte(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_bytes(b'{"text":"Clean.",  "n": 1.50}\r\n{"text": "x ,y", "n": 2}\n')
    out, _ = _run(tmp_path, [src])
    assert (
        out / "a.jsonl"
    ).read_bytes() == b'{"text":"Clean.",  "n": 1.50}\r\n{"text": "x, y", "n": 2}\n'


def test_parquet_row_groups_become_parts_with_schema_and_order_kept(dataset, tmp_path):
    rows, fixed, _ = dataset
    write_parquet(tmp_path / "data.parquet", rows, row_group_size=600)
    out, run = _run(tmp_path, [tmp_path / "data.parquet"])
    assert run.parts == 4
    parts = sorted((out / "data.parquet").glob("part-*.parquet"))
    assert len(parts) == 4
    original = pq.read_table(tmp_path / "data.parquet")
    result = pa.concat_tables([pq.read_table(p) for p in parts])
    assert result.schema == original.schema
    for name in original.column_names:
        if name != "text":
            assert result.column(name).equals(original.column(name))
    expected = [f["text"] if isinstance(f.get("text"), str) else None for f in fixed]
    assert result.column("text").to_pylist() == expected


def test_single_row_group_parquet_keeps_its_name(tmp_path):
    rows = records(50)
    write_parquet(tmp_path / "small.parquet", rows, row_group_size=1000)
    out, _ = _run(tmp_path, [tmp_path / "small.parquet"])
    assert pq.read_table(out / "small.parquet").num_rows == 50


def test_txt_file_is_one_record_fixed_as_copyfix_fix(tmp_path, monkeypatch):
    text = "One ,two  three.\r\nThe the end.\r\n"
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    out, run = _run(tmp_path, [tmp_path / "a.txt"])
    monkeypatch.chdir(tmp_path)
    CliRunner().invoke(main, ["fix", "--isolated", "a.txt"])
    assert (out / "a.txt").read_bytes() == (tmp_path / "a.txt").read_bytes()
    assert run.stats.changed == 1


def test_lint_mode_writes_nothing_and_reports(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", records(40))
    out, run = _run(tmp_path, [tmp_path / "a.jsonl"], mode="lint")
    assert not out.exists()
    assert run.rows and all(not r["applied"] for r in run.rows)
    assert sum(run.stats.findings.values()) >= len([r for r in run.rows if r["code"] != "BAD"])


@pytest.mark.parametrize("name", ["report.jsonl", "report.parquet"])
def test_report_formats(tmp_path, name):
    write_jsonl(tmp_path / "a.jsonl", records(40))
    _, run = _run(tmp_path, [tmp_path / "a.jsonl"])
    write_report(str(tmp_path / name), run.rows)
    if name.endswith(".parquet"):
        back = pq.read_table(tmp_path / name).to_pylist()
    else:
        back = [json.loads(x) for x in (tmp_path / name).read_text().splitlines()]
    assert back == run.rows
    assert {r["code"] for r in back} >= {"BAD"}
    assert sum(r["count"] for r in back if r["applied"]) == sum(run.stats.fixes.values())


def test_outputs_that_collide_or_overwrite_inputs_are_refused(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write_jsonl(tmp_path / "a" / "x.jsonl", records(3))
    write_jsonl(tmp_path / "b" / "x.jsonl", records(3))
    with pytest.raises(CorpusError, match="would both write"):
        plan(
            [str(tmp_path / "a" / "x.jsonl"), str(tmp_path / "b" / "x.jsonl")], str(tmp_path / "o")
        )
    with pytest.raises(CorpusError, match="overwrite the input"):
        plan([str(tmp_path / "a" / "x.jsonl")], str(tmp_path / "a"))
    with pytest.raises(CorpusError, match="no such file"):
        plan([str(tmp_path / "missing.jsonl")], str(tmp_path / "o"))


def test_resume_skips_complete_outputs(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", records(30))
    write_jsonl(tmp_path / "b.jsonl", records(30, seed=2))
    out, first = _run(tmp_path, [tmp_path / "a.jsonl", tmp_path / "b.jsonl"])
    (out / "b.jsonl").unlink()
    parts = plan([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")], str(out))
    options = RecordOptions(id_field="id")
    again = run_parts(parts, options, functools.partial(make_linter), workers=0, resume=True)
    assert again.skipped == 1 and again.stats.records == 30
    assert read_jsonl(out / "b.jsonl") == list(fix_records(records(30, seed=2)))
    assert first.stats.records == 60


def test_fsspec_urls_in_and_out(tmp_path):
    import fsspec

    fs = fsspec.filesystem("memory")
    data = "".join(json.dumps(r) + "\n" for r in records(20)).encode()
    with fs.open("/bucket/crawl/a.jsonl", "wb") as fh:
        fh.write(data)
    parts = plan(["memory://bucket/crawl/"], "memory://bucket/fixed")
    assert [p.output for p in parts] == ["memory://bucket/fixed/a.jsonl"]
    run = run_parts(parts, RecordOptions(), functools.partial(make_linter), workers=0)
    assert run.stats.records == 20
    with fs.open("/bucket/fixed/a.jsonl", "rb") as fh:
        back = [json.loads(x) for x in fh.read().splitlines()]
    assert back == list(fix_records(records(20)))
    assert not [p for p in fs.find("/bucket") if p.endswith(".copyfix-tmp")]


def test_markdown_records_are_fixed_as_markdown():
    text = "Run `a ,b` here ,then stop.\n\n```\nx ,y\n```\n"
    (out,) = fix_records([{"text": text}], kind="markdown")
    assert out["text"] == copyfix.fix_text(text, kind="markdown")
    assert "`a ,b`" in out["text"] and "x ,y" in out["text"] and "here, then" in out["text"]


def test_applied_fixes_are_rows_with_positions_in_the_original_text():
    text = "Wait ,the the dog barked.and ran ,far."
    findings: list[dict] = []
    (out,) = fix_records([{"text": text}], findings=findings)
    applied = [r for r in findings if r["applied"]]
    assert [(r["code"], r["name"], text[r["start"] : r["end"]]) for r in applied] == [
        ("SP001", "missing-space-after-comma", " ,"),
        ("RP001", "repeated-word", "the the"),
        ("SP001", "missing-space-after-comma", " ,"),
    ]
    assert all(r["message"] and r["count"] == 1 for r in applied)
    # What remains is placed in the fixed text.
    assert all(out["text"][r["start"] : r["end"]] for r in findings if not r["applied"])
