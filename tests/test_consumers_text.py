"""The formats for people and editors: concise read by an errorformat-style pattern, by vim with
the README's errorformat and by the README's VS Code problem matcher; control characters shown
visibly; colour; --statistics; honest summaries; file names that are not UTF-8 in every
format."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from consumers import make_project

from copyfix.cli import main
from copyfix.cli.main import FORMATS
from copyfix.output.common import visible

README = Path(__file__).resolve().parent.parent / "README.md"
# errorformat's %f:%l:%c: %t%*[a-z] %m, as a regular expression.
ERRORFORMAT = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info) "
    r"(?P<code>[A-Z]+[0-9]+)(?: \[\*\])? (?P<message>.*)$"
)
ANSI = "\x1b["


@pytest.fixture
def project(tmp_path, monkeypatch):
    return make_project(tmp_path, monkeypatch)


def expected_lines(found: list[dict]) -> list[tuple]:
    return sorted(
        (visible(d["path"]), d["line"], d["column"], d["severity"], d["code"],
         visible(d["message"]))
        for d in found
    )


def test_concise_read_by_an_errorformat_pattern(project):
    found = project.findings()
    lines = project.lint("--format", "concise", ".").stdout.split("\n")
    matched = [m for line in lines if (m := ERRORFORMAT.match(line))]
    assert len(matched) == len(found)
    assert sorted(
        (m["file"], int(m["line"]), int(m["col"]), m["severity"], m["code"], m["message"])
        for m in matched
    ) == expected_lines(found)
    # The rest is the summary, after a blank line.
    assert [line for line in lines if not ERRORFORMAT.match(line)][:2] == ["", "Found 3 problems."]


def _readme_block(language: str, marker: str) -> str:
    blocks = re.findall(rf"```{language}\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    return next(block for block in blocks if marker in block)


def test_readme_problem_matcher_reads_concise(project):
    found = project.findings()
    task = json.loads(_readme_block("json", "problemMatcher"))["tasks"][0]
    pattern = task["problemMatcher"]["pattern"]
    matcher = re.compile(pattern["regexp"])  # this subset reads the same in JavaScript
    lines = project.lint("--format", "concise", ".").stdout.split("\n")
    got = [
        (m[pattern["file"]], int(m[pattern["line"]]), int(m[pattern["column"]]),
         m[pattern["severity"]], m[pattern["code"]], m[pattern["message"]])
        for line in lines if (m := matcher.match(line))
    ]
    assert sorted(got) == expected_lines(found)


@pytest.mark.skipif(
    shutil.which("node") is None, reason="Node.js (VS Code's regex engine) is not installed"
)
def test_readme_problem_matcher_in_javascript(project):
    found = project.findings()
    task = json.loads(_readme_block("json", "problemMatcher"))["tasks"][0]
    out = project.root / "concise.txt"
    out.write_text(project.lint("--format", "concise", ".").stdout, encoding="utf-8")
    script = (
        "const fs = require('fs'); const p = JSON.parse(process.argv[1]);"
        "const re = new RegExp(p.regexp); const rows = [];"
        "for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\\n')) {"
        "  const m = re.exec(line); if (m) rows.push([m[p.file], +m[p.line], +m[p.column],"
        "  m[p.severity], m[p.code], m[p.message]]); }"
        "console.log(JSON.stringify(rows));"
    )
    pattern = json.dumps(task["problemMatcher"]["pattern"])
    proc = subprocess.run(["node", "-e", script, pattern, str(out)], capture_output=True,
                          text=True, check=True)
    assert sorted(map(tuple, json.loads(proc.stdout))) == expected_lines(found)


@pytest.mark.skipif(shutil.which("vim") is None, reason="vim is not installed")
def test_readme_errorformat_in_vim(project):
    found = project.findings()
    efm = next(line for line in _readme_block("vim", "errorformat").splitlines()
               if line.startswith("set errorformat="))
    report, dump = project.root / "concise.txt", project.root / "qf.json"
    report.write_text(project.lint("--format", "concise", ".").stdout, encoding="utf-8")
    entries = (
        "map(getqflist(), {_, e -> [bufname(e.bufnr), e.lnum, e.col, e.vcol, e.type, e.text]})"
    )
    subprocess.run(
        ["vim", "-N", "-u", "NONE", "-i", "NONE", "-n", "-es", "-c", "set encoding=utf-8",
         "-c", efm, "-c", f"cgetfile {report}",
         "-c", f"call writefile([json_encode({entries})], '{dump}')", "-c", "qa!"],
        cwd=project.docs, check=True, timeout=60, stdin=subprocess.DEVNULL,
    )
    rows = json.loads(dump.read_text(encoding="utf-8"))
    assert len(rows) == len(found)  # the summary lines are dropped by %-G
    by_place = {(row[1], row[5]): row for row in rows}
    for d in found:
        safe = d["fix"] is not None and d["fix"]["applicability"] == "safe"
        text = f"{d['code']}{' [*]' if safe else ''} {visible(d['message'])}"
        name, _, col, vcol, kind, _ = by_place[(d["line"], text)]
        assert kind == d["severity"][0] and vcol == 1
        assert name == visible(d["path"])
        path = project.docs / name  # a name shown with ␊ or \xNN is not the file's own
        if path.is_file():
            before = path.read_text(encoding="utf-8").split("\n")[d["line"] - 1][: d["column"] - 1]
            if before.isascii():  # a double-width emoji before it moves vim's screen column
                assert col == d["column"]


def test_full_shows_control_characters_visibly(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lines = ["In 2019,the plan.\x1b[2J ok.", "In 2019,the plan.\x1b]0;title\x07 ok.",
             "In 2019,the plan. \x9b31m ok.", "In 2019,the plan.\x7f ok."]
    (tmp_path / "a.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["lint", "--no-cache", "a.txt"]).stdout
    assert out.count("SP001") == 4
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", out), repr(out)
    shown = ("plan.␛[2J ok.", "plan.␛]0;title␇ ok.", "plan. \ufffd31m ok.", "plan.␡ ok.")
    assert all(text in out for text in shown)


@pytest.mark.parametrize(("args", "env", "coloured"), [
    ([], {}, False),  # not a terminal
    ([], {"FORCE_COLOR": "1"}, True),
    ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    (["--color", "always"], {"NO_COLOR": "1"}, True),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
])
@pytest.mark.parametrize("command", [["lint"], ["lint", "--format", "concise"], ["fix", "--diff"]])
def test_colour_follows_the_option_then_no_color_and_force_color(
    tmp_path, monkeypatch, command, args, env, coloured
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("In 2019,the plan. The the cat.\n")
    if command[0] == "fix":
        command = ["fix"]  # the findings left after fixing are what fix colours
        (tmp_path / "a.txt").write_text("We ran the kubectl kubectl command.\n")
    env = {"NO_COLOR": None, "FORCE_COLOR": None, **env}
    result = CliRunner().invoke(main, [*command, "--no-cache", *args, "a.txt"], env=env)
    assert (ANSI in result.stdout) is coloured, result.stdout


def _in_terminal(tmp_path: Path, *args: str, **env: str) -> str:
    """copyfix's output when its stdout is a pseudo-terminal (as in a VS Code task)."""
    main_fd, child_fd = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    code = "import sys; from copyfix.cli import main; sys.exit(main())"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "lint", "--no-cache", *args, "a.txt"],
        stdin=child_fd, stdout=child_fd, stderr=child_fd, cwd=tmp_path,
        env={**environ, "TERM": "xterm", **env},
    )
    os.close(child_fd)
    chunks = []
    while True:
        try:
            chunk = os.read(main_fd, 4096)
        except OSError:  # EIO once the child has closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main_fd)
    proc.wait(timeout=60)
    return b"".join(chunks).decode("utf-8")


def test_colour_in_a_terminal_unless_no_color(tmp_path):
    (tmp_path / "a.txt").write_text("In 2019,the plan.\n")
    assert ANSI in _in_terminal(tmp_path)
    assert ANSI not in _in_terminal(tmp_path, NO_COLOR="1")
    assert ANSI not in _in_terminal(tmp_path, "--color", "never")


def test_statistics_as_json_or_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("In 2019,the plan. Again,here. The plan  changed.\n")
    run = CliRunner().invoke
    records = json.loads(run(main, ["lint", "--no-cache", "--statistics", "--format", "json",
                                    "a.txt"]).stdout)
    assert records == [
        {"code": "SP001", "name": "missing-space-after-comma", "count": 2, "fixable": True},
        {"code": "SP004", "name": "multiple-spaces", "count": 1, "fixable": True},
    ]
    lines = run(main, ["lint", "--no-cache", "--statistics", "--format", "json-lines",
                       "a.txt"]).stdout.splitlines()
    assert [json.loads(line) for line in lines] == records
    for output_format in ("sarif", "junit", "github"):
        result = run(main, ["lint", "--no-cache", "--statistics", "--format", output_format,
                            "-o", "out.txt", "a.txt"])
        assert result.exit_code == 2 and not (tmp_path / "out.txt").exists()
        assert f"--statistics does not work with --format {output_format}" in result.output


def test_summary_never_says_all_passed_when_a_file_was_not_checked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.txt").write_text("All fine here.\n")
    (tmp_path / "bad.txt").write_bytes(b"Not \xff UTF-8.\n")
    result = CliRunner().invoke(main, ["lint", "--no-cache", "."])
    assert result.exit_code == 2
    assert "All checks passed!" not in result.stdout
    assert result.stdout.splitlines() == [
        "No problems found.", "1 file could not be checked (see the 'copyfix: error:' lines).",
        "1 file checked (1 text).",
    ]
    (tmp_path / "bad.txt").unlink()
    (tmp_path / "copyfix.toml").write_text('exclude = ["*"]\n')
    result = CliRunner().invoke(main, ["lint", "--no-cache", "."])
    assert result.exit_code == 0
    assert result.stdout == "No files were checked.\n"
    assert "copyfix: warning: no files were checked" in result.stderr


@pytest.mark.parametrize("output_format", FORMATS)
def test_every_format_survives_a_file_name_that_is_not_utf8(project, output_format):
    result = project.lint("--format", output_format, ".")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 2  # the undecodable file, not the name
    text = result.stdout_bytes.decode("utf-8")  # strict: valid UTF-8 throughout
    if output_format == "json":
        text = "\n".join(d["path"] for d in json.loads(text))
    if output_format == "json-lines":
        text = "\n".join(json.loads(line)["path"] for line in text.splitlines())
    if output_format == "sarif":
        json.loads(text)
    assert "caf\\xe9 notes.txt" in text or "caf%E9%20notes.txt" in text
