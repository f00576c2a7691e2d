from __future__ import annotations

from collections.abc import Iterator

import regex

from copyfix.model import Edit, Violation, bad, good
from copyfix.rules.base import Rule, violation

_AFTER_OPENING = regex.compile(r"(?:^|(?<=[\s\ufffc]))([(\[{“])([ \t]+)(?=[^\s)\]}”])", regex.M)
_BEFORE_CLOSING = regex.compile(r"(?<=[^\s(\[{“])([ \t]+)([)\]}”])(?=$|[\s.,;:!?\ufffc])", regex.M)


class SpaceInsideBrackets(Rule):
    """Flags a space just inside brackets or curly quotes.

    ## What it does
    Finds `( foo )`, `[ foo ]` and `“ foo”` and removes the spaces inside.

    ## Why is this bad?
    Brackets and quotes hug what they enclose; the space lets them wrap away from it.

    ## Fix safety
    Safe: only spaces are removed. Empty brackets (`[ ]` check boxes) are left alone.

    ## Options
    None.
    """

    code = "TY002"
    name = "space-inside-brackets"
    summary = "Space inside brackets or quotes"
    examples = (
        bad("Call it ( maybe ) later.", "Call it (maybe) later."),
        bad("He said “ hello” to us.", "He said “hello” to us."),
        good("- [ ] todo and (fine) and “fine”"),
        good("Smile :) and (wink ;)"),
    )

    def check(self, doc) -> Iterator[Violation]:
        view = doc.view
        for m in _AFTER_OPENING.finditer(view):
            start, end = m.span(2)
            yield violation(
                m.start(1), end, f"Space after '{m.group(1)}'", Edit.delete(start, end),
                title="Remove the space",
            )
        for m in _BEFORE_CLOSING.finditer(view):
            start, end = m.span(1)
            if _is_smiley(view, m.start(2)):
                continue
            yield violation(
                start, m.end(2), f"Space before '{m.group(2)}'", Edit.delete(start, end),
                title="Remove the space",
            )


def _is_smiley(view: str, pos: int) -> bool:
    return view[pos - 1 : pos] in (":", ";", "-")
