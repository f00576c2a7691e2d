"""The parsers of configuration values: each takes the TOML value and where it was written,
returns the value a ``Settings`` holds, and raises ``ConfigError`` saying what was expected."""

from __future__ import annotations

import re
from typing import Any

from copyfix.config.errors import Where, describe, toml_key
from copyfix.model import DocumentKind, Severity
from copyfix.text.lexicon import Lexicon


def strings(value: Any, where: Where) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise where.error(f"expected an array of strings, got {describe(value)}")
    return list(value)


def boolean(value: Any, where: Where) -> bool:
    if not isinstance(value, bool):
        raise where.error(f"expected true or false, got {describe(value)}")
    return value


def severity(value: Any, where: Where) -> Severity:
    if isinstance(value, str):
        try:
            return Severity.parse(value)
        except ValueError:
            pass
    raise where.error(f'expected "error", "warning" or "info", got {describe(value)}')


def severity_table(value: Any, where: Where) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise where.error(
            f"expected a table of rule = \"error\" | \"warning\" | \"info\", got {describe(value)}"
        )
    return {rule: severity(sev, where.sub(toml_key(rule))) for rule, sev in value.items()}


def ignore_table(value: Any, where: Where) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise where.error(f"expected a table of \"glob\" = [rules], got {describe(value)}")
    return {glob: strings(codes, where.sub(toml_key(glob))) for glob, codes in value.items()}


def lexicon_table(value: Any, where: Where) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """``extend-LIST`` / ``remove-LIST`` keys: the words to add to and to take from each list."""
    if not isinstance(value, dict):
        raise where.error(f"expected a table, got {describe(value)}")
    names = {n.replace("_", "-"): n for n in Lexicon.list_names()}
    extend: dict[str, list[str]] = {}
    remove: dict[str, list[str]] = {}
    for sub, words in value.items():
        action, _, list_name = sub.partition("-")
        if action not in ("extend", "remove") or list_name not in names:
            expected = ", ".join(f"extend-{n}/remove-{n}" for n in names)
            raise where.sub(sub).error(f"unknown key (expected one of {expected})")
        target = extend if action == "extend" else remove
        target[names[list_name]] = strings(words, where.sub(sub))
    return extend, remove


def formats_table(value: Any, where: Where) -> dict[str, DocumentKind]:
    """``"glob" = "format"``: the format of the files that match a glob, whatever their
    extension."""
    if not isinstance(value, dict):
        raise where.error(f'expected a table of "glob" = "format", got {describe(value)}')
    names = [kind.value for kind in DocumentKind]
    table: dict[str, DocumentKind] = {}
    for glob, name in value.items():
        if not isinstance(name, str) or name.lower() not in names:
            raise where.sub(toml_key(glob)).error(
                f"expected one of {', '.join(repr(n) for n in names)}, got {describe(name)}"
            )
        table[glob] = DocumentKind(name.lower())
    return table


def formats_json(value: dict[str, DocumentKind]) -> dict[str, str]:
    return {glob: kind.value for glob, kind in value.items()}


def lexicon_json(value: tuple[dict[str, list[str]], dict[str, list[str]]]) -> dict[str, list[str]]:
    extend, remove = value
    return {
        **{f"extend-{k.replace('_', '-')}": v for k, v in extend.items()},
        **{f"remove-{k.replace('_', '-')}": v for k, v in remove.items()},
    }


def file_size(value: Any, where: Where) -> int:
    try:
        return parse_size(value)
    except ValueError as exc:
        raise where.error(str(exc)) from None


_SIZE_UNITS = {
    "": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9,
    "kib": 2**10, "mib": 2**20, "gib": 2**30,
}


def parse_size(value: Any) -> int:
    """A size in bytes from an integer of bytes or a string like "50MB", "512 KiB", "2GB"
    (kB, MB, GB are powers of 1,000; KiB, MiB, GiB powers of 1,024)."""
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
        f"got {describe(value)}"
    )
