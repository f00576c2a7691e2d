"""Finding the configuration file for a path, reading it, and parsing its keys."""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from copyfix.config.errors import ConfigError, Where, describe
from copyfix.config.schema import key_named, unknown_key
from copyfix.config.settings import Settings

CONFIG_NAMES = (".copyfix.toml", "copyfix.toml", "pyproject.toml")


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
            raise ConfigError(display, "tool.copyfix", f"expected a table, got {describe(table)}")
    else:
        table = data
        prefix = ""
    return parse_settings(table, path, prefix)


def parse_settings(table: dict[str, Any], path: Path, prefix: str = "") -> Settings:
    """The settings a file's table gives; ``prefix`` is how the file spells the table's keys."""
    display = str(path)
    settings = Settings(path=path, root=path.parent, key_prefix=prefix)
    for name, value in table.items():
        key = key_named(name)
        if key is None:
            raise unknown_key(display, prefix, name)
        key.write(settings, key.parse(value, Where(display, prefix + name)))
    return settings


def settings_for(path: Path, *, config_path: str | None, isolated: bool) -> Settings:
    """The settings for ``path``: ``--isolated`` beats ``--config`` beats discovery."""
    if isolated:
        return Settings()
    if config_path:
        return load_settings(Path(os.path.abspath(config_path)))
    found = find_config_file(path)
    return load_settings(found) if found else Settings()
