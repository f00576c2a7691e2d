from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from copyfix.model import Edit, FixAvailability, Severity, Violation, bad, good
from copyfix.patterns import lazy_compile
from copyfix.rules.base import Rule, violation

if TYPE_CHECKING:
    from copyfix.text.document import Document

# An acute accent or a backtick between letters (don´t, Won`T), or a semicolon before the ending
# of a contraction (don;t, I;ve, Let;s): a key next to the apostrophe was hit.
_WRONG = lazy_compile(
    r"(?<=\p{L})([´`])(?=\p{L})"
    r"|(?<=\p{L}\p{L})(;)(?=(?:t|s|ve|re|ll|d|m)\b)"
    r"|(?<=\bI)(;)(?=(?:ve|m|d|ll)\b)",
    regex.I,
)
_STRAIGHT = lazy_compile(r"(?<=\p{L})'(?=\p{L})")
_CURLY = lazy_compile(r"(?<=\p{L})’(?=\p{L})")


class WrongApostrophe(Rule):
    """Flags a character typed in place of an apostrophe.

    ## What it does
    Finds an acute accent or a backtick between letters (`don´t`, ``Won`T``) and a semicolon
    before a contraction's ending (`don;t`, `I;ve`, `Let;s`), and replaces it with the
    apostrophe the document already uses (`’` if it uses curly ones, else `'`).

    ## Why is this bad?
    The wrong character breaks search, spell checking and screen readers, and looks careless.

    ## Fix safety
    Safe: one punctuation character becomes an apostrophe. A semicolon is flagged only before
    `t`, `s`, `ve`, `re`, `ll`, `d` or `m` that end the word (`patrakov;s bug`), so `left;she`
    is left to the spacing rule.
    """

    code = "QT004"
    name = "wrong-apostrophe"
    fix_availability = FixAvailability.ALWAYS
    summary = "Wrong character used as an apostrophe"
    severity = Severity.ERROR
    examples = (
        bad("You don´t need any authentication.", "You don't need any authentication."),
        bad("Don;t type like this. Let;s see.", "Don't type like this. Let's see."),
        bad("It’s fine, but you shouldn´t do it!", "It’s fine, but you shouldn’t do it!"),
        good("He left;she stayed. Café au lait. I don't know. Plan A;S was dropped."),
        bad("I;ve seen it.", "I've seen it."),
        good("Use `code` here.", markdown=True),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        view = doc.view
        apostrophe = (
            "’" if len(_CURLY.findall(view)) > len(_STRAIGHT.findall(view)) else "'"
        )
        for m in _WRONG.finditer(view):
            start, end = m.span()
            yield violation(
                start, end, f"'{m.group()}' used as an apostrophe",
                Edit.replace(start, end, apostrophe), title=f"Replace with {apostrophe}",
            )
