from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from copyfix.model import Applicability, Edit, FixAvailability, Violation, bad, good
from copyfix.patterns import lazy_compile
from copyfix.rules.base import Rule, violation

if TYPE_CHECKING:
    from copyfix.text.document import Document

# "$ 100": a currency sign apart from its amount; "20 %": a percent sign apart from its number.
_CURRENCY = lazy_compile(r"(?<![\p{L}\d])([$€£¥])([ \t]+)(?=\d)")
# A number with a decimal comma ("512,50 %") is written in a continental style, which puts a
# space before the sign.
_PERCENT = lazy_compile(r"(?<=\d)(?<!\d,\d{1,2})([ \t]+)(%)(?![\p{L}\d])")


class SpaceAroundSymbol(Rule):
    """Flags a space between a currency or percent sign and its number.

    ## What it does
    Finds `$ 100` and `20 %` and removes the space: `$100`, `20%`.

    ## Why is this bad?
    In English the sign is part of the amount; the space lets it wrap away from the number.

    ## Fix safety
    Safe for a currency sign. Unsafe for the percent sign: SI and ISO style put a space before
    `%`, so a document may follow that style on purpose. A number with a decimal comma
    (`512,50 %`) is written in a continental style that spaces the sign, and is left alone.
    """

    code = "TY004"
    name = "space-around-symbol"
    fix_availability = FixAvailability.ALWAYS
    summary = "Space between a number and its currency or percent sign"
    examples = (
        bad("You owe me $ 100.", "You owe me $100."),
        bad("It rose by 20 %.", "It rose by 20%.", unsafe=True),
        good("You owe me $100, up 20%, or US$ in total."),
        good("Français: 512,50 %. Deutsch: 3,5 %."),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        view = doc.view
        for m in _CURRENCY.finditer(view):
            start, end = m.span(2)
            yield violation(
                m.start(), m.end(), f"Space after '{m.group(1)}'", Edit.delete(start, end),
                title="Remove the space",
            )
        for m in _PERCENT.finditer(view):
            start, end = m.span(1)
            yield violation(
                start, m.end(), "Space before '%'", Edit.delete(start, end),
                title="Remove the space", applicability=Applicability.UNSAFE,
            )
