"""CI outputs: github annotations, SARIF 2.1.0, JUnit XML, statistics, exit codes, --diff-base."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from copyfix.io.gitdiff import ChangedLines, _unquote, keep_changed, parse_unified_diff
from copyfix.model import Applicability, Diagnostic, Edit, Fix, Severity, Span
from copyfix.output.ci_formats import render_github, render_junit, render_sarif

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

# SP001 (error, safe fix) on line 1; SP004 (warning) on line 2; SP005 (info) on line 3.
TEXT = "In 2019,the plan changed.\nThe plan  changed.\nIt ends here. \n"


#: Every ``run`` here lints without the cache (see the ``run`` fixture in conftest.py).
CLI_PREFIX = ("lint", "--no-cache")


def diagnostic(path="a.md", code="SP001", severity=Severity.ERROR, message="Missing space",
               line=1, column=8, fix=None) -> Diagnostic:
    return Diagnostic(path, code, "missing-space-after-comma", severity, Span(7, 8), message, fix,
                      line, column, line, column + 1, code[:2])


# --- github ------------------------------------------------------------------------------------


def test_github_format_line_by_line(run, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Fine,but close.\n")
    result = run("--format", "github", ".")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "::error file=a.txt,line=1,col=8,endLine=1,endColumn=9,title=SP001::Missing space after a comma",
        "::warning file=a.txt,line=2,col=9,endLine=2,endColumn=11,title=SP004::Multiple spaces",
        "::notice file=a.txt,line=3,col=14,endLine=3,endColumn=15,title=SP005::Trailing whitespace",
        "::error file=sub/b.md,line=1,col=5,endLine=1,endColumn=6,title=SP001::Missing space after a comma",
    ]


def test_github_escapes_separators_and_newlines():
    d = diagnostic(path="we,ird:name%.md", message="Two\nlines, 100%")
    assert render_github([d]) == (
        "::error file=we%2Cird%3Aname%25.md,line=1,col=8,endLine=1,endColumn=9,title=SP001"
        "::Two%0Alines, 100%25"
    )
    assert render_github([]) == ""


# --- sarif -------------------------------------------------------------------------------------


def sarif_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_sarif_validates_against_the_schema(run, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "café notes.md").write_text("Ünïcode first,then more.\n")
    result = run("--format", "sarif", ".")
    assert result.exit_code == 1
    log = json.loads(result.output)
    sarif_validator().validate(log)

    assert log["version"] == "2.1.0"
    (only_run,) = log["runs"]
    driver = only_run["tool"]["driver"]
    assert driver["name"] == "copyfix"
    rules = {r["id"]: r for r in driver["rules"]}
    assert rules["SP001"]["name"] == "missing-space-after-comma"
    assert rules["SP001"]["shortDescription"]["text"] == "Missing space after a comma"
    assert rules["SP001"]["defaultConfiguration"]["level"] == "error"
    assert "## Why is this bad?" in rules["SP001"]["help"]["markdown"]
    assert rules["SP005"]["defaultConfiguration"]["level"] == "note"

    results = only_run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("SP001", "error"), ("SP004", "warning"), ("SP005", "note"), ("SP001", "error"),
    ]
    for r in results:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    first = results[0]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "a.txt", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 1, "startColumn": 8, "endLine": 1, "endColumn": 9}
    (fix,) = first["fixes"]
    assert fix["description"]["text"] == "Insert a space"
    (replacement,) = fix["artifactChanges"][0]["replacements"]
    assert replacement == {
        "deletedRegion": {"startLine": 1, "startColumn": 9, "endLine": 1, "endColumn": 9},
        "insertedContent": {"text": " "},
    }
    unicode = results[-1]["locations"][0]["physicalLocation"]
    assert unicode["artifactLocation"]["uri"] == "caf%C3%A9%20notes.md"
    assert unicode["region"]["startColumn"] == 14  # no character beyond U+FFFF before it
    assert only_run["columnKind"] == "utf16CodeUnits"


def test_sarif_without_findings_and_with_pack_rules(run, tmp_path):
    (tmp_path / "a.txt").write_text("All fine here.\n")
    log = json.loads(run("--format", "sarif", "a.txt").output)
    sarif_validator().validate(log)
    assert log["runs"][0]["results"] == []
    (tmp_path / "copyfix.toml").write_text('packs = ["wordy-phrases"]\n')
    (tmp_path / "a.txt").write_text("We did it in order to win.\n")
    log = json.loads(run("--format", "sarif", "a.txt").output)
    sarif_validator().validate(log)
    ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert "WP001" in ids and "SP001" in ids
    assert log["runs"][0]["results"][0]["ruleId"] == "WP001"


def test_sarif_fix_edits_span_lines_and_fall_back_to_offsets():
    fix = Fix((Edit.replace(3, 9, "x"), Edit.delete(12, 13)), Applicability.UNSAFE, "Join")
    d = diagnostic(fix=fix)
    text = "ab\ncdef\nghij\nk"
    with_text = json.loads(render_sarif([d], (), lambda _: text))
    sarif_validator().validate(with_text)
    change = with_text["runs"][0]["results"][0]["fixes"][0]
    assert change["properties"] == {"applicability": "unsafe"}
    assert change["artifactChanges"][0]["replacements"] == [
        {"deletedRegion": {"startLine": 2, "startColumn": 1, "endLine": 3, "endColumn": 2},
         "insertedContent": {"text": "x"}},
        {"deletedRegion": {"startLine": 3, "startColumn": 5, "endLine": 4, "endColumn": 1}},
    ]
    without = json.loads(render_sarif([d]))
    sarif_validator().validate(without)
    replacements = without["runs"][0]["results"][0]["fixes"][0]["artifactChanges"][0]["replacements"]
    assert replacements[0]["deletedRegion"] == {"charOffset": 3, "charLength": 6}


# --- junit -------------------------------------------------------------------------------------


def test_junit_one_testcase_per_finding_and_a_suite_per_file(run, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "clean.md").write_text("All fine here.\n")
    result = run("--format", "junit", ".")
    assert result.exit_code == 1
    root = ET.fromstring(result.output.encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "3", "0")
    suites = {suite.get("name"): suite for suite in root}
    assert set(suites) == {"a.txt", "clean.md"}
    assert suites["a.txt"].get("tests") == "3" and suites["a.txt"].get("failures") == "3"
    (clean,) = suites["clean.md"]
    assert clean.get("name") == "clean.md" and list(clean) == []
    cases = list(suites["a.txt"])
    assert [c.get("name") for c in cases] == ["SP001 a.txt:1:8", "SP004 a.txt:2:9", "SP005 a.txt:3:14"]
    assert all(c.get("file") is None for c in cases)  # not in the Jenkins xunit schema
    failure = cases[0].find("failure")
    assert failure.get("type") == "SP001"
    assert failure.get("message") == "Missing space after a comma"
    assert failure.text == "a.txt:1:8: error SP001 Missing space after a comma"


def test_junit_survives_characters_xml_cannot_hold():
    d = diagnostic(message="Odd \x0b char & <tag>")
    root = ET.fromstring(render_junit([d], ["a.md", "b.md"]).encode("utf-8"))
    failure = root.find(".//failure")
    assert failure is not None and failure.text.endswith("Odd \ufffd char & <tag>")
    assert root.get("tests") == "2" and root.get("failures") == "1"


# --- statistics, output file, exit codes -------------------------------------------------------


def test_statistics(run, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT + "Again,here.\n")
    result = run("--statistics", "a.txt")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "2  SP001  [*] missing-space-after-comma",
        "1  SP004  [*] multiple-spaces",
        "1  SP005  [*] trailing-whitespace",
    ]


def test_output_file(run, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    result = run("--format", "github", "--output-file", "out/report.txt", "a.txt")
    assert result.exit_code == 2  # the folder does not exist
    assert "copyfix: cannot write out/report.txt: No such file or directory" in result.output
    (tmp_path / "out").mkdir()
    result = run("--format", "github", "--output-file", "out/report.txt", "a.txt")
    assert result.exit_code == 1 and result.output == ""
    lines = (tmp_path / "out" / "report.txt").read_text().splitlines()
    assert len(lines) == 3 and lines[0].startswith("::error file=a.txt,line=1,")
    result = run("--format", "sarif", "-o", "r.sarif", "a.txt")
    sarif_validator().validate(json.loads((tmp_path / "r.sarif").read_text()))


def test_exit_zero_and_fail_on(run, tmp_path):
    (tmp_path / "warn.txt").write_text("The plan  changed.\n")  # a warning
    (tmp_path / "info.txt").write_text("It ends here. \n")  # an info
    assert run("warn.txt").exit_code == 1
    assert run("--exit-zero", "warn.txt").exit_code == 0
    assert run("--fail-on", "error", "warn.txt").exit_code == 0
    assert run("--fail-on", "warning", "warn.txt").exit_code == 1
    assert run("--fail-on", "warning", "info.txt").exit_code == 0
    assert run("--fail-on", "info", "info.txt").exit_code == 1
    assert run("--fail-on", "fatal", "info.txt").exit_code == 2
    # The report is still printed when the exit code says all is well.
    assert "SP004" in run("--fail-on", "error", "--format", "concise", "warn.txt").output


# --- --diff-base -------------------------------------------------------------------------------

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


@needs_git
def test_diff_base_keeps_findings_on_changed_lines(run, tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "old.md").write_text("Legacy,text one.\nLegacy,text two.\nLegacy,text three.\n")
    (tmp_path / "same.txt").write_text("Untouched,file.\n")
    (tmp_path / "naïve doc.md").write_text("Fine line.\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    git(tmp_path, "tag", "v1")
    (tmp_path / "old.md").write_text(
        "Legacy,text one.\nEdited,text two.\nLegacy,text three.\nAdded,line.\n"
    )
    (tmp_path / "naïve doc.md").write_text("Fine line.\nNew,line.\n")
    (tmp_path / "fresh.txt").write_text("Brand,new.\nAll,new.\n")  # untracked
    (tmp_path / "staged.md").write_text("Staged,file.\n")
    git(tmp_path, "add", "staged.md")

    result = run("--format", "json", "--diff-base", "v1", ".")
    assert result.exit_code == 1, result.output
    found = sorted((d["path"], d["line"]) for d in json.loads(result.output))
    assert found == [
        ("fresh.txt", 1), ("fresh.txt", 2), ("naïve doc.md", 2),
        ("old.md", 2), ("old.md", 4), ("staged.md", 1),
    ]
    assert run("--diff-base", "v1", "same.txt").exit_code == 0
    # Without the option everything is reported.
    assert len(json.loads(run("--format", "json", ".").output)) == 9


@needs_git
def test_diff_base_errors(run, tmp_path):
    (tmp_path / "a.md").write_text("Some,text.\n")
    result = run("--diff-base", "HEAD", "a.md")
    assert result.exit_code == 2
    assert "--diff-base needs a git repository" in result.output
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    result = run("--diff-base", "no-such-branch", "a.md")
    assert result.exit_code == 2
    assert result.output.strip() == (
        "copyfix: --diff-base: 'no-such-branch' is not a commit, branch or tag in this repository"
    )
    assert run("--diff-base", "--help", "a.md").exit_code == 2


def test_parse_unified_diff():
    diff = (
        "diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n"
        "@@ -1 +1 @@\n-a\n+b\n@@ -5,2 +5,0 @@\n-c\n-d\n@@ -9,0 +8,3 @@\n+e\n+f\n+g\n"
        "diff --git a/gone.md b/gone.md\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
        '--- "a/caf\\303\\251 \\"q\\".md"\n+++ "b/caf\\303\\251 \\"q\\".md"\n@@ -0,0 +1 @@\n+z\n'
    )
    diff += "+++ b/with space.md\t\n@@ -1,0 +2,2 @@\n+y\n+z\n"
    assert parse_unified_diff(diff) == {
        "x.md": {1, 8, 9, 10}, 'café "q".md': {1}, "with space.md": {2, 3},
    }
    assert _unquote('"b/tab\\there"') == "b/tab\there"


def test_keep_changed():
    on_two = diagnostic(line=2)
    elsewhere = diagnostic(path="b.md", line=1)
    stdin = diagnostic(path="-", line=1)
    changed = ChangedLines({"a.md": frozenset({2}), "b.md": frozenset()})
    assert keep_changed([on_two, elsewhere, stdin], changed) == [on_two, stdin]
    assert keep_changed([elsewhere], ChangedLines({"b.md": None})) == [elsewhere]
