"""Run rules over a document: drop what is masked, protected or suppressed; stamp the rest."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from copyfix.lint.suppression import Suppressions, parse_suppressions
from copyfix.model import (
    Applicability,
    Diagnostic,
    DocumentKind,
    Severity,
    Span,
    Violation,
    WordContext,
    family_of,
)
from copyfix.text.directives import ACTIONS
from copyfix.text.rst_titles import adornment_edits

if TYPE_CHECKING:
    from copyfix.lint.registry import Registry
    from copyfix.rules.base import Rule
    from copyfix.text.document import Document

UNUSED_SUPPRESSION = "CX001"


class CheckCrash(Exception):
    """A rule raised while checking a document: a bug in copyfix, never a finding. Carries the
    rule's name so the report can say which one, and the original exception as ``error``."""

    def __init__(self, code: str, name: str, error: BaseException) -> None:
        super().__init__(f"{code} ({name}): {type(error).__name__}: {error}")
        self.code = code
        self.name = name
        self.error = error


def lint_document(
    doc: Document,
    rules: Iterable[Rule],
    registry: Registry,
    severities: Mapping[str, Severity] | None = None,
) -> list[Diagnostic]:
    rules = list(rules)
    suppressions = parse_suppressions(doc, lambda selector: registry.resolve([selector]))
    diagnostics: list[Diagnostic] = []
    for rule in rules:
        codes = {rule.code}
        severity = (severities or {}).get(rule.code, rule.severity)
        try:
            for v in rule.check(doc):
                if not _allowed(doc, rule, v):
                    continue
                if rule.needs_words is not WordContext.NONE:
                    v = _word_checked(doc, v, rule.needs_words)
                if doc.kind is DocumentKind.TEXT and not rule.safe_in_displays:
                    v = _display_checked(doc, v)
                if doc.kind is DocumentKind.RST and v.fix is not None:
                    v = _with_adornments(doc, v)
                d = stamp(doc, rule.code, rule.name, severity, v)
                if not suppressions.suppresses(codes, d.line, v.span):
                    diagnostics.append(d)
        except Exception as exc:  # MemoryError and RecursionError included
            raise CheckCrash(rule.code, rule.name, exc) from exc
    enabled = {r.code for r in rules}
    if UNUSED_SUPPRESSION in enabled:
        suppressions.mark_used()
        rule = registry.get(UNUSED_SUPPRESSION)
        severity = (severities or {}).get(UNUSED_SUPPRESSION, rule.severity)
        for directive in suppressions.directives:
            if directive.used or not _could_fire(directive.rules, enabled):
                continue
            v = Violation(directive.span, directive.unused_message)
            diagnostics.append(stamp(doc, rule.code, rule.name, severity, v))
        for v in _broken_directives(suppressions):
            diagnostics.append(stamp(doc, rule.code, rule.name, severity, v))
    diagnostics.sort(key=lambda d: (d.span.start, d.span.end, d.code))
    return diagnostics


def _broken_directives(suppressions: Suppressions) -> Iterator[Violation]:
    """Directives that silence nothing because they name an unknown rule or action, or do not
    parse at all."""
    for directive, selector in suppressions.unknown:
        yield Violation(directive.span, f"Suppression names an unknown rule {selector!r}")
    expected = ", ".join(ACTIONS)
    for directive in suppressions.unknown_actions:
        yield Violation(
            directive.span,
            f"Unknown suppression directive {directive.action!r} (expected {expected});"
            " it silences nothing",
        )
    for span in suppressions.malformed:
        yield Violation(
            span,
            "Malformed suppression directive: write it as a whole '<!-- copyfix: ACTION RULES"
            " -->' comment on a line of its own; it silences nothing",
        )


def _could_fire(codes: tuple[str, ...], enabled: set[str]) -> bool:
    """A directive for rules that are not enabled in this run is not stale, just idle."""
    return not codes or bool(set(codes) & enabled)


def _allowed(doc: Document, rule: Rule, v: Violation) -> bool:
    spans: list[Span] = [v.span]
    if v.fix is not None:
        spans += [e.span for e in v.fix.edits]
    for span in spans:
        if doc.literal.overlaps(span):
            return False
        if rule.guarded and doc.analysis.is_protected(span):
            return False
    return True


def _with_adornments(doc: Document, v: Violation) -> Violation:
    """A fix that widens a reST title also widens its underline and overline, which must stay
    at least as wide as the title (added after ``_allowed``: adornments are not prose)."""
    extra = adornment_edits(doc, v.fix.edits)
    if not extra:
        return v
    return replace(v, fix=replace(v.fix, edits=(*v.fix.edits, *extra)))


def _word_checked(doc: Document, v: Violation, context: WordContext) -> Violation:
    """A safe fix next to a word English does not know (a name, a command, an identifier) is
    only as safe as a guess about that word: make it unsafe."""
    fix = v.fix
    if fix is None or fix.applicability is not Applicability.SAFE:
        return v
    after_only = context is WordContext.AFTER
    if all(doc.analysis.ordinary_around(e.span, after_only=after_only) for e in fix.edits):
        return v
    return replace(v, fix=replace(fix, applicability=Applicability.UNSAFE))


def _display_checked(doc: Document, v: Violation) -> Violation:
    """A safe fix inside a plain-text display that holds no sentence (``Analysis.verbatim_at``:
    an example session, a program's output set off from the running text) changes text
    reproduced as it is: make it unsafe."""
    fix = v.fix
    if fix is None or fix.applicability is not Applicability.SAFE:
        return v
    if not any(doc.analysis.verbatim_at(e.span.start) for e in fix.edits):
        return v
    return replace(v, fix=replace(fix, applicability=Applicability.UNSAFE))


def stamp(doc: Document, code: str, name: str, severity: Severity, v: Violation) -> Diagnostic:
    line, column = doc.position(v.span.start)
    end_line, end_column = doc.position(v.span.end)
    return Diagnostic(
        path=doc.path,
        code=code,
        name=name,
        severity=severity,
        span=v.span,
        message=v.message,
        fix=v.fix,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        family=family_of(code),
    )
