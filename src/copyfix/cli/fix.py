"""``copyfix fix``: apply fixes in place (or show them as a diff) and report what is left."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import click

from copyfix.cli.exits import EXIT_CLEAN, EXIT_CRASH, EXIT_ERROR, EXIT_FOUND, UsageProblem
from copyfix.cli.process import list_formats, process_paths, report_crashes, use_colour
from copyfix.cli.settings import Options
from copyfix.io.files import FileError, encode_text
from copyfix.io.runner import FileOutcome, Mode


def run_fix(
    paths, opts, *, show_diff: bool, unsafe: bool | None, color: str = "auto",
    exit_zero: bool = False, quiet: bool = False, verbose: bool = False,
) -> int:
    options = Options.from_click(opts)
    mode = Mode.DIFF if show_diff else Mode.FIX
    try:
        outcomes, errors, _ = process_paths(paths, options, mode, unsafe)
    except UsageProblem as exc:
        click.echo(f"copyfix: {exc}", err=True)
        return EXIT_ERROR
    if verbose:
        list_formats(outcomes)
    stdin = paths == ["-"]
    crashes = [o.crash for o in outcomes if o.crash]
    for outcome in outcomes:
        if outcome.error:
            errors.append(outcome.error)
        for note in outcome.notes:
            click.echo(f"copyfix: {outcome.display}: {note}", err=True)
    if stdin and not show_diff and outcomes:
        # A text whose check crashed goes back unchanged, so a pipe never loses it.
        first = outcomes[0]
        text = first.fixed if first.fixed is not None else first.original
        sys.stdout.flush()
        if text is not None and first.source is not None:
            sys.stdout.buffer.write(encode_text(first.source, text))
        sys.stdout.buffer.flush()
    elif show_diff:
        _print_diffs([o for o in outcomes if o.changed], stdin)
    remaining = [d for o in outcomes for d in o.diagnostics]
    fixed_files = sum(1 for o in outcomes if o.changed and not o.error)
    if not stdin:
        _report(outcomes, show_diff, use_colour(color, sys.stdout.isatty()), quiet)
    for error in errors:
        click.echo(f"copyfix: error: {error}", err=True)
    if report_crashes(crashes):
        return EXIT_CRASH
    if errors:
        return EXIT_ERROR
    if show_diff:
        return EXIT_FOUND if fixed_files else EXIT_CLEAN
    return EXIT_FOUND if remaining and not exit_zero else EXIT_CLEAN


def _report(outcomes: list[FileOutcome], show_diff: bool, colour: bool, quiet: bool) -> None:
    """The findings left (unless ``quiet`` or showing a diff) and the one-line summary."""
    from copyfix.output import report

    # Only files actually written count as fixed: a write refused (read-only, changed or
    # removed meanwhile) leaves the file as it was, and its error line says why.
    written = [o for o in outcomes if o.changed and not o.error]
    applied: Counter[str] = Counter()
    for outcome in written:
        applied.update(outcome.applied)
    remaining = [d for o in outcomes for d in o.diagnostics]
    refused = [o for o in outcomes if o.changed and o.error]
    # The problems a refused write would have fixed are still in those files.
    unwritten = sum(sum(o.applied.values()) for o in refused)
    if remaining and not show_diff and not quiet:
        click.echo(report.render_concise(remaining, colour), color=True if colour else None)
    line = _summary_line(
        applied, len(written), len(remaining) + unwritten, len(refused), show_diff
    )
    click.echo(line, err=show_diff)


def _print_diffs(outcomes: list[FileOutcome], stdin: bool) -> None:
    """Print a diff for each changed file that ``git apply`` and ``patch`` accept: made from
    the file's bytes and the bytes a fix would write, named relative to the current folder."""
    from copyfix.io.files import encode_text, read_source
    from copyfix.output import report

    chunks: list[bytes] = []
    for outcome in outcomes:
        assert outcome.original is not None and outcome.fixed is not None
        name = _diff_name(outcome.display)
        if stdin:
            chunks.append(
                report.patch_diff(
                    name,
                    outcome.original.encode("utf-8", "surrogateescape"),
                    outcome.fixed.encode("utf-8", "surrogateescape"),
                )
            )
            continue
        try:
            source = read_source(Path(outcome.display), outcome.display)
        except FileError as exc:
            click.echo(f"copyfix: error: {exc}", err=True)
            continue
        if source.text != outcome.original:
            click.echo(f"copyfix: {outcome.display}: changed on disk, no diff shown", err=True)
        elif source.encoding != "utf-8":
            # git and patch treat UTF-16 (NUL bytes) as binary: a text diff would not apply.
            click.echo(
                f"copyfix: {outcome.display}: {source.encoding.upper()} file, no diff shown "
                "(patch tools do not apply UTF-16 text)",
                err=True,
            )
        else:
            chunks.append(report.patch_diff(name, source.raw, encode_text(source, outcome.fixed)))
    if chunks:
        sys.stdout.flush()  # the diff is bytes (a file's own encoding and newlines)
        sys.stdout.buffer.write(b"".join(chunks))
        sys.stdout.buffer.flush()


def _diff_name(display: str) -> str:
    """The file's path as patch tools resolve it from the current folder: relative, with
    forward slashes (``a//tmp/x.md`` would point elsewhere once ``-p1`` strips ``a/``)."""
    if display == "-":
        return display
    relative = os.path.relpath(display)
    return Path(relative).as_posix() if not relative.startswith("..") else Path(display).as_posix()


def _summary_line(
    applied: Counter, fixed_files: int, remaining: int, refused: int, show_diff: bool
) -> str:
    """``Fixed 3 problems in 2 files; 1 remaining. (SP001: 2, SP004: 1)``; files whose write was
    refused are counted apart."""
    total = sum(applied.values())
    verb = "Would fix" if show_diff else "Fixed"
    line = (
        f"{verb} {total} problem{'s' if total != 1 else ''} in {fixed_files} "
        f"file{'s' if fixed_files != 1 else ''}; {remaining} remaining."
    )
    if total:
        line += " (" + ", ".join(f"{code}: {n}" for code, n in sorted(applied.items())) + ")"
    if refused:
        files = f"{refused} file{'s' if refused != 1 else ''}"
        line += f" {files} could not be written (see the 'copyfix: error:' lines)."
    return line
