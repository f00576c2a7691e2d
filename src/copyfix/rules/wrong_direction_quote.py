from __future__ import annotations

from collections.abc import Iterator

from copyfix.model import Edit, FixAvailability, Severity, Violation, bad, good
from copyfix.rules.base import Rule, violation
from copyfix.text.quotes import Role

_MESSAGES = {
    Role.OPEN: "Closing quote mark used to open a quotation",
    Role.CLOSE: "Opening quote mark used to close a quotation",
    Role.APOSTROPHE: "Opening quote mark used as an apostrophe",
}


class WrongDirectionQuote(Rule):
    """Flags a curly quote mark that faces the wrong way.

    ## What it does
    Finds a closing mark used to open a quotation (`”Hello,” she said`, `said,”The`), an
    opening mark used to close one (`“yes“`, `‘that is true‘`), and `‘` used as an apostrophe
    (`don‘t`), and replaces each with the mark its position calls for. A mark's role is decided
    as a typesetter would: by what stands before and after it, and by whether a quotation is
    open at that point of the paragraph.

    ## Why is this bad?
    Wrong-direction quotes come from autocorrect and copy-paste; they look like a typo to every
    reader and confuse tools that pair quotations.

    ## Fix safety
    Safe: one quote glyph is swapped for its mirror.
    """

    code = "QT001"
    name = "wrong-direction-quote"
    fix_availability = FixAvailability.ALWAYS
    lexicon_lists = ("elisions",)
    summary = "Quote mark faces the wrong way"
    severity = Severity.ERROR
    examples = (
        bad("”Hello,” she said.", "“Hello,” she said."),
        bad("He added,”The two sides agree.”", "He added,“The two sides agree.”"),
        bad("She said “yes“ to it.", "She said “yes” to it."),
        bad("He said ‘that is true‘ again.", "He said ‘that is true’ again."),
        bad("I don‘t know.", "I don’t know."),
        good("“Good,” she said. ’Tis the season for rock ’n’ roll in the ’90s."),
        good("The students’ work was “excellent.”"),
        good("“It’ll be our”—she leaned in—“secret.”"),
        good("“Good morning, Frank,”said Hal."),
        good("A sentence with “multiple ‘nested “quotes”’”."),
        good("He is 5'10\" tall."),
    )

    def check(self, doc) -> Iterator[Violation]:
        for mark in doc.analysis.quotes:
            if mark.expected is None:
                continue
            yield violation(
                mark.pos, mark.pos + 1, _MESSAGES[mark.role],
                Edit.replace(mark.pos, mark.pos + 1, mark.expected),
                title=f"Replace with {mark.expected}",
            )
