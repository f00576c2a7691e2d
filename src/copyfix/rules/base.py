"""The base every rule builds on: metadata as class attributes, a pure ``check`` generator."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from copyfix.model import (
    Applicability,
    Edit,
    Example,
    Fix,
    FixAvailability,
    RuleInfo,
    Severity,
    Span,
    Violation,
    WordContext,
    family_of,
)

if TYPE_CHECKING:
    from copyfix.text.document import Document


class Rule:
    """Subclasses set the class attributes and implement ``check``; the docstring is the rule's
    documentation, with ``## What it does``, ``## Why is this bad?``, ``## Fix safety`` and
    ``## Options`` sections."""

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    #: Whether findings come with a fix: ``always``, ``sometimes`` or ``never`` (checked
    #: against the examples by ``copyfix.testing``).
    fix_availability: ClassVar[FixAvailability] = FixAvailability.SOMETIMES
    #: When True the engine drops findings that touch protected tokens (URLs, numbers, paths).
    guarded: ClassVar[bool] = True
    #: Where a SAFE fix needs ordinary English words (or numbers): in the tokens its edits
    #: touch, or only in those from the edit on; next to a name, command or identifier the
    #: engine makes it UNSAFE.
    needs_words: ClassVar[WordContext] = WordContext.NONE
    examples: ClassVar[tuple[Example, ...]] = ()

    @property
    def fixable(self) -> bool:
        return self.fix_availability is not FixAvailability.NEVER

    @property
    def family(self) -> str:
        return family_of(self.code)

    def info(self) -> RuleInfo:
        return RuleInfo(
            code=self.code,
            name=self.name,
            summary=self.summary,
            severity=self.severity,
            fixable=self.fixable,
            family=self.family,
            doc=inspect.cleandoc(type(self).__doc__ or ""),
            examples=self.examples,
            fix_availability=self.fix_availability,
        )

    def check(self, doc: Document) -> Iterator[Violation]:
        raise NotImplementedError


def violation(
    start: int,
    end: int,
    message: str,
    *edits: Edit,
    title: str = "",
    applicability: Applicability = Applicability.SAFE,
) -> Violation:
    """Build a violation over ``[start, end)`` with an optional fix made of ``edits``."""
    fix = Fix(tuple(edits), applicability, title) if edits else None
    return Violation(Span(start, end), message, fix)
