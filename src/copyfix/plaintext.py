"""Prose blocks of a plain-text document: paragraphs split at blank lines, and list items."""

from __future__ import annotations

import regex

from copyfix.document import MASK_CHAR, Block, BlockKind
from copyfix.model import Span

_PARAGRAPH = regex.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
_ITEM = regex.compile(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)]|[a-z][.)])[ \t]+(?=\S)", regex.M)


def plain_blocks(view: str) -> list[Block]:
    blocks: list[Block] = []
    for para in _PARAGRAPH.finditer(view):
        start, end = para.span()
        if not para.group().replace(MASK_CHAR, "").strip():
            continue  # an example or table, masked as a whole: not prose
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


_INDENTED_LINE = regex.compile(r"(?:\t| {4})[ \t]*+\S")
# Characters of code rather than prose: semicolons, parentheses and dollar signs are common
# in legal and financial prose, so only their code-like uses count.
_CODE_CHARS = regex.compile(
    r"[={}<>\\|`]|\w\(\)|;$|^\s*(?:[:#%]|\$ |>>>|\.\.\. )"
    r"|^\s*(?:if|for|while|def|class|try|with|else|elif|except|finally)\b[^\n]*:$",
    regex.M,
)
# Indented by a little (two spaces or more), for paragraphs that hold code characters.
_SLIGHTLY_INDENTED_LINE = regex.compile(r"(?:\t| {2})[ \t]*+\S")
_TABULAR_LINE = regex.compile(r"^[^\n]*\S\t+\S[^\n]*$", regex.M)


def preformatted_spans(text: str) -> list[Span]:
    """Code and tables in plain text, which rules must leave alone.

    A paragraph indented as a whole is an example when the text before it introduces one
    (ends with ``:`` or ``>``, and the paragraph is indented by a tab or four spaces) or when
    it holds code (``=``, braces, ``f()``, a ``>>>`` prompt, a line like ``if x:``); a line with
    a tab between words is a row of a table. Indented paragraphs of ordinary prose (block
    quotations, poetry, legal clauses) stay prose.
    """
    spans: list[Span] = []
    previous_end = ""
    for para in _PARAGRAPH.finditer(text):
        lines = [line for line in para.group().split("\n") if line.strip()]
        if not lines:
            continue  # only characters that str.strip() treats as space, such as U+001F
        indented = all(_INDENTED_LINE.match(line) for line in lines)
        if indented and previous_end.endswith((":", ">")) or (
            all(_SLIGHTLY_INDENTED_LINE.match(line) for line in lines)
            and _CODE_CHARS.search(para.group())
        ):
            spans.append(Span(*para.span()))
            previous_end = lines[-1].rstrip()
            continue
        for m in _TABULAR_LINE.finditer(text, para.start(), para.end()):
            spans.append(Span(*m.span()))
        previous_end = lines[-1].rstrip()
    return spans
