"""Render diagnostics: full (with source context), concise, json, and the dispatch to every
format."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence

import click

from copyfix.model import Applicability, Diagnostic, RuleInfo, Severity
from copyfix.output.common import FileProblem, shown_path, visible

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
        "path": shown_path(d.path),
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
    """One line per finding, ``path:line:column: severity CODE [*] message``, as compilers
    write them; a line break or other control character in the path or the message is shown as
    a visible character, so the line is never cut."""
    lines = []
    for d in diagnostics:
        where = f"{visible(shown_path(d.path))}:{d.line}:{d.column}:"
        severity = d.severity.label
        code = f"{d.code}{_marker(d)}"
        if colour:
            where = click.style(where, bold=True)
            severity = click.style(severity, fg=_COLOURS[d.severity], bold=True)
            code = click.style(code, bold=True)
        lines.append(f"{where} {severity} {code} {visible(d.message)}")
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
        same_line = d.end_line == d.line
        width = max(1, (d.end_column - d.column) if same_line else len(line) - d.column + 1)
        shown, offset = _window(visible(line.replace("\t", " ")), d.column - 1, width)
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


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def summary(
    found: int, fixable: int, *, unsafe_hint: int = 0, checked: int = 1, unchecked: int = 0
) -> str:
    """The last lines for people: "All checks passed!" only when at least one file was
    checked and none was left unchecked."""
    if not found and not unchecked:
        return "All checks passed!" if checked else "No files were checked."
    text = f"Found {_count(found, 'problem')}." if found else "No problems found."
    if fixable:
        text += f"\n[*] {fixable} fixable with `copyfix fix`."
    if unsafe_hint:
        text += f"\n{unsafe_hint} more fixable with `copyfix fix --unsafe-fixes`."
    if unchecked:
        text += (
            f"\n{_count(unchecked, 'file')} could not be checked"
            " (see the 'copyfix: error:' lines)."
        )
    return text


STATISTICS_FORMATS = (None, "full", "concise", "json", "json-lines")


def render_statistics(diagnostics: Iterable[Diagnostic], output_format: str | None = None) -> str:
    """Findings counted by rule, most first: a table, or JSON for ``json``/``json-lines``."""
    counts: dict[tuple[str, str], int] = {}
    fixable: dict[str, bool] = {}
    for d in diagnostics:
        counts[(d.code, d.name)] = counts.get((d.code, d.name), 0) + 1
        fixable[d.code] = fixable.get(d.code, False) or is_safe_fixable(d)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if output_format in ("json", "json-lines"):
        records = [
            {"code": code, "name": name, "count": n, "fixable": fixable[code]}
            for (code, name), n in rows
        ]
        if output_format == "json":
            return json.dumps(records, ensure_ascii=False, indent=2)
        return "\n".join(json.dumps(record, ensure_ascii=False) for record in records)
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
    problems: Sequence[FileProblem] = (),
) -> str:
    """The report in ``output_format``. ``problems`` are the files that were not checked; the
    CI formats report them (JUnit errors, SARIF notifications, ``::error`` annotations), the
    others leave them to stderr and the exit code."""
    if output_format == "full":
        return render_full(diagnostics, source_of, colour)
    if output_format == "concise":
        return render_concise(diagnostics, colour)
    if output_format == "json":
        return render_json(diagnostics)
    if output_format == "json-lines":
        return render_json_lines(diagnostics)
    # The CI formats (XML, SARIF) are loaded when asked for, not at every start-up.
    if output_format == "github":
        from copyfix.output import ci_formats

        return ci_formats.render_github(diagnostics, problems)
    if output_format == "sarif":
        from copyfix.output import sarif

        return sarif.render_sarif(diagnostics, rules or (), source_of, problems)
    if output_format == "junit":
        from copyfix.output import ci_formats

        return ci_formats.render_junit(diagnostics, files or [], problems)
    raise ValueError(f"unknown output format {output_format!r}")


def patch_diff(name: str, before: bytes, after: bytes) -> bytes:
    """A unified diff of a file's bytes before and after, that ``git apply`` and ``patch`` accept.

    Made from the bytes as they are on disk and as they would be written, so a CRLF file's
    lines keep their CR, a BOM stays on the first line, and a file without a final newline gets
    the ``\\ No newline at end of file`` marker (without it the last lines of the old and the
    new text run together). Lines are split at LF only, as the patch tools do: a file with CR
    newlines is one line to them, and to this diff.
    """
    import difflib  # only ``fix --diff`` needs it; keep it out of start-up

    out: list[bytes] = []
    for line in difflib.diff_bytes(
        difflib.unified_diff, _lf_lines(before), _lf_lines(after),
        fromfile=_diff_label(b"a/", name), tofile=_diff_label(b"b/", name),
    ):
        out.append(line)
        if not line.endswith(b"\n"):
            out.append(b"\n\\ No newline at end of file\n")
    return b"".join(out)


def _diff_label(prefix: bytes, name: str) -> bytes:
    """A file name on a ``---``/``+++`` line as git writes it: C-quoted when it holds a quote, a
    backslash or a control character, and followed by a tab when it holds a space (``patch``
    otherwise stops the name at the space)."""
    raw = prefix + os.fsencode(name)
    if any(byte < 0x20 or byte in b'"\\\x7f' for byte in raw):
        escapes = {ord('"'): b'\\"', ord("\\"): b"\\\\", ord("\t"): b"\\t", ord("\n"): b"\\n"}
        quoted = b"".join(
            escapes.get(byte)
            or (b"\\%03o" % byte if byte < 0x20 or byte == 0x7F else bytes([byte]))
            for byte in raw
        )
        return b'"' + quoted + b'"'
    return raw + b"\t" if b" " in raw else raw


def _lf_lines(data: bytes) -> list[bytes]:
    parts = data.split(b"\n")
    lines = [part + b"\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines
