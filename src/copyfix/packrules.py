"""Rule packs: declarative rules in TOML, loaded by name (built-in) or by path (project).

A pack has a ``[pack]`` table (name, prefix, description) and ``[[rule]]`` entries of three kinds:
``existence`` flags words, phrases or patterns; ``substitution`` replaces them, keeping the
original's capitalisation; ``consistency`` flags the minority spelling of a term written two ways in
one document. Every rule carries ``[[rule.test]]`` cases that ``copyfix test-rules`` runs. Patterns
use the ``regex`` module with a time limit per document, so a catastrophic pattern is stopped and
reported instead of hanging a commit. ``rules/README.md`` documents the format.
"""

from __future__ import annotations

import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import regex

from copyfix.document import BlockKind
from copyfix.model import (
    Applicability,
    DocumentKind,
    Edit,
    Example,
    RuleInfo,
    Severity,
    Violation,
)
from copyfix.rules.base import Rule, violation

if TYPE_CHECKING:
    from copyfix.document import Document
    from copyfix.registry import Registry

#: Seconds all of one pack rule's patterns may run on one document before they are stopped and
#: the rule reports a pack error instead.
PATTERN_TIME_LIMIT = 1.0

KINDS = ("existence", "substitution", "consistency")
SCOPES = ("text", "paragraph", "heading")
_APPLICABILITIES = {a.label: a for a in Applicability}
_PACK_KEYS = {"name", "prefix", "description"}
_COMMON_KEYS = {
    "code", "name", "kind", "message", "summary", "doc", "severity", "ignore-case",
    "word-boundary", "scope", "test",
}
_KIND_KEYS = {
    "existence": {"tokens", "patterns", "remove", "applicability"},
    "substitution": {"swap", "pattern-swap", "applicability"},
    "consistency": {"groups", "applicability"},
}
_ALL_RULE_KEYS = _COMMON_KEYS.union(*_KIND_KEYS.values())
_TEST_KEYS = {"text", "fixed", "flags", "markdown", "unsafe"}
_PREFIX = regex.compile(r"[A-Z]{2,3}")
_NAME = regex.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_PLACEHOLDER = regex.compile(r"\{([^{}]*)\}")
_GROUP_REF = regex.compile(r"\\(?:g<(\w+)>|(\d+))")
_TOML_POSITION = regex.compile(r"\(at line (\d+), column (\d+)\)")


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


@dataclass(frozen=True, slots=True)
class _Matcher:
    """One compiled pattern. ``template`` is the replacement of a ``pattern-swap`` entry; literal
    phrases share one matcher and look their replacement up by the matched text."""

    pattern: regex.Pattern
    literal: bool
    template: str | None = None


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    text: str
    replacement: str | None


class PackTimeout(Exception):
    """A pattern ran past the rule's time limit on one document."""

    def __init__(self, at: int) -> None:
        super().__init__(at)
        self.at = at


class PackRule(Rule):
    """A rule defined by a pack; its documentation and examples come from the pack."""

    def __init__(self, spec: dict[str, Any], pack: str, source: str, tests: tuple[PackTest, ...]):
        self.code = spec["code"]
        self.name = spec["name"]
        self.kind = spec.get("kind", "existence")
        self.message = spec.get("message") or _default_message(self.kind)
        self.summary = spec.get("summary") or _summary_from(self.message)
        self.severity = Severity.parse(spec.get("severity", "warning"))
        self.scope = spec.get("scope", "text")
        default_applicability = "display-only" if self.kind == "existence" else "safe"
        self.applicability = _APPLICABILITIES[spec.get("applicability", default_applicability)]
        self.remove = bool(spec.get("remove", False))
        rewrites = self.kind != "existence" or self.remove
        self.fixable = rewrites and self.applicability > Applicability.DISPLAY_ONLY
        self.pack = pack
        self.source = source
        self.ignore_case = bool(spec.get("ignore-case", True))
        self.word_boundary = bool(spec.get("word-boundary", True))
        self.tests = tests
        self.doc_text = spec.get("doc", "").strip()
        flags = regex.V0 | (regex.I if self.ignore_case else 0)

        #: Literal phrase (normalised) → replacement (substitution) or preferred spelling group.
        self.replacements: dict[str, str] = {}
        self.groups: dict[str, int] = {}
        self.terms: dict[str, str] = {}
        phrases: list[str] = [*spec.get("tokens", [])]
        for phrase, replacement in spec.get("swap", {}).items():
            phrases.append(phrase)
            self.replacements[self._key(phrase)] = replacement
        for number, group in enumerate(spec.get("groups", [])):
            for term in group:
                phrases.append(term)
                self.groups[self._key(term)] = number
                self.terms[self._key(term)] = term
        self.matchers: list[_Matcher] = []
        if phrases:
            # Longest first, so "Leave a Reply Cancel reply" wins over "Leave a Reply".
            ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
            body = "|".join(_literal(p) for p in ordered)
            if self.word_boundary:
                # One boundary check around the whole alternation: much faster than one per
                # phrase on a list of hundreds.
                body = rf"(?<![\w-])(?:{body})(?![\w-])"
            self.matchers.append(_Matcher(regex.compile(body, flags), literal=True))
        for pattern in spec.get("patterns", []):
            self.matchers.append(_Matcher(regex.compile(pattern, flags), literal=False))
        for pattern, template in spec.get("pattern-swap", {}).items():
            self.matchers.append(_Matcher(regex.compile(pattern, flags), False, template))
        self.examples = tuple(_example(t) for t in tests)
        self.__doc__ = self._documentation()

    # --- documentation ---------------------------------------------------------------------

    def _documentation(self) -> str:
        what = self.doc_text or f"{self.summary}."
        origin = f"Defined by the `{self.pack}` pack ({self.source}), kind `{self.kind}`."
        if self.kind == "substitution" and self.replacements:
            shown = list(self.replacements.items())[:8]
            pairs = ", ".join(f"`{k}` → `{v}`" for k, v in shown)
            more = f" and {len(self.replacements) - len(shown)} more" if len(
                self.replacements) > len(shown) else ""
            origin += f" Replaces {pairs}{more}."
        if not self.fixable:
            safety = "Report only: the fix is shown, never applied." if self.kind != "existence" \
                or self.remove else "Report only."
        else:
            safety = f"The fix is {self.applicability.label}."
            if self.kind != "existence" and self.ignore_case:
                safety += " The replacement keeps the capitalisation of what it replaces."
        options = (
            f"scope `{self.scope}`, ignore-case `{str(self.ignore_case).lower()}`, "
            f"word-boundary `{str(self.word_boundary).lower()}`; edit the pack to change them."
        )
        return (
            f"## What it does\n{what}\n\n{origin}\n\n## Fix safety\n{safety}\n\n"
            f"## Options\n{options}"
        )

    def info(self) -> RuleInfo:
        return replace(super().info(), doc=self.__doc__ or "")

    # --- checking --------------------------------------------------------------------------

    def check(self, doc: Document) -> Iterator[Violation]:
        deadline = time.monotonic() + PATTERN_TIME_LIMIT
        try:
            hits = list(self._hits(doc, deadline))
        except PackTimeout as exc:
            yield violation(
                exc.at, exc.at,
                f"Pack error: a pattern of {self.code} ({self.source}) ran longer than "
                f"{PATTERN_TIME_LIMIT:g} s on this document and was stopped",
            )
            return
        if self.kind == "consistency":
            hits = self._inconsistent(hits)
        for hit in hits:
            yield self._violation(doc, hit)

    def _key(self, phrase: str) -> str:
        key = " ".join(phrase.split())
        return key.lower() if self.ignore_case else key

    def _regions(self, doc: Document) -> list[tuple[int, int]]:
        blocks = doc.blocks
        if self.scope == "heading":
            return [(b.span.start, b.span.end) for b in blocks if b.kind is BlockKind.HEADING]
        if not blocks and self.scope == "text":
            return [(0, len(doc.view))]
        return [(b.span.start, b.span.end) for b in blocks]

    def _hits(self, doc: Document, deadline: float) -> Iterator[_Hit]:
        view = doc.view
        for start, end in self._regions(doc):
            if self.scope == "paragraph":
                start, end = _strip(view, start, end)
                for matcher in self.matchers:
                    m = _run(matcher.pattern.fullmatch, view, start, end, deadline)
                    if m is not None:
                        yield self._hit(matcher, m)
                        break
                continue
            found: list[tuple[int, int, _Matcher, Any]] = []
            for matcher in self.matchers:
                remaining = _remaining(deadline, start)
                try:
                    for m in matcher.pattern.finditer(view, start, end, timeout=remaining):
                        if m.end() > m.start():
                            found.append((m.start(), -m.end(), matcher, m))
                except TimeoutError:
                    raise PackTimeout(start) from None
            reached = start
            for begin, _, matcher, m in sorted(found, key=lambda f: f[:2]):
                if begin >= reached:
                    reached = m.end()
                    yield self._hit(matcher, m)

    def _hit(self, matcher: _Matcher, m: Any) -> _Hit:
        matched = m.group()
        replacement: str | None = None
        if matcher.template is not None:
            replacement = m.expand(matcher.template)
        elif self.kind == "substitution":
            replacement = self.replacements.get(self._key(matched), matched)
            if self.ignore_case:
                replacement = keep_case(matched, replacement)
        return _Hit(m.start(), m.end(), matched, replacement)

    def _inconsistent(self, hits: list[_Hit]) -> list[_Hit]:
        """Keep the hits whose spelling is not the document's usual one for its group: the most
        frequent spelling, or on a tie the one written first."""
        by_group: dict[int, list[_Hit]] = {}
        for hit in hits:
            by_group.setdefault(self.groups[self._key(hit.text)], []).append(hit)
        flagged: list[_Hit] = []
        for group_hits in by_group.values():
            counts: dict[str, int] = {}
            first: dict[str, int] = {}
            for hit in group_hits:
                key = self._key(hit.text)
                counts[key] = counts.get(key, 0) + 1
                first.setdefault(key, hit.start)
            if len(counts) < 2:
                continue
            usual = min(counts, key=lambda k: (-counts[k], first[k]))
            term = self.terms[usual]
            for hit in group_hits:
                if self._key(hit.text) != usual:
                    replacement = keep_case(hit.text, term) if self.ignore_case else term
                    flagged.append(replace(hit, replacement=replacement))
        return sorted(flagged, key=lambda h: h.start)

    def _violation(self, doc: Document, hit: _Hit) -> Violation:
        message = self.message.replace("{match}", hit.text)
        if hit.replacement is not None:
            message = message.replace("{replacement}", hit.replacement)
            if hit.replacement == hit.text:
                return violation(hit.start, hit.end, message)
            return violation(
                hit.start, hit.end, message, Edit.replace(hit.start, hit.end, hit.replacement),
                title=f"Replace with '{hit.replacement}'", applicability=self.applicability,
            )
        if self.remove:
            start, end = _with_surrounding_paragraph_break(doc.text, hit.start, hit.end)
            return violation(
                hit.start, hit.end, message, Edit.delete(start, end),
                title="Remove the paragraph", applicability=self.applicability,
            )
        return violation(hit.start, hit.end, message)


def _remaining(deadline: float, at: int) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise PackTimeout(at)
    return remaining


def _run(method: Any, view: str, start: int, end: int, deadline: float) -> Any:
    try:
        return method(view, start, end, timeout=_remaining(deadline, start))
    except TimeoutError:
        raise PackTimeout(start) from None


def _strip(view: str, start: int, end: int) -> tuple[int, int]:
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    return start, end


def _default_message(kind: str) -> str:
    return {
        "existence": "Avoid '{match}'",
        "substitution": "Write '{replacement}', not '{match}'",
        "consistency": "'{match}' here, '{replacement}' elsewhere in this document",
    }[kind]


def _summary_from(message: str) -> str:
    text = _PLACEHOLDER.sub("…", message).strip().rstrip(".")
    return text[:1].upper() + text[1:]


def _example(test: PackTest) -> Example:
    if test.fixed is not None:
        fixed: str | None = test.fixed
    elif test.flags:
        fixed = test.text
    else:
        fixed = None
    return Example(test.text, fixed, test.kind, test.unsafe)


def _empty_match(compiled: regex.Pattern) -> Any:
    """A match with the groups (numbers and names) of ``compiled``, each matching nothing: what
    a template expands to with it is the template's own text."""
    names = {number: name for name, number in compiled.groupindex.items()}
    groups = "".join(
        f"(?P<{names[i]}>)" if i in names else "()" for i in range(1, compiled.groups + 1)
    )
    return regex.compile(groups).match("")


def _literal(phrase: str) -> str:
    """A phrase as a pattern: any run of whitespace between its words, as a phrase may wrap."""
    return r"\s+".join(regex.escape(part) for part in phrase.split())


def keep_case(original: str, replacement: str) -> str:
    """Carry the capitalisation of ``original`` over to ``replacement``: ``E-mail`` → ``Email``,
    ``E-MAIL`` → ``EMAIL``, ``e-mail`` → ``email``; a replacement with capitals of its own
    (``GitHub``) keeps them unless the original is all capitals."""
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


# --- where things are in the TOML source ------------------------------------------------------


class _Locator:
    """Line numbers of tables and keys in a pack's TOML text, for error messages. TOML parsers do
    not report positions of values, so this reads the text line by line; it understands the
    layout packs use (``[[rule]]`` blocks with plain keys and sub-tables) and otherwise falls
    back to the line of the enclosing table."""

    _RULE = regex.compile(r"^\s*\[\[\s*rule\s*\]\]")
    _TEST = regex.compile(r"^\s*\[\[\s*rule\s*\.\s*test\s*\]\]")
    _PACK = regex.compile(r"^\s*\[\s*pack\s*\]")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.rules = [i for i, line in enumerate(self.lines) if self._RULE.match(line)]
        self.pack = next((i for i, line in enumerate(self.lines) if self._PACK.match(line)), None)

    def _block(self, index: int) -> range:
        if index >= len(self.rules):
            return range(0)
        end = self.rules[index + 1] if index + 1 < len(self.rules) else len(self.lines)
        return range(self.rules[index], end)

    def rule(self, index: int) -> int:
        return self.rules[index] + 1 if index < len(self.rules) else 1

    def key(self, index: int, key: str, test: int | None = None) -> int:
        block = self._block(index)
        if test is not None:
            starts = [i for i in block if self._TEST.match(self.lines[i])]
            if test < len(starts):
                block = range(starts[test], starts[test + 1] if test + 1 < len(starts) else
                              block.stop)
        quoted = regex.escape(key)
        pattern = regex.compile(
            rf"""^\s*(?:{quoted}|"{quoted}"|'{quoted}')\s*=|^\s*\[\[?\s*rule\s*\.\s*{quoted}\s*\]"""
        )
        for i in block:
            if pattern.match(self.lines[i]):
                return i + 1
        return (block.start + 1) if block else self.rule(index)

    def pack_key(self, key: str) -> int:
        if self.pack is None:
            return 1
        pattern = regex.compile(rf"^\s*{regex.escape(key)}\s*=")
        for i in range(self.pack + 1, len(self.lines)):
            if self.lines[i].lstrip().startswith("["):
                break
            if pattern.match(self.lines[i]):
                return i + 1
        return self.pack + 1


# --- loading -----------------------------------------------------------------------------------


def builtin_pack_names() -> list[str]:
    folder = resources.files("copyfix") / "packs"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _pack_source(ref: str, root: Path) -> tuple[str, str]:
    """(display name, TOML text) for a built-in pack name or a path relative to ``root``."""
    if ref in builtin_pack_names():
        text = (resources.files("copyfix") / "packs" / f"{ref}.toml").read_text(encoding="utf-8")
        return f"<builtin>/{ref}.toml", text
    path = Path(ref)
    if not path.is_absolute():
        path = root / path
    known = ", ".join(builtin_pack_names())
    if not ref.endswith(".toml") and "/" not in ref and "\\" not in ref and not path.exists():
        raise PackError(f"{ref}: no built-in pack of that name (built-in packs: {known})")
    try:
        return _display(path), path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise PackError(
            f"{_display(path)}: cannot read pack ({reason}); built-in packs are: {known}"
        ) from None


def load_pack(ref: str, root: Path) -> list[PackRule]:
    display, text = _pack_source(ref, root)
    return parse_pack_text(text, display)


def parse_pack_text(text: str, display: str) -> list[PackRule]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        position = _TOML_POSITION.search(message)
        where = f"{display}:{position[1]}:{position[2]}" if position else display
        reason = _TOML_POSITION.sub("", message).strip()
        raise PackError(f"{where}: invalid TOML: {reason}") from None
    return parse_pack(data, display, text)


def parse_pack(data: dict[str, Any], display: str, text: str = "") -> list[PackRule]:
    where = _Locator(text)
    pack = data.get("pack")
    if not isinstance(pack, dict):
        raise PackError(f"{display}:1: missing [pack] table (name, prefix, description)")
    for key in data:
        if key not in ("pack", "rule"):
            raise PackError(f"{display}:1: key '{key}': unknown top-level key")
    for key in pack:
        if key not in _PACK_KEYS:
            raise PackError(f"{display}:{where.pack_key(key)}: key 'pack.{key}': unknown key")
    name = pack.get("name")
    prefix = pack.get("prefix")
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise PackError(
            f"{display}:{where.pack_key('name')}: key 'pack.name': expected a kebab-case name"
        )
    if not isinstance(prefix, str) or not _PREFIX.fullmatch(prefix):
        raise PackError(
            f"{display}:{where.pack_key('prefix')}: key 'pack.prefix': "
            "expected two or three capital letters"
        )
    if not isinstance(pack.get("description", ""), str):
        raise PackError(
            f"{display}:{where.pack_key('description')}: key 'pack.description': expected a string"
        )
    specs = data.get("rule", [])
    if not isinstance(specs, list) or not specs:
        raise PackError(f"{display}:1: key 'rule': a pack needs at least one [[rule]]")
    rules: list[PackRule] = []
    seen: dict[str, int] = {}
    for index, spec in enumerate(specs):
        checker = _RuleChecker(spec, index, prefix, display, where)
        tests = checker.validate()
        for key in ("code", "name"):
            value = spec[key]
            if value in seen:
                checker.fail(key, f"duplicate {key} '{value}' (first used on line {seen[value]})")
            seen[value] = where.key(index, key)
        rules.append(PackRule(spec, name, display, tests))
    return rules


class _RuleChecker:
    """Validates one ``[[rule]]`` table; every error names file, line, rule and key."""

    def __init__(
        self, spec: Any, index: int, prefix: str, display: str, where: _Locator
    ) -> None:
        self.spec = spec
        self.index = index
        self.prefix = prefix
        self.display = display
        self.where = where

    def fail(self, key: str, problem: str, test: int | None = None) -> NoReturn:
        line = self.where.key(self.index, key.split(".")[-1], test)
        code = self.spec.get("code") if isinstance(self.spec, dict) else None
        label = f"rule {code}" if isinstance(code, str) else f"rule #{self.index + 1}"
        raise PackError(f"{self.display}:{line}: {label}: key '{key}': {problem}")

    def validate(self) -> tuple[PackTest, ...]:
        spec = self.spec
        if not isinstance(spec, dict):
            raise PackError(f"{self.display}:{self.where.rule(self.index)}: expected a table")
        code = spec.get("code")
        if not isinstance(code, str) or not regex.fullmatch(r"[A-Z]{2,3}\d{3}", code):
            self.fail("code", f"expected the pack prefix {self.prefix} and three digits")
        if not code.startswith(self.prefix) or not code[len(self.prefix):].isdigit():
            self.fail("code", f"'{code}' does not start with the pack prefix '{self.prefix}'")
        if not isinstance(spec.get("name"), str) or not _NAME.fullmatch(spec["name"]):
            self.fail("name", "expected a kebab-case name")
        kind = spec.get("kind", "existence")
        if kind not in KINDS:
            self.fail("kind", f"expected one of {', '.join(KINDS)}")
        for key in spec:
            if key not in _ALL_RULE_KEYS:
                self.fail(key, "unknown key")
            if key not in _COMMON_KEYS and key not in _KIND_KEYS[kind]:
                self.fail(key, f"not used by a {kind} rule")
        for key in ("message", "summary", "doc"):
            if not isinstance(spec.get(key, ""), str):
                self.fail(key, "expected a string")
        for key in ("ignore-case", "word-boundary", "remove"):
            if not isinstance(spec.get(key, False), bool):
                self.fail(key, "expected true or false")
        self._choice("severity", [s.label for s in Severity])
        self._choice("scope", list(SCOPES))
        self._choice("applicability", list(_APPLICABILITIES))
        self._message(kind)
        getattr(self, f"_{kind}")()
        return self._tests()

    def _choice(self, key: str, allowed: list[str]) -> None:
        if key in self.spec and self.spec[key] not in allowed:
            self.fail(key, f"expected one of {', '.join(allowed)}")

    def _message(self, kind: str) -> None:
        allowed = {"match"} if kind == "existence" else {"match", "replacement"}
        for found in _PLACEHOLDER.findall(self.spec.get("message", "")):
            if found not in allowed:
                names = " and ".join(f"{{{a}}}" for a in sorted(allowed))
                self.fail("message", f"unknown placeholder '{{{found}}}' (use {names})")

    def _strings(self, key: str) -> list[str]:
        value = self.spec.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(key, "expected a list of non-empty strings")
        return value

    def _table(self, key: str) -> dict[str, str]:
        value = self.spec.get(key, {})
        if not isinstance(value, dict) or not all(
            isinstance(v, str) and k.strip() for k, v in value.items()
        ):
            self.fail(key, "expected a table of phrase = replacement")
        return value

    def _pattern(self, key: str, pattern: str) -> regex.Pattern:
        flags = regex.V0 | (regex.I if self.spec.get("ignore-case", True) else 0)
        try:
            compiled = regex.compile(pattern, flags)
        except regex.error as exc:
            self.fail(key, f"invalid regex '{pattern}': {exc}")
        if compiled.fullmatch("") is not None:
            self.fail(key, f"the regex '{pattern}' matches the empty string")
        return compiled

    def _existence(self) -> None:
        tokens = self._strings("tokens")
        patterns = self._strings("patterns")
        if not tokens and not patterns:
            self.fail("tokens", "an existence rule needs 'tokens' or 'patterns'")
        for pattern in patterns:
            self._pattern("patterns", pattern)
        if self.spec.get("remove") and self.spec.get("scope", "text") != "paragraph":
            self.fail("remove", "removing is only for whole paragraphs: add scope = \"paragraph\"")

    def _substitution(self) -> None:
        swap = self._table("swap")
        pattern_swap = self._table("pattern-swap")
        if not swap and not pattern_swap:
            self.fail("swap", "a substitution needs a table of phrase = replacement")
        keys: dict[str, str] = {}
        ignore_case = self.spec.get("ignore-case", True)
        for phrase in swap:
            key = " ".join(phrase.split())
            key = key.lower() if ignore_case else key
            if key in keys:
                self.fail("swap", f"'{phrase}' and '{keys[key]}' are the same phrase")
            keys[key] = phrase
        for pattern, template in pattern_swap.items():
            compiled = self._pattern("pattern-swap", pattern)
            for name, number in _GROUP_REF.findall(template):
                ok = (int(number) <= compiled.groups) if number else (
                    name in compiled.groupindex or (name.isdigit() and int(name) <= compiled.groups)
                )
                if not ok:
                    self.fail("pattern-swap", f"{template!r} refers to a group {pattern!r} lacks")
            self._template(compiled, pattern, template)
        for phrase, replacement in swap.items():
            self._no_controls("swap", replacement, f"the replacement of {phrase!r}")

    def _template(self, compiled: regex.Pattern, pattern: str, template: str) -> None:
        """Expand ``template`` once at load, so a bad escape (``\\q``, an unclosed ``\\g<1``, a
        trailing backslash) is an error here and not a traceback in the middle of a run, and a
        template that writes a control character (``\\0``) is refused."""
        try:
            literal = _empty_match(compiled).expand(template)
        except (regex.error, IndexError) as exc:
            self.fail("pattern-swap", f"invalid replacement {template!r} for {pattern!r}: {exc}")
        self._no_controls("pattern-swap", literal, f"the replacement {template!r}")

    def _no_controls(self, key: str, text: str, what: str) -> None:
        from copyfix.fixer import CONTROL_CHARACTERS

        found = CONTROL_CHARACTERS.search(text)
        if found:
            self.fail(key, f"{what} contains the control character U+{ord(found[0]):04X}")

    def _consistency(self) -> None:
        groups = self.spec.get("groups")
        if not isinstance(groups, list) or not groups:
            self.fail("groups", "expected a list of spelling groups, e.g. [[\"email\", \"e-mail\"]]")
        ignore_case = self.spec.get("ignore-case", True)
        seen: set[str] = set()
        for group in groups:
            if not isinstance(group, list) or len(group) < 2 or not all(
                isinstance(t, str) and t.strip() for t in group
            ):
                self.fail("groups", "each group is a list of two or more spellings")
            for term in group:
                key = " ".join(term.split())
                key = key.lower() if ignore_case else key
                if key in seen:
                    self.fail("groups", f"'{term}' appears twice")
                seen.add(key)
                self._no_controls("groups", term, f"the spelling {term!r}")

    def _tests(self) -> tuple[PackTest, ...]:
        tests = self.spec.get("test", [])
        if not isinstance(tests, list) or not tests:
            self.fail("test", "every rule needs at least one [[rule.test]]")
        result: list[PackTest] = []
        for number, test in enumerate(tests):
            if not isinstance(test, dict) or not isinstance(test.get("text"), str):
                self.fail("test", "each test needs a 'text' string", number)
            for key in test:
                if key not in _TEST_KEYS:
                    self.fail(f"test.{key}", "unknown key (expected text, fixed, flags, "
                              "markdown, unsafe)", number)
            if not isinstance(test.get("fixed", ""), str):
                self.fail("test.fixed", "expected a string", number)
            flags = test.get("flags", 0)
            if not isinstance(flags, int) or isinstance(flags, bool) or flags < 0:
                self.fail("test.flags", "expected a count of findings (0 or more)", number)
            for key in ("markdown", "unsafe"):
                if not isinstance(test.get(key, False), bool):
                    self.fail(f"test.{key}", "expected true or false", number)
            line = self.where.key(self.index, "text", number)
            result.append(PackTest(
                test["text"], test.get("fixed"), test.get("flags"), test.get("markdown", False),
                test.get("unsafe", False), line,
            ))
        return tuple(result)


def load_packs(refs: list[str], root: Path) -> list[PackRule]:
    """Every rule of every pack in ``refs``; a code or name used twice, or one that collides
    with a built-in rule, is an error."""
    from copyfix.rules import builtin_rules

    builtin = list(builtin_rules())
    families = {rule.code[:2] for rule in builtin}
    taken: dict[str, str] = {}
    for rule in builtin:
        taken[rule.code] = taken[rule.name] = "copyfix's built-in rules"
    rules: list[PackRule] = []
    for ref in refs:
        pack_rules = load_pack(ref, root)
        for rule in pack_rules:
            if rule.code[:2] in families and not rule.code[:3].isalpha():
                raise PackError(
                    f"{rule.source}: key 'pack.prefix': '{rule.code[:2]}' is a family of "
                    "copyfix's built-in rules; choose another prefix"
                )
            for key in (rule.code, rule.name):
                if key in taken:
                    raise PackError(
                        f"{rule.source}: rule {rule.code}: '{key}' is already used by "
                        f"{taken[key]}"
                    )
                taken[key] = rule.source
        rules.extend(pack_rules)
    return rules


# --- inline tests ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TestFailure:
    """A broken ``[[rule.test]]`` case, reported like a failed pytest test."""

    __test__ = False  # not a pytest class

    rule: PackRule
    number: int
    test: PackTest
    problem: str
    got: str | None = None
    findings: tuple[str, ...] = ()

    @property
    def node(self) -> str:
        return f"{self.rule.source}::{self.rule.code}::test[{self.number}]"

    def render(self) -> str:
        lines = [
            f"{self.node} (line {self.test.line}) - {self.problem}",
            f"    text:     {self.test.text!r}",
        ]
        if self.test.fixed is not None:
            lines.append(f"    expected: {self.test.fixed!r}")
        if self.got is not None:
            lines.append(f"    got:      {self.got!r}")
        for finding in self.findings:
            lines.append(f"    finding:  {finding}")
        return "\n".join(lines)


def check_rule(rule: PackRule, registry: Registry) -> list[TestFailure]:
    """Run one rule's inline tests with only that rule enabled."""
    from copyfix.api import Linter

    linter = Linter(registry, [rule])
    failures: list[TestFailure] = []
    for number, test in enumerate(rule.tests, 1):
        found = linter.lint(test.text, kind=test.kind)
        shown = tuple(f"{d.line}:{d.column} {d.code} {d.message}" for d in found)

        def fail(problem: str, got: str | None = None, test: PackTest = test,
                 number: int = number, shown: tuple[str, ...] = shown) -> None:
            failures.append(TestFailure(rule, number, test, problem, got, shown))

        if test.flags is not None and len(found) != test.flags:
            fail(f"expected {test.flags} finding(s), got {len(found)}")
        elif test.fixed is None and test.flags is None and found:
            fail(f"expected no finding, got {len(found)}")
        if test.fixed is None:
            continue
        if not found:
            fail("expected a finding, got none")
            continue
        fixed = linter.fix(test.text, kind=test.kind, unsafe=test.unsafe).text
        if fixed != test.fixed:
            fail("the fix gives a different text", fixed)
            continue
        again = linter.fix(fixed, kind=test.kind, unsafe=test.unsafe).text
        if again != fixed:
            fail("a second fix changes the text again", again)
    return failures


def check_rule_tests(rule: PackRule, registry: Registry) -> list[str]:
    """Run one rule's inline tests; return a report for each failure."""
    return [failure.render() for failure in check_rule(rule, registry)]


def default_test_refs(root: Path) -> tuple[list[str], Path]:
    """The packs ``copyfix test-rules`` checks when none are named: every built-in pack and the
    packs of the configuration that applies to ``root``."""
    from copyfix.config import find_config_file, load_settings

    refs = builtin_pack_names()
    found = find_config_file(root)
    if found:
        settings = load_settings(found)
        refs += [p for p in settings.packs if p not in refs]
        root = settings.root
    return refs, root


def run_pack_tests(refs: list[str], root: Path) -> tuple[list[str], int]:
    """Run the inline tests of ``refs`` (default: see ``default_test_refs``); return a report
    for each failed case and the number of cases run."""
    from copyfix.registry import default_registry

    if not refs:
        refs, root = default_test_refs(root)
    failures: list[str] = []
    total = 0
    for ref in refs:
        rules = load_packs([ref], root)
        registry = default_registry()
        for rule in rules:
            registry.add(rule)
        for rule in rules:
            total += len(rule.tests)
            failures += check_rule_tests(rule, registry)
    return failures, total
