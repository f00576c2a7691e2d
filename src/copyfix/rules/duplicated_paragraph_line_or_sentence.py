from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from operator import eq
from typing import TYPE_CHECKING

import regex

from copyfix.model import Applicability, Edit, FixAvailability, Span, Violation, bad, good
from copyfix.patterns import lazy_compile
from copyfix.rules.base import Rule, violation
from copyfix.text.blocks import BlockKind

if TYPE_CHECKING:
    from copyfix.text.document import Document

_PARAGRAPH = lazy_compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
_MIN_WORDS = 2
_SAFE_LINE_WORDS = 8


class DuplicatedParagraphLineOrSentence(Rule):
    """Flags a paragraph, line or sentence that repeats the one just before it.

    ## What it does
    Finds a paragraph identical to the previous paragraph (a title pasted twice), a line
    identical to the previous line of the same paragraph, and a sentence written twice in a
    row, and removes the copy. The rule was called `duplicated-paragraph`; `select`, `ignore`
    and suppression comments still accept that name.

    ## Why is this bad?
    Duplicated lines are paste and merge accidents; readers notice them at once.

    ## Fix safety
    Safe for a repeated paragraph (with its blank line), for a sentence of six words or more
    written twice in a row, and for a repeated line of eight words or more; unsafe for a
    shorter repeated line, which can be a refrain in verse.
    """

    code = "RP002"
    name = "duplicated-paragraph-line-or-sentence"
    aliases = ("duplicated-paragraph",)
    fix_availability = FixAvailability.ALWAYS
    summary = "Paragraph, line or sentence duplicated"
    guarded = False
    examples = (
        bad("Mayors Meet in Nanning\n\nMayors Meet in Nanning\n\nThe text.",
            "Mayors Meet in Nanning\n\nThe text."),
        bad("Row the boat gently\nRow the boat gently\nDown the stream.",
            "Row the boat gently\nDown the stream.", unsafe=True),
        bad("The cat sat on the warm mat. The cat sat on the warm mat. Then it slept.",
            "The cat sat on the warm mat. Then it slept."),
        bad("It was late in the evening when the\nIt was late in the evening when the\ntrain came.",
            "It was late in the evening when the\ntrain came."),
        good("Chorus line\n\nVerse one here.\n\nChorus line"),
        good("No, no. No, no. Go on, go on."),
        good("Yes\n\nYes"),
        good("- the same list item written twice here\n- the same list item written twice here",
             markdown=True),
        good("| text  | text |\n| text  | text |\n|~ ~ ~ | ~ |"),
        good("```\nx = 1\nx = 1\n```", markdown=True),
        good("Table of Contents\n\nGetting started\n\nGetting started\n\nInstall it first."),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        text = doc.text
        # Built once per document: rebuilding it for every paragraph made the rule quadratic.
        block_starts = [b.span.start for b in doc.blocks]
        previous: tuple[int, int, str] | None = None
        # The paragraph before ``previous``: a table of contents' title makes ``previous`` its
        # entry, and the copy after it the heading the entry names.
        before_previous = ""
        # The copies that follow ``previous``: (start of the first, end of the last, count).
        # A run of copies is one finding with one fix, so any number of them goes in one pass.
        copies: tuple[int, int, int] | None = None
        for para in _PARAGRAPH.finditer(text):
            start, end = para.span()
            body = para.group().strip()
            literal = doc.literal.overlaps(Span(start, end))
            if (
                previous
                and body == previous[2]
                and _is_prose_line(body)
                and not literal
                and not _CONTENTS_TITLE.fullmatch(before_previous)
            ):
                copies = (copies[0] if copies else start, end, copies[2] + 1 if copies else 1)
                continue
            if copies and previous:
                yield _paragraph_copies(previous[1], *copies)
                copies = None
            if literal:
                previous = None
                continue
            yield from _repeated_lines(doc, block_starts, text, start, end)
            yield from _repeated_sentences(doc.view, start, end)
            before_previous = previous[2] if previous else ""
            previous = (start, end, body)
        if copies and previous:
            yield _paragraph_copies(previous[1], *copies)


# "Table of Contents" / "Todo list" / "Todo list": a rendered chapter's contents, with one
# entry, then the heading of that entry.
_CONTENTS_TITLE = lazy_compile(r"(?:table of )?contents:?", regex.I)


def _paragraph_copies(original_end: int, start: int, end: int, count: int) -> Violation:
    """One finding for ``count`` copies of a paragraph; the fix removes them together with the
    separators before them."""
    message = "Paragraph repeats the one before it"
    if count > 1:
        message += f" ({count} copies)"
    title = "Remove the duplicated paragraph" + ("s" if count > 1 else "")
    return violation(start, end, message, Edit.delete(original_end, end), title=title)


# A sentence of at least six words, then the same sentence again on the same line.
_SENTENCE_TWICE = lazy_compile(
    r"(?:(?<=^|[.!?][”\"’']?[ \t]))((?:\p{Lu}|[“\"])(?:[^.!?\n \t]*+[ \t]++){5,80}[^.!?\n]{0,300}?[.!?][”\"’']?)"
    # Every further copy in a row belongs to the same finding, so one fix removes them all.
    r"[ \t]+(\1(?:[ \t]+\1)*)(?=\s|$)",
    regex.M,
)


_SENTENCE_SPLIT = lazy_compile(r"(?<=[.!?])[ \t]+")


def _repeated_sentences(view: str, start: int, end: int) -> Iterator[Violation]:
    sentences = _SENTENCE_SPLIT.split(view[start:end])
    if not any(map(eq, sentences, sentences[1:])):
        return  # no sentence equals its neighbour: nothing to look for
    for m in _SENTENCE_TWICE.finditer(view, start, end):
        yield violation(
            m.start(2), m.end(2), "Sentence repeats the one before it",
            Edit.delete(m.end(1), m.end(2)), title="Remove the duplicated sentence",
        )


def _same_paragraph(doc, block_starts: list[int], first: int, second: int) -> bool:
    i = bisect_right(block_starts, first) - 1
    if i < 0:
        return False
    block = doc.blocks[i]
    return block.kind is BlockKind.PARAGRAPH and block.span.start <= first and second < block.span.end


def _is_prose_line(line: str, min_words: int = _MIN_WORDS) -> bool:
    """Words, not a row of a table or a drawing: enough words, mostly letters, no columns."""
    if len(line.split()) < min_words or "\t" in line or "|" in line:
        return False
    visible = [c for c in line if not c.isspace()]
    return sum(c.isalpha() for c in visible) >= 0.7 * len(visible)


def _repeated_lines(
    doc, block_starts: list[int], text: str, start: int, end: int
) -> Iterator[Violation]:
    """Lines repeated inside one paragraph of prose: two identical list items or table rows
    are separate units, not a wrapped line pasted twice."""
    lines = text[start:end].split("\n")
    if len(lines) < 2:
        return
    pos = start
    prev_line, prev_end = None, start
    copies: tuple[int, int, int] | None = None
    for line in lines:
        line_start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if (
            prev_line is not None
            and stripped == prev_line
            and _is_prose_line(stripped, 3)
            and _same_paragraph(doc, block_starts, prev_end, line_start)
        ):
            # Copies in a row are one finding, removed together: one fix, one pass.
            copies = (copies[0] if copies else line_start, line_start + len(line),
                      copies[2] + 1 if copies else 1)
            continue
        if copies:
            yield _line_copies(prev_line, prev_end, *copies)
            copies = None
        prev_line, prev_end = stripped, line_start + len(line)
    if copies:
        yield _line_copies(prev_line, prev_end, *copies)


def _line_copies(line: str, original_end: int, start: int, end: int, count: int) -> Violation:
    # A short line may be a refrain; a long one repeated in wrapped prose is a paste.
    long_line = len(line.split()) >= _SAFE_LINE_WORDS
    message = "Line repeats the one before it"
    if count > 1:
        message += f" ({count} copies)"
    return violation(
        start, end, message, Edit.delete(original_end, end),
        title="Remove the duplicated line" + ("s" if count > 1 else ""),
        applicability=Applicability.SAFE if long_line else Applicability.UNSAFE,
    )
