from __future__ import annotations

from collections.abc import Iterator

import regex

from copyfix.model import Violation, bad, good
from copyfix.rules.base import Rule, violation
from copyfix.rules.wrong_direction_quote import CLOSING_USED_TO_OPEN

# A straight double quote after a digit is an inch or seconds mark (5'10", 20" wide).
_STRAIGHT = regex.compile(r'(?<!\d)"')


class UnbalancedQuotes(Rule):
    """Flags a double quotation that is opened and never closed, or closed and never opened.

    ## What it does
    Pairs `“` with `”` in each paragraph and reports the mark left over. A straight `"` is
    reported when a paragraph has an odd number of them.

    ## Why is this bad?
    A missing closing quote leaves the reader unsure where the quotation ends.

    ## Fix safety
    Report only: where the missing mark belongs is a judgement for the writer. A quotation that
    continues into the next paragraph opens again without closing; that is correct and is not
    flagged. Inch marks (`5'10"`) are not quotes.

    ## Options
    None.
    """

    code = "QT002"
    name = "unbalanced-quotes"
    summary = "Unbalanced double quotation marks"
    fixable = False
    examples = (
        bad("“That is true, he said.", "“That is true, he said."),
        bad("That is true,” he said.", "That is true,” he said."),
        bad('He said "hello and left.', 'He said "hello and left.'),
        good("“First paragraph of a long quote.\n\n“Second paragraph ends it.”"),
        good('He is 5\'10" tall and said "hi".'),
        good("“Good,” she said, “very good.”"),
    )

    def check(self, doc) -> Iterator[Violation]:
        view = doc.view
        blocks = doc.blocks
        # Judge a mark by where it stands, as wrong-direction-quote does, so one typo is one finding.
        misdirected = {m.start(1) for m in CLOSING_USED_TO_OPEN.finditer(view)}
        for i, block in enumerate(blocks):
            start, end = block.span.start, block.span.end
            open_at: int | None = None
            for m in regex.finditer(r"[“”]", view[start:end]):
                pos = start + m.start()
                if m.group() == "“" or pos in misdirected:
                    if open_at is not None:
                        yield violation(open_at, open_at + 1, "Quotation opened and not closed")
                    open_at = pos
                elif open_at is None:
                    yield violation(pos, pos + 1, "Closing quote mark without an opening one")
                else:
                    open_at = None
            if open_at is not None and not _continues(view, blocks, i):
                yield violation(open_at, open_at + 1, "Quotation opened and not closed")
            straight = [start + m.start() for m in _STRAIGHT.finditer(view[start:end])]
            if len(straight) % 2:
                yield violation(straight[-1], straight[-1] + 1, "Unpaired straight double quote")


def _continues(view: str, blocks, i: int) -> bool:
    """A quotation running on into the next paragraph reopens it with “."""
    if i + 1 >= len(blocks):
        return False
    following = view[blocks[i + 1].span.start : blocks[i + 1].span.end].lstrip()
    return following.startswith("“")
