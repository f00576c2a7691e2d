"""Inline suppression comments and ``[sic]``, the same syntax in Markdown and plain text.

``<!-- copyfix: disable CODE ... -->`` ... ``<!-- copyfix: enable -->``,
``<!-- copyfix: disable-next-line CODE ... -->``, ``<!-- copyfix: disable-file -->``.
No list means every rule. Each directive remembers whether it silenced anything, so an unused
one can be reported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from copyfix.model import Span

if TYPE_CHECKING:
    from copyfix.document import Document

DIRECTIVE = regex.compile(
    r"^[ \t]*<!--[ \t]*copyfix:[ \t]*(disable-next-line|disable-file|disable|enable)\b"
    r"([^\n]*?)[ \t]*-->[ \t]*$",
    regex.M,
)
_SIC = regex.compile(r"(\S+)[ \t]*\[sic\]", regex.I)


@dataclass(slots=True)
class Directive:
    action: str
    rules: tuple[str, ...]
    span: Span
    line: int
    used: bool = False


@dataclass(slots=True)
class Region:
    directive: Directive
    first_line: int
    last_line: int  # inclusive

    def covers(self, line: int) -> bool:
        return self.first_line <= line <= self.last_line


@dataclass(slots=True)
class Suppressions:
    directives: list[Directive] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    sic: list[Span] = field(default_factory=list)
    unknown: list[tuple[Directive, str]] = field(default_factory=list)

    def suppresses(self, codes: set[str], line: int, span: Span) -> bool:
        """True if a directive or ``[sic]`` silences a finding of a rule known by ``codes``."""
        for s in self.sic:
            if s.overlaps(span) or (not len(span) and s.start <= span.start <= s.end):
                return True
        hit = False
        for region in self.regions:
            d = region.directive
            if region.covers(line) and (not d.rules or codes & set(d.rules)):
                d.used = True
                hit = True
        return hit


def parse_suppressions(doc: Document, resolve: Callable[[str], set[str]]) -> Suppressions:
    """Find directives in the document. ``resolve(selector)`` maps a code, name or prefix to a set of
    rule codes, raising ``ValueError`` for an unknown one."""
    result = Suppressions()
    text = doc.text
    if "copyfix:" not in text and "[sic]" not in text.lower():
        return result
    open_disables: list[Directive] = []
    last_line = text.count("\n") + 1
    for m in DIRECTIVE.finditer(text):
        action = m.group(1)
        selectors = tuple(s for s in regex.split(r"[\s,]+", m.group(2).strip()) if s)
        codes: set[str] = set()
        directive = Directive(action, (), Span(*m.span()), doc.position(m.start())[0])
        for sel in selectors:
            try:
                codes |= resolve(sel)
            except ValueError:
                result.unknown.append((directive, sel))
        directive.rules = tuple(sorted(codes))
        if selectors and not codes:
            continue
        result.directives.append(directive)
        if action == "disable-file":
            result.regions.append(Region(directive, 1, last_line))
        elif action == "disable-next-line":
            result.regions.append(Region(directive, directive.line + 1, directive.line + 1))
        elif action == "disable":
            open_disables.append(directive)
        else:
            directive.used = True  # an enable closes regions; it never silences by itself
            for d in open_disables:
                result.regions.append(Region(d, d.line + 1, directive.line - 1))
            open_disables.clear()
    for d in open_disables:
        result.regions.append(Region(d, d.line + 1, last_line))
    result.sic = [Span(*m.span(1)) for m in _SIC.finditer(text)]
    return result


def directive_spans(text: str) -> list[Span]:
    return [Span(*m.span()) for m in DIRECTIVE.finditer(text)]
