"""The command line: exit codes, formats, stdin, fix, diff, rules and errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from copyfix.version import __version__

BAD = "In 2019,the plan changed.\n"
CLEAN = "The plan changed in 2019.\n"


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_lint_exit_codes(run, tmp_path):
    (tmp_path / "bad.txt").write_text(BAD)
    (tmp_path / "clean.md").write_text(CLEAN)
    assert run("lint", "clean.md").exit_code == 0
    result = run("lint", "bad.txt")
    assert result.exit_code == 1
    assert "bad.txt:1:8: error SP001 [*] Missing space after a comma" in result.output
    assert "In 2019,the plan changed." in result.output  # the source line is shown
    assert run("lint", "--exit-zero", "bad.txt").exit_code == 0


def test_lint_walks_folders_and_skips_hidden(run, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(BAD)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "b.md").write_text(BAD)
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "c.md").write_text(BAD)
    (tmp_path / "code.py").write_text(BAD)
    data = json.loads(run("lint", "--format", "json").output)
    assert {Path(d["path"]).name for d in data} == {"a.md"}


def test_json_format_fields(run, tmp_path):
    (tmp_path / "bad.txt").write_text(BAD)
    [d] = json.loads(run("lint", "--format", "json", "bad.txt").output)
    assert d["code"] == "SP001" and d["name"] == "missing-space-after-comma"
    assert (d["line"], d["column"], d["severity"]) == (1, 8, "error")
    assert d["fix"]["applicability"] == "safe"
    assert d["fix"]["edits"] == [{"start": 8, "end": 8, "replacement": " "}]


def test_concise_format(run, tmp_path):
    (tmp_path / "bad.txt").write_text(BAD)
    lines = run("lint", "--format", "concise", "bad.txt").output.splitlines()
    assert lines[0] == "bad.txt:1:8: error SP001 [*] Missing space after a comma"


def test_select_and_ignore(run, tmp_path):
    (tmp_path / "bad.txt").write_text("In 2019,the the plan changed.\n")
    codes = lambda r: {d["code"] for d in json.loads(r.output)}
    assert codes(run("lint", "--format", "json", "bad.txt")) == {"SP001", "RP001"}
    assert codes(run("lint", "--format", "json", "--select", "SP", "bad.txt")) == {"SP001"}
    assert codes(run("lint", "--format", "json", "--ignore", "repeated-word", "bad.txt")) == {
        "SP001"
    }
    result = run("lint", "--select", "XX999", "bad.txt")
    assert result.exit_code == 2 and "unknown rule" in result.output


def test_stdin_lint_and_fix(run):
    result = run("lint", "--format", "json", "-", input=BAD)
    assert result.exit_code == 1 and json.loads(result.output)[0]["path"] == "-"
    result = run("fix", "-", input=BAD)
    assert result.output == "In 2019, the plan changed.\n"


def test_stdin_filename_chooses_markdown(run):
    text = "Run `one,two` now.\n"
    assert run("lint", "--stdin-filename", "x.md", "-", input=text).exit_code == 0
    assert run("lint", "--stdin-filename", "x.txt", "-", input=text).exit_code == 1


def test_fix_in_place_reports_and_keeps_clean_files(run, tmp_path):
    bad, clean = tmp_path / "bad.txt", tmp_path / "clean.txt"
    bad.write_text(BAD)
    clean.write_text(CLEAN)
    os.utime(clean, (1_000_000, 1_000_000))
    result = run("fix", ".")
    assert result.exit_code == 0
    assert "Fixed 1 problem in 1 file; 0 remaining." in result.output
    assert bad.read_text() == "In 2019, the plan changed.\n"
    assert clean.stat().st_mtime == 1_000_000


def test_fix_diff_writes_nothing(run, tmp_path):
    (tmp_path / "bad.txt").write_text(BAD)
    result = run("fix", "--diff", "bad.txt")
    assert result.exit_code == 1
    assert "-In 2019,the plan changed." in result.output
    assert "+In 2019, the plan changed." in result.output
    assert (tmp_path / "bad.txt").read_text() == BAD


def test_unsafe_fixes_only_on_request(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("We ran the kubectl kubectl command.\n")
    assert run("fix", "a.txt").exit_code == 1
    assert path.read_text() == "We ran the kubectl kubectl command.\n"
    assert run("fix", "--unsafe-fixes", "a.txt").exit_code == 0
    assert path.read_text() == "We ran the kubectl command.\n"


def test_missing_path_and_bad_file_do_not_stop_the_run(run, tmp_path):
    (tmp_path / "bad.txt").write_text(BAD)
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 ,x".encode("latin-1"))
    result = run("fix", "nope.md", "latin1.txt", "bad.txt")
    assert result.exit_code == 2
    assert "nope.md: no such file or directory" in result.output
    assert "latin1.txt: not valid UTF-8 (byte 0xe9 at offset 3), skipped" in result.output
    assert (tmp_path / "bad.txt").read_text() == "In 2019, the plan changed.\n"


def test_rules_and_rule(run):
    listing = run("rules").output
    assert "SP001" in listing and "missing-space-after-comma" in listing
    page = run("rule", "SP001")
    assert page.exit_code == 0
    assert "What it does" in page.output and "In 2019, the plan changed." in page.output
    assert run("rule", "nothing-like-this").exit_code == 2


def test_statistics(run, tmp_path):
    (tmp_path / "bad.txt").write_text("ab,cd and ef,gh and the the end.\n")
    out = run("lint", "--statistics", "bad.txt").output
    assert "2  SP001" in out and "1  RP001" in out


def test_installed_console_script_runs(tmp_path):
    exe = Path(sys.executable).with_name("copyfix")
    (tmp_path / "bad.txt").write_text(BAD)
    proc = subprocess.run(
        [str(exe), "lint", "--format", "concise", str(tmp_path / "bad.txt")],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 1
    assert "SP001" in proc.stdout


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"One line.\r\n\r\nThe the end.\r\n", b"One line.\r\n\r\nThe end.\r\n"),
        (b"One line.\r\rThe the end.\r", b"One line.\r\rThe end.\r"),
        (b"\xef\xbb\xbfThe the end.\n", b"\xef\xbb\xbfThe end.\n"),
        ("\ufeffThe the end.\n".encode("utf-16"), "\ufeffThe end.\n".encode("utf-16")),
        (b"Mixed\r\nendings\nthe the end.\n", b"Mixed\r\nendings\nthe end.\n"),
    ],
    ids=["crlf", "cr", "utf-8 bom", "utf-16", "mixed"],
)
def test_fix_stdin_keeps_newlines_encoding_and_bom(run, raw, expected):
    result = run("fix", "-", input=raw)
    assert result.stdout_bytes == expected


def test_fix_stdin_refuses_undecodable_bytes(run):
    result = run("fix", "-", input=b"Hello,world \xff.\n")
    assert result.exit_code == 2
    assert result.stdout_bytes == b""
    assert "-: not valid UTF-8 (byte 0xff at offset 12)" in result.stderr


def test_output_format_is_an_alias_of_format(run, tmp_path):
    """ruff's spelling of the option is accepted too."""
    (tmp_path / "bad.txt").write_text(BAD)
    result = run("lint", "--output-format", "json", "bad.txt")
    assert result.exit_code == 1
    assert [d["code"] for d in json.loads(result.output)] == ["SP001"]
