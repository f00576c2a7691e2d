"""A hostile project for the consumer tests, and what the consumers' own rules say.

The project is a repository (``.git``) with the files under ``docs/``, linted from ``docs/`` so
that paths relative to the working folder and to the repository differ. A pack rule's message
holds ``%``, ``:``, ``,``, quotes, ``<``, ``]]>``, an emoji and a workflow-command separator,
and quotes a phrase across a line break; one file's name holds the same characters and a
newline, another's is not UTF-8, and one file cannot be decoded.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from copyfix.cli import main

MESSAGE = "100% odd: a,b \"dq\" 'sq' <x> & ]]> 🎉 ::warning:: '{match}'"
PACK = f'''[pack]
name = "hostile"
prefix = "HX"
description = "Messages full of separators"

[[rule]]
code = "HX001"
name = "hostile-message"
kind = "substitution"
message = {json.dumps(MESSAGE, ensure_ascii=False)}
summary = "A message with separators"
severity = "warning"
applicability = "display-only"

[rule.swap]
"in order to" = "to"

[[rule.test]]
text = "We did it in order to win."
'''
HOSTILE_NAME = '100%: a,b "q" <x> ]]> 🎉\nname.md'
NON_UTF8_NAME = os.fsdecode(b"caf\xe9 notes.txt")
# An emoji before two findings (UTF-16 columns differ), a phrase across a line break.
HOSTILE_TEXT = "We 🎉 did it in order\nto win.\n\n🎉 In 2019,the plan.\n"


@dataclass
class Project:
    root: Path
    docs: Path

    def lint(self, *args: str, env: dict | None = None):
        return CliRunner().invoke(main, ["lint", "--no-cache", *args], env=env)

    def findings(self) -> list[dict]:
        """The reference: every finding as ``--format json`` reports it."""
        return json.loads(self.lint("--format", "json", ".").stdout)


def make_project(tmp_path: Path, monkeypatch) -> Project:
    root = tmp_path / "repo"
    docs = root / "docs"
    (root / ".git").mkdir(parents=True)
    docs.mkdir()
    (root / "copyfix.toml").write_text('packs = ["hostile.toml"]\n', encoding="utf-8")
    (root / "hostile.toml").write_text(PACK, encoding="utf-8")
    (docs / HOSTILE_NAME).write_text(HOSTILE_TEXT, encoding="utf-8")
    (docs / NON_UTF8_NAME).write_text("Plain,text.\n", encoding="utf-8")
    (docs / "clean.md").write_text("All fine here.\n", encoding="utf-8")
    (docs / "bad.txt").write_bytes(b"Not \xff UTF-8.\n")
    monkeypatch.chdir(docs)
    return Project(root, docs)


# --- the GitHub Actions runner's workflow command parser, ported from actions/runner ----------
# src/Runner.Worker/ActionCommandManager.cs (ActionCommand.TryParseV2 and its unescaping) and
# IssueCommandExtension.ValidateLinesAndColumns, which drops what an annotation cannot carry.

_DATA_ESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))
_PROPERTY_ESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))


def _unescape(text: str, escapes) -> str:
    for token, char in escapes:
        text = text.replace(token, char)
    return text


def parse_workflow_command(line: str) -> tuple[str, dict[str, str], str] | None:
    """(command, properties, data) as the runner reads one line of a step's output."""
    message = line.lstrip()
    if not message.startswith("::"):
        return None
    end = message.find("::", 2)
    if end < 0:
        return None
    info = message[2:end]
    space = info.find(" ")
    name = info if space < 0 else info[:space]
    if name not in ("error", "warning", "notice", "debug"):
        return None
    props: dict[str, str] = {}
    if space > 0:
        for item in (p for p in info[space + 1:].strip().split(",") if p):
            pair = [part for part in item.split("=", 1) if part]
            if len(pair) == 2:
                props[pair[0]] = _unescape(pair[1], _PROPERTY_ESCAPES)
    return name, props, _unescape(message[end + 2:], _DATA_ESCAPES)


def annotation_drops(props: dict[str, str]) -> list[str]:
    """What the runner would drop or rewrite in an annotation's position (empty: nothing)."""
    numbers = {k: int(v) for k, v in props.items() if k in ("line", "endLine", "col", "endColumn")
               and re.fullmatch(r"-?\d+", v)}
    drops = []
    if "endLine" in numbers and "line" not in numbers:
        drops.append("endLine without line")
    if "endColumn" in numbers and "col" not in numbers:
        drops.append("endColumn without col")
    has_column = "col" in numbers or "endColumn" in numbers
    if "line" not in numbers and has_column:
        drops.append("columns without line")
    if "endLine" in numbers and props.get("line") != props.get("endLine") and has_column:
        drops.append("columns on a multi-line annotation")
    if numbers.get("endLine", 10**9) < numbers.get("line", 0):
        drops.append("endLine before line")
    if numbers.get("endColumn", 10**9) < numbers.get("col", 0):
        drops.append("endColumn before col")
    return drops


# --- GitHub code scanning's SARIF upload limits ------------------------------------------------
# https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/
# sarif-support-for-code-scanning


def github_upload_problems(raw: bytes) -> list[str]:
    """What GitHub's SARIF upload would reject or mishandle in the file ``raw`` (empty:
    nothing)."""
    problems = []
    log = json.loads(raw.decode("utf-8"))  # strict: the upload must be valid UTF-8
    if len(gzip.compress(raw)) > 10 * 1024 * 1024:
        problems.append("file over 10 MB gzip-compressed")
    if log.get("version") != "2.1.0" or not 1 <= len(log.get("runs", [])) <= 20:
        problems.append("version or run count")
    for run in log["runs"]:
        driver = run.get("tool", {}).get("driver", {})
        if not driver.get("name"):
            problems.append("tool.driver.name missing")
        rules = driver.get("rules", [])
        if len(rules) > 25_000:
            problems.append("more than 25,000 rules")
        for rule in rules:
            for key in ("shortDescription", "fullDescription"):
                if len(rule.get(key, {}).get("text", "")) > 1024:
                    problems.append(f"{rule['id']}: {key} over 1,024 characters")
            if len(rule.get("properties", {}).get("tags", [])) > 20:
                problems.append(f"{rule['id']}: more than 20 tags")
        results = run.get("results", [])
        if len(results) > 25_000:
            problems.append("more than 25,000 results")
        bases = run.get("originalUriBaseIds", {})
        for result in results:
            problems += _result_problems(result, bases)
    return problems


def _result_problems(result: dict, bases: dict) -> list[str]:
    problems = []
    if not result.get("message", {}).get("text"):
        problems.append("result without message.text")
    if not result.get("ruleId"):
        problems.append("result without ruleId")
    if not result.get("partialFingerprints"):
        problems.append("result without partialFingerprints")
    locations = result.get("locations", [])
    if not 1 <= len(locations) <= 1000:
        problems.append("result location count")
    for location in locations:
        artifact = location["physicalLocation"]["artifactLocation"]
        uri = artifact["uri"]
        if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", uri) or uri.startswith("/"):
            problems.append(f"absolute URI {uri}")
        if artifact.get("uriBaseId") not in bases:
            problems.append(f"URI base {artifact.get('uriBaseId')} not declared")
        region = location["physicalLocation"].get("region", {})
        if region.get("startLine", 0) < 1:
            problems.append("region without startLine")
    return problems


def utf16_to_code_points(line: str, column: int) -> int:
    """A 1-based UTF-16 column of ``line`` as a code-point column."""
    units = 0
    for index, char in enumerate(line):
        if units >= column - 1:
            return index + 1
        units += 2 if ord(char) > 0xFFFF else 1
    return len(line) + 1
