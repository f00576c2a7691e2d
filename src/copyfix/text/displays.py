"""Displays of a plain-text document: blocks indented deeper than its prose that hold no
sentence (examples, tables, sample input and data), whose spacing is the author's. Offsets are
code points of the document's text."""

from __future__ import annotations

from collections import Counter

from copyfix.patterns import lazy_compile

_BLANK_LINE = lazy_compile(r"\n[ \t]*(?:\n|\Z)")
_LAST_BLANK_LINE = lazy_compile(r"(?r)(?:\A|\n)[ \t]*\n")
_BLANK_LINES = lazy_compile(r"\n(?:[ \t]*\n)+")
# One sentence ending and the next beginning: a block that has one is prose, whatever its
# indentation (a note, a quotation, a paragraph under a heading at the margin).
_SENTENCE_BOUNDARY = lazy_compile(r"[\p{Ll}\d)\]\"'”’][.?!][\"'”’)\]]?\s+[\"“(]?\p{Lu}")
# What opens a list item: a bullet, a number or a letter label.
_LIST_ITEM = lazy_compile(r"(?:[-*+•o]|\d{1,3}[.)]|\(?[\p{L}\d]{1,3}\))[ \t]")


def indent_columns(line: str) -> int:
    """The columns of white space that open ``line``, with tab stops every eight columns as a
    terminal shows them (``copyfix.text.lines.indentation`` counts a tab as four)."""
    return len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())


class Displays:
    """The displays of a plain-text document: blocks (runs of non-blank lines) indented deeper
    than the document's prose, not opening a list item and holding no sentence boundary: the
    examples, tables and data set off by indentation (``    num_spalettes  - number of chunks``)
    whose spacing is the author's. Gaps are asked about in order and each block is measured
    once, so the whole document costs one pass."""

    def __init__(self, text: str) -> None:
        self.text, self._common = text, None
        self._start, self._end, self._display = -1, -1, False

    def holds(self, pos: int) -> bool:
        """True if ``pos`` (a code-point offset) lies in a display."""
        if not self._start <= pos < self._end:
            self._measure(pos)
        return self._display

    def _common_indent(self) -> int:
        """The indentation of the document's prose: the one that holds the most words, so a
        document of headings at the margin and paragraphs indented under them (RFCs, Debian's
        manuals) has its prose where the paragraphs are."""
        if self._common is None:
            words: Counter[int] = Counter()
            for block in _BLANK_LINES.split(self.text):
                lines = [line for line in block.split("\n") if line.strip()]
                if lines:
                    words[min(indent_columns(line) for line in lines)] += len(block.split())
            self._common = words.most_common(1)[0][0] if words else 0
        return self._common

    def _measure(self, pos: int) -> None:
        text = self.text
        before = _LAST_BLANK_LINE.search(text, 0, pos)
        start = before.end() if before else 0
        after = _BLANK_LINE.search(text, pos)
        end = after.start() + 1 if after else len(text)
        self._start, self._end = start, end
        lines = [line for line in text[start:end].split("\n") if line.strip()]
        indent = min((indent_columns(line) for line in lines), default=0)
        self._display = bool(
            lines
            and indent > self._common_indent()
            and not _LIST_ITEM.match(lines[0].lstrip())
            and not _SENTENCE_BOUNDARY.search(text, start, end)
        )
