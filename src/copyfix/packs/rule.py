"""A pack rule at work: matching its phrases and patterns in a document, within a time limit,
and turning each hit into a violation with its fix."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import regex

from copyfix.model import (
    Applicability,
    Edit,
    Example,
    FixAvailability,
    RuleInfo,
    Severity,
    Violation,
)
from copyfix.packs.spec import APPLICABILITIES, PLACEHOLDER, PackTest
from copyfix.rules.base import Rule, violation
from copyfix.text.blocks import BlockKind

if TYPE_CHECKING:
    from copyfix.text.document import Document

#: Seconds all of one pack rule's patterns may run on one document before they are stopped and
#: the rule reports a pack error instead.
PATTERN_TIME_LIMIT = 1.0


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
        self.applicability = APPLICABILITIES[spec.get("applicability", default_applicability)]
        self.remove = bool(spec.get("remove", False))
        rewrites = self.kind != "existence" or self.remove
        fixes = rewrites and self.applicability > Applicability.DISPLAY_ONLY
        self.fix_availability = FixAvailability.ALWAYS if fixes else FixAvailability.NEVER
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
            more = (
                f" and {len(self.replacements) - len(shown)} more"
                if len(self.replacements) > len(shown)
                else ""
            )
            origin += f" Replaces {pairs}{more}."
        if not self.fixable:
            safety = (
                "Report only: the fix is shown, never applied."
                if self.kind != "existence" or self.remove
                else "Report only."
            )
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
                exc.at,
                exc.at,
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
                hit.start,
                hit.end,
                message,
                Edit.replace(hit.start, hit.end, hit.replacement),
                title=f"Replace with '{hit.replacement}'",
                applicability=self.applicability,
            )
        if self.remove:
            start, end = _with_surrounding_paragraph_break(doc.text, hit.start, hit.end)
            return violation(
                hit.start,
                hit.end,
                message,
                Edit.delete(start, end),
                title="Remove the paragraph",
                applicability=self.applicability,
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
    text = PLACEHOLDER.sub("…", message).strip().rstrip(".")
    return text[:1].upper() + text[1:]


def _example(test: PackTest) -> Example:
    if test.fixed is not None:
        fixed: str | None = test.fixed
    elif test.flags:
        fixed = test.text
    else:
        fixed = None
    return Example(test.text, fixed, test.kind, test.unsafe)


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
