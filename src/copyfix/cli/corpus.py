"""``copyfix corpus lint|fix``: check JSONL, JSONL.gz, Parquet and text datasets record by
record on Dask, with the settings ``copyfix fix -`` would use in the current folder."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from copyfix.cli.exits import EXIT_CLEAN, EXIT_CRASH, EXIT_ERROR, EXIT_FOUND, UsageProblem

MISSING_EXTRA = (
    "copyfix corpus needs the corpus extra: pip install 'copyfix[corpus]' "
    "(dask, distributed, pyarrow, fsspec)"
)


def corpus_options(func):
    options = [
        click.option(
            "--text-field",
            default="text",
            show_default=True,
            help="The field of each record to check.",
        ),
        click.option(
            "--id-field",
            help="The field that names each record in reports (default: its row number).",
        ),
        click.option(
            "--format-type",
            type=click.Choice(["text", "markdown"]),
            default="text",
            show_default=True,
            help="The format of every record's text.",
        ),
        click.option("--select", multiple=True, help="Rules to enable: codes, names or prefixes."),
        click.option("--extend-select", multiple=True, help="Rules to enable on top of the rest."),
        click.option("--ignore", multiple=True, help="Rules to disable: codes, names or prefixes."),
        click.option(
            "--config",
            "config_path",
            type=click.Path(dir_okay=False),
            help="Use this configuration file instead of discovering one.",
        ),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
        click.option(
            "--workers",
            type=click.IntRange(min=0),
            default=None,
            help="Worker processes of the embedded cluster (default: one per core; "
            "0 runs in this process).",
        ),
        click.option(
            "--scheduler",
            metavar="ADDRESS",
            envvar="DASK_SCHEDULER_ADDRESS",
            help="Run on this Dask scheduler instead (also DASK_SCHEDULER_ADDRESS).",
        ),
        click.option(
            "--report",
            "report_path",
            metavar="PATH",
            help="Write one row per finding here: .parquet, or JSONL otherwise.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def corpus_group(exit_with) -> click.Group:
    """The ``corpus`` command group; ``exit_with`` is the CLI's ``_exit`` (errors to codes)."""

    @click.group("corpus")
    def corpus() -> None:
        """Check datasets: .jsonl, .jsonl.gz, .parquet and .txt files, folders or globs."""

    @corpus.command("lint")
    @click.argument("inputs", nargs=-1, required=True)
    @corpus_options
    def corpus_lint(inputs, **opts):
        """Report problems in every record of INPUTS; write nothing but the report."""
        exit_with(run_corpus, "lint", list(inputs), opts)

    @corpus.command("fix")
    @click.argument("inputs", nargs=-1, required=True)
    @click.option(
        "--output",
        "-o",
        "output_dir",
        required=True,
        metavar="DIR",
        help="Write one fixed file per input file (or Parquet row group) here.",
    )
    @click.option("--resume", is_flag=True, help="Skip inputs whose complete output exists.")
    @click.option(
        "--unsafe-fixes/--no-unsafe-fixes",
        "unsafe",
        default=None,
        help="Also apply fixes marked unsafe.",
    )
    @corpus_options
    def corpus_fix(inputs, output_dir, resume, unsafe, **opts):
        """Fix every record of INPUTS into DIR: same format, same fields, same order."""
        exit_with(
            run_corpus,
            "fix",
            list(inputs),
            opts,
            output_dir=output_dir,
            resume=resume,
            unsafe=unsafe,
        )

    return corpus


def run_corpus(mode, inputs, opts, *, output_dir=None, resume=False, unsafe=None) -> int:
    try:
        from copyfix.corpus.engine import run_parts
        from copyfix.corpus.parts import CorpusError, plan
        from copyfix.corpus.records import RecordOptions
        from copyfix.corpus.report import ReportWriter
        from copyfix.corpus.tasks import ShippedLinter
    except ImportError:
        click.echo(f"copyfix: {MISSING_EXTRA}", err=True)
        return EXIT_ERROR
    from copyfix.cli.settings import LinterFactory, Options

    options = Options.from_click({**opts, "format_type": None})
    factory = LinterFactory(options)
    try:
        settings = factory.settings(Path("-"))  # as `copyfix fix -` in this folder
        linter = factory.linter(Path("-"))
        parts = plan(inputs, output_dir)
    except (UsageProblem, CorpusError) as exc:
        click.echo(f"copyfix: {exc}", err=True)
        return EXIT_ERROR
    record_options = RecordOptions(
        text_field=opts["text_field"],
        id_field=opts.get("id_field"),
        kind=opts["format_type"],
        unsafe=settings.unsafe_fixes if unsafe is None else unsafe,
        mode=mode,
        report=bool(opts.get("report_path")),
    )
    report_path = opts.get("report_path")
    report = ReportWriter(report_path) if report_path else contextlib.nullcontext()
    try:
        with _progress(len(parts)) as advance, report as writer:
            run = run_parts(
                parts,
                record_options,
                ShippedLinter.of(linter),
                workers=opts.get("workers"),
                scheduler=opts.get("scheduler"),
                resume=resume,
                on_result=advance,
                report=writer,
            )
    except CorpusError as exc:
        click.echo(f"copyfix: {exc}", err=True)
        return EXIT_ERROR
    return _finish(mode, run)


def _finish(mode: str, run) -> int:
    """Print the summary, then crashes and errors; the exit code."""
    from copyfix.cli.corpus_summary import summary

    click.echo(summary(mode, run))
    for crash in run.stats.crashes:
        click.echo(f"copyfix: {crash}", err=True)
    for error in run.errors:
        click.echo(f"copyfix: error: {error}", err=True)
    if run.stats.crashes:
        return EXIT_CRASH
    if run.errors:
        return EXIT_ERROR
    if mode == "lint" and sum(run.stats.findings.values()):
        return EXIT_FOUND
    return EXIT_CLEAN


class _progress:
    """A rich progress bar of parts done, on a terminal only."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar = None

    def __enter__(self):
        if not sys.stderr.isatty():
            return lambda _result: None
        from rich.console import Console
        from rich.progress import Progress

        self.bar = Progress(console=Console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task("parts", total=self.total)
        return lambda _result: self.bar.advance(task)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
