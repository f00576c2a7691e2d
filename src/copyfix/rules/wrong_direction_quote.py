from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from copyfix.model import Applicability, Edit, FixAvailability, Severity, Violation, bad, good
from copyfix.patterns import lazy_compile
from copyfix.rules.base import Rule, violation
from copyfix.text.quotes import Role

if TYPE_CHECKING:
    from copyfix.text.document import Document

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
    Safe: one quote glyph is swapped for its mirror; unsafe for `‘` inside a word that is not
    English and does not end like an English contraction or possessive (`Hawai‘i`,
    `Tupouto‘a`), where it may stand for the ʻokina. `’` at the start of a word is an
    apostrophe (`’Tis`, `the ’90s`, `rock ’n’ roll`) and is never changed, nor is the turned
    comma of Mac (`M‘Cook`); a closing mark glued
    to the next word after a quotation (`Frank,”said`) closes it and is left alone; straight
    quotes have no direction.
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
        bad("Obama‘s aides said they‘re ready.", "Obama’s aides said they’re ready."),
        bad("Prince Tupouto‘a ruled Hawai‘i.", "Prince Tupouto’a ruled Hawai’i.", unsafe=True),
        good("“Good,” she said. ’Tis the season for rock ’n’ roll in the ’90s."),
        good("The students’ work was “excellent.”"),
        good("“It’ll be our”—she leaned in—“secret.”"),
        good("“Good morning, Frank,”said Hal."),
        good("A sentence with “multiple ‘nested “quotes”’”."),
        good("He is 5'10\" tall."),
        good("He said, “\u200a’account of him the said Matthew.’ And a day.”"),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        view = doc.view
        for mark in doc.analysis.quotes:
            if mark.expected is None or _MAC.match(view, mark.pos - 1):
                continue  # "M‘Cook", "M‘Queen": the turned comma of Mac, set so on purpose
            applicability = Applicability.SAFE
            if mark.role is Role.APOSTROPHE and _may_be_okina(doc, view, mark.pos):
                applicability = Applicability.UNSAFE
            yield violation(
                mark.pos, mark.pos + 1, _MESSAGES[mark.role],
                Edit.replace(mark.pos, mark.pos + 1, mark.expected),
                title=f"Replace with {mark.expected}", applicability=applicability,
            )


# What follows the apostrophe of an English contraction or possessive: don't, John's, we'll.
_CLITICS = frozenset("s t ll re ve d m".split())
_LETTERS = lazy_compile(r"\p{L}+")
_MAC = lazy_compile(r"(?<!\p{L})M‘\p{Lu}")
_LETTERS_BEFORE = lazy_compile(r"\p{L}+$")


def _may_be_okina(doc, view: str, pos: int) -> bool:
    """``Hawai‘i``, ``Tupouto‘a``, ``Savai‘i``: inside a name of Polynesian languages, ``‘``
    stands for the ʻokina, a consonant, and is not an apostrophe. Only an English word
    (``don‘t``) or an English ending (``Obama‘s``, ``they‘re``) makes it surely one."""
    after = _LETTERS.match(view, pos + 1, pos + 40)
    before = _LETTERS_BEFORE.search(view, max(0, pos - 40), pos)
    if after is None or before is None:
        return False
    if after.group().lower() in _CLITICS:
        return False
    return not doc.analysis.is_ordinary_word(f"{before.group()}’{after.group()}")
