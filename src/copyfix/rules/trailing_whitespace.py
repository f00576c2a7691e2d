from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from copyfix.model import (
    Applicability,
    DocumentKind,
    Edit,
    FixAvailability,
    Severity,
    Span,
    Violation,
    bad,
    good,
)
from copyfix.patterns import lazy_compile
from copyfix.rules.base import HABIT_MIN, Rule, violation

if TYPE_CHECKING:
    from copyfix.text.document import Document

# Only from the start of a run: tried at every blank inside a long run that is not at the end
# of its line (indentation, 100,000 spaces between two words), "+$" scanned the rest of the run
# from each, which is quadratic in the run's length.
_TRAILING = lazy_compile(r"(?<![ \t\u00a0\u3000])[ \t\u00a0\u3000]++$", regex.M)




class TrailingWhitespace(Rule):
    """Flags spaces and tabs at the end of a line.

    ## What it does
    Finds whitespace before a line break or the end of the file and removes it.

    ## Why is this bad?
    Trailing whitespace is invisible, makes diffs noisy and can change meaning in Markdown.

    ## Fix safety
    Safe for one or two lines; unsafe when three lines or more end in white space (a habit of
    the file's renderer or editor, to clean up on request) and for a line of no-break spaces
    alone (a spacer, as renderers write an HTML `&nbsp;` paragraph). In
    Markdown, two or more trailing spaces after text are a hard line break and are
    kept, as is whitespace inside code blocks.
    """

    code = "SP005"
    safe_in_displays = True
    name = "trailing-whitespace"
    fix_availability = FixAvailability.ALWAYS
    summary = "Trailing whitespace"
    severity = Severity.INFO
    examples = (
        bad("A line with a space \nNext line.", "A line with a space\nNext line."),
        bad("Ends with a tab\t", "Ends with a tab"),
        good("First line  \nhard break above.", markdown=True),
        good("```\ncode   \n```", markdown=True),
        bad("* One item,\n\u00a0\u00a0\u00a0\n* and another.", "* One item,\n\n* and another.",
            unsafe=True),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        text = doc.text
        markdown = doc.kind.is_markdown
        found = list(_TRAILING.finditer(text))
        # Trailing spaces on many lines are what a renderer or an editor leaves everywhere, a
        # habit of the whole file rather than a slip: removing them is then a clean-up to ask for.
        habit = len(found) >= HABIT_MIN
        for m in found:
            start, end = m.span()
            if markdown and _is_hard_break(text, start, end):
                continue
            if doc.literal.overlaps(Span(start, end)):
                continue
            if doc.kind is DocumentKind.RST and text[start - 2 : start] == ".." and (
                start == 2 or text[start - 3] == "\n"
            ):
                # ".. " over an indented block is a comment; without its space, docutils reads
                # an empty comment and then a quotation: the space is markup.
                continue
            # A line of no-break spaces alone is a spacer (an HTML "&nbsp;" paragraph as a
            # renderer writes it), put there on purpose.
            spacer = (start == 0 or text[start - 1] == "\n") and "\u00a0" in m.group()
            yield violation(
                start, end, "Trailing whitespace", Edit.delete(start, end),
                title="Remove trailing whitespace",
                applicability=Applicability.UNSAFE if habit or spacer else Applicability.SAFE,
            )


def _is_hard_break(text: str, start: int, end: int) -> bool:
    """Two or more spaces after text, with more text on the next line."""
    if end - start < 2 or start == 0 or text[start - 1].isspace():
        return False
    if text[start:end].strip(" "):
        return False
    nxt = text.find("\n", end)
    line_after = text[end + 1 : text.find("\n", end + 1)] if nxt >= 0 else ""
    return bool(line_after.strip())
