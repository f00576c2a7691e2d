"""Inline suppression comments and ``[sic]``, the same syntax in Markdown and plain text.

``<!-- copyfix: disable CODE ... -->`` ... ``<!-- copyfix: enable -->``,
``<!-- copyfix: disable-next-line CODE ... -->``, ``<!-- copyfix: disable-file -->``.
A directive stands on a line of its own. Rules are named by code, name or family prefix; no list
means every rule. ``enable`` with a list closes only those rules. Each directive remembers whether
it silenced anything, so an unused one can be reported. ``word [sic]`` silences findings on
``word``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from copyfix.model import Span
from copyfix.patterns import lazy_compile
from copyfix.text.directives import ACTIONS, find_directives, malformed_directives

if TYPE_CHECKING:
    from copyfix.text.document import Document

_SELECTOR_SPLIT = lazy_compile(r"[\s,]+")
# The word before ``[sic]``: letters with inner punctuation, as a writer quotes it.
_SIC = lazy_compile(r"(\S+?)[\p{P}]*[ \t]*\[sic\]", regex.I)


@dataclass(slots=True)
class Directive:
    action: str
    rules: tuple[str, ...]
    span: Span
    line: int
    used: bool = False

    @property
    def unused_message(self) -> str:
        if self.action == "enable":
            what = ", ".join(self.rules) or "all rules"
            return f"Enable of {what} closes no open disable"
        what = ", ".join(self.rules) or "all rules"
        return f"Suppression of {what} silences nothing"


@dataclass(slots=True)
class Region:
    directive: Directive
    first_line: int
    last_line: int  # inclusive
    #: The rules this region silences; None for every rule but those in ``excepted``.
    codes: frozenset[str] | None = None
    excepted: frozenset[str] = frozenset()

    def covers(self, line: int) -> bool:
        return self.first_line <= line <= self.last_line

    def silences(self, codes: set[str]) -> bool:
        if self.codes is None:
            return not codes & self.excepted
        return bool(self.codes & codes)


@dataclass(slots=True)
class Suppressions:
    directives: list[Directive] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    sic: list[Span] = field(default_factory=list)
    unknown: list[tuple[Directive, str]] = field(default_factory=list)
    #: Directives whose action is not one of ``ACTIONS``, and lines that begin a directive but
    #: do not parse: each silences nothing and is reported.
    unknown_actions: list[Directive] = field(default_factory=list)
    malformed: list[Span] = field(default_factory=list)
    # Built on first use, so a check costs a bisection instead of a scan of every region and
    # every [sic]: with thousands of directives the scans made linting quadratic.
    _covered: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict)
    _silenced: dict[str, list[int]] = field(default_factory=dict)
    _sic_starts: list[int] | None = None

    def suppresses(self, codes: set[str], line: int, span: Span) -> bool:
        """True if a directive or ``[sic]`` silences a finding of a rule known by ``codes``.
        Which directives were used is settled afterwards, by ``mark_used``."""
        if self.sic and self._in_sic(span):
            return True
        if not self.regions:
            return False
        hit = False
        for code in codes:
            firsts, lasts = self._intervals(code)
            i = bisect_right(firsts, line) - 1
            if i >= 0 and lasts[i] >= line:
                self._silenced.setdefault(code, []).append(line)
                hit = True
        return hit

    def mark_used(self) -> None:
        """Mark every directive with a region that silenced a finding, so none of them is
        reported as stale: one bisection per region and rule, not a scan per finding."""
        lines = {code: sorted(found) for code, found in self._silenced.items()}
        for region in self.regions:
            if region.directive.used:
                continue
            codes = region.codes if region.codes is not None else lines.keys() - region.excepted
            for code in codes:
                found = lines.get(code)
                if not found:
                    continue
                i = bisect_left(found, region.first_line)
                if i < len(found) and found[i] <= region.last_line:
                    region.directive.used = True
                    break

    def _intervals(self, code: str) -> tuple[list[int], list[int]]:
        """The lines where ``code`` is silenced, merged into sorted disjoint intervals."""
        merged = self._covered.get(code)
        if merged is None:
            spans = sorted(
                (r.first_line, r.last_line) for r in self.regions if r.silences({code})
            )
            firsts: list[int] = []
            lasts: list[int] = []
            for first, last in spans:
                if lasts and first <= lasts[-1] + 1:
                    lasts[-1] = max(lasts[-1], last)
                else:
                    firsts.append(first)
                    lasts.append(last)
            merged = self._covered[code] = (firsts, lasts)
        return merged

    def _in_sic(self, span: Span) -> bool:
        # ``[sic]`` words come from one finditer: sorted and disjoint, so only the one starting
        # last at or before the span's end can overlap it, or the one before that for a point.
        if self._sic_starts is None:
            self._sic_starts = [s.start for s in self.sic]
        i = bisect_right(self._sic_starts, span.end)
        for s in self.sic[max(0, i - 2) : i]:
            if s.overlaps(span) or (not len(span) and s.start <= span.start <= s.end):
                return True
        return False


@dataclass(slots=True)
class _Open:
    directive: Directive
    codes: frozenset[str] | None
    first_line: int
    excepted: frozenset[str] = frozenset()


def parse_suppressions(doc: Document, resolve: Callable[[str], set[str]]) -> Suppressions:
    """Find directives in the document. ``resolve(selector)`` maps a code, name or prefix to a set of
    rule codes, raising ``ValueError`` for an unknown one."""
    result = Suppressions()
    text = doc.text
    if "copyfix:" not in text and "[sic]" not in text.lower():
        return result
    opened: list[_Open] = []
    last_line = doc.position(len(text))[0]
    for m in find_directives(doc):
        action = m.group(2)
        selectors = tuple(s for s in _SELECTOR_SPLIT.split(m.group(3).strip()) if s)
        codes: set[str] = set()
        directive = Directive(action, (), Span(*m.span(1)), doc.position(m.start(1))[0])
        if action not in ACTIONS:
            result.unknown_actions.append(directive)
            continue
        for sel in selectors:
            try:
                codes |= resolve(sel)
            except ValueError:
                result.unknown.append((directive, sel))
        directive.rules = tuple(sorted(codes))
        if selectors and not codes:
            continue  # only unknown names: reported as such, and it silences nothing
        result.directives.append(directive)
        scope = frozenset(codes) if codes else None
        if action == "disable-file":
            result.regions.append(Region(directive, 1, last_line, scope))
        elif action == "disable-next-line":
            line = directive.line + 1
            result.regions.append(Region(directive, line, line, scope))
        elif action == "disable":
            opened.append(_Open(directive, scope, directive.line + 1))
        else:
            opened = _close(opened, scope, directive, result.regions)
    for o in opened:
        result.regions.append(Region(o.directive, o.first_line, last_line, o.codes, o.excepted))
    result.malformed = malformed_directives(doc)
    result.sic = [Span(*m.span(1)) for m in _SIC.finditer(text)]
    return result


def _close(
    opened: list[_Open], scope: frozenset[str] | None, enable: Directive, regions: list[Region]
) -> list[_Open]:
    """Close the open disables that ``enable`` names. A disable that is closed for some of its
    rules stays open, from the enable on, for the others."""
    still_open: list[_Open] = []
    for o in opened:
        if scope is not None and o.codes is not None and not o.codes & scope:
            still_open.append(o)
            continue
        if scope is not None and o.codes is None and scope <= o.excepted:
            still_open.append(o)
            continue
        enable.used = True
        regions.append(Region(o.directive, o.first_line, enable.line - 1, o.codes, o.excepted))
        if scope is None:
            continue
        if o.codes is None:
            still_open.append(_Open(o.directive, None, enable.line + 1, o.excepted | scope))
        elif o.codes - scope:
            still_open.append(_Open(o.directive, o.codes - scope, enable.line + 1))
    return still_open
