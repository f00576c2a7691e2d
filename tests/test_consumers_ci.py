"""The CI formats read by the tools that consume them, on findings and file names full of the
characters that break formats: SARIF by the OASIS schema and GitHub's upload limits, JUnit by
junitparser and xunitparser, annotations by a port of the GitHub Actions runner's parser."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import unquote_to_bytes

import jsonschema
import junitparser
import pytest
import xunitparser
from consumers import (
    HOSTILE_NAME,
    annotation_drops,
    github_upload_problems,
    make_project,
    parse_workflow_command,
    utf16_to_code_points,
)

from copyfix.model import Diagnostic, RuleInfo, Severity, Span
from copyfix.output.common import shown_path
from copyfix.output.sarif import MAX_RESULTS, render_sarif

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


@pytest.fixture
def project(tmp_path, monkeypatch):
    return make_project(tmp_path, monkeypatch)


def reference(project) -> list[dict]:
    found = project.findings()
    assert sorted(d["code"] for d in found) == ["HX001", "SP001", "SP001"]
    assert any("\n" in d["message"] and "]]>" in d["message"] for d in found)
    assert any(d["end_line"] > d["line"] for d in found)
    return found


def sarif_validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _sarif_finding(result: dict, docs: Path) -> tuple:
    location = result["locations"][0]["physicalLocation"]
    path = unquote_to_bytes(location["artifactLocation"]["uri"])
    assert path.startswith(b"docs/"), path  # relative to the repository, not to docs/
    name = os.fsdecode(path.removeprefix(b"docs/"))
    lines = (docs / name).read_text(encoding="utf-8").split("\n")
    region = location["region"]
    start = utf16_to_code_points(lines[region["startLine"] - 1], region["startColumn"])
    end = utf16_to_code_points(lines[region["endLine"] - 1], region["endColumn"])
    return (shown_path(name), region["startLine"], start, region["endLine"], end,
            result["ruleId"], result["level"], result["message"]["text"])


def test_sarif_passes_the_oasis_schema_and_githubs_upload_rules(project):
    found = reference(project)
    out = project.root / "report.sarif"
    assert project.lint("--format", "sarif", "-o", str(out), ".").exit_code == 2  # bad.txt
    raw = out.read_bytes()
    log = json.loads(raw.decode("utf-8"))
    sarif_validator().validate(log)
    assert github_upload_problems(raw) == []
    (run,) = log["runs"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.root.resolve().as_uri() + "/"
    got = sorted(_sarif_finding(result, project.docs) for result in run["results"])
    assert got == sorted(
        (d["path"], d["line"], d["column"], d["end_line"], d["end_column"], d["code"],
         LEVEL[d["severity"]], d["message"])
        for d in found
    )
    # After an emoji, SARIF's UTF-16 column is one more than copyfix's code-point column.
    after_emoji = next(d for d in found if d["line"] == 4)
    region = next(r for r in run["results"] if r["locations"][0]["physicalLocation"]["region"][
        "startLine"] == 4)["locations"][0]["physicalLocation"]["region"]
    assert region["startColumn"] == after_emoji["column"] + 1
    fingerprints = [json.dumps(r["partialFingerprints"]) for r in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints)

    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "UTF-8" in note["message"]["text"]
    where = note["locations"][0]["physicalLocation"]["artifactLocation"]
    assert where == {"uri": "docs/bad.txt", "uriBaseId": "%SRCROOT%"}


def test_sarif_keeps_githubs_limits_on_results_and_descriptions(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    finding = Diagnostic("a.md", "HX002", "long-doc", Severity.INFO, Span(0, 1), "Odd", None,
                         1, 1, 1, 2, "HX")
    long_doc = "## What it does\n" + "A very long explanation. " * 100
    info = RuleInfo("HX002", "long-doc", "Long doc", Severity.INFO, False, "HX", doc=long_doc)
    raw = render_sarif([finding] * (MAX_RESULTS + 7), [info], lambda _: "x\n").encode("utf-8")
    assert github_upload_problems(raw) == []
    log = json.loads(raw)
    (run,) = log["runs"]
    assert len(run["results"]) == MAX_RESULTS
    (rule,) = run["tool"]["driver"]["rules"]
    assert len(rule["fullDescription"]["text"]) == 1024 and rule["help"]["text"] == long_doc
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "warning" and note["message"]["text"].startswith("7 more results")
    run["results"] = run["results"][:3]  # the schema check of 25,000 results takes a minute
    sarif_validator().validate(log)


def test_junit_counts_every_finding_in_junitparser_and_xunitparser(project):
    found = reference(project)
    out = project.root / "report.xml"
    assert project.lint("--format", "junit", "-o", str(out), ".").exit_code == 2
    xml = junitparser.JUnitXml.fromfile(str(out))
    cases = [case for suite in xml for case in suite]
    failures = sorted(
        (case.name, result.type, result.message)
        for case in cases for result in case.result if isinstance(result, junitparser.Failure)
    )
    assert failures == sorted(
        (f"{d['code']} {d['path']}:{d['line']}:{d['column']}", d["code"], d["message"])
        for d in found
    )
    errors = [(case.name, r.message) for case in cases for r in case.result
              if isinstance(r, junitparser.Error)]
    assert [name for name, _ in errors] == ["bad.txt"] and "UTF-8" in errors[0][1]
    assert [case.name for case in cases if not case.result] == ["clean.md"]
    assert (xml.tests, xml.failures, xml.errors) == (len(found) + 2, len(found), 1)

    with out.open("rb") as handle:
        _, outcome = xunitparser.parse(handle)
    assert outcome.testsRun == len(found) + 2
    assert len(outcome.failures) == len(found) and len(outcome.errors) == 1
    assert sorted((case.methodname, text) for case, text in outcome.failures) == sorted(
        (name, f"{code}: {message}\n\n{failure_text(project, name)}")
        for name, code, message in failures
    )


def failure_text(project, name: str) -> str:
    """The ``<failure>`` element's text, as junitparser read it."""
    xml = junitparser.JUnitXml.fromfile(str(project.root / "report.xml"))
    return next(r.text for suite in xml for case in suite if case.name == name
                for r in case.result)


def test_github_annotations_read_by_the_runners_parser(project):
    found = reference(project)
    result = project.lint("--format", "github", ".")
    assert result.exit_code == 2
    # The runner reads the step's output line by line (.NET ReadLine: CR, LF or CRLF).
    lines = re.split(r"\r\n|\r|\n", result.stdout_bytes.decode("utf-8").rstrip("\n"))
    commands = [parse_workflow_command(line) for line in lines]
    assert None not in commands
    for _, props, _ in commands:
        assert annotation_drops(props) == [], props
    findings = [c for c in commands if c[1]["title"] != "copyfix"]
    got = sorted(
        (props["file"], int(props["line"]), props.get("col"), int(props["endLine"]),
         props.get("endColumn"), props["title"], name, data)
        for name, props, data in findings
    )
    single = [d["line"] == d["end_line"] for d in found]
    assert got == sorted(
        ("docs/" + d["path"], d["line"], str(d["column"]) if one else None, d["end_line"],
         str(d["end_column"]) if one else None, d["code"], COMMAND[d["severity"]], d["message"])
        for d, one in zip(found, single, strict=True)
    )
    # GitHub resolves the file from the repository root.
    assert any(props["file"] == "docs/" + HOSTILE_NAME for _, props, _ in findings)
    assert (project.root / "docs" / HOSTILE_NAME).is_file()
    (error,) = [c for c in commands if c[1]["title"] == "copyfix"]
    assert error[0] == "error" and error[1]["file"] == "docs/bad.txt" and "UTF-8" in error[2]


def test_github_says_when_there_are_more_annotations_than_it_shows(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("In 2019,the plan.\n" * 12 + "The plan  changed.\n")
    from click.testing import CliRunner

    from copyfix.cli import main

    lines = CliRunner().invoke(main, ["lint", "--no-cache", "--format", "github", "a.txt"])
    commands = [parse_workflow_command(line) for line in lines.stdout.splitlines()]
    assert len(commands) == 14
    name, props, data = commands[0]
    assert (name, props) == ("notice", {"title": "copyfix"})
    assert "12 errors, 1 warnings" in data and "at most 10" in data


def test_sarif_fingerprints_survive_a_line_inserted_above(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    from click.testing import CliRunner

    from copyfix.cli import main

    def fingerprints() -> list[str]:
        out = CliRunner().invoke(main, ["lint", "--no-cache", "--format", "sarif", "a.txt"])
        results = json.loads(out.stdout)["runs"][0]["results"]
        return [r["partialFingerprints"]["copyfixFinding/v1"] for r in results]

    (tmp_path / "a.txt").write_text("In 2019,the plan.\n\nIn 2019,the plan.\n")
    before = fingerprints()
    assert len(set(before)) == 2  # the same finding on two identical lines stays distinct
    (tmp_path / "a.txt").write_text("A new first line.\n\nIn 2019,the plan.\n\nIn 2019,the plan.\n")
    assert fingerprints() == before
