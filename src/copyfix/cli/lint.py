"""``copyfix lint``: report findings in the chosen format and exit by the worst severity."""

from __future__ import annotations

import sys

import click

from copyfix.cli.exits import EXIT_CLEAN, EXIT_CRASH, EXIT_ERROR, EXIT_FOUND, UsageProblem
from copyfix.cli.process import (
    emit,
    file_problems,
    format_counts,
    input_at,
    list_formats,
    process_paths,
    report_crashes,
    rule_infos,
    use_colour,
)
from copyfix.cli.settings import Options
from copyfix.io.runner import Mode
from copyfix.model import Applicability, Severity
from copyfix.output import report


def run_lint(
    paths, opts, *, output_format, statistics, output_file, exit_zero, fail_on, diff_base,
    color="auto", verbose=False,
) -> int:
    if statistics and output_format not in report.STATISTICS_FORMATS:
        # A SARIF, JUnit or annotation consumer would choke on a table of counts.
        click.echo(
            f"copyfix: --statistics does not work with --format {output_format} "
            "(use full, concise, json or json-lines)",
            err=True,
        )
        return EXIT_ERROR
    options = Options.from_click(opts)
    try:
        outcomes, errors, settings = process_paths(paths, options, Mode.LINT, None)
    except UsageProblem as exc:
        click.echo(f"copyfix: {exc}", err=True)
        return EXIT_ERROR
    clash = input_at(output_file, outcomes, options.stdin_filename) if output_file else None
    if clash is not None:
        click.echo(f"copyfix: output file is one of the inputs: {clash}", err=True)
        return EXIT_ERROR
    if verbose:
        list_formats(outcomes)
    problems = file_problems(errors, outcomes)
    errors += [outcome.error for outcome in outcomes if outcome.error]
    crashes = [o.crash for o in outcomes if o.crash]
    diagnostics = [d for o in outcomes for d in o.diagnostics]
    if diff_base:
        from copyfix.io.gitdiff import GitDiffError, changed_lines, keep_changed

        try:
            changed = changed_lines(diff_base, [o.display for o in outcomes])
        except GitDiffError as exc:
            click.echo(f"copyfix: {exc}", err=True)
            return EXIT_ERROR
        diagnostics = keep_changed(diagnostics, changed)
    colour = use_colour(color, output_file is None and sys.stdout.isatty())
    text = _render(outcomes, diagnostics, problems, settings, output_format, statistics, colour)
    try:
        emit(text, output_file, colour)
    except OSError as exc:
        where = output_file or "standard output"
        click.echo(f"copyfix: cannot write {where}: {exc.strerror or exc}", err=True)
        return EXIT_ERROR
    return _finish(errors, crashes, diagnostics, outcomes, settings, fail_on, exit_zero)


def _finish(errors, crashes, diagnostics, outcomes, settings, fail_on, exit_zero) -> int:
    """The lines on stderr and the exit code, once the report is out."""
    for error in errors:
        click.echo(f"copyfix: error: {error}", err=True)
    if not outcomes and not errors:
        click.echo("copyfix: warning: no files were checked (none found, or all excluded)",
                   err=True)
    if report_crashes(crashes):
        return EXIT_CRASH
    if errors:
        return EXIT_ERROR
    threshold = Severity.parse(fail_on) if fail_on else settings.fail_on
    failing = [d for d in diagnostics if d.severity >= threshold]
    return EXIT_FOUND if failing and not exit_zero else EXIT_CLEAN


def _render(outcomes, diagnostics, problems, settings, output_format, statistics, colour) -> str:
    """The report text: statistics, or the chosen format with a summary for people."""
    if statistics:
        # As ruff's --statistics: the counts replace the report, for a quick look at a corpus.
        return report.render_statistics(diagnostics, output_format)
    sources = {o.display: o.original for o in outcomes}
    text = report.render(
        output_format or "full",
        diagnostics,
        sources.get,
        colour=colour,
        files=[o.display for o in outcomes if not o.error and not o.crash],
        rules=rule_infos(settings) if output_format == "sarif" else None,
        problems=problems,
    )
    if output_format not in (None, "full", "concise"):
        return text
    unsafe = sum(
        1 for d in diagnostics if d.fix is not None and d.fix.applicability is Applicability.UNSAFE
    )
    safe = sum(1 for d in diagnostics if report.is_safe_fixable(d))
    checked = sum(1 for o in outcomes if not o.error and not o.crash)
    summary = report.summary(
        len(diagnostics), safe, unsafe_hint=unsafe, checked=checked, unchecked=len(problems)
    )
    if checked:
        summary += f"\n{format_counts(outcomes)}."
    return (text + "\n\n" if text else "") + summary
