from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from copyfix.model import Edit, FixAvailability, Violation, WordContext, bad, good
from copyfix.patterns import lazy_compile
from copyfix.rules.base import Rule, violation
from copyfix.text.quotes import Role

if TYPE_CHECKING:
    from copyfix.text.document import Document

_WORD_CHAR = lazy_compile(r"[\p{L}\p{M}\d]")
# An ending added to a quoted word: its plural (dotless "I"s), or a verb made of a command
# ("uuencode"d, "grep"ed, "ping"ing).
_PLURAL = lazy_compile(r"(?:s|es|d|ed|ing)(?![\p{L}\p{M}\d])")
# A note's number set after the quotation it annotates (`tread.”1`, superscript in print).
_NOTE_MARK = lazy_compile(r"\d{1,3}(?![\p{L}\p{M}\d])")


class MissingSpaceAroundQuote(Rule):
    """Flags a quotation glued to the word before or after it.

    ## What it does
    Finds an opening quote mark right after a word (`said“that`, `said"hello"`) and a closing
    mark right before a word (`true”is`, `"hurry"and`, `Frank,”said`), and inserts the space.

    ## Why is this bad?
    Without the space the quotation and its neighbour read as one word.

    ## Fix safety
    Safe: only a space is inserted. Marks are given their roles by pairing within the paragraph,
    so apostrophes (`don't`), inch marks (`5'10"`) and a quote inside a word are never touched;
    nor is a quoted directory that the word after it completes (`under "/usr/lib/"package`), or
    a note's number after a closing mark (`behind him tread.”1`), superscript in print.
    """

    code = "SP006"
    name = "missing-space-around-quote"
    fix_availability = FixAvailability.ALWAYS
    summary = "Missing space before or after a quotation"
    needs_words = WordContext.AFTER
    examples = (
        bad('He said"hello" to me.', 'He said "hello" to me.'),
        bad('She whispered "hurry"and left.', 'She whispered "hurry" and left.'),
        bad("I said “that is true”is true.", "I said “that is true” is true."),
        bad("“Good morning, Frank,”said Hal.", "“Good morning, Frank,” said Hal."),
        good('They shouted "charge" together, and "charge."'),
        good("He is 5'10\" tall; I don't know."),
        good('Put it under "/usr/lib/"package-name or "/usr/share/"package.'),
        good("“Quoted,” she said. Turkish has dotted and dotless \"I\"s."),
        good("Store a \"uuencode\"d copy, or the \"grep\"ed lines."),
        good("“Doth close behind him tread.”1\n\nContinuing thus, I came."),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        view = doc.view
        for mark in doc.analysis.quotes:
            if mark.family not in ("double", "straight") or mark.expected is not None:
                continue
            pos = mark.pos
            if mark.role is Role.OPEN and pos > 0 and _WORD_CHAR.match(view, pos - 1):
                yield violation(
                    pos, pos + 1, "Missing space before the quotation",
                    Edit.insert(pos, " "), title="Insert a space",
                )
            elif (
                mark.role is Role.CLOSE
                and _WORD_CHAR.match(view, pos + 1)
                and not _PLURAL.match(view, pos + 1, pos + 5)
                and not _NOTE_MARK.match(view, pos + 1, pos + 5)
                # "/usr/lib/"package-name: a quoted directory that the word after it completes
                and view[pos - 1 : pos] != "/"
                # "weighed in. “”This is": an empty quotation is a stray mark, not a quotation
                # to set off; the fix is to delete one of the marks, which one is a guess.
                and view[pos - 1 : pos] not in ("“", '"')
            ):
                yield violation(
                    pos, pos + 1, "Missing space after the quotation",
                    Edit.insert(pos + 1, " "), title="Insert a space",
                )
