"""The vocabulary of a rule pack: its kinds, scopes and keys, the error it raises and the
inline test case."""

from __future__ import annotations

from dataclasses import dataclass

from copyfix.model import Applicability, DocumentKind
from copyfix.patterns import lazy_compile

KINDS = ("existence", "substitution", "consistency")
SCOPES = ("text", "paragraph", "heading")
APPLICABILITIES = {a.label: a for a in Applicability}
PACK_KEYS = {"name", "prefix", "description"}
COMMON_KEYS = {
    "code",
    "name",
    "kind",
    "message",
    "summary",
    "doc",
    "severity",
    "ignore-case",
    "word-boundary",
    "scope",
    "test",
}
KIND_KEYS = {
    "existence": {"tokens", "patterns", "remove", "applicability"},
    "substitution": {"swap", "pattern-swap", "applicability"},
    "consistency": {"groups", "applicability"},
}
ALL_RULE_KEYS = COMMON_KEYS.union(*KIND_KEYS.values())
TEST_KEYS = {"text", "fixed", "flags", "markdown", "unsafe"}
PREFIX_PATTERN = lazy_compile(r"[A-Z]{2,3}")
NAME_PATTERN = lazy_compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
PLACEHOLDER = lazy_compile(r"\{([^{}]*)\}")
GROUP_REF = lazy_compile(r"\\(?:g<(\w+)>|(\d+))")
TOML_POSITION = lazy_compile(r"\(at line (\d+), column (\d+)\)")


class PackError(Exception):
    """A broken pack: the message names the file, the line, the rule and the key."""


@dataclass(frozen=True, slots=True)
class PackTest:
    """One ``[[rule.test]]`` case: ``fixed`` set means "fixes to this", ``flags`` set means "this
    many findings", neither means "stays silent"."""

    text: str
    fixed: str | None
    flags: int | None
    markdown: bool
    unsafe: bool
    line: int

    @property
    def kind(self) -> DocumentKind:
        return DocumentKind.MARKDOWN if self.markdown else DocumentKind.TEXT
