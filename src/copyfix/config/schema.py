"""The configuration keys: one entry per key drives parsing, the unknown-key error and its
did-you-mean hint, ``Settings``' defaults, ``copyfix config`` and the README's key table.

To add a key: add its ``Settings`` attribute (with ``default_of``), an entry here, and a row to
the README's table (``tests/test_config_schema.py`` prints the row it expects).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from copyfix.config import values
from copyfix.config.errors import ConfigError, Where
from copyfix.model import Severity
from copyfix.text.lexicon import Lexicon

# Folders that are never prose of the project. Like ruff's default ``exclude``: setting
# ``exclude`` replaces this list, ``extend-exclude`` adds to it.
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__",
    "site-packages", ".copyfix_cache",
)

#: Larger files are refused before they are read (the default of the ``max-file-size``
#: setting, in bytes): linting is linear but costs about a second per megabyte and tens of
#: bytes of memory per character, so a stray log or dump must not stall a commit hook.
MAX_FILE_BYTES = 50_000_000


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True, slots=True)
class Key:
    """One configuration key."""

    name: str  # as the file spells it
    attrs: tuple[str, ...]  # the Settings attributes it sets (two for ``lexicon``)
    type: str  # what the value is, for people
    default: Callable[[], Any]  # a fresh default, in the shape ``parse`` returns
    parse: Callable[[Any, Where], Any]  # TOML value -> Settings value, or ConfigError
    doc: str
    to_json: Callable[[Any], Any] = _same  # Settings value -> what ``copyfix config`` prints
    default_doc: str | None = None  # how the docs name the default when its value says little

    def read(self, settings: Any) -> Any:
        found = tuple(getattr(settings, attr) for attr in self.attrs)
        return found[0] if len(found) == 1 else found

    def write(self, settings: Any, value: Any) -> None:
        for attr, part in zip(self.attrs, value if len(self.attrs) > 1 else (value,), strict=True):
            setattr(settings, attr, part)

    def default_text(self) -> str:
        """The default as the docs show it: TOML for a value, else ``default_doc``."""
        if self.default_doc is not None:
            return self.default_doc
        return json.dumps(self.to_json(self.default()))


def _severity_labels(table: dict[str, Severity]) -> dict[str, str]:
    return {selector: severity.label for selector, severity in table.items()}


def _lexicon_names() -> str:
    return ", ".join(n.replace("_", "-") for n in Lexicon.list_names())


SCHEMA: tuple[Key, ...] = (
    Key("select", ("select",), "array of rule selectors", lambda: None, values.strings,
        "Rules to check: codes, names, code prefixes or ALL.", default_doc="all rules"),
    Key("extend-select", ("extend_select",), "array of rule selectors", list, values.strings,
        "Rules checked on top of `select`."),
    Key("ignore", ("ignore",), "array of rule selectors", list, values.strings,
        "Rules not checked; the more specific selector wins, as in ruff."),
    Key("per-file-ignores", ("per_file_ignores",), "table of glob = [rule selectors]", dict,
        values.ignore_table, "Rules not checked in the files that match a glob."),
    Key("exclude", ("exclude",), "array of globs", lambda: list(DEFAULT_EXCLUDE), values.strings,
        "Files and folders never checked, even when named on the command line."),
    Key("extend-exclude", ("extend_exclude",), "array of globs", list, values.strings,
        "Added to `exclude` (setting `exclude` replaces its default list)."),
    Key("include", ("include",), "array of globs", list, values.strings,
        "Check only the files that match one of these.", default_doc="all files found"),
    Key("unsafe-fixes", ("unsafe_fixes",), "boolean", lambda: False, values.boolean,
        "Let `copyfix fix` apply unsafe fixes too."),
    Key("fail-on", ("fail_on",), '"error", "warning" or "info"', lambda: Severity.INFO,
        values.severity, "The lowest severity that makes the exit code 1.",
        to_json=lambda severity: severity.label),
    Key("severity", ("severity",), 'table of rule selector = "error", "warning" or "info"', dict,
        values.severity_table, "Each rule's severity; the more specific selector wins.",
        to_json=_severity_labels),
    Key("packs", ("packs",), "array of pack names or paths", list, values.strings,
        "Rule packs to load: a built-in pack's name or the path of a TOML file."),
    Key("lexicon", ("lexicon_extend", "lexicon_remove"), "table of extend-LIST / remove-LIST = "
        "[words]", lambda: ({}, {}), values.lexicon_table,
        "Words added to or removed from a lexicon list: " + _lexicon_names() + ".",
        to_json=values.lexicon_json),
    Key("max-file-size", ("max_file_size",), 'bytes, or a size such as "50MB" or "512KiB"',
        lambda: MAX_FILE_BYTES, values.file_size,
        "Larger files are refused before they are read."),
    Key("formats", ("formats",), 'table of glob = "text", "markdown", "mdx" or "rst"', dict,
        values.formats_table, "The format of the files that match a glob, whatever their "
        "extension (the first glob that matches wins; `--format-type` overrides).",
        to_json=values.formats_json),
    Key("prose-shortcodes", ("prose_shortcodes",), "array of shortcode or block names", list,
        values.strings, "Paired shortcodes and template blocks (`{{< name >}}…{{< /name >}}`, "
        "`{% name %}…{% endname %}`) whose content is prose and is checked, in Markdown and MDX."),
    Key("code-shortcodes", ("code_shortcodes",), "array of shortcode or block names", list,
        values.strings, "Paired shortcodes and template blocks whose content is code or data "
        "and is never checked, whatever it looks like."),
)

KEY_NAMES = tuple(key.name for key in SCHEMA)
_BY_NAME = {key.name: key for key in SCHEMA}


def key_named(name: str) -> Key | None:
    return _BY_NAME.get(name)


def default_of(attr: str) -> Callable[[], Any]:
    """The default factory of a ``Settings`` attribute, from the key that sets it."""
    for key in SCHEMA:
        if attr in key.attrs:
            if len(key.attrs) == 1:
                return key.default
            return lambda: key.default()[key.attrs.index(attr)]
    raise KeyError(attr)


def unknown_key(file: str, prefix: str, name: str) -> ConfigError:
    close = [known for known in KEY_NAMES if _similar(known, name)]
    hint = f"; did you mean '{prefix}{close[0]}'?" if close else ""
    return ConfigError(
        file, prefix + name, f"unknown key (expected one of {', '.join(KEY_NAMES)}){hint}"
    )


def _similar(known: str, typed: str) -> bool:
    return difflib.SequenceMatcher(None, known, typed.replace("_", "-")).ratio() >= 0.8


def listing() -> list[dict[str, Any]]:
    """Every key with its type, default and meaning, as ``copyfix config --keys`` prints it."""
    return [
        {"key": k.name, "type": k.type, "default": k.to_json(k.default()), "doc": k.doc}
        for k in SCHEMA
    ]


def markdown_table() -> str:
    """The README's table of keys."""
    rows = ["| Key | Type | Default | Meaning |", "| --- | --- | --- | --- |"]
    for k in SCHEMA:
        default = k.default_doc if k.default_doc is not None else f"`{k.default_text()}`"
        rows.append(f"| `{k.name}` | {k.type} | {default} | {k.doc} |")
    return "\n".join(rows) + "\n"
