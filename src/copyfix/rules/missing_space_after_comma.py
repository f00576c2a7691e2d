from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from copyfix.model import Edit, FixAvailability, Severity, Violation, WordContext, bad, good
from copyfix.rules.base import Rule, violation

if TYPE_CHECKING:
    from copyfix.text.document import Document

# A comma glued to what follows: a letter, an opening quote before a letter, or a digit after a
# non-digit. Two digits around a comma are a number (1,234 or 3,14) and are left alone.
_GLUED = regex.compile(
    r"(?:(?<=[\p{L}\p{M}\d)\]”’\"%\ufffc])|^)(,)(?=[\p{L}]|[“\"][\p{L}]|(?<!\d,)\d)", regex.M
)
# "This ,is": the space stands on the wrong side of the comma.
_WRONG_SIDE = regex.compile(r"(?<=[\p{L}\p{M}\d])([ \t]+),(?=\p{L})")


class MissingSpaceAfterComma(Rule):
    """Flags a comma with no space before the next word.

    ## What it does
    Finds `word,word`, `In 2019,the` and `said,“Come` and inserts the missing space.

    ## Why is this bad?
    A comma is always followed by a space in running English text; without it the two words read
    as one token and screen readers stumble.

    ## Fix safety
    Safe: only a space is inserted. Numbers (`1,234`, `3,14`, `40.7128,-74.0060`), URLs,
    paths and code are never touched.
    """

    code = "SP001"
    name = "missing-space-after-comma"
    fix_availability = FixAvailability.ALWAYS
    summary = "Missing space after a comma"
    needs_words = WordContext.AFTER
    severity = Severity.ERROR
    examples = (
        bad("In 2019,the plan changed.", "In 2019, the plan changed."),
        bad("We met in Paris,France.", "We met in Paris, France."),
        bad("industrial,supply,and value chains", "industrial, supply, and value chains"),
        bad("She said,“Come here.”", "She said, “Come here.”"),
        bad("This ,is a test.", "This, is a test."),
        good("It cost $3,500.00 for 1,234,567 units."),
        good("Pi is 3,14 in France; see 40.7128,-74.0060 on the map."),
        good("See https://example.com/a,b,c for details."),
        good("Call `f(a,b)` first.", markdown=True),
        bad("See [docs](https://a.b),and more.", "See [docs](https://a.b), and more.", markdown=True),
        good("He said, “Good,” and left."),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        for m in _WRONG_SIDE.finditer(doc.view):
            start, end = m.span()
            yield violation(
                start, end, "Space before a comma instead of after it",
                Edit.replace(start, end, ", "), title="Move the space after the comma",
            )
        for m in _GLUED.finditer(doc.view):
            if m.start() > 0 and doc.view[m.start() - 1] in " \t":
                continue  # the wrong-side case above
            at = m.end()
            yield violation(
                m.start(), at, "Missing space after a comma", Edit.insert(at, " "),
                title="Insert a space",
            )
