"""reStructuredText section titles and their adornments.

docutils requires a title's underline (and its overline, if it has one) to be at least as wide
as the title: a fix that makes a title wider (``Hello,world`` -> ``Hello, world``) would leave
the underline too short, which docutils reports and Sphinx's ``-W`` turns into a failed build.
``adornment_edits`` gives the edits that widen the adornments with the title, so the fix can
be applied; ``normalise_adornments`` lets the structure check of ``fix`` accept them.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

import regex

from copyfix.model import Edit
from copyfix.patterns import lazy_compile

if TYPE_CHECKING:
    from copyfix.text.document import Document

# A line of one punctuation character repeated (the characters docutils allows in adornments),
# then perhaps trailing white space.
_ADORNMENT = lazy_compile(r"([!-/:-@\[-`{-~])\1*+(?=[ \t]*$)", regex.M)
_ADORNMENT_LINE = lazy_compile(r"^([!-/:-@\[-`{-~])\1*+[ \t]*$", regex.M)


def normalise_adornments(segment: str) -> str:
    """``segment`` with each line that is one punctuation character repeated cut to that
    character: an adornment's length is not part of the structure a fix must keep."""
    return _ADORNMENT_LINE.sub(r"\1", segment)


def adornment_edits(doc: Document, edits: tuple[Edit, ...]) -> list[Edit]:
    """Edits that widen the underline and overline of each title ``edits`` would make wider
    than them, by repeating the adornment's character at its end. Widths are display columns
    as docutils counts them (``docutils.utils.column_width``: wide East Asian characters count
    two, combining marks none). Empty when no title grows past its adornments."""
    from docutils.utils import column_width  # loaded already: the document is reST

    text = doc.text
    extra: list[Edit] = []
    for start, end in _title_lines(doc, edits):
        line = _applied(text, start, end, edits)
        width = column_width(line.rstrip())
        below = _ADORNMENT.match(text, end + 1) if end < len(text) else None
        if below is None:
            continue
        above = None
        if start >= 2:
            above_start = text.rfind("\n", 0, start - 1) + 1
            above = _ADORNMENT.match(text, above_start, start - 1)
            if above is not None and above.group(1) != below.group(1):
                above = None
        for adornment in (above, below):
            if adornment is not None and len(adornment.group()) < width:
                missing = adornment.group(1) * (width - len(adornment.group()))
                extra.append(Edit.insert(adornment.end(), missing))
    return extra


def _title_lines(doc: Document, edits: tuple[Edit, ...]) -> list[tuple[int, int]]:
    """The (start, end) of each one-line title that ``edits`` change, end before its newline."""
    text = doc.text
    headings = doc.analysis.headings
    starts = [h.start for h in headings]
    lines = set()
    for edit in edits:
        start = text.rfind("\n", 0, edit.span.start) + 1
        end = text.find("\n", edit.span.start)
        end = len(text) if end < 0 else end
        i = bisect_left(starts, start)
        if edit.span.end <= end and i < len(headings) and headings[i].end <= end:
            lines.add((start, end))
    return sorted(lines)



def _applied(text: str, start: int, end: int, edits: tuple[Edit, ...]) -> str:
    """The line ``text[start:end]`` after the edits that fall inside it."""
    inside = sorted(
        (e for e in edits if start <= e.span.start and e.span.end <= end),
        key=lambda e: e.span.start,
    )
    parts, pos = [], start
    for e in inside:
        parts += [text[pos : e.span.start], e.replacement]
        pos = e.span.end
    return "".join(parts) + text[pos:end]

