"""Reports for CI systems: GitHub workflow annotations and JUnit XML (SARIF is in ``sarif``).

Each renderer takes finished diagnostics and the files that were not checked, and returns text;
none of them reads files. Positions are 1-based lines and code-point columns, end columns
exclusive, exactly as the diagnostics carry them, so every format points at the same characters
as ``--format full``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence

from copyfix.model import Diagnostic, Severity
from copyfix.output.common import FileProblem, repository_path, repository_root, shown_path
from copyfix.output.sarif import render_sarif

__all__ = ["render_github", "render_junit", "render_sarif"]

TOOL_NAME = "copyfix"
#: GitHub shows this many annotations of each kind (error, warning, notice) per step.
GITHUB_SHOWN = 10

_GITHUB_COMMAND = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


# --- GitHub Actions workflow commands ---------------------------------------------------------


def _github_data(text: str) -> str:
    # A newline would end the workflow command early; GitHub decodes these three escapes.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    # In the property list ',' separates properties and ':' ends the list.
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def _github_file(path: str, root) -> str:
    # GitHub resolves the file from the repository root, wherever copyfix ran.
    relative = repository_path(path, root)
    return shown_path(relative if relative is not None else path)


def _github_command(command: str, props: Iterable[tuple[str, object]], message: str) -> str:
    joined = ",".join(f"{key}={_github_property(str(value))}" for key, value in props)
    return f"::{command} {joined}::{_github_data(message)}"


def render_github(
    diagnostics: Iterable[Diagnostic], problems: Sequence[FileProblem] = ()
) -> str:
    """One ``::error``/``::warning``/``::notice`` workflow command per finding, and an
    ``::error`` for each file that was not checked.

    Columns go only on single-line findings: the runner drops an annotation's columns when its
    lines differ. When a kind has more annotations than GitHub shows, a notice says so first.
    """
    root = repository_root()
    lines = []
    kinds: Counter[str] = Counter()
    for d in diagnostics:
        props: list[tuple[str, object]] = [("file", _github_file(d.path, root)), ("line", d.line)]
        if d.end_line == d.line:
            props.append(("col", d.column))
        props.append(("endLine", d.end_line))
        if d.end_line == d.line:
            props.append(("endColumn", d.end_column))
        props.append(("title", d.code))
        command = _GITHUB_COMMAND[d.severity]
        kinds[command] += 1
        lines.append(_github_command(command, props, d.message))
    for problem in problems:
        kinds["error"] += 1
        props = [("file", _github_file(problem.path, root)), ("title", TOOL_NAME)]
        lines.append(_github_command("error", props, f"not checked: {problem.reason}"))
    if any(n > GITHUB_SHOWN for n in kinds.values()):
        counts = ", ".join(f"{n} {kind}s" for kind, n in sorted(kinds.items()))
        note = (
            f"copyfix made {counts}; GitHub shows at most {GITHUB_SHOWN} of each kind per step, "
            "so see this step's log for the rest (or upload --format sarif to code scanning)"
        )
        lines.insert(0, _github_command("notice", [("title", TOOL_NAME)], note))
    return "\n".join(lines)


# --- JUnit XML ---------------------------------------------------------------------------------

# Characters XML 1.0 cannot carry at all, even escaped; a finding may quote them from the text.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(text: str) -> str:
    return _XML_INVALID.sub("\ufffd", text)


def _junit_case(suite: ET.Element, name: str) -> ET.Element:
    return ET.SubElement(
        suite, "testcase", {"name": _xml_text(name), "classname": TOOL_NAME, "time": "0"}
    )


def _junit_suite(parent: ET.Element, path: str, found: list[Diagnostic],
                 problem: FileProblem | None) -> Counter[str]:
    """One file's suite: a failing case per finding, an error case for a file that was not
    checked, or one passing case for a clean file."""
    shown = shown_path(path)
    counts = Counter(tests=len(found) or 1, failures=len(found), errors=int(problem is not None))
    suite = ET.SubElement(parent, "testsuite", {
        "name": _xml_text(shown), **{k: str(counts[k]) for k in ("tests", "failures", "errors")},
        "skipped": "0", "time": "0",
    })
    for d in found:
        case = _junit_case(suite, f"{d.code} {shown}:{d.line}:{d.column}")
        failure = ET.SubElement(
            case, "failure", {"message": _xml_text(d.message), "type": d.code}
        )
        failure.text = _xml_text(
            f"{shown}:{d.line}:{d.column}: {d.severity.label} {d.code} {d.message}"
        )
    if problem is not None:
        case = _junit_case(suite, shown)
        kind = "crash" if problem.crash else "file-error"
        error = ET.SubElement(case, "error", {"message": _xml_text(problem.reason), "type": kind})
        error.text = _xml_text(f"{shown}: {problem.reason}")
    elif not found:
        _junit_case(suite, shown)
    return counts


def render_junit(
    diagnostics: Iterable[Diagnostic], files: Sequence[str], problems: Sequence[FileProblem] = ()
) -> str:
    """A test suite per file, a failing test case per finding (named ``CODE path:line:col``),
    a passing case per clean file and an ``<error>`` case per file that was not checked.

    Readers that keep one failure per test case (xunitparser, junit2html) see every finding.
    """
    by_file: dict[str, list[Diagnostic]] = {path: [] for path in files}
    for d in diagnostics:
        by_file.setdefault(d.path, []).append(d)
    problem_of = {p.path: p for p in problems}
    for path in problem_of:
        by_file.setdefault(path, [])
    suites = ET.Element("testsuites", {"name": TOOL_NAME})
    total: Counter[str] = Counter()
    for path, found in by_file.items():
        total += _junit_suite(suites, path, found, problem_of.get(path))
    for key in ("tests", "failures", "errors"):
        suites.set(key, str(total[key]))
    ET.indent(suites)
    body = ET.tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body
