"""What applies to each file: command-line options merged with the nearest configuration, and
the linter (rules, severities, lexicon, packs) built from them, one per configuration."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import click

from copyfix.cli.exits import UsageProblem
from copyfix.config import ConfigError, Settings, settings_for
from copyfix.lint.linter import Linter
from copyfix.lint.registry import Registry, UnknownRuleError, default_registry
from copyfix.model import Severity


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
        self._by_path: dict[Path, Settings] = {}
        self._linters: dict[tuple, Linter] = {}
        # By configuration file (None: none found): folders governed by the same file share one
        # Settings, hence one linter and one batch of work (one worker pool, not one a folder).
        self._shared: dict[Path | None, Settings] = {}

    def settings(self, path: Path) -> Settings:
        # Asked several times per file (exclusion, linter, format): looked up by the name as
        # given first, which costs neither a stat nor an absolute path.
        known = self._by_path.get(path)
        if known is not None:
            return known
        absolute = os.path.abspath(path)
        folder = Path(absolute if os.path.isdir(absolute) else os.path.dirname(absolute))
        if folder not in self._settings:
            try:
                found = settings_for(
                    path, config_path=self.options.config_path, isolated=self.options.isolated
                )
                self._settings[folder] = self._shared.setdefault(found.path, found)
            except ConfigError as exc:
                raise UsageProblem(str(exc)) from None
        self._by_path[path] = self._settings[folder]
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
        # ``include`` is empty unless set: then no stat of the file is needed.
        return bool(settings.include) and path.is_file() and not settings.is_included(path)


def build_linter(settings: Settings, options: Options, file_ignores=()) -> Linter:
    registry = registry_for(settings)
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
    return Linter(registry, rules, severities, settings.lexicon(), settings.paired_content())


def registry_for(settings: Settings) -> Registry:
    registry = default_registry()
    if settings.packs:
        from copyfix.packs import PackError, load_packs

        try:
            for rule in load_packs(settings.packs, settings.root):
                registry.add(rule)
        except (PackError, ValueError) as exc:
            raise UsageProblem(str(exc)) from None
    return registry


def settings_for_listing(config_path: str | None) -> Settings:
    return settings_for(Path.cwd(), config_path=config_path, isolated=False)
