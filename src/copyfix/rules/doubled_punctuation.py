from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from copyfix.model import Applicability, Edit, FixAvailability, Violation, bad, good
from copyfix.patterns import lazy_compile
from copyfix.rules.base import Rule, violation

if TYPE_CHECKING:
    from copyfix.text.document import Document

# Exactly two of a mark (three dots are an ellipsis), or a comma before a full stop.
_DOUBLED = lazy_compile(r"(?<=[\p{L}\p{M}\d)\]”’\"'])(,,|;;|\.\.|,\.)(?![.,;])")


class DoubledPunctuation(Rule):
    """Flags a punctuation mark typed twice.

    ## What it does
    Finds `,,`, `;;`, `..` (but not the ellipsis `...`) and `,.`, and removes the extra mark.

    ## Why is this bad?
    A doubled mark is a typing slip; `..` in particular reads as a broken ellipsis.

    ## Fix safety
    Safe for `,,`, `;;`, `,.` and for `..` after an abbreviation (`etc..`); unsafe for other
    `..`, where the writer may have meant an ellipsis.
    """

    code = "TY001"
    name = "doubled-punctuation"
    fix_availability = FixAvailability.ALWAYS
    lexicon_lists = ("abbreviations",)
    summary = "Punctuation mark doubled"
    examples = (
        bad("Apples,, pears and plums.", "Apples, pears and plums."),
        bad("We bought fruit, bread, etc..", "We bought fruit, bread, etc."),
        bad("It ended..", "It ended.", unsafe=True),
        bad("The end,.", "The end."),
        good("Wait... what? See ../docs and 1..10, or a .. b in a script."),
        good("Bibcode:2011PNAS..108.1815W and v1..2 are tokens."),
        good("Repeat it a..=b times, or for 0..<n in Swift."),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        view = doc.view
        for m in _DOUBLED.finditer(view):
            start, end = m.span()
            mark = m.group()
            if view[end : end + 1] in ('"', "'", "”", "’", "`"):
                continue  # ";;" in quotes: the marks are being named
            if mark == "..":
                following = view[end : end + 1]
                if view[start - 1 : start].isdigit() or following in ("/", "\\", '"', "'"):
                    continue
                if following.isalnum() or following in ("=", "<"):
                    # for..in, a..z, v1..2: a range or a keyword; "2011PNAS..108.1815W": a
                    # bibcode's padded fields; a..=b, 0..<n: a range's operator. The token goes
                    # on: no sentence ends there.
                    continue
                safe = doc.lexicon.is_abbreviation(doc.analysis.word_before(start))
                edit = Edit.delete(start + 1, end)
            elif mark == ",.":
                safe, edit = True, Edit.delete(start, start + 1)
            else:
                safe, edit = True, Edit.delete(start + 1, end)
            yield violation(
                start, end, f"Doubled punctuation '{mark}'", edit,
                title="Remove the extra mark",
                applicability=Applicability.SAFE if safe else Applicability.UNSAFE,
            )
