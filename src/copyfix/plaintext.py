"""Prose blocks of a plain-text document: paragraphs split at blank lines, and list items."""

from __future__ import annotations

import regex

from copyfix.document import Block, BlockKind
from copyfix.model import Span

_PARAGRAPH = regex.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
_ITEM = regex.compile(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)]|[a-z][.)])[ \t]+(?=\S)", regex.M)


def plain_blocks(view: str) -> list[Block]:
    blocks: list[Block] = []
    for para in _PARAGRAPH.finditer(view):
        start, end = para.span()
        items = list(_ITEM.finditer(view, start, end))
        if not items:
            blocks.append(Block(_strip(view, start, end), BlockKind.PARAGRAPH))
            continue
        if items[0].start() > start:
            blocks.append(Block(_strip(view, start, items[0].start()), BlockKind.PARAGRAPH))
        for item, following in zip(items, [*items[1:], None], strict=True):
            item_end = following.start() if following else end
            blocks.append(Block(_strip(view, item.end(), item_end), BlockKind.ITEM))
    return blocks


def _strip(view: str, start: int, end: int) -> Span:
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    return Span(start, end)
