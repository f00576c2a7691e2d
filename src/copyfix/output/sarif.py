"""SARIF 2.1.0, as the OASIS schema defines it and GitHub code scanning accepts it.

Paths are relative to the repository root (``%SRCROOT%``), which is where code scanning resolves
them from; columns are UTF-16 code units, SARIF's default, because GitHub and most SARIF viewers
ignore ``columnKind``. Files that were not checked become tool execution notifications and make
``executionSuccessful`` false. A run keeps at most GitHub's 25,000 results and says when it cut.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from urllib.parse import quote

from copyfix.lint.registry import default_registry
from copyfix.model import Applicability, Diagnostic, RuleInfo, Severity, family_of
from copyfix.output.common import (
    FileProblem,
    path_bytes,
    repository_path,
    repository_root,
    shown_path,
)
from copyfix.version import __version__

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "copyfix"
RULES_URI = "https://github.com/copyfix/copyfix#rules"
#: GitHub code scanning rejects a run with more results, and a description longer than this.
MAX_RESULTS = 25_000
MAX_DESCRIPTION = 1_024
FINGERPRINT = "copyfixFinding/v1"

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_NOTIFICATIONS = {
    "file-error": "A file could not be read or decoded, so it was not checked",
    "crash": "Checking a file raised an exception (a bug in copyfix); the file was not checked",
    "result-cap": "More results than a code scanning upload accepts; the rest were left out",
}


class _Source:
    """One file's text, to turn code-point offsets and columns into SARIF positions."""

    def __init__(self, text: str | None) -> None:
        self.lines = text.split("\n") if text is not None else None
        self._starts = [0]
        for line in self.lines or ():
            self._starts.append(self._starts[-1] + len(line) + 1)

    def line(self, number: int) -> str:
        if self.lines is None or not 0 < number <= len(self.lines):
            return ""
        return self.lines[number - 1]

    def column(self, line: int, column: int) -> int:
        """A 1-based code-point column as UTF-16 code units: characters beyond U+FFFF (most
        emoji) are two units."""
        before = self.line(line)[: column - 1]
        return column + sum(1 for char in before if ord(char) > 0xFFFF)

    def at(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, self.column(index + 1, offset - self._starts[index] + 1)


class _Location:
    """Artifact locations relative to the repository root where possible."""

    def __init__(self) -> None:
        self.root = repository_root()

    def base(self) -> dict:
        return {"%SRCROOT%": {"uri": self.root.as_uri() + "/"}}

    def __call__(self, path: str) -> dict:
        relative = repository_path(path, self.root)
        if relative is None:
            if path == "-":
                return {"uri": "stdin"}
            return {"uri": Path(path).absolute().as_uri()}
        return {"uri": quote(path_bytes(relative), safe="/"), "uriBaseId": "%SRCROOT%"}


def _region(start: tuple[int, int], end: tuple[int, int]) -> dict:
    return {"startLine": start[0], "startColumn": start[1], "endLine": end[0], "endColumn": end[1]}


def _text(text: str, limit: int = MAX_DESCRIPTION) -> dict:
    return {"text": text if len(text) <= limit else text[: limit - 1] + "…"}


def _rule_descriptor(info: RuleInfo) -> dict:
    descriptor: dict = {
        "id": info.code,
        "name": info.name,
        "shortDescription": _text(info.summary),
        "helpUri": RULES_URI,
        "defaultConfiguration": {"level": _LEVEL[info.severity]},
        "properties": {"fixable": info.fixable, "family": info.family},
    }
    if info.doc:
        what = _section(info.doc, "What it does") or " ".join(info.doc.split())
        descriptor["fullDescription"] = _text(what)
        descriptor["help"] = {"text": info.doc, "markdown": info.doc}
    return descriptor


def _section(doc: str, title: str) -> str:
    """The text under ``## title`` in a rule docstring, joined into one paragraph."""
    match = re.search(rf"^\s*##\s*{re.escape(title)}\s*$(.*?)(?=^\s*##|\Z)", doc, re.M | re.S)
    return " ".join(match.group(1).split()) if match else ""


def _rule_infos(rules: Iterable[RuleInfo], diagnostics: Sequence[Diagnostic]) -> list[RuleInfo]:
    infos = {info.code: info for info in rules}
    if not infos:
        infos = {rule.code: rule.info() for rule in default_registry()}
    for d in diagnostics:
        # A rule that only a pack or another config knew; describe it from what the finding says.
        infos.setdefault(d.code, RuleInfo(d.code, d.name, d.name.replace("-", " ").capitalize(),
                                          d.severity, d.fix is not None, d.family or family_of(d.code)))
    return sorted(infos.values(), key=lambda i: i.code)


def _fix(d: Diagnostic, source: _Source, location: dict) -> dict:
    assert d.fix is not None
    replacements = []
    for edit in sorted(d.fix.edits, key=lambda e: (e.span.start, e.span.end)):
        if source.lines is not None:
            deleted = _region(source.at(edit.span.start), source.at(edit.span.end))
        else:
            # Without the text, fall back to offsets (code points: close enough without emoji).
            deleted = {"charOffset": edit.span.start, "charLength": len(edit.span)}
        replacement: dict = {"deletedRegion": deleted}
        if edit.replacement:
            replacement["insertedContent"] = {"text": edit.replacement}
        replacements.append(replacement)
    return {
        "description": {"text": d.fix.title or "Apply the fix"},
        "artifactChanges": [{"artifactLocation": location, "replacements": replacements}],
        "properties": {"applicability": d.fix.applicability.label},
    }


def _result(d: Diagnostic, index: int, source: _Source, location: dict, seen: Counter) -> dict:
    start = (d.line, source.column(d.line, d.column))
    end = (d.end_line, source.column(d.end_line, d.end_column))
    # Stable across uploads while the line's text stays: rule, file, the line's words, and
    # which occurrence of the same on that kind of line it is.
    key = "\0".join((d.code, location["uri"], " ".join(source.line(d.line).split()), d.message))
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    seen[digest] += 1
    result: dict = {
        "ruleId": d.code,
        "ruleIndex": index,
        "level": _LEVEL[d.severity],
        "message": {"text": d.message},
        "locations": [
            {"physicalLocation": {"artifactLocation": location, "region": _region(start, end)}}
        ],
        "partialFingerprints": {FINGERPRINT: f"{digest}:{seen[digest]}"},
    }
    if d.fix is not None and d.fix.edits and d.fix.applicability > Applicability.DISPLAY_ONLY:
        result["fixes"] = [_fix(d, source, location)]
    return result


def _notification(kind: str, text: str, location: dict | None = None) -> dict:
    note: dict = {
        "level": "warning" if kind == "result-cap" else "error",
        "message": {"text": text},
        "descriptor": {"id": kind},
    }
    if location is not None:
        note["locations"] = [{"physicalLocation": {"artifactLocation": location}}]
    return note


def _invocation(
    problems: Sequence[FileProblem], left_out: int, location_of: _Location
) -> dict:
    notes = [
        _notification("crash" if p.crash else "file-error", f"{shown_path(p.path)}: {p.reason}",
                      location_of(p.path))
        for p in problems
    ]
    if left_out:
        notes.append(_notification(
            "result-cap",
            f"{left_out:,} more results were left out: a code scanning upload accepts at most "
            f"{MAX_RESULTS:,} per run (run copyfix on fewer files, or with --select)",
        ))
    return {"executionSuccessful": not problems, "toolExecutionNotifications": notes}


def render_sarif(
    diagnostics: Sequence[Diagnostic],
    rules: Iterable[RuleInfo] = (),
    source_of: Callable[[str], str | None] = lambda _: None,
    problems: Sequence[FileProblem] = (),
) -> str:
    """A SARIF 2.1.0 log with one run: every rule's metadata, the findings and their fixes, and
    a notification for each file that was not checked."""
    ordered = _rule_infos(rules, diagnostics)
    index = {info.code: i for i, info in enumerate(ordered)}
    location_of = _Location()
    sources: dict[str, _Source] = {}
    locations: dict[str, dict] = {}
    seen: Counter = Counter()
    results = []
    for d in diagnostics[:MAX_RESULTS]:
        if d.path not in sources:
            sources[d.path] = _Source(source_of(d.path))
            locations[d.path] = location_of(d.path)
        results.append(_result(d, index[d.code], sources[d.path], locations[d.path], seen))
    driver = {
        "name": TOOL_NAME,
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": "https://pypi.org/project/copyfix/",
        "rules": [_rule_descriptor(info) for info in ordered],
        "notifications": [
            {"id": kind, "shortDescription": {"text": text}}
            for kind, text in _NOTIFICATIONS.items()
        ],
    }
    run = {
        "tool": {"driver": driver},
        "automationDetails": {"id": f"{TOOL_NAME}/"},
        "invocations": [_invocation(problems, len(diagnostics) - len(results), location_of)],
        "originalUriBaseIds": location_of.base(),
        "columnKind": "utf16CodeUnits",
        "results": results,
    }
    log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2)
