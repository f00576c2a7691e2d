"""Render diagnostics: full (with source context), concise, json."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

import click

from copyfix.model import Applicability, Diagnostic, RuleInfo, Severity

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def diagnostic_dict(d: Diagnostic) -> dict:
    fix = None
    if d.fix is not None:
        fix = {
            "applicability": d.fix.applicability.label,
            "title": d.fix.title,
            "edits": [
                {"start": e.span.start, "end": e.span.end, "replacement": e.replacement}
                for e in d.fix.edits
            ],
        }
    return {
        "path": d.path,
        "code": d.code,
        "name": d.name,
        "severity": d.severity.label,
        "message": d.message,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "start": d.span.start,
        "end": d.span.end,
        "fix": fix,
    }


def render_json(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps([diagnostic_dict(d) for d in diagnostics], ensure_ascii=False, indent=2)


def render_json_lines(diagnostics: Iterable[Diagnostic]) -> str:
    return "\n".join(json.dumps(diagnostic_dict(d), ensure_ascii=False) for d in diagnostics)


def _marker(d: Diagnostic) -> str:
    return " [*]" if is_safe_fixable(d) else ""


def is_safe_fixable(d: Diagnostic) -> bool:
    return d.fix is not None and d.fix.applicability is Applicability.SAFE


def render_concise(diagnostics: Iterable[Diagnostic], colour: bool = False) -> str:
    lines = []
    for d in diagnostics:
        where = f"{d.path}:{d.line}:{d.column}:"
        code = f"{d.code}{_marker(d)}"
        if colour:
            where = click.style(where, bold=True)
            code = click.style(code, fg=_COLOURS[d.severity], bold=True)
        lines.append(f"{where} {code} {d.message}")
    return "\n".join(lines)


_CONTEXT = 100


def _window(line: str, column: int, width: int) -> tuple[str, int]:
    """Cut a long line to about ``_CONTEXT`` characters around the finding."""
    if len(line) <= _CONTEXT:
        return line, 0
    start = max(0, min(column - _CONTEXT // 3, len(line) - _CONTEXT))
    end = start + _CONTEXT
    shown = ("…" if start else "") + line[start:end] + ("…" if end < len(line) else "")
    return shown, start - (1 if start else 0)


def render_full(
    diagnostics: Iterable[Diagnostic], source_of: Callable[[str], str | None], colour: bool = False
) -> str:
    blocks = []
    lines_of: dict[str, list[str] | None] = {}  # split each file once, not once per finding
    for d in diagnostics:
        head = render_concise([d], colour)
        if d.path not in lines_of:
            text = source_of(d.path)
            lines_of[d.path] = None if text is None else text.split("\n")
        lines = lines_of[d.path]
        if lines is None:
            blocks.append(head)
            continue
        line = lines[d.line - 1] if d.line - 1 < len(lines) else ""
        gutter = len(str(d.line))
        width = max(1, (d.end_column - d.column) if d.end_line == d.line else len(line) - d.column + 1)
        shown, offset = _window(line.replace("\t", " "), d.column - 1, width)
        pad = " " * gutter
        caret = " " * (d.column - 1 - offset) + "^" * min(width, _CONTEXT)
        if colour:
            caret = click.style(caret, fg=_COLOURS[d.severity], bold=True)
        parts = [head, f"{pad} |", f"{d.line} | {shown}", f"{pad} | {caret}"]
        if d.fix is not None and d.fix.title:
            label = "help" if d.fixable else "note"
            parts.append(f"{pad} = {label}: {d.fix.title}")
        blocks.append("\n".join(parts))
    return "\n\n".join(blocks)


def summary(found: int, fixable: int, *, unsafe_hint: int = 0) -> str:
    if not found:
        return "All checks passed!"
    noun = "problem" if found == 1 else "problems"
    text = f"Found {found} {noun}."
    if fixable:
        text += f"\n[*] {fixable} fixable with `copyfix fix`."
    if unsafe_hint:
        text += f"\n{unsafe_hint} more fixable with `copyfix fix --unsafe-fixes`."
    return text


def render_statistics(diagnostics: Iterable[Diagnostic]) -> str:
    counts: dict[tuple[str, str], int] = {}
    fixable: dict[str, bool] = {}
    for d in diagnostics:
        counts[(d.code, d.name)] = counts.get((d.code, d.name), 0) + 1
        fixable[d.code] = fixable.get(d.code, False) or is_safe_fixable(d)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    return "\n".join(
        f"{n:>{width}}  {code}  {'[*]' if fixable[code] else '   '} {name}"
        for (code, name), n in rows
    )


def render(
    output_format: str,
    diagnostics: list[Diagnostic],
    source_of: Callable[[str], str | None],
    *,
    colour: bool = False,
    files: list[str] | None = None,
    rules: Iterable[RuleInfo] | None = None,
) -> str:
    if output_format == "full":
        return render_full(diagnostics, source_of, colour)
    if output_format == "concise":
        return render_concise(diagnostics, colour)
    if output_format == "json":
        return render_json(diagnostics)
    if output_format == "json-lines":
        return render_json_lines(diagnostics)
    from copyfix import ci_formats

    if output_format == "github":
        return ci_formats.render_github(diagnostics)
    if output_format == "sarif":
        return ci_formats.render_sarif(diagnostics, rules or (), source_of)
    if output_format == "junit":
        return ci_formats.render_junit(diagnostics, files or [])
    raise ValueError(f"unknown output format {output_format!r}")


def unified_diff(display: str, before: str, after: str) -> str:
    import difflib  # only ``fix --diff`` needs it; keep it out of start-up

    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{display}",
            tofile=f"b/{display}",
        )
    )
