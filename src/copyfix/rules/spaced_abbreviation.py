from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from copyfix.model import Edit, FixAvailability, Violation, bad, good
from copyfix.patterns import lazy_compile
from copyfix.rules.base import Rule, violation

if TYPE_CHECKING:
    from copyfix.text.document import Document

_SPACED = lazy_compile(r"(?<![\p{L}.])([eEiI])\.[ \t]+([gGeE])\.(?!\p{L})")
_VALID = {"eg", "ie"}


class SpacedAbbreviation(Rule):
    """Flags `e. g.` and `i. e.` written with a space inside.

    ## What it does
    Finds `e. g.` and `i. e.` and removes the space: `e.g.`, `i.e.`.

    ## Why is this bad?
    The space splits the abbreviation over two lines and makes it look like two initials.

    ## Fix safety
    Safe: only the space is removed.
    """

    code = "TY003"
    name = "spaced-abbreviation"
    fix_availability = FixAvailability.ALWAYS
    summary = "Space inside the abbreviation e.g or i.e"
    examples = (
        bad("Checkers for English, e. g. LanguageTool.", "Checkers for English, e.g. LanguageTool."),
        bad("One tool, i. e. this one.", "One tool, i.e. this one."),
        good("Use e.g. this, i.e. that. J. E. Smith wrote it."),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        for m in _SPACED.finditer(doc.view):
            if (m.group(1) + m.group(2)).lower() not in _VALID:
                continue
            if m.group(1).isupper() and m.group(2).isupper():
                continue  # initials: "J. E. Smith" style, "I. E. Wood"
            space_start = m.start(1) + 2
            space_end = m.start(2)
            yield violation(
                m.start(), m.end(), f"Write '{m.group(1)}.{m.group(2)}.' without a space",
                Edit.delete(space_start, space_end), title="Remove the space",
            )
