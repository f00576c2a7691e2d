"""Configuration: ``[tool.copyfix]`` in pyproject.toml, or copyfix.toml / .copyfix.toml.

The nearest file upward from a checked file wins. Every key is validated; an unknown key or a
value of the wrong type is a ``ConfigError`` that names the file, the key and what was expected.
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from copyfix.lexicon import Lexicon
from copyfix.model import Severity

CONFIG_NAMES = (".copyfix.toml", "copyfix.toml", "pyproject.toml")


class ConfigError(Exception):
    def __init__(self, path: str, key: str | None, problem: str) -> None:
        where = f"{path}: " + (f"key '{key}': " if key else "")
        super().__init__(where + problem)


@dataclass(slots=True)
class Settings:
    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    extend_exclude: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=list)
    unsafe_fixes: bool = False
    fail_on: Severity = Severity.INFO
    severity: dict[str, Severity] = field(default_factory=dict)
    packs: list[str] = field(default_factory=list)
    lexicon_extend: dict[str, list[str]] = field(default_factory=dict)
    lexicon_remove: dict[str, list[str]] = field(default_factory=dict)

    def lexicon(self) -> Lexicon | None:
        if not self.lexicon_extend and not self.lexicon_remove:
            return None
        return Lexicon().adjusted(self.lexicon_extend, self.lexicon_remove)

    def is_excluded(self, path: Path) -> bool:
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
        absolute = path.absolute()
        try:
            return PurePosixPath(absolute.relative_to(self.root.absolute()).as_posix())
        except ValueError:
            return PurePosixPath(absolute.as_posix())

    def as_dict(self) -> dict[str, Any]:
        return {
            "config-file": str(self.path) if self.path else None,
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
            "lexicon": {
                **{f"extend-{k.replace('_', '-')}": v for k, v in self.lexicon_extend.items()},
                **{f"remove-{k.replace('_', '-')}": v for k, v in self.lexicon_remove.items()},
            },
        }


def _matches_any(rel: PurePosixPath, patterns: list[str]) -> bool:
    text = str(rel)
    parts = rel.parts
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatchcase(text, pattern) or fnmatch.fnmatchcase(text, pattern + "/*"):
            return True
        if "/" not in pattern and any(fnmatch.fnmatchcase(part, pattern) for part in parts):
            return True
        if pattern.startswith("**/") and _matches_any(rel, [pattern[3:]]):
            return True
    return False


def find_config_file(start: Path) -> Path | None:
    """The nearest configuration file in ``start`` or a folder above it."""
    return _find_config_file(start.absolute() if start.is_dir() else start.absolute().parent)


@lru_cache(maxsize=1024)
def _find_config_file(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file():
            if name != "pyproject.toml" or _has_tool_table(candidate):
                return candidate
    if folder.parent != folder:
        return _find_config_file(folder.parent)
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False
    return "copyfix" in data.get("tool", {})


@lru_cache(maxsize=256)
def load_settings(path: Path) -> Settings:
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
        table = data.get("tool", {}).get("copyfix", {})
        prefix = "tool.copyfix."
    else:
        table = data
        prefix = ""
    return parse_settings(table, path, prefix)


def parse_settings(table: dict[str, Any], path: Path, prefix: str = "") -> Settings:
    display = str(path)
    settings = Settings(path=path, root=path.parent)

    def key_name(key: str) -> str:
        return prefix + key

    def strings(key: str, value: Any) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(display, key_name(key), "expected a list of strings")
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
                    raise ConfigError(display, key_name(key), "expected true or false")
                settings.unsafe_fixes = value
            case "fail-on":
                settings.fail_on = _severity(display, key_name(key), value)
            case "severity":
                if not isinstance(value, dict):
                    raise ConfigError(display, key_name(key), "expected a table of rule = severity")
                settings.severity = {
                    rule: _severity(display, f"{key_name(key)}.{rule}", sev)
                    for rule, sev in value.items()
                }
            case "per-file-ignores":
                if not isinstance(value, dict):
                    raise ConfigError(display, key_name(key), "expected a table of glob = [rules]")
                settings.per_file_ignores = {
                    glob: strings(f"{key}.{glob}", codes) for glob, codes in value.items()
                }
            case "lexicon":
                _parse_lexicon(settings, value, display, key_name(key))
            case _:
                raise ConfigError(display, key_name(key), "unknown key")
    return settings


def _severity(display: str, key: str, value: Any) -> Severity:
    if not isinstance(value, str):
        raise ConfigError(display, key, "expected one of error, warning, info")
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise ConfigError(display, key, str(exc)) from None


def _parse_lexicon(settings: Settings, value: Any, display: str, key: str) -> None:
    if not isinstance(value, dict):
        raise ConfigError(display, key, "expected a table")
    names = {n.replace("_", "-"): n for n in Lexicon.list_names()}
    for sub, words in value.items():
        action, _, list_name = sub.partition("-")
        if action not in ("extend", "remove") or list_name not in names:
            expected = ", ".join(f"extend-{n}/remove-{n}" for n in names)
            raise ConfigError(display, f"{key}.{sub}", f"unknown key (expected one of {expected})")
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ConfigError(display, f"{key}.{sub}", "expected a list of strings")
        target = settings.lexicon_extend if action == "extend" else settings.lexicon_remove
        target[names[list_name]] = list(words)


def settings_for(path: Path, *, config_path: str | None, isolated: bool) -> Settings:
    if isolated:
        return Settings()
    if config_path:
        return load_settings(Path(config_path).absolute())
    found = find_config_file(path)
    return load_settings(found) if found else Settings()
