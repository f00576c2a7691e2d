"""How a configuration error names its file, its key and the value it got."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class ConfigError(Exception):
    def __init__(self, path: str, key: str | None, problem: str) -> None:
        where = f"{path}: " + (f"key '{key}': " if key else "")
        super().__init__(where + problem)
        self.path = path
        self.key = key
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Where:
    """A key in a file, as the file spells it (``tool.copyfix.severity.SP001``)."""

    file: str
    key: str

    def sub(self, name: str) -> Where:
        return Where(self.file, f"{self.key}.{name}")

    def error(self, problem: str) -> ConfigError:
        return ConfigError(self.file, self.key, problem)


def describe(value: Any) -> str:
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


def toml_key(key: str) -> str:
    """``key`` as TOML writes it in a dotted key: bare when it can be, quoted otherwise."""
    bare = key and all(c.isalnum() or c in "-_" for c in key)
    return key if bare else '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'
