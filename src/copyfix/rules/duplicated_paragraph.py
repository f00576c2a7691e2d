from __future__ import annotations

from collections.abc import Iterator

import regex

from copyfix.model import Applicability, Edit, Span, Violation, bad, good
from copyfix.rules.base import Rule, violation

_PARAGRAPH = regex.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
_MIN_WORDS = 2


class DuplicatedParagraph(Rule):
    """Flags a paragraph or line that repeats the one just before it.

    ## What it does
    Finds a paragraph identical to the previous paragraph (a title pasted twice) and a line
    identical to the previous line of the same paragraph, and removes the copy.

    ## Why is this bad?
    Duplicated lines are paste and merge accidents; readers notice them at once.

    ## Fix safety
    Safe for a repeated paragraph (with its blank line); unsafe for a repeated line inside a
    paragraph, which can be a refrain in verse. Single words and lines of code or markup are
    not flagged.

    ## Options
    None.
    """

    code = "RP002"
    name = "duplicated-paragraph"
    summary = "Paragraph or line duplicated"
    guarded = False
    examples = (
        bad("Mayors Meet in Nanning\n\nMayors Meet in Nanning\n\nThe text.",
            "Mayors Meet in Nanning\n\nThe text."),
        bad("Row the boat gently\nRow the boat gently\nDown the stream.",
            "Row the boat gently\nDown the stream.", unsafe=True),
        good("Chorus line\n\nVerse one here.\n\nChorus line"),
        good("Yes\n\nYes"),
        good("| text  | text |\n| text  | text |\n|~ ~ ~ | ~ |"),
        good("```\nx = 1\nx = 1\n```", markdown=True),
    )

    def check(self, doc) -> Iterator[Violation]:
        text = doc.text
        previous: tuple[int, int, str] | None = None
        for para in _PARAGRAPH.finditer(text):
            start, end = para.span()
            body = para.group().strip()
            if doc.literal.overlaps(Span(start, end)):
                previous = None
                continue
            if previous and body == previous[2] and _is_prose_line(body):
                # Remove the separator before this copy together with the copy.
                yield violation(
                    start, end, "Paragraph repeats the one before it",
                    Edit.delete(previous[1], end), title="Remove the duplicated paragraph",
                )
                continue
            yield from _repeated_lines(text, start, end)
            previous = (start, end, body)


def _is_prose_line(line: str, min_words: int = _MIN_WORDS) -> bool:
    """Words, not a row of a table or a drawing: enough words, mostly letters, no columns."""
    if len(line.split()) < min_words or "\t" in line or "|" in line:
        return False
    visible = [c for c in line if not c.isspace()]
    return sum(c.isalpha() for c in visible) >= 0.7 * len(visible)


def _repeated_lines(text: str, start: int, end: int) -> Iterator[Violation]:
    lines = text[start:end].split("\n")
    pos = start
    prev_line, prev_end = None, start
    for line in lines:
        line_start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if prev_line is not None and stripped == prev_line and _is_prose_line(stripped, 3):
            yield violation(
                line_start, line_start + len(line), "Line repeats the one before it",
                Edit.delete(prev_end, line_start + len(line)),
                title="Remove the duplicated line", applicability=Applicability.UNSAFE,
            )
            continue
        prev_line, prev_end = stripped, line_start + len(line)
