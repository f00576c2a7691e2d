"""The base every rule builds on: metadata as class attributes, a pure ``check`` generator."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from copyfix.model import (
    Applicability,
    DocumentKind,
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


_BACKTICKS = re.compile(r"`+")


#: How many times a document repeats a spacing or casing pattern before it counts as the
#: document's own style rather than a slip: the rules that see it then offer only unsafe fixes.
HABIT_MIN = 3


class Rule:
    """Subclasses set the class attributes and implement ``check``. The docstring is the rule's
    documentation, with ``## What it does``, ``## Why is this bad?`` and ``## Fix safety``
    sections; ``documentation()`` adds ``## Not flagged`` (the good examples) and ``## Options``
    (the lexicon lists the rule declares)."""

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
    #: Whether a SAFE fix stays safe inside a plain-text display that holds no sentence (a
    #: block set off deeper than the running text: an example session, a program's output),
    #: which is reproduced as it is; only fixes that change nothing a reader sees (trailing
    #: white space) do.
    safe_in_displays: ClassVar[bool] = False
    examples: ClassVar[tuple[Example, ...]] = ()
    #: The lexicon lists (fields of ``copyfix.text.lexicon.Lexicon``) the rule reads: its
    #: options, listed under ``## Options``.
    lexicon_lists: ClassVar[tuple[str, ...]] = ()
    #: Former names, still accepted by ``select``, ``ignore`` and suppression directives.
    aliases: ClassVar[tuple[str, ...]] = ()

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
            doc=self.documentation(),
            examples=self.examples,
            fix_availability=self.fix_availability,
        )

    def documentation(self) -> str:
        """The docstring, then ``## Not flagged`` from the good examples and ``## Options`` from
        ``lexicon_lists``."""
        parts = [inspect.cleandoc(type(self).__doc__ or "")]
        silent = [example for example in self.examples if not example.is_bad]
        if silent:
            parts.append("## Not flagged\n" + "\n".join(f"- {_shown(e)}" for e in silent))
        parts.append("## Options\n" + options_text(self.lexicon_lists))
        return "\n\n".join(parts)

    def check(self, doc: Document) -> Iterator[Violation]:
        raise NotImplementedError


def options_text(lists: tuple[str, ...]) -> str:
    """``None.`` or the lexicon lists a rule reads, as a sentence."""
    if not lists:
        return "None."
    names = [f"`{name}`" for name in lists]
    joined = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"The lexicon's {joined} list{'s' if len(names) > 1 else ''}."


def _shown(example: Example) -> str:
    """An example as inline Markdown code on one line (``\\n`` for a line break)."""
    text = example.text.replace("\n", "\\n").replace("\t", "\\t")
    ticks = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    padded = f" {text} " if "`" in text else text
    where = " (Markdown)" if example.kind is DocumentKind.MARKDOWN else ""
    return f"{ticks}{padded}{ticks}{where}"


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
