"""Markdown documents: parse once with pyromark (pulldown-cmark) and keep only the prose.

Every Text event of a paragraph, heading, list item, table cell, block quote, link text or image
alt text is prose; everything else is masked in the view. Code, HTML, math, front matter, link
destinations and autolinks are also *literal*: a fix must leave them byte-identical.
pulldown-cmark reports byte ranges; they are converted to code-point offsets once per file.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import pyromark
import regex

from copyfix.document import Block, BlockKind
from copyfix.model import Span
from copyfix.spans import SpanSet

OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_FOOTNOTES
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_TASKLISTS
    | pyromark.Options.ENABLE_MATH
    | pyromark.Options.ENABLE_YAML_STYLE_METADATA_BLOCKS
    | pyromark.Options.ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
)

_BLOCK_TAGS = {
    "Paragraph": BlockKind.PARAGRAPH,
    "Heading": BlockKind.HEADING,
    "Item": BlockKind.ITEM,
    "TableCell": BlockKind.TABLE_CELL,
}
_NON_ASCII = regex.compile(r"[^\x00-\x7f]")
_LITERAL_CONTAINERS = {"CodeBlock", "HtmlBlock", "MetadataBlock"}
_LITERAL_LEAVES = {"Code", "Html", "InlineHtml", "InlineMath", "DisplayMath", "FootnoteReference"}


@dataclass(frozen=True, slots=True)
class MarkdownLayout:
    prose: list[Span]
    literal: SpanSet
    blocks: list[Block]
    masks: SpanSet


def _tag(payload) -> str:
    return payload if isinstance(payload, str) else next(iter(payload))


def _events(text: str):
    return pyromark.events_with_range(text, options=OPTIONS)


def _converter(text: str):
    """Map byte offsets of ``text`` encoded as UTF-8 to code-point offsets."""
    data = text.encode("utf-8")
    if len(data) == len(text):
        return lambda b: b
    # Offsets of the first byte of every non-ASCII character, and the bytes it adds.
    marks: list[int] = []
    extra: list[int] = []
    total = 0
    for m in _NON_ASCII.finditer(text):
        marks.append(m.start() + total)  # the byte offset where this character starts
        total += len(m.group().encode("utf-8")) - 1
        extra.append(total)

    def convert(b: int) -> int:
        k = bisect_left(marks, b)  # characters that start strictly before b
        return b - (extra[k - 1] if k else 0)

    return convert


def parse(text: str) -> MarkdownLayout:
    to_cp = _converter(text)
    prose: list[Span] = []
    literal: list[Span] = []
    blocks: list[Block] = []
    # Stack of open containers: (tag, block kind or None, [first, last] prose offsets)
    stack: list[tuple[str, BlockKind | None, list[int], dict]] = []
    literal_depth = 0
    link_starts: list[tuple[int, bool]] = []
    for event, rng in _events(text):
        start, end = to_cp(rng["start"]), to_cp(rng["end"])
        if isinstance(event, str):  # SoftBreak, HardBreak, Rule
            if event == "SoftBreak" and stack and not literal_depth:
                prose.append(Span(start, end))
            continue
        kind, payload = next(iter(event.items()))
        if kind == "Start":
            tag = _tag(payload)
            if tag in _LITERAL_CONTAINERS:
                literal_depth += 1
                literal.append(Span(start, end))
            if tag in ("Link", "Image"):
                link_type = payload[tag].get("link_type", "") if isinstance(payload, dict) else ""
                auto = link_type in ("Autolink", "Email")
                if auto:
                    literal.append(Span(start, end))
                    literal_depth += 1
                link_starts.append((end, auto))
            block_kind = _BLOCK_TAGS.get(tag)
            if block_kind is BlockKind.PARAGRAPH and stack and stack[-1][1] is BlockKind.ITEM:
                block_kind = BlockKind.ITEM
            stack.append((tag, block_kind, [-1, -1], {}))
        elif kind == "End":
            tag = _tag(payload)
            if not stack:
                continue
            _, block_kind, bounds, _ = stack.pop()
            if tag in _LITERAL_CONTAINERS:
                literal_depth -= 1
            if tag in ("Link", "Image") and link_starts:
                link_end, auto = link_starts.pop()
                if auto:
                    literal_depth -= 1
                else:
                    # The destination and title follow the last prose character of the link text.
                    tail = bounds[1] if bounds[1] >= 0 else start
                    literal.append(Span(max(tail, start), link_end))
                # Link text belongs to the enclosing block.
                if bounds[0] >= 0 and stack:
                    outer = stack[-1][2]
                    outer[0] = bounds[0] if outer[0] < 0 else outer[0]
                    outer[1] = bounds[1]
            elif block_kind is not None:
                if bounds[0] >= 0:
                    blocks.append(Block(Span(bounds[0], bounds[1]), block_kind))
            elif bounds[0] >= 0 and stack:
                outer = stack[-1][2]
                outer[0] = bounds[0] if outer[0] < 0 else outer[0]
                outer[1] = bounds[1]
        elif kind == "Text":
            if literal_depth or not stack:
                continue
            prose.append(Span(start, end))
            bounds = stack[-1][2]
            if bounds[0] < 0:
                bounds[0] = start
            bounds[1] = end
        elif kind in _LITERAL_LEAVES:
            literal.append(Span(start, end))
    blocks.sort(key=lambda b: b.span.start)
    return MarkdownLayout(prose, SpanSet(literal), blocks, _complement(prose, len(text)))


def _complement(prose: list[Span], length: int) -> SpanSet:
    masks: list[Span] = []
    pos = 0
    for span in sorted(prose):
        if span.start > pos:
            masks.append(Span(pos, span.start))
        pos = max(pos, span.end)
    if pos < length:
        masks.append(Span(pos, length))
    return SpanSet(masks)


def fingerprint(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a fix must not change: the sequence of block kinds (runs of the same kind count once,
    so removing a duplicated paragraph is allowed) and the literal content, in order."""
    layout = parse(text)
    kinds: list[str] = []
    for block in layout.blocks:
        if not kinds or kinds[-1] != block.kind.value:
            kinds.append(block.kind.value)
    literals = tuple(text[s.start : s.end] for s in layout.literal)
    return tuple(kinds), literals
