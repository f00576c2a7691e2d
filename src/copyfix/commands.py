"""What each CLI command does, kept apart from option parsing in ``cli``."""

from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import click

from copyfix.api import Linter
from copyfix.config import ConfigError, Settings, settings_for
from copyfix.files import FileError, decode_source, discover, encode_text
from copyfix.model import Applicability, Severity
from copyfix.registry import Registry, UnknownRuleError, default_registry
from copyfix.runner import FileOutcome, Mode, process_files, process_text

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR, EXIT_CRASH = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # as a shell reports a command stopped by SIGINT


class UsageProblem(Exception):
    """A problem with options or configuration: exit code 2, one line on stderr."""


def _split(values) -> list[str]:
    return [part.strip() for v in values or () for part in v.split(",") if part.strip()]


@dataclass(slots=True)
class Options:
    select: list[str] | None
    extend_select: list[str]
    ignore: list[str]
    config_path: str | None
    isolated: bool
    stdin_filename: str | None
    format_type: str | None
    no_cache: bool
    jobs: int
    max_file_size: int | None = None

    @classmethod
    def from_click(cls, opts: dict) -> Options:
        return cls(
            select=_split(opts.get("select")) or None,
            extend_select=_split(opts.get("extend_select")),
            ignore=_split(opts.get("ignore")),
            config_path=opts.get("config_path"),
            isolated=bool(opts.get("isolated")),
            stdin_filename=opts.get("stdin_filename"),
            format_type=opts.get("format_type"),
            no_cache=bool(opts.get("no_cache")),
            jobs=int(opts.get("jobs") or 0),
            max_file_size=_size_option(opts.get("max_file_size")),
        )


def _size_option(value: str | None) -> int | None:
    if not value:
        return None
    from copyfix.config import parse_size

    try:
        return parse_size(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'--max-file-size'") from None


class LinterFactory:
    """Builds (and reuses) the linter for each combination of settings and file ignores."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._settings: dict[Path, Settings] = {}
        self._linters: dict[tuple, Linter] = {}

    def settings(self, path: Path) -> Settings:
        folder = path.absolute() if path.is_dir() else path.absolute().parent
        if folder not in self._settings:
            try:
                self._settings[folder] = settings_for(
                    path, config_path=self.options.config_path, isolated=self.options.isolated
                )
            except ConfigError as exc:
                raise UsageProblem(str(exc)) from None
        return self._settings[folder]

    def linter(self, path: Path) -> Linter:
        settings = self.settings(path)
        file_ignores = tuple(settings.ignores_for(path)) if settings.per_file_ignores else ()
        key = (id(settings), file_ignores)
        if key not in self._linters:
            self._linters[key] = build_linter(settings, self.options, file_ignores)
        return self._linters[key]

    def excluded(self, path: Path) -> bool:
        settings = self.settings(path)
        if settings.is_excluded(path):
            return True
        return path.is_file() and not settings.is_included(path)


def build_linter(settings: Settings, options: Options, file_ignores=()) -> Linter:
    registry = _registry(settings)
    where = str(settings.path) if settings.path else "command line"
    try:
        settings.check_rules(registry)
    except ConfigError as exc:
        raise UsageProblem(str(exc)) from None
    try:
        select = options.select if options.select is not None else settings.select
        rules = registry.select(
            select,
            [*settings.ignore, *options.ignore, *file_ignores],
            [*settings.extend_select, *options.extend_select],
        )
        # As with select and ignore, the more specific selector wins whatever the order:
        # `SP = "warning"` with `SP004 = "info"` leaves SP004 at info.
        severities: dict[str, Severity] = registry.assign(settings.severity)
    except UnknownRuleError as exc:
        raise UsageProblem(f"{where}: {exc}") from None
    return Linter(registry, rules, severities, settings.lexicon())


def _registry(settings: Settings) -> Registry:
    registry = default_registry()
    if settings.packs:
        from copyfix.packrules import PackError, load_packs

        try:
            for rule in load_packs(settings.packs, settings.root):
                registry.add(rule)
        except (PackError, ValueError) as exc:
            raise UsageProblem(str(exc)) from None
    return registry


def _collect(paths: list[str], factory: LinterFactory) -> tuple[list[Path], list[str]]:
    files: list[Path] = []
    errors: list[str] = []
    for item in discover(paths, excluded=factory.excluded):
        if isinstance(item, FileError):
            errors.append(str(item))
        else:
            files.append(item)
    return files, errors


def _process(paths: list[str], options: Options, mode: Mode, unsafe: bool | None):
    """Run over stdin or files; return outcomes, file errors and the settings of the first."""
    factory = LinterFactory(options)
    if paths == ["-"]:
        name = options.stdin_filename or "-"
        settings = factory.settings(Path(name))
        limit = options.max_file_size or settings.max_file_size
        raw = sys.stdin.buffer.read(limit + 1)
        if len(raw) > limit:
            raise UsageProblem(
                f"{name}: input too large (over {limit:,} bytes, set by max-file-size)"
            )
        # Decoded like a file, so the fixed text goes back out with the same encoding, BOM and
        # newlines, and bytes that do not decode are refused rather than mangled.
        try:
            source = decode_source(raw, Path(name), name)
        except FileError as exc:
            return [], [exc], settings
        use_unsafe = settings.unsafe_fixes if unsafe is None else unsafe
        outcome = process_text(
            factory.linter(Path(name)), source.text, name, mode,
            unsafe=use_unsafe, kind=options.format_type,
        )
        outcome.source = source
        return [outcome], [], settings
    files, errors = _collect(paths, factory)
    outcomes: list[FileOutcome] = []
    groups: dict[tuple, list[Path]] = {}
    for path in files:
        settings = factory.settings(path)
        groups.setdefault((id(factory.linter(path)), id(settings)), []).append(path)
    for group in groups.values():
        settings = factory.settings(group[0])
        use_unsafe = settings.unsafe_fixes if unsafe is None else unsafe
        outcomes += process_files(
            factory.linter(group[0]), group, mode, unsafe=use_unsafe, kind=options.format_type,
            jobs=options.jobs, cache=not options.no_cache, settings_key=_settings_key(settings),
            cache_dir=settings.root,  # the folder of the configuration file, or the current one
            max_bytes=options.max_file_size or settings.max_file_size,
        )
    outcomes.sort(key=lambda o: o.display)
    first = factory.settings(Path(paths[0])) if paths else Settings()
    return outcomes, errors, first


def _settings_key(settings: Settings) -> str:
    import json

    return json.dumps(settings.as_dict(), sort_keys=True, default=str)


def run_lint(paths, opts, *, output_format, statistics, output_file, exit_zero, fail_on,
             diff_base) -> int:
    from copyfix import report

    options = Options.from_click(opts)
    try:
        outcomes, errors, settings = _process(paths, options, Mode.LINT, None)
    except UsageProblem as exc:
        click.echo(f"copyfix: {exc}", err=True)
        return EXIT_ERROR
    clash = _input_at(output_file, outcomes, options.stdin_filename) if output_file else None
    if clash is not None:
        click.echo(f"copyfix: output file is one of the inputs: {clash}", err=True)
        return EXIT_ERROR
    for outcome in outcomes:
        if outcome.error:
            errors.append(outcome.error)
    crashes = [o.crash for o in outcomes if o.crash]
    diagnostics = [d for o in outcomes for d in o.diagnostics]
    if diff_base:
        from copyfix.gitdiff import GitDiffError, changed_lines, keep_changed

        try:
            changed = changed_lines(diff_base, [o.display for o in outcomes])
        except GitDiffError as exc:
            click.echo(f"copyfix: {exc}", err=True)
            return EXIT_ERROR
        diagnostics = keep_changed(diagnostics, changed)
    sources = {o.display: o.original for o in outcomes}
    colour = output_file is None and sys.stdout.isatty()
    if statistics:
        # As ruff's --statistics: the counts replace the report, for a quick look at a corpus.
        text = report.render_statistics(diagnostics)
    else:
        text = report.render(
            output_format or "full", diagnostics, sources.get, colour=colour,
            files=[o.display for o in outcomes],
            rules=_rule_infos(settings) if output_format == "sarif" else None,
        )
    if output_format in (None, "full", "concise") and not statistics:
        unsafe = sum(
            1 for d in diagnostics
            if d.fix is not None and d.fix.applicability is Applicability.UNSAFE
        )
        safe = sum(1 for d in diagnostics if report.is_safe_fixable(d))
        text = (text + "\n\n" if text else "") + report.summary(len(diagnostics), safe, unsafe_hint=unsafe)
    try:
        _emit(text, output_file)
    except OSError as exc:
        click.echo(f"copyfix: cannot write {output_file}: {exc.strerror or exc}", err=True)
        return EXIT_ERROR
    for error in errors:
        click.echo(f"copyfix: error: {error}", err=True)
    if _report_crashes(crashes):
        return EXIT_CRASH
    if errors:
        return EXIT_ERROR
    threshold = Severity.parse(fail_on) if fail_on else settings.fail_on
    failing = [d for d in diagnostics if d.severity >= threshold]
    return EXIT_FOUND if failing and not exit_zero else EXIT_CLEAN


def _input_at(
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


def _report_crashes(crashes: list[str]) -> bool:
    """One line per file whose check crashed; True if there was any (exit code 3, which wins
    over findings and file errors: a crash means the results are incomplete)."""
    for crash in crashes:
        click.echo(f"copyfix: error: {crash}", err=True)
    return bool(crashes)


def _rule_infos(settings: Settings) -> list:
    """Rule metadata for reports that describe every rule (SARIF), packs from config included."""
    try:
        return [rule.info() for rule in _registry(settings)]
    except UsageProblem:
        return [rule.info() for rule in default_registry()]


def _emit(text: str, output_file: str | None) -> None:
    if output_file:
        Path(output_file).write_text(text + ("\n" if text else ""), encoding="utf-8")
    elif text:
        click.echo(text)


def run_fix(paths, opts, *, show_diff: bool, unsafe: bool | None) -> int:
    from copyfix import report

    options = Options.from_click(opts)
    mode = Mode.DIFF if show_diff else Mode.FIX
    try:
        outcomes, errors, _ = _process(paths, options, mode, unsafe)
    except UsageProblem as exc:
        click.echo(f"copyfix: {exc}", err=True)
        return EXIT_ERROR
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
    applied = Counter()
    for outcome in outcomes:
        applied.update(outcome.applied)
    remaining = [d for o in outcomes for d in o.diagnostics]
    fixed_files = sum(1 for o in outcomes if o.changed)
    out_err = stdin or show_diff
    if not stdin:
        if remaining and not show_diff:
            click.echo(report.render_concise(remaining, colour=sys.stdout.isatty()))
        total = sum(applied.values())
        verb = "Would fix" if show_diff else "Fixed"
        line = (
            f"{verb} {total} problem{'s' if total != 1 else ''} in {fixed_files} "
            f"file{'s' if fixed_files != 1 else ''}; {len(remaining)} remaining."
        )
        if total:
            line += " (" + ", ".join(f"{code}: {n}" for code, n in sorted(applied.items())) + ")"
        click.echo(line, err=out_err)
    for error in errors:
        click.echo(f"copyfix: error: {error}", err=True)
    if _report_crashes(crashes):
        return EXIT_CRASH
    if errors:
        return EXIT_ERROR
    if show_diff:
        return EXIT_FOUND if fixed_files else EXIT_CLEAN
    return EXIT_FOUND if remaining else EXIT_CLEAN


def _print_diffs(outcomes: list[FileOutcome], stdin: bool) -> None:
    """Print a diff for each changed file that ``git apply`` and ``patch`` accept: made from
    the file's bytes and the bytes a fix would write, named relative to the current folder."""
    from copyfix import report
    from copyfix.files import encode_text, read_source

    chunks: list[bytes] = []
    for outcome in outcomes:
        assert outcome.original is not None and outcome.fixed is not None
        name = _diff_name(outcome.display)
        if stdin:
            chunks.append(report.patch_diff(
                name, outcome.original.encode("utf-8", "surrogateescape"),
                outcome.fixed.encode("utf-8", "surrogateescape"),
            ))
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
                "(patch tools do not apply UTF-16 text)", err=True,
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


def _settings_for_listing(config_path: str | None) -> Settings:
    return settings_for(Path.cwd(), config_path=config_path, isolated=False)


def run_rules(output_format: str, config_path: str | None) -> int:
    import json

    try:
        registry = _registry(_settings_for_listing(config_path))
    except (UsageProblem, ConfigError) as exc:
        click.echo(f"copyfix: {exc}", err=True)
        return EXIT_ERROR
    infos = [rule.info() for rule in registry]
    if output_format == "json":
        click.echo(json.dumps([
            {"code": i.code, "name": i.name, "summary": i.summary, "severity": i.severity.label,
             "fixable": i.fixable} for i in infos
        ], indent=2))
        return EXIT_CLEAN
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for column in ("Code", "Name", "Fix", "Severity", "Summary"):
        table.add_column(column)
    for i in infos:
        table.add_row(i.code, i.name, "yes" if i.fixable else "-", i.severity.label, i.summary)
    # In a pipe there is no width to fit: keep each rule on one line, for grep.
    width = None if sys.stdout.isatty() else 160
    Console(soft_wrap=True, width=width).print(table)
    return EXIT_CLEAN


def run_rule(selector: str, config_path: str | None) -> int:
    from copyfix.docs import render_rule_doc

    try:
        registry = _registry(_settings_for_listing(config_path))
    except (UsageProblem, ConfigError) as exc:
        click.echo(f"copyfix: {exc}", err=True)
        return EXIT_ERROR
    rule = registry.get(selector)
    if rule is None:
        click.echo(f"copyfix: unknown rule {selector!r} (see `copyfix rules`)", err=True)
        return EXIT_ERROR
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(render_rule_doc(rule.info(), registry)))
    return EXIT_CLEAN


def run_config(path: str, config_path: str | None, isolated: bool) -> int:
    import json

    target = Path(path)
    factory = LinterFactory(Options(None, [], [], config_path, isolated, None, None, True, 1))
    try:
        settings = factory.settings(target)
        linter = factory.linter(target)
    except (ConfigError, UsageProblem) as exc:
        click.echo(f"copyfix: {exc}", err=True)
        return EXIT_ERROR
    data = settings.as_dict()
    # What applies to this very path, so a user can see why a file is skipped or quiet.
    data["path"] = str(target)
    data["excluded"] = factory.excluded(target)
    data["per-file-ignores-in-effect"] = settings.ignores_for(target)
    data["rules-in-effect"] = [r.code for r in linter.rules]
    data["severity-in-effect"] = {
        code: sev.label for code, sev in sorted(linter.severities.items())
    }
    click.echo(json.dumps(data, indent=2))
    return EXIT_CLEAN


def run_config_keys() -> int:
    import json

    from copyfix.config.schema import listing

    click.echo(json.dumps(listing(), indent=2))
    return EXIT_CLEAN


def run_test_rules(packs: list[str]) -> int:
    from copyfix.packrules import PackError, run_pack_tests

    try:
        failures, total = run_pack_tests(packs, Path.cwd())
    except (PackError, ConfigError) as exc:
        click.echo(f"copyfix: {exc}", err=True)
        return EXIT_ERROR
    for failure in failures:
        click.echo(f"FAILED {failure}")
    click.echo(f"{total - len(failures)} passed, {len(failures)} failed")
    return EXIT_FOUND if failures else EXIT_CLEAN


