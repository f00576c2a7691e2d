"""Rule packs: declarative rules in TOML, loaded by name (built-in) or by path (project).

A pack has a ``[pack]`` table (name, prefix, description) and ``[[rule]]`` entries of kind
``existence`` (flag words, phrases or patterns) or ``substitution`` (replace them, keeping the
original's capitalisation). Every rule carries ``[[rule.test]]`` cases that ``copyfix test-rules``
runs. Patterns use the ``regex`` module with a time limit per document.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from copyfix.document import BlockKind
from copyfix.model import Applicability, DocumentKind, Edit, Example, Severity, Violation
from copyfix.rules.base import Rule, violation

#: Seconds a pack rule's patterns may run on one document before it is stopped and reported.
PATTERN_TIME_LIMIT = 1.0
_CODE = regex.compile(r"[A-Z]{2,3}\d{3}")
_PREFIX = regex.compile(r"[A-Z]{2,3}")
_NAME = regex.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_RULE_KEYS = {
    "code", "name", "kind", "message", "summary", "severity", "tokens", "patterns", "swap",
    "ignore-case", "word-boundary", "scope", "applicability", "remove", "test", "doc",
}
_TEST_KEYS = {"text", "fixed", "flags", "markdown", "unsafe"}


class PackError(Exception):
    """A broken pack: the message names the file, the rule and the key."""


@dataclass(frozen=True, slots=True)
class PackTest:
    text: str
    fixed: str | None
    flags: int | None
    markdown: bool
    unsafe: bool


class PackRule(Rule):
    """A rule defined by a pack; its documentation comes from the pack."""

    def __init__(self, spec: dict[str, Any], pack: str, source: str) -> None:
        self.code = spec["code"]
        self.name = spec["name"]
        self.kind = spec.get("kind", "existence")
        self.message = spec.get("message", "{match}")
        self.summary = spec.get("summary") or self.message.replace("{match}", "…").rstrip(".")
        self.severity = Severity.parse(spec.get("severity", "warning"))
        self.scope = spec.get("scope", "text")
        self.applicability = Applicability[
            spec.get("applicability", "display-only").upper().replace("-", "_")
        ]
        self.remove = bool(spec.get("remove", False))
        self.fixable = self.kind == "substitution" or self.remove
        self.pack = pack
        self.source = source
        self.doc_text = spec.get("doc", "")
        flags = regex.I if spec.get("ignore-case", True) else 0
        boundary = spec.get("word-boundary", True)
        alternatives: list[str] = []
        self.replacements: dict[str, str] = {}
        for token in spec.get("tokens", []):
            alternatives.append(_literal(token, boundary))
        for pattern in spec.get("patterns", []):
            alternatives.append(pattern)
        for phrase, replacement in spec.get("swap", {}).items():
            alternatives.append(_literal(phrase, boundary))
            self.replacements[phrase.lower() if flags else phrase] = replacement
        self.ignore_case = bool(flags)
        self.pattern = regex.compile("|".join(f"(?:{a})" for a in alternatives), flags | regex.V0)
        self.tests = tuple(
            PackTest(
                t["text"], t.get("fixed"), t.get("flags"), bool(t.get("markdown")),
                bool(t.get("unsafe")),
            )
            for t in spec.get("test", [])
        )
        self.examples = tuple(
            Example(t.text, t.fixed if t.fixed is not None else (t.text if t.flags else None),
                    DocumentKind.MARKDOWN if t.markdown else DocumentKind.TEXT, t.unsafe)
            for t in self.tests
        )
        self.__doc__ = (
            f"{self.doc_text or self.summary}\n\nFrom the `{pack}` pack ({source}).\n\n"
            f"## Fix safety\n{_safety_text(self)}"
        )

    def info(self):
        info = super().info()
        from dataclasses import replace

        return replace(info, doc=self.__doc__)

    def check(self, doc) -> Iterator[Violation]:
        view = doc.view
        regions = self._regions(doc)
        try:
            for start, end in regions:
                for m in self.pattern.finditer(view, start, end, timeout=PATTERN_TIME_LIMIT):
                    if self.scope == "paragraph" and (m.start(), m.end()) != (start, end):
                        continue
                    yield self._violation(doc, m)
        except TimeoutError:
            yield violation(
                0, 0,
                f"Pack error: a pattern of {self.code} ({self.source}) ran longer than "
                f"{PATTERN_TIME_LIMIT:g} s and was stopped",
            )

    def _regions(self, doc) -> list[tuple[int, int]]:
        if self.scope == "text":
            return [(b.span.start, b.span.end) for b in doc.blocks] or [(0, len(doc.view))]
        kinds = {"heading": {BlockKind.HEADING}}.get(self.scope)
        return [
            (b.span.start, b.span.end) for b in doc.blocks if kinds is None or b.kind in kinds
        ]

    def _violation(self, doc, m) -> Violation:
        matched = m.group()
        message = self.message.replace("{match}", matched)
        if self.kind == "substitution":
            key = matched.lower() if self.ignore_case else matched
            replacement = self.replacements.get(key, matched)
            if self.ignore_case:
                replacement = _keep_case(matched, replacement)
            message = message.replace("{replacement}", replacement)
            return violation(
                m.start(), m.end(), message, Edit.replace(m.start(), m.end(), replacement),
                title=f"Replace with '{replacement}'", applicability=self.applicability,
            )
        if self.remove:
            start, end = _with_surrounding_paragraph_break(doc.text, m.start(), m.end())
            return violation(
                m.start(), m.end(), message, Edit.delete(start, end),
                title="Remove it", applicability=self.applicability,
            )
        return violation(m.start(), m.end(), message)


def _safety_text(rule: PackRule) -> str:
    if not rule.fixable:
        return "Report only."
    return f"{rule.applicability.label.capitalize()}."


def _literal(phrase: str, boundary: bool) -> str:
    body = r"\s+".join(regex.escape(part) for part in phrase.split())
    return rf"(?<![\w-]){body}(?![\w-])" if boundary else body


def _keep_case(original: str, replacement: str) -> str:
    """``E-mail`` → ``Email``, ``E-MAIL`` → ``EMAIL``, ``e-mail`` → ``email``."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _with_surrounding_paragraph_break(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend a removal of a whole paragraph to the blank line before it (or, at the start of
    the text, after it), so no empty paragraph is left behind."""
    stripped = text[:start].rstrip("\n")
    if stripped:
        return len(stripped), end
    after = len(text) - len(text[end:].lstrip("\n"))
    return 0, after


# --- loading -----------------------------------------------------------------------------------


def builtin_pack_names() -> list[str]:
    folder = resources.files("copyfix") / "packs"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


def _pack_source(ref: str, root: Path) -> tuple[str, str]:
    """(display name, TOML text) for a built-in pack name or a path relative to ``root``."""
    if ref in builtin_pack_names():
        text = (resources.files("copyfix") / "packs" / f"{ref}.toml").read_text(encoding="utf-8")
        return f"<builtin>/{ref}.toml", text
    path = Path(ref)
    if not path.is_absolute():
        path = root / path
    try:
        return str(path), path.read_text(encoding="utf-8")
    except OSError as exc:
        known = ", ".join(builtin_pack_names())
        raise PackError(
            f"{ref}: cannot read pack ({exc.strerror or exc}); built-in packs are: {known}"
        ) from None


def load_pack(ref: str, root: Path) -> list[PackRule]:
    display, text = _pack_source(ref, root)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{display}: invalid TOML: {exc}") from None
    return parse_pack(data, display, text)


def parse_pack(data: dict[str, Any], display: str, text: str = "") -> list[PackRule]:
    pack = data.get("pack")
    if not isinstance(pack, dict):
        raise PackError(f"{display}: missing [pack] table")
    unknown = set(data) - {"pack", "rule"}
    if unknown:
        raise PackError(f"{display}: unknown top-level key '{sorted(unknown)[0]}'")
    name = pack.get("name")
    prefix = pack.get("prefix")
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise PackError(f"{display}: key 'pack.name': expected a kebab-case name")
    if not isinstance(prefix, str) or not _PREFIX.fullmatch(prefix):
        raise PackError(f"{display}: key 'pack.prefix': expected two or three capital letters")
    rules: list[PackRule] = []
    seen: set[str] = set()
    for index, spec in enumerate(data.get("rule", [])):
        where = f"{display}:{_line_of(text, spec.get('code'))}: rule {spec.get('code', index + 1)}"
        _validate_rule(spec, prefix, where)
        for key in (spec["code"], spec["name"]):
            if key in seen:
                raise PackError(f"{where}: duplicate code or name '{key}'")
            seen.add(key)
        try:
            rules.append(PackRule(spec, name, display))
        except regex.error as exc:
            raise PackError(f"{where}: key 'patterns': invalid regex: {exc}") from None
        except (KeyError, ValueError) as exc:
            raise PackError(f"{where}: {exc}") from None
    return rules


def _line_of(text: str, code: Any) -> int:
    if isinstance(code, str) and text:
        pos = text.find(f'"{code}"')
        if pos >= 0:
            return text.count("\n", 0, pos) + 1
    return 1


def _validate_rule(spec: Any, prefix: str, where: str) -> None:
    if not isinstance(spec, dict):
        raise PackError(f"{where}: expected a table")
    for key in spec:
        if key not in _RULE_KEYS:
            raise PackError(f"{where}: unknown key '{key}'")
    code = spec.get("code")
    if not isinstance(code, str) or not _CODE.fullmatch(code) or not code.startswith(prefix):
        raise PackError(f"{where}: key 'code': expected {prefix} followed by three digits")
    if not isinstance(spec.get("name"), str) or not _NAME.fullmatch(spec["name"]):
        raise PackError(f"{where}: key 'name': expected a kebab-case name")
    kind = spec.get("kind", "existence")
    if kind not in ("existence", "substitution"):
        raise PackError(f"{where}: key 'kind': expected 'existence' or 'substitution'")
    if kind == "substitution" and not isinstance(spec.get("swap"), dict):
        raise PackError(f"{where}: key 'swap': a substitution needs a table of phrase = replacement")
    if kind == "existence" and not (spec.get("tokens") or spec.get("patterns")):
        raise PackError(f"{where}: key 'tokens': an existence rule needs tokens or patterns")
    for key in ("tokens", "patterns"):
        value = spec.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise PackError(f"{where}: key '{key}': expected a list of strings")
    if spec.get("scope", "text") not in ("text", "paragraph", "heading"):
        raise PackError(f"{where}: key 'scope': expected 'text', 'paragraph' or 'heading'")
    if spec.get("applicability", "display-only") not in ("safe", "unsafe", "display-only"):
        raise PackError(f"{where}: key 'applicability': expected safe, unsafe or display-only")
    if spec.get("severity", "warning") not in ("error", "warning", "info"):
        raise PackError(f"{where}: key 'severity': expected error, warning or info")
    tests = spec.get("test", [])
    if not tests:
        raise PackError(f"{where}: key 'test': every rule needs at least one [[rule.test]]")
    for test in tests:
        if not isinstance(test, dict) or not isinstance(test.get("text"), str):
            raise PackError(f"{where}: key 'test': each test needs a 'text' string")
        for key in test:
            if key not in _TEST_KEYS:
                raise PackError(f"{where}: key 'test.{key}': unknown key")


def load_packs(refs: list[str], root: Path) -> list[PackRule]:
    rules: list[PackRule] = []
    for ref in refs:
        rules.extend(load_pack(ref, root))
    return rules


# --- inline tests ------------------------------------------------------------------------------


def check_rule_tests(rule: PackRule, registry) -> list[str]:
    """Run one rule's inline tests; return a line for each failure."""
    from copyfix.api import Linter

    linter = Linter(registry, [rule])
    failures: list[str] = []
    for number, test in enumerate(rule.tests, 1):
        kind = DocumentKind.MARKDOWN if test.markdown else DocumentKind.TEXT
        found = linter.lint(test.text, kind=kind)
        where = f"{rule.source}::{rule.code}::test[{number}]"
        if test.fixed is None and test.flags is None and found:
            failures.append(f"{where}: expected no finding, got {len(found)}: {found[0].message}")
        if test.flags is not None and len(found) != test.flags:
            failures.append(f"{where}: expected {test.flags} finding(s), got {len(found)}")
        if test.fixed is not None:
            fixed = linter.fix(test.text, kind=kind, unsafe=test.unsafe).text
            if not found:
                failures.append(f"{where}: expected a finding, got none")
            elif fixed != test.fixed:
                failures.append(f"{where}: expected fix {test.fixed!r}, got {fixed!r}")
    return failures


def run_pack_tests(refs: list[str], root: Path) -> tuple[list[str], int]:
    from copyfix.registry import default_registry

    if not refs:
        refs = builtin_pack_names()
        from copyfix.config import find_config_file, load_settings

        found = find_config_file(root)
        if found:
            settings = load_settings(found)
            refs += [p for p in settings.packs if p not in refs]
            root = settings.root
    failures: list[str] = []
    total = 0
    for ref in refs:
        rules = load_pack(ref, root)
        registry = default_registry()
        for rule in rules:
            registry.add(rule)
        for rule in rules:
            total += len(rule.tests)
            failures += check_rule_tests(rule, registry)
    return failures, total
