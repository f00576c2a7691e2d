"""The server's settings: the editor's options (``initializationOptions`` and
``workspace/didChangeConfiguration``) over the configuration files ``copyfix lint`` would use
for each document's path, and the linter they give."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from copyfix.cli.exits import UsageProblem
from copyfix.cli.settings import Options, build_linter
from copyfix.config import ConfigError, Settings, settings_for
from copyfix.lint.linter import Linter
from copyfix.model import DocumentKind


def _codes(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        return []
    return [part.strip() for item in value for part in str(item).split(",") if part.strip()]


@dataclass(slots=True)
class EditorOptions:
    """What the editor may set: the same meaning as the command-line options."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    unsafe_fixes: bool | None = None
    fix_all_on_save: bool = False
    debounce_ms: int = 50

    @classmethod
    def parse(cls, raw: Any, base: EditorOptions | None = None) -> EditorOptions:
        """From ``{"unsafeFixes": true, "select": ["SP"], ...}``, also nested under
        ``"copyfix"`` as ``workspace/didChangeConfiguration`` often sends it. Keys left out keep
        their value in ``base``: a client that sends empty settings changes nothing."""
        options = replace(base) if base is not None else cls()
        if not isinstance(raw, dict):
            return options
        if isinstance(raw.get("copyfix"), dict):
            raw = raw["copyfix"]
        if "select" in raw:
            options.select = _codes(raw["select"]) if raw["select"] is not None else None
        if "ignore" in raw:
            options.ignore = _codes(raw["ignore"])
        if "unsafeFixes" in raw:
            unsafe = raw["unsafeFixes"]
            options.unsafe_fixes = unsafe if isinstance(unsafe, bool) else None
        if "fixAllOnSave" in raw:
            options.fix_all_on_save = raw["fixAllOnSave"] is True
        debounce = raw.get("debounce")
        if isinstance(debounce, int) and not isinstance(debounce, bool) and debounce >= 0:
            options.debounce_ms = debounce
        return options

    def as_options(self) -> Options:
        return Options(
            select=self.select,
            extend_select=[],
            ignore=self.ignore,
            config_path=None,
            isolated=False,
            stdin_filename=None,
            format_type=None,
            no_cache=True,
            jobs=1,
        )


@dataclass(slots=True)
class Resolved:
    """What applies to one document: its linter, whether to apply unsafe fixes, whether its
    path is excluded by the configuration, and the format a ``formats`` glob gives it (None:
    by extension, then by the editor's language id)."""

    linter: Linter
    unsafe: bool
    excluded: bool = False
    max_bytes: int | None = None
    format: DocumentKind | None = None


class Configuration:
    """Linters per configuration, rebuilt when a configuration file or the editor's options
    change. A configuration error is reported once (``errors`` collects the new ones) and the
    last good settings for that folder stay in use."""

    def __init__(self, options: EditorOptions | None = None) -> None:
        self.options = options or EditorOptions()
        self._linters: dict[tuple, tuple[Settings, Linter]] = {}
        self._last_good: dict[Path, Resolved] = {}
        self._reported: dict[Path, str] = {}
        self.errors: list[str] = []

    def update(self, options: EditorOptions) -> None:
        self.options = options
        self._linters.clear()
        self._reported.clear()

    def resolve(self, path: Path) -> Resolved:
        folder = path.parent
        try:
            resolved = self._resolve(path)
        except (ConfigError, UsageProblem) as exc:
            message = str(exc)
            if self._reported.get(folder) != message:
                self._reported[folder] = message
                self.errors.append(message)
            fallback = self._last_good.get(folder) or next(iter(self._last_good.values()), None)
            if fallback is None:
                fallback = Resolved(self._build(Settings(), ()), bool(self.options.unsafe_fixes))
            return fallback
        self._reported.pop(folder, None)
        self._last_good[folder] = resolved
        return resolved

    def _resolve(self, path: Path) -> Resolved:
        # Read again each time: settings_for keeps each parsed file until its size or mtime
        # changes, so an edited configuration applies to the next check.
        settings = settings_for(path, config_path=None, isolated=False)
        ignores = tuple(settings.ignores_for(path)) if settings.per_file_ignores else ()
        key = (id(settings), ignores)
        cached = self._linters.get(key)
        if cached is None or cached[0] is not settings:
            cached = (settings, self._build(settings, ignores))
            self._linters[key] = cached
        unsafe = self.options.unsafe_fixes
        return Resolved(
            cached[1],
            settings.unsafe_fixes if unsafe is None else unsafe,
            excluded=settings.is_excluded(path),
            max_bytes=settings.max_file_size,
            format=settings.format_for(path),
        )

    def _build(self, settings: Settings, ignores: tuple) -> Linter:
        return build_linter(settings, self.options.as_options(), ignores)

    def take_errors(self) -> list[str]:
        errors, self.errors = self.errors, []
        return errors
