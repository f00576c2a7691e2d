"""The settings of one configuration file, and matching paths against its globs.

Every key's default, and how ``as_dict`` shows it, comes from ``copyfix.config.schema``.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from copyfix.config.errors import ConfigError, toml_key
from copyfix.config.schema import SCHEMA, default_of
from copyfix.lint.registry import Registry, UnknownRuleError
from copyfix.model import DocumentKind, Severity
from copyfix.text.lexicon import Lexicon
from copyfix.text.tags import DEFAULT_PAIRS, PairedContent


@dataclass(slots=True)
class Settings:
    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    # How keys are spelled in the file, so an error about a rule can name the key as written.
    key_prefix: str = ""
    # One attribute per key of the schema (two for ``lexicon``); the schema gives the defaults.
    select: list[str] | None = field(default_factory=default_of("select"))
    extend_select: list[str] = field(default_factory=default_of("extend_select"))
    ignore: list[str] = field(default_factory=default_of("ignore"))
    per_file_ignores: dict[str, list[str]] = field(default_factory=default_of("per_file_ignores"))
    exclude: list[str] = field(default_factory=default_of("exclude"))
    extend_exclude: list[str] = field(default_factory=default_of("extend_exclude"))
    include: list[str] = field(default_factory=default_of("include"))
    unsafe_fixes: bool = field(default_factory=default_of("unsafe_fixes"))
    fail_on: Severity = field(default_factory=default_of("fail_on"))
    severity: dict[str, Severity] = field(default_factory=default_of("severity"))
    packs: list[str] = field(default_factory=default_of("packs"))
    lexicon_extend: dict[str, list[str]] = field(default_factory=default_of("lexicon_extend"))
    lexicon_remove: dict[str, list[str]] = field(default_factory=default_of("lexicon_remove"))
    formats: dict[str, DocumentKind] = field(default_factory=default_of("formats"))
    #: Files larger than this many bytes are refused before they are read.
    max_file_size: int = field(default_factory=default_of("max_file_size"))
    prose_shortcodes: list[str] = field(default_factory=default_of("prose_shortcodes"))
    code_shortcodes: list[str] = field(default_factory=default_of("code_shortcodes"))

    def paired_content(self) -> PairedContent:
        """Which paired shortcodes hold prose or code, as the project says."""
        if not self.prose_shortcodes and not self.code_shortcodes:
            return DEFAULT_PAIRS
        return PairedContent(
            frozenset(n.lower() for n in self.prose_shortcodes),
            frozenset(n.lower() for n in self.code_shortcodes),
        )

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

    def format_for(self, path: Path) -> DocumentKind | None:
        """The format the first matching ``formats`` glob gives ``path``; None: by extension."""
        if not self.formats:
            return None
        rel = self._relative(path)
        return next(
            (kind for glob, kind in self.formats.items() if _matches_any(rel, [glob])), None
        )

    def _relative(self, path: Path) -> PurePosixPath:
        # String operations, not ``Path.relative_to``: this runs two or three times for every
        # file of a tree, and pathlib's parsing was most of a cached run's time.
        absolute = os.path.abspath(path)
        root = os.path.abspath(self.root)
        if absolute == root:
            return PurePosixPath(".")
        prefix = root if root.endswith(os.sep) else root + os.sep
        relative = absolute.removeprefix(prefix)
        return PurePosixPath(relative.replace(os.sep, "/") if os.sep != "/" else relative)

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
                yield f"{p}per-file-ignores.{toml_key(glob)}", sel
        for sel in self.severity:
            yield f"{p}severity.{toml_key(sel)}", sel

    def check_rules(self, registry: Registry) -> None:
        """Fail on the first selector that names no rule, before any file is read.

        Done eagerly because ``per-file-ignores`` is otherwise only resolved for files that
        match its glob, and a typo there would go unnoticed until one does.
        """
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
        """The file, the root and every key, as ``copyfix config`` prints them."""
        return {
            "config-file": str(self.path) if self.path else None,
            "root": str(self.root),
            **{key.name: key.to_json(key.read(self)) for key in SCHEMA},
        }


def _matches_any(rel: PurePosixPath, patterns: list[str] | tuple[str, ...]) -> bool:
    names, globs = _split_patterns(tuple(patterns))
    # A bare name matches the path itself, a folder it is under or a file of that name: one
    # set lookup against the path's parts, where the glob loop below costs tens of
    # microseconds a file over a big tree.
    if names and not names.isdisjoint(rel.parts):
        return True
    text = str(rel)
    parts = rel.parts
    for pattern in globs:
        if fnmatch.fnmatchcase(text, pattern) or fnmatch.fnmatchcase(text, pattern + "/*"):
            return True
        # A bare name ("vendor", "*.draft.md") matches that name at any depth, as in .gitignore.
        if "/" not in pattern and any(fnmatch.fnmatchcase(part, pattern) for part in parts):
            return True
        if pattern.startswith("**/") and _matches_any(rel, [pattern[3:]]):
            return True
        # As in .gitignore, ``/**/`` also matches a single slash: ``docs/**/*.md`` holds docs/a.md.
        if "/**/" in pattern and _matches_any(rel, [pattern.replace("/**/", "/", 1)]):
            return True
    return False


@lru_cache(maxsize=256)
def _split_patterns(patterns: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """``patterns`` normalised (no ``./`` in front, no ``/`` behind, empty ones dropped) and
    split into bare names without wildcards (``.git``, ``vendor``) and the other globs."""
    names: set[str] = set()
    globs: list[str] = []
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        while pattern.startswith("./"):
            pattern = pattern[2:]
        if not pattern:
            continue
        if "/" in pattern or any(c in pattern for c in "*?["):
            globs.append(pattern)
        else:
            names.add(pattern)
    return frozenset(names), tuple(globs)
