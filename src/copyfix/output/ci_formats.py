"""Reports for CI systems: GitHub workflow annotations, SARIF 2.1.0 and JUnit XML.

Each renderer takes finished diagnostics and returns text; none of them reads files. Positions
are 1-based lines and code-point columns, end columns exclusive, exactly as the diagnostics
carry them, so every format points at the same characters as ``--format full``.
"""

from __future__ import annotations

import bisect
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from urllib.parse import quote

from copyfix.model import Applicability, Diagnostic, RuleInfo, Severity, family_of

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "copyfix"

_GITHUB_COMMAND = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


# --- GitHub Actions workflow commands ---------------------------------------------------------


def _github_data(text: str) -> str:
    # A newline would end the workflow command early; GitHub decodes these three escapes.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    # In the property list ',' separates properties and ':' ends the list.
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(diagnostics: Iterable[Diagnostic]) -> str:
    """One ``::error``/``::warning``/``::notice`` workflow command per finding."""
    lines = []
    for d in diagnostics:
        props = ",".join(
            f"{key}={_github_property(str(value))}"
            for key, value in (
                ("file", d.path),
                ("line", d.line),
                ("col", d.column),
                ("endLine", d.end_line),
                ("endColumn", d.end_column),
                ("title", d.code),
            )
        )
        lines.append(f"::{_GITHUB_COMMAND[d.severity]} {props}::{_github_data(d.message)}")
    return "\n".join(lines)


# --- SARIF 2.1.0 -------------------------------------------------------------------------------


class _Positions:
    """Turns code-point offsets of one text into 1-based (line, column) pairs."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1


def _artifact_uri(path: str) -> tuple[str, bool]:
    """A URI for ``path``: relative to the working folder when it lies inside it.

    Returns the URI and whether it is relative (and so needs the ``%SRCROOT%`` base).
    """
    absolute = os.path.abspath(path)
    try:
        rel = Path(absolute).relative_to(Path.cwd())
    except ValueError:
        return Path(absolute).as_uri(), False
    return quote(rel.as_posix()), True


def _artifact_location(path: str) -> dict:
    uri, relative = _artifact_uri(path)
    return {"uri": uri, "uriBaseId": "%SRCROOT%"} if relative else {"uri": uri}


def _region(start: tuple[int, int], end: tuple[int, int]) -> dict:
    return {
        "startLine": start[0],
        "startColumn": start[1],
        "endLine": end[0],
        "endColumn": end[1],
    }


def _rule_descriptor(info: RuleInfo) -> dict:
    descriptor: dict = {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "defaultConfiguration": {"level": _SARIF_LEVEL[info.severity]},
        "properties": {"fixable": info.fixable, "family": info.family},
    }
    if info.doc:
        what = _section(info.doc, "What it does")
        if what:
            descriptor["fullDescription"] = {"text": what}
        descriptor["help"] = {"text": info.doc, "markdown": info.doc}
    return descriptor


def _section(doc: str, title: str) -> str:
    """The text under ``## title`` in a rule docstring, joined into one paragraph."""
    match = re.search(rf"^\s*##\s*{re.escape(title)}\s*$(.*?)(?=^\s*##|\Z)", doc, re.M | re.S)
    return " ".join(match.group(1).split()) if match else ""


def _fallback_info(d: Diagnostic) -> RuleInfo:
    # A rule that only a pack or another config knew; describe it from what the finding says.
    return RuleInfo(d.code, d.name, d.name.replace("-", " ").capitalize(), d.severity,
                    d.fix is not None, d.family or family_of(d.code))


def _sarif_fix(d: Diagnostic, positions: _Positions | None) -> dict:
    assert d.fix is not None
    replacements = []
    for edit in sorted(d.fix.edits, key=lambda e: (e.span.start, e.span.end)):
        if positions is not None:
            deleted = _region(positions.at(edit.span.start), positions.at(edit.span.end))
        else:
            # Without the text, fall back to offsets; they count code points, as columnKind says.
            deleted = {"charOffset": edit.span.start, "charLength": len(edit.span)}
        replacement: dict = {"deletedRegion": deleted}
        if edit.replacement:
            replacement["insertedContent"] = {"text": edit.replacement}
        replacements.append(replacement)
    return {
        "description": {"text": d.fix.title or "Apply the fix"},
        "artifactChanges": [
            {"artifactLocation": _artifact_location(d.path), "replacements": replacements}
        ],
        "properties": {"applicability": d.fix.applicability.label},
    }


def render_sarif(
    diagnostics: Sequence[Diagnostic],
    rules: Iterable[RuleInfo] = (),
    source_of: Callable[[str], str | None] = lambda _: None,
) -> str:
    """A SARIF 2.1.0 log with one run: every rule's metadata, every finding and its fixes."""
    from copyfix.version import __version__

    infos = {info.code: info for info in rules}
    if not infos:
        from copyfix.lint.registry import default_registry

        infos = {rule.code: rule.info() for rule in default_registry()}
    for d in diagnostics:
        infos.setdefault(d.code, _fallback_info(d))
    ordered = sorted(infos.values(), key=lambda i: i.code)
    index = {info.code: i for i, info in enumerate(ordered)}

    positions: dict[str, _Positions | None] = {}
    results = []
    for d in diagnostics:
        result: dict = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _SARIF_LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": _artifact_location(d.path),
                        "region": _region((d.line, d.column), (d.end_line, d.end_column)),
                    }
                }
            ],
        }
        if d.fix is not None and d.fix.edits and d.fix.applicability > Applicability.DISPLAY_ONLY:
            if d.path not in positions:
                text = source_of(d.path)
                positions[d.path] = _Positions(text) if text is not None else None
            result["fixes"] = [_sarif_fix(d, positions[d.path])]
        results.append(result)

    run = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": __version__,
                "informationUri": "https://pypi.org/project/copyfix/",
                "rules": [_rule_descriptor(info) for info in ordered],
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
        # Our columns count code points, not the UTF-16 units SARIF assumes by default.
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2)


# --- JUnit XML ---------------------------------------------------------------------------------

# Characters XML 1.0 cannot carry at all, even escaped; a finding may quote them from the text.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(text: str) -> str:
    return _XML_INVALID.sub("\ufffd", text)


def render_junit(diagnostics: Iterable[Diagnostic], files: Sequence[str]) -> str:
    """One test case per checked file; each finding in it is one ``<failure>``.

    A file without findings is a passing test case, so CI dashboards show what was checked.
    """
    by_file: dict[str, list[Diagnostic]] = {path: [] for path in files}
    for d in diagnostics:
        by_file.setdefault(d.path, []).append(d)
    failing = sum(1 for found in by_file.values() if found)
    counts = {"tests": str(len(by_file)), "failures": str(failing), "errors": "0"}

    suites = ET.Element("testsuites", {"name": TOOL_NAME, **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": TOOL_NAME, **counts, "skipped": "0"})
    for path, found in by_file.items():
        case = ET.SubElement(
            suite, "testcase", {"name": _xml_text(path), "classname": TOOL_NAME,
                                "file": _xml_text(path)}
        )
        for d in found:
            failure = ET.SubElement(
                case,
                "failure",
                {
                    "message": _xml_text(f"{d.line}:{d.column}: {d.code} {d.message}"),
                    "type": d.code,
                },
            )
            failure.text = _xml_text(
                f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity.label}] {d.message}"
            )
    ET.indent(suites)
    body = ET.tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body
