"""The document a rule sees: original text, masks, prose blocks and lazily computed analysis."""

from __future__ import annotations

import enum
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from copyfix.model import DocumentKind, Span
from copyfix.spans import SpanSet

if TYPE_CHECKING:
    from copyfix.analysis import Analysis
    from copyfix.lexicon import Lexicon

#: Stands in, in ``Document.view``, for every masked character (code, markup, HTML) so that rules
#: see neither letters nor spaces there and offsets stay those of the original text.
MASK_CHAR = "\ufffc"


class BlockKind(enum.Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    ITEM = "item"
    TABLE_CELL = "table-cell"


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of prose that sentences never cross (a paragraph, heading, list item or cell)."""

    span: Span
    kind: BlockKind


class Document:
    """A text to lint. ``view`` has the same length as ``text`` with masked characters replaced
    by ``MASK_CHAR`` (newlines kept), so rules can run regexes over it and report offsets into
    the original text."""

    def __init__(
        self,
        text: str,
        *,
        path: str = "-",
        kind: DocumentKind = DocumentKind.TEXT,
        masks: SpanSet | None = None,
        blocks: list[Block] | None = None,
        literal: SpanSet | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        self.text = text
        self.path = path
        self.kind = kind
        self.masks = masks if masks is not None else SpanSet()
        #: Regions a fix must leave byte-identical (code, HTML, math, link destinations).
        self.literal = literal if literal is not None else SpanSet()
        self._blocks = blocks
        self._lexicon = lexicon

    @cached_property
    def view(self) -> str:
        if not self.masks:
            return self.text
        parts: list[str] = []
        pos = 0
        for span in self.masks:
            parts.append(self.text[pos : span.start])
            masked = self.text[span.start : span.end]
            parts.append("".join("\n" if c == "\n" else MASK_CHAR for c in masked))
            pos = span.end
        parts.append(self.text[pos:])
        return "".join(parts)

    @cached_property
    def blocks(self) -> list[Block]:
        if self._blocks is not None:
            return self._blocks
        from copyfix.plaintext import plain_blocks

        return plain_blocks(self.view)

    @cached_property
    def lexicon(self) -> Lexicon:
        if self._lexicon is not None:
            return self._lexicon
        from copyfix.lexicon import default_lexicon

        return default_lexicon()

    @cached_property
    def analysis(self) -> Analysis:
        from copyfix.analysis import Analysis

        return Analysis(self)

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        text = self.text
        i = 0
        while True:
            j = _next_newline(text, i)
            if j < 0:
                return starts
            i = j + (2 if text.startswith("\r\n", j) else 1)
            starts.append(i)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of ``offset``."""
        starts = self._line_starts
        line = bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1


def _next_newline(text: str, start: int) -> int:
    n = text.find("\n", start)
    r = text.find("\r", start)
    if r < 0:
        return n
    if n < 0:
        return r
    return min(n, r)
