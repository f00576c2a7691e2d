from __future__ import annotations

from collections.abc import Iterator

import regex

from copyfix.model import Violation, bad, good
from copyfix.rules.base import Rule, violation

_BRACKETS = regex.compile(r"[()\[\]{}]")
_PAIRS = {")": "(", "]": "[", "}": "{"}
# Closers that are not brackets: list markers (a), 1), ii)), smileys :) :-) ;) and 8).
_LIST_MARKER = regex.compile(r"(?:^|(?<=\s))(?:\p{L}|\d{1,3}|[ivxlc]{1,5})\)", regex.M | regex.I)
_SMILEY = regex.compile(r"[:;=8]-?[()\[\]]")


class UnbalancedBrackets(Rule):
    """Flags a bracket that is opened and not closed, or closed and not opened.

    ## What it does
    Pairs `( )`, `[ ]` and `{ }` within each paragraph and reports the one left over.

    ## Why is this bad?
    An unclosed parenthesis leaves the reader unsure where the aside ends.

    ## Fix safety
    Report only. List markers such as `a)` and `1)` and smileys such as `:)` are not brackets.

    ## Options
    None.
    """

    code = "QT003"
    name = "unbalanced-brackets"
    summary = "Unbalanced brackets"
    fixable = False
    examples = (
        bad("This is not so (neither a nor b.", "This is not so (neither a nor b."),
        bad("An aside] with no start.", "An aside] with no start."),
        good("a) first, b) second (and more)"),
        good("Nice :) and (a [nested] aside)."),
    )

    def check(self, doc) -> Iterator[Violation]:
        view = doc.view
        for block in doc.blocks:
            start, end = block.span.start, block.span.end
            ignored = {m.end() - 1 for m in _LIST_MARKER.finditer(view, start, end)}
            ignored |= {m.end() - 1 for m in _SMILEY.finditer(view, start, end)}
            stack: list[tuple[str, int]] = []
            for m in _BRACKETS.finditer(view, start, end):
                pos = m.start()
                ch = m.group()
                if pos in ignored:
                    continue
                if ch in "([{":
                    stack.append((ch, pos))
                elif stack and stack[-1][0] == _PAIRS[ch]:
                    stack.pop()
                else:
                    yield violation(pos, pos + 1, f"'{ch}' closes a bracket that was not opened")
            for ch, pos in stack:
                yield violation(pos, pos + 1, f"'{ch}' is not closed")
