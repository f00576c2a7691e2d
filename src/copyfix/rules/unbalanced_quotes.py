from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from copyfix.model import Applicability, Edit, FixAvailability, Violation, bad, good
from copyfix.patterns import lazy_compile
from copyfix.rules.base import Rule, violation
from copyfix.text.quotes import QuoteMark, Role

if TYPE_CHECKING:
    from copyfix.text.document import Document

_CONTINUING_OPENERS = ("“", "«", "»", '"', "‘")


class UnbalancedQuotes(Rule):
    """Flags a quotation that is opened and never closed, or closed and never opened.

    ## What it does
    Pairs quotation marks within each paragraph, `“ ”`, straight `"`, guillemets in either
    direction (`«text»`, `»text«`) and `‘ ’`, and reports the mark left over.

    ## Why is this bad?
    A missing closing quote leaves the reader unsure where the quotation ends.

    ## Fix safety
    Report only: where the missing mark belongs is a judgement for the writer. A mark standing
    alone between spaces quotes nothing and has an unsafe fix that removes it. A quotation that
    continues into the next paragraph opens again without closing; that is correct and is not
    flagged. Inch marks (`5'10"`, `20" wide`) and apostrophes (`students’`, `’90s`) are not
    quotes.
    """

    code = "QT002"
    name = "unbalanced-quotes"
    fix_availability = FixAvailability.SOMETIMES
    summary = "Unbalanced quotation marks"
    examples = (
        bad("“That is true, he said.", "“That is true, he said."),
        bad("That is true,” he said.", "That is true,” he said."),
        bad('He said "hello and left.', 'He said "hello and left.'),
        bad("This is »not correct.", "This is »not correct."),
        bad("I said ‘that is true.", "I said ‘that is true."),
        bad("This »is also »correct««.", "This »is also »correct««."),
        bad("The cat sat ” on the mat.", "The cat sat on the mat.", unsafe=True),
        good("“First paragraph of a long quote.\n\n“Second paragraph ends it.”"),
        good("“The tale goes on.\n\nIV\n\n“The next chapter ends it,” he said."),
        good('He is 5\'10" tall and said "hi".'),
        good('Some text. This is "12345", a number.'),
        good("“Good,” she said, “very good.”"),
        good("This »is also ›correct‹«. The students’ work from the ’90s."),
        good("A sentence with “multiple ‘nested “quotes”’”."),
        good('"It is about the money.\n\n"I spent it all.\n\n"Now we have nothing."'),
        good("“He went on, ‘and I had been at sea.\n\n“\u200a‘We were passing,’ he said.”"),
        good("“Then I said, ‘Yes.’\u200a” She said, ‘steam!’\u2060—something about steam."),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        view = doc.view
        blocks = doc.blocks
        starts = [b.span.start for b in blocks]
        for mark in doc.analysis.quotes:
            if mark.nested:
                yield violation(
                    mark.pos, mark.pos + 1,
                    "Nested quotation uses the same marks as the one around it",
                )
                continue
            if not mark.unmatched or mark.role in (Role.APOSTROPHE, Role.INCH):
                continue
            if mark.role is Role.OPEN and _continues(view, blocks, starts, mark):
                continue
            if mark.role is Role.UNKNOWN and _straight_quotation_continues(view, blocks, starts, mark):
                continue
            if _partner_in_code(doc, mark):
                continue
            message = {
                Role.OPEN: "Quotation opened and not closed",
                Role.CLOSE: "Closing quote mark without an opening one",
            }.get(mark.role, "Unpaired straight double quote")
            if _stray(view, mark.pos):
                # A mark with a space on each side quotes nothing: removing it (and one of
                # the spaces) is probably right, but it deletes a character, so it is unsafe.
                yield violation(
                    mark.pos, mark.pos + 1, f"Stray quote mark: {message.lower()}",
                    Edit.delete(mark.pos, mark.pos + 2), title="Remove the stray mark",
                    applicability=Applicability.UNSAFE,
                )
            else:
                yield violation(mark.pos, mark.pos + 1, message)


def _partner_in_code(doc: Document, mark: QuoteMark) -> bool:
    """``“{pre,post}`` / ``{inst,rm}”``, ``"your-login-`` / ``name@host"``: the quotation ends
    (or opens) in code on the line before or after, which the prose is masked from, and which
    holds an odd number of double quote marks of its own."""
    view = doc.view
    if view[mark.pos] not in _DOUBLE:
        return False
    # From the start of the line before to the end of the line after, at most _REACH away.
    floor, ceiling = max(0, mark.pos - _REACH), min(len(view), mark.pos + _REACH)
    line_start = view.rfind("\n", floor, mark.pos) + 1 or floor
    lo = view.rfind("\n", floor, max(floor, line_start - 1)) + 1 or floor
    line_end = view.find("\n", mark.pos, ceiling)
    hi = ceiling if line_end < 0 else view.find("\n", line_end + 1, ceiling)
    hi = ceiling if hi < 0 else hi
    if mark.role is Role.OPEN:
        lo = mark.pos
    elif mark.role is Role.CLOSE:
        hi = mark.pos
    hidden = 0
    for start, end in doc.masks.within(lo, hi):
        hidden += sum(doc.text.count(q, start, end) for q in _DOUBLE)
    return hidden % 2 == 1


_REACH = 400
_DOUBLE = ('"', "“", "”", "„")


def _stray(view: str, pos: int) -> bool:
    return view[pos - 1 : pos] == " " and view[pos + 1 : pos + 2] == " " and pos > 0


def _straight_quotation_continues(view: str, blocks, starts: list[int], mark: QuoteMark) -> bool:
    """With straight quotes, a paragraph of speech that runs on opens with '"' and the next
    paragraph opens with '"' again; the odd mark out is that paragraph's opening one."""
    i = bisect_right(starts, mark.pos) - 1
    if i < 0 or i + 1 >= len(blocks):
        return False
    this = view[blocks[i].span.start : blocks[i].span.end].lstrip()
    following = view[blocks[i + 1].span.start : blocks[i + 1].span.end].lstrip()
    return this.startswith('"') and following.startswith('"')


def _continues(view: str, blocks, starts: list[int], mark: QuoteMark) -> bool:
    """A quotation running on into the next paragraph reopens it there."""
    i = bisect_right(starts, mark.pos) - 1
    if i + 1 >= len(blocks):
        return False
    following = view[blocks[i + 1].span.start : blocks[i + 1].span.end]
    if _NUMBERED_HEADING.fullmatch(following) and i + 2 < len(blocks):
        # "IV": a narration told in quotation runs on across its chapters, and each chapter
        # opens it again after the heading.
        following = view[blocks[i + 2].span.start : blocks[i + 2].span.end]
    # A quotation inside another reopens after the outer one's mark: “\u200a‘We were passing.
    opening = _OPENING_RUN.match(following).group()
    return mark.char in opening and mark.char in _CONTINUING_OPENERS


_OPENING_RUN = lazy_compile(r"[\s\u2060“«»\"‘]*")
# A chapter's or part's number alone on its line: "IV", "12.", "CHAPTER X", "Part 2".
_NUMBERED_HEADING = lazy_compile(
    r"\s*(?:(?i:chapter|book|part|letter)\s+)?(?:[IVXLCDM]+|\d{1,3})\.?\s*"
)
