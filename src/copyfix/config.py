"""Configuration: ``[tool.copyfix]`` in pyproject.toml, or copyfix.toml / .copyfix.toml.

The nearest file upward from a checked file wins; in one folder ``.copyfix.toml`` beats
``copyfix.toml`` beats ``pyproject.toml`` (and a pyproject.toml counts only when it has a
``[tool.copyfix]`` table). Every key is validated; an unknown key, an unknown rule or a value
of the wrong type is a ``ConfigError`` whose one-line message names the file, the key and
what was expected.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from copyfix.model import Severity
from copyfix.text.lexicon import Lexicon

if TYPE_CHECKING:
    from copyfix.lint.registry import Registry

CONFIG_NAMES = (".copyfix.toml", "copyfix.toml", "pyproject.toml")

# Folders that are never prose of the project. Like ruff's default ``exclude``: setting
# ``exclude`` replaces this list, ``extend-exclude`` adds to it.
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__",
    "site-packages", ".copyfix_cache",
)

KEYS = (
    "select", "extend-select", "ignore", "per-file-ignores", "exclude", "extend-exclude",
    "include", "unsafe-fixes", "fail-on", "severity", "packs", "lexicon", "max-file-size",
)


class ConfigError(Exception):
    def __init__(self, path: str, key: str | None, problem: str) -> None:
        where = f"{path}: " + (f"key '{key}': " if key else "")
        super().__init__(where + problem)
        self.path = path
        self.key = key
        self.problem = problem


@dataclass(slots=True)
class Settings:
    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    # How keys are spelled in the file, so an error about a rule can name the key as written.
    key_prefix: str = ""
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    extend_exclude: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=list)
    unsafe_fixes: bool = False
    fail_on: Severity = Severity.INFO
    severity: dict[str, Severity] = field(default_factory=dict)
    packs: list[str] = field(default_factory=list)
    lexicon_extend: dict[str, list[str]] = field(default_factory=dict)
    lexicon_remove: dict[str, list[str]] = field(default_factory=dict)
    #: Files larger than this many bytes are refused before they are read.
    max_file_size: int = field(default_factory=lambda: _default_max_file_size())

    def lexicon(self) -> Lexicon | None:
        if not self.lexicon_extend and not self.lexicon_remove:
            return None
        return Lexicon().adjusted(self.lexicon_extend, self.lexicon_remove)

    def is_excluded(self, path: Path) -> bool:
        """Whether ``path`` matches ``exclude`` or ``extend-exclude``.

        The caller applies this to paths named on the command line too, so that pre-commit,
        which hands over every staged file by name, still respects the project's exclusions.
        """
        patterns = [*self.exclude, *self.extend_exclude]
        return bool(patterns) and _matches_any(self._relative(path), patterns)

    def is_included(self, path: Path) -> bool:
        return not self.include or _matches_any(self._relative(path), self.include)

    def ignores_for(self, path: Path) -> list[str]:
        rel = self._relative(path)
        return [
            code
            for pattern, codes in self.per_file_ignores.items()
            if _matches_any(rel, [pattern])
            for code in codes
        ]

    def _relative(self, path: Path) -> PurePosixPath:
        absolute = Path(os.path.abspath(path))
        try:
            return PurePosixPath(absolute.relative_to(Path(os.path.abspath(self.root))).as_posix())
        except ValueError:
            return PurePosixPath(absolute.as_posix())

    def rule_selectors(self) -> Iterable[tuple[str, str]]:
        """Every rule selector the file names, with the key that names it."""
        p = self.key_prefix
        for sel in self.select or ():
            yield f"{p}select", sel
        for sel in self.extend_select:
            yield f"{p}extend-select", sel
        for sel in self.ignore:
            yield f"{p}ignore", sel
        for glob, codes in self.per_file_ignores.items():
            for sel in codes:
                yield f"{p}per-file-ignores.{_toml_key(glob)}", sel
        for sel in self.severity:
            yield f"{p}severity.{_toml_key(sel)}", sel

    def check_rules(self, registry: Registry) -> None:
        """Fail on the first selector that names no rule, before any file is read.

        Done eagerly because ``per-file-ignores`` is otherwise only resolved for files that
        match its glob, and a typo there would go unnoticed until one does.
        """
        from copyfix.lint.registry import UnknownRuleError

        for key, selector in self.rule_selectors():
            try:
                registry.matching(selector)
            except UnknownRuleError:
                raise ConfigError(
                    str(self.path) if self.path else "command line",
                    key,
                    f"unknown rule or prefix {selector!r} "
                    "(expected a rule code, a rule name, a code prefix or ALL)",
                ) from None

    def as_dict(self) -> dict[str, Any]:
        return {
            "config-file": str(self.path) if self.path else None,
            "root": str(self.root),
            "select": self.select,
            "extend-select": self.extend_select,
            "ignore": self.ignore,
            "per-file-ignores": self.per_file_ignores,
            "exclude": self.exclude,
            "extend-exclude": self.extend_exclude,
            "include": self.include,
            "unsafe-fixes": self.unsafe_fixes,
            "fail-on": self.fail_on.label,
            "severity": {k: v.label for k, v in self.severity.items()},
            "packs": self.packs,
            "max-file-size": self.max_file_size,
            "lexicon": {
                **{f"extend-{k.replace('_', '-')}": v for k, v in self.lexicon_extend.items()},
                **{f"remove-{k.replace('_', '-')}": v for k, v in self.lexicon_remove.items()},
            },
        }


def _toml_key(key: str) -> str:
    bare = key and all(c.isalnum() or c in "-_" for c in key)
    return key if bare else '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _matches_any(rel: PurePosixPath, patterns: list[str]) -> bool:
    text = str(rel)
    parts = rel.parts
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        while pattern.startswith("./"):
            pattern = pattern[2:]
        if not pattern:
            continue
        if fnmatch.fnmatchcase(text, pattern) or fnmatch.fnmatchcase(text, pattern + "/*"):
            return True
        # A bare name ("vendor", "*.draft.md") matches that name at any depth, as in .gitignore.
        if "/" not in pattern and any(fnmatch.fnmatchcase(part, pattern) for part in parts):
            return True
        if pattern.startswith("**/") and _matches_any(rel, [pattern[3:]]):
            return True
    return False


def find_config_file(start: Path) -> Path | None:
    """The nearest configuration file in ``start`` or a folder above it."""
    folder = Path(os.path.abspath(start))
    if not folder.is_dir():
        folder = folder.parent
    while True:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        if folder.parent == folder:
            return None
        folder = folder.parent


def _has_tool_table(path: Path) -> bool:
    """Whether a pyproject.toml has a ``[tool.copyfix]`` table.

    A pyproject.toml that cannot be read or parsed is an error, not a file without the table:
    copyfix cannot tell whether it disables rules, and fixing with the defaults would apply the
    very fixes the user turned off.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ConfigError(str(path), None, f"cannot read: {reason}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), None, f"invalid TOML: {exc}") from None
    tool = data.get("tool")
    return isinstance(tool, dict) and "copyfix" in tool


def load_settings(path: Path) -> Settings:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise ConfigError(str(path), None, "file not found") from None
    except OSError as exc:
        raise ConfigError(str(path), None, f"cannot read: {exc.strerror or exc}") from None
    # Keyed on the file's size and mtime, so an edited file is read again in a long-lived
    # process (tests, an editor integration) while a run over many folders parses it once.
    return _load_settings(path, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=256)
def _load_settings(path: Path, _mtime: int, _size: int) -> Settings:
    display = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(display, None, "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(display, None, f"cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(display, None, f"invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("copyfix", {}) if isinstance(tool, dict) else {}
        prefix = "tool.copyfix."
        if not isinstance(table, dict):
            raise ConfigError(display, "tool.copyfix", f"expected a table, got {_kind(table)}")
    else:
        table = data
        prefix = ""
    return parse_settings(table, path, prefix)


def _kind(value: Any) -> str:
    """How TOML would name the type of ``value``, for error messages."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, list):
        return "an array" if all(isinstance(v, str) for v in value) else "an array with non-strings"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def parse_settings(table: dict[str, Any], path: Path, prefix: str = "") -> Settings:
    display = str(path)
    settings = Settings(path=path, root=path.parent, key_prefix=prefix)

    def key_name(key: str) -> str:
        return prefix + key

    def strings(key: str, value: Any) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(
                display, key_name(key), f"expected an array of strings, got {_kind(value)}"
            )
        return list(value)

    for key, value in table.items():
        match key:
            case "select":
                settings.select = strings(key, value)
            case "extend-select":
                settings.extend_select = strings(key, value)
            case "ignore":
                settings.ignore = strings(key, value)
            case "exclude":
                settings.exclude = strings(key, value)
            case "extend-exclude":
                settings.extend_exclude = strings(key, value)
            case "include":
                settings.include = strings(key, value)
            case "packs":
                settings.packs = strings(key, value)
            case "unsafe-fixes":
                if not isinstance(value, bool):
                    raise ConfigError(
                        display, key_name(key), f"expected true or false, got {_kind(value)}"
                    )
                settings.unsafe_fixes = value
            case "fail-on":
                settings.fail_on = _severity(display, key_name(key), value)
            case "severity":
                if not isinstance(value, dict):
                    raise ConfigError(
                        display, key_name(key),
                        f"expected a table of rule = \"error\" | \"warning\" | \"info\", "
                        f"got {_kind(value)}",
                    )
                settings.severity = {
                    rule: _severity(display, f"{key_name(key)}.{_toml_key(rule)}", sev)
                    for rule, sev in value.items()
                }
            case "per-file-ignores":
                if not isinstance(value, dict):
                    raise ConfigError(
                        display, key_name(key),
                        f"expected a table of \"glob\" = [rules], got {_kind(value)}",
                    )
                settings.per_file_ignores = {
                    glob: strings(f"{key}.{_toml_key(glob)}", codes)
                    for glob, codes in value.items()
                }
            case "lexicon":
                _parse_lexicon(settings, value, display, key_name(key))
            case "max-file-size":
                try:
                    settings.max_file_size = parse_size(value)
                except ValueError as exc:
                    raise ConfigError(display, key_name(key), str(exc)) from None
            case _:
                close = [k for k in KEYS if _similar(k, key)]
                hint = f"; did you mean '{prefix}{close[0]}'?" if close else ""
                raise ConfigError(
                    display, key_name(key), f"unknown key (expected one of {', '.join(KEYS)}){hint}"
                )
    return settings


def _default_max_file_size() -> int:
    from copyfix.io.files import MAX_FILE_BYTES

    return MAX_FILE_BYTES


_SIZE_UNITS = {
    "": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9,
    "kib": 2**10, "mib": 2**20, "gib": 2**30,
}


def parse_size(value: Any) -> int:
    """A size in bytes from an integer of bytes or a string like "50MB", "512 KiB", "2GB"
    (kB, MB, GB are powers of 1,000; KiB, MiB, GiB powers of 1,024)."""
    import re

    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", value.replace("_", ""))
        if m and m.group(2).lower() in _SIZE_UNITS:
            size = int(float(m.group(1)) * _SIZE_UNITS[m.group(2).lower()])
            if size > 0:
                return size
    raise ValueError(
        f'expected a positive number of bytes or a size such as "50MB" or "512KiB", '
        f"got {_kind(value)}"
    )


def _similar(known: str, typed: str) -> bool:
    import difflib

    return difflib.SequenceMatcher(None, known, typed.replace("_", "-")).ratio() >= 0.8


def _severity(display: str, key: str, value: Any) -> Severity:
    if isinstance(value, str):
        try:
            return Severity.parse(value)
        except ValueError:
            pass
    expected = 'expected "error", "warning" or "info"'
    raise ConfigError(display, key, f"{expected}, got {_kind(value)}")


def _parse_lexicon(settings: Settings, value: Any, display: str, key: str) -> None:
    if not isinstance(value, dict):
        raise ConfigError(display, key, f"expected a table, got {_kind(value)}")
    names = {n.replace("_", "-"): n for n in Lexicon.list_names()}
    for sub, words in value.items():
        action, _, list_name = sub.partition("-")
        if action not in ("extend", "remove") or list_name not in names:
            expected = ", ".join(f"extend-{n}/remove-{n}" for n in names)
            raise ConfigError(display, f"{key}.{sub}", f"unknown key (expected one of {expected})")
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ConfigError(
                display, f"{key}.{sub}", f"expected an array of strings, got {_kind(words)}"
            )
        target = settings.lexicon_extend if action == "extend" else settings.lexicon_remove
        target[names[list_name]] = list(words)


def settings_for(path: Path, *, config_path: str | None, isolated: bool) -> Settings:
    """The settings for ``path``: ``--isolated`` beats ``--config`` beats discovery."""
    if isolated:
        return Settings()
    if config_path:
        return load_settings(Path(os.path.abspath(config_path)))
    found = find_config_file(path)
    return load_settings(found) if found else Settings()
