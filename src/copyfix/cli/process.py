"""Running a linter over stdin or files for the lint and fix commands, and what both report
the same way (file errors, crashes, where the output goes)."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import click

from copyfix.cli.exits import UsageProblem
from copyfix.cli.settings import LinterFactory, Options, registry_for
from copyfix.config import Settings
from copyfix.io.files import FileError, decode_source, discover, remove_stale_temporaries
from copyfix.io.runner import FileOutcome, Mode, process_files, process_text
from copyfix.lint.registry import default_registry
from copyfix.output.common import FileProblem


def collect(paths: list[str], factory: LinterFactory) -> tuple[list[Path], list[FileError]]:
    files: list[Path] = []
    errors: list[FileError] = []
    for item in discover(paths, excluded=factory.excluded):
        if isinstance(item, FileError):
            errors.append(item)
        else:
            files.append(item)
    return files, errors


def process_paths(paths: list[str], options: Options, mode: Mode, unsafe: bool | None):
    """Run over stdin or files; return outcomes, file errors and the settings of the first."""
    factory = LinterFactory(options)
    if "-" in paths and len(paths) > 1:
        raise UsageProblem("'-' (standard input) cannot be combined with other paths")
    if paths == ["-"]:
        return _process_stdin(factory, options, mode, unsafe)
    files, errors = collect(paths, factory)
    if mode is Mode.FIX:
        # A run killed while writing left a temporary file next to the one it was fixing: the
        # next fix that walks that folder removes it, whether or not it writes there.
        for folder in {path.parent for path in files}:
            remove_stale_temporaries(folder)
    outcomes: list[FileOutcome] = []
    groups: dict[tuple, list[Path]] = {}
    for path in files:
        settings = factory.settings(path)
        kind = format_for(path, settings, options)
        groups.setdefault((id(factory.linter(path)), id(settings), kind), []).append(path)
    for (_, _, kind), group in groups.items():
        settings = factory.settings(group[0])
        use_unsafe = settings.unsafe_fixes if unsafe is None else unsafe
        outcomes += process_files(
            factory.linter(group[0]),
            group,
            mode,
            unsafe=use_unsafe,
            kind=kind,
            jobs=options.jobs,
            cache=not options.no_cache,
            settings_key=_settings_key(settings),
            cache_dir=settings.root,  # the folder of the configuration file, or the current one
            max_bytes=options.max_file_size or settings.max_file_size,
        )
    outcomes.sort(key=lambda o: o.display)
    outcomes = _skip_walked_binaries(outcomes, paths)
    first = factory.settings(Path(paths[0])) if paths else Settings()
    return outcomes, errors, first


def format_for(path: Path, settings: Settings, options: Options) -> str | None:
    """The format ``path`` is read as: ``--format-type``, else the first ``formats`` glob of
    its configuration that matches, else None (by extension)."""
    if options.format_type:
        return options.format_type
    kind = settings.format_for(path)
    return kind.value if kind is not None else None


def format_counts(outcomes: list[FileOutcome]) -> str:
    """``3 files checked (2 markdown, 1 mdx)``: the files read, counted by format."""
    counts = Counter(o.format for o in outcomes if o.format and not o.error and not o.crash)
    total = sum(counts.values())
    detail = ", ".join(f"{n} {name}" for name, n in sorted(counts.items()))
    return f"{total} file{'s' if total != 1 else ''} checked" + (f" ({detail})" if detail else "")


def list_formats(outcomes: list[FileOutcome]) -> None:
    """``-v``: each file read, with its format, on stderr."""
    for o in outcomes:
        if o.format and not o.error and not o.crash:
            click.echo(f"copyfix: checked {o.display} as {o.format}", err=True)


def _process_stdin(factory: LinterFactory, options: Options, mode: Mode, unsafe: bool | None):
    """``-``: read standard input once, as a file named by ``--stdin-filename``."""
    name = options.stdin_filename or "-"
    settings = factory.settings(Path(name))
    limit = options.max_file_size or settings.max_file_size
    raw = sys.stdin.buffer.read(limit + 1)
    if len(raw) > limit:
        raise UsageProblem(f"{name}: input too large (over {limit:,} bytes, set by max-file-size)")
    # Decoded like a file, so the fixed text goes back out with the same encoding, BOM and
    # newlines, and bytes that do not decode are refused rather than mangled.
    try:
        source = decode_source(raw, Path(name), name)
    except FileError as exc:
        return [], [exc], settings
    use_unsafe = settings.unsafe_fixes if unsafe is None else unsafe
    outcome = process_text(
        factory.linter(Path(name)),
        source.text,
        name,
        mode,
        unsafe=use_unsafe,
        kind=format_for(Path(name), settings, options),
    )
    outcome.source = source
    return [outcome], [], settings


def _skip_walked_binaries(outcomes: list[FileOutcome], paths: list[str]) -> list[FileOutcome]:
    """Binary files found while walking a folder are skipped with a count, as the README
    promises; one named on the command line stays an error (exit code 2)."""
    named = {os.path.realpath(p) for p in paths if not os.path.isdir(p)}
    skipped = [o for o in outcomes if o.binary and os.path.realpath(o.display) not in named]
    if not skipped:
        return outcomes
    n = len(skipped)
    click.echo(
        f"copyfix: skipped {n} binary file{'s' if n != 1 else ''} found in folders", err=True
    )
    gone = {id(o) for o in skipped}
    return [o for o in outcomes if id(o) not in gone]


def _settings_key(settings: Settings) -> str:
    import json

    return json.dumps(settings.as_dict(), sort_keys=True, default=str)


def input_at(
    output_file: str, outcomes: list[FileOutcome], stdin_filename: str | None
) -> str | None:
    """The input that ``output_file`` would overwrite, if any: the report would replace the
    prose. Compared as files (through symlinks and hard links), including files found by walking
    a folder, and the name given to stdin, which usually is the file an editor has open."""
    try:
        out = os.stat(output_file)
    except OSError:
        return None  # it does not exist yet, so it cannot be an input
    names = [o.display for o in outcomes if o.display != "-"]
    if stdin_filename:
        names.append(stdin_filename)
    for name in names:
        try:
            st = os.stat(name)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
            return name
    return None


def report_crashes(crashes: list[str]) -> bool:
    """One line per file whose check crashed; True if there was any (exit code 3, which wins
    over findings and file errors: a crash means the results are incomplete)."""
    for crash in crashes:
        click.echo(f"copyfix: error: {crash}", err=True)
    return bool(crashes)


def rule_infos(settings: Settings) -> list:
    """Rule metadata for reports that describe every rule (SARIF), packs from config included."""
    try:
        return [rule.info() for rule in registry_for(settings)]
    except UsageProblem:
        return [rule.info() for rule in default_registry()]


def file_problems(errors: list, outcomes: list[FileOutcome]) -> list[FileProblem]:
    """The files that were not checked, for the reports: named by the walk or the runner as
    unreadable or undecodable, or whose check crashed."""
    problems = [
        FileProblem(e.path, e.reason) if isinstance(e, FileError) else FileProblem("-", str(e))
        for e in errors
    ]
    for o in outcomes:
        for line, crash in ((o.error, False), (o.crash, True)):
            if line:
                problems.append(FileProblem(o.display, line.removeprefix(f"{o.display}: "), crash))
    return problems


def use_colour(choice: str, terminal: bool) -> bool:
    """``--color always|never`` wins; ``auto`` follows NO_COLOR (https://no-color.org), then
    FORCE_COLOR (https://force-color.org), then whether the output is a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return terminal and os.environ.get("TERM") != "dumb"


def emit(text: str, output_file: str | None, colour: bool = False) -> None:
    if output_file:
        Path(output_file).write_text(text + ("\n" if text else ""), encoding="utf-8")
    elif text:
        # click strips ANSI codes when stdout is not a terminal unless told otherwise.
        click.echo(text, color=True if colour else None)
