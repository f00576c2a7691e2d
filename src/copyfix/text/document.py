"""The document a rule sees: original text, masks, prose blocks and lazily computed analysis."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property
from typing import TYPE_CHECKING

from copyfix.model import DocumentKind, Span
from copyfix.text.analysis import Analysis
from copyfix.text.blocks import MASK_CHAR, Block
from copyfix.text.lexicon import Lexicon, default_lexicon
from copyfix.text.plaintext import plain_blocks
from copyfix.text.spans import SpanSet

if TYPE_CHECKING:
    from copyfix.text.lexicon import Lexicon

_NEWLINE = re.compile(r"\r\n|\r|\n")


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
        blanks: SpanSet | None = None,
        comments: list[Span] | None = None,
    ) -> None:
        self.text = text
        self.path = path
        self.kind = kind
        self.masks = masks if masks is not None else SpanSet()
        #: Regions a fix must leave byte-identical (code, HTML, math, link destinations).
        self.literal = literal if literal is not None else SpanSet()
        #: Masked markup that reads as white space (a Markdown hard break, the ``>`` markers and
        #: indentation of a continuation line); the view shows it as spaces.
        self.blanks = blanks if blanks is not None else SpanSet()
        #: Where suppression directives may appear (HTML comments in Markdown); None: anywhere.
        self.comments = comments
        self._blocks = blocks
        self._lexicon = lexicon

    @cached_property
    def view(self) -> str:
        if not self.masks:
            return self.text
        parts: list[str] = []
        pos = 0
        text = self.text
        for span in self.masks:
            parts.append(text[pos : span.start])
            masked = text[span.start : span.end]
            if "\n" in masked:
                parts.append("\n".join(MASK_CHAR * len(line) for line in masked.split("\n")))
            else:
                parts.append(MASK_CHAR * len(masked))
            pos = span.end
        parts.append(text[pos:])
        view = "".join(parts)
        if not self.blanks:
            return view
        parts, pos = [], 0
        for span in self.blanks:
            parts.append(view[pos : span.start])
            parts.append(" " * (span.end - span.start))
            pos = span.end
        parts.append(view[pos:])
        return "".join(parts)

    @cached_property
    def blocks(self) -> list[Block]:
        if self._blocks is not None:
            return self._blocks
        return plain_blocks(self.view)

    @cached_property
    def lexicon(self) -> Lexicon:
        if self._lexicon is not None:
            return self._lexicon
        return default_lexicon()

    @cached_property
    def analysis(self) -> Analysis:
        return Analysis(self)

    def release(self) -> None:
        """Drop the shared analysis, which refers back to the document. Afterwards the document
        and all it holds are freed by reference counting as soon as its last user lets go,
        instead of waiting for the cyclic collector, whose full passes walk every span and
        block (a quarter of the time of a long document's lint). The analysis is built again
        if it is asked for."""
        self.__dict__.pop("analysis", None)

    @cached_property
    def _line_starts(self) -> list[int]:
        text = self.text
        if "\r" not in text:
            starts = [0]
            find = text.find
            i = find("\n")
            while i >= 0:
                starts.append(i + 1)
                i = find("\n", i + 1)
            return starts
        # One pass over the text: a lone CR, a lone LF and a CRLF each end one line.
        return [0, *(m.end() for m in _NEWLINE.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of ``offset``."""
        starts = self._line_starts
        line = bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1
