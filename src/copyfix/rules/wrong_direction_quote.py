from __future__ import annotations

from collections.abc import Iterator

import regex

from copyfix.model import Edit, Severity, Violation, bad, good
from copyfix.rules.base import Rule, violation

# Decided by position, as a typesetter would: a mark with nothing (or an opening bracket, a dash
# or punctuation that ends a clause) before it and a word after it opens; a mark after a word or
# punctuation with nothing after it closes. `’` before a word is left alone: it is the apostrophe
# of ’Tis, ’90s and rock ’n’ roll.
_OPEN_POS = r"(?:(?<=^|[\s(\[{—–-])|(?<=[,:;]))"
CLOSING_USED_TO_OPEN = regex.compile(_OPEN_POS + r"(”)(?=[\p{L}\d])", regex.M)
_OPENING_USED_TO_CLOSE = regex.compile(
    r"(?<=[\p{L}\p{M}\d.,!?;:…)])([“‘])(?=$|[\s.,;:!?)\]}—–])", regex.M
)
_OPENING_AS_APOSTROPHE = regex.compile(r"(?<=\p{L})(‘)(?=\p{L})")
_PAIR = {"”": "“", "“": "”", "‘": "’"}


class WrongDirectionQuote(Rule):
    """Flags a curly quote mark that faces the wrong way.

    ## What it does
    Finds a closing mark used to open a quotation (`”Hello,” she said`, `said,”The`), an
    opening mark used to close one (`“yes“`, `‘that is true‘`), and `‘` used as an apostrophe
    (`don‘t`), and replaces each with the mark its position calls for.

    ## Why is this bad?
    Wrong-direction quotes come from autocorrect and copy-paste; they look like a typo to every
    reader and confuse tools that pair quotations.

    ## Fix safety
    Safe: one quote glyph is swapped for its mirror. `’` at the start of a word is an
    apostrophe (`’Tis`, `the ’90s`, `rock ’n’ roll`) and is never changed; straight quotes are
    left to other rules.

    ## Options
    None.
    """

    code = "QT001"
    name = "wrong-direction-quote"
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
        good("He is 5'10\" tall."),
    )

    def check(self, doc) -> Iterator[Violation]:
        view = doc.view
        for pattern, message in (
            (CLOSING_USED_TO_OPEN, "Closing quote mark used to open a quotation"),
            (_OPENING_USED_TO_CLOSE, "Opening quote mark used to close a quotation"),
            (_OPENING_AS_APOSTROPHE, "Opening quote mark used as an apostrophe"),
        ):
            for m in pattern.finditer(view):
                start, end = m.span(1)
                mark = m.group(1)
                replacement = "’" if pattern is _OPENING_AS_APOSTROPHE else _PAIR[mark]
                yield violation(
                    start, end, message, Edit.replace(start, end, replacement),
                    title=f"Replace with {replacement}",
                )
