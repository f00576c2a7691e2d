"""Configuration: ``[tool.copyfix]`` in pyproject.toml, or copyfix.toml / .copyfix.toml.

The nearest file upward from a checked file wins; in one folder ``.copyfix.toml`` beats
``copyfix.toml`` beats ``pyproject.toml`` (and a pyproject.toml counts only when it has a
``[tool.copyfix]`` table). Every key is validated; an unknown key, an unknown rule or a value
of the wrong type is a ``ConfigError`` whose one-line message names the file, the key and
what was expected.

``schema`` holds the table of keys (type, default, parser, documentation), ``values`` their
parsers, ``settings`` the ``Settings`` a file gives, ``loading`` finding and reading files.
"""

from copyfix.config.errors import ConfigError
from copyfix.config.loading import (
    CONFIG_NAMES,
    find_config_file,
    load_settings,
    parse_settings,
    settings_for,
)
from copyfix.config.schema import DEFAULT_EXCLUDE, KEY_NAMES, SCHEMA, Key
from copyfix.config.settings import Settings
from copyfix.config.values import parse_size

KEYS = KEY_NAMES

__all__ = [
    "CONFIG_NAMES",
    "DEFAULT_EXCLUDE",
    "KEYS",
    "KEY_NAMES",
    "SCHEMA",
    "ConfigError",
    "Key",
    "Settings",
    "find_config_file",
    "load_settings",
    "parse_settings",
    "parse_size",
    "settings_for",
]
