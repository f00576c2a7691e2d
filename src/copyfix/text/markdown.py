"""Markdown documents: parse once with pyromark (pulldown-cmark) and keep only the prose.

Every Text event of a paragraph, heading, list item, table cell, block quote, link text or image
alt text is prose; everything else is masked in the view. Code, HTML, math, front matter, link
destinations, autolinks, the text of shortcut and collapsed reference links (their label),
reference definitions, footnote labels, task-list markers and entity references are also
*literal*: a fix must leave them byte-identical.
pulldown-cmark reports byte ranges; they are converted to code-point offsets once per file, so
every offset points into the original text, never into a rendered copy.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pyromark
import regex

from copyfix.model import Span
from copyfix.patterns import lazy_compile
from copyfix.text.blocks import Block, BlockKind
from copyfix.text.spans import SpanSet

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
_NON_ASCII = lazy_compile(r"[^\x00-\x7f]")
_SURROGATE = lazy_compile(r"[\ud800-\udfff]")
_LITERAL_CONTAINERS = frozenset({"CodeBlock", "HtmlBlock", "MetadataBlock"})
_LITERAL_LEAVES = frozenset(
    {"Code", "Html", "InlineHtml", "InlineMath", "DisplayMath", "FootnoteReference",
     "TaskListMarker"}
)
# Containers whose children are blocks: the text between two children is markup, blank lines or
# a reference definition (which produces no event at all).
_BLOCK_CONTAINERS = frozenset({"BlockQuote", "Item", "List", "FootnoteDefinition"})
# Inline containers: their markers (``*``, ``~~``, ``[``) are masked but they do not start a unit.
_LABEL_LINKS = frozenset({"Autolink", "Email", "Shortcut", "Collapsed"})
_INLINE_TAGS = frozenset({"Emphasis", "Strong", "Strikethrough", "Link", "Image"})
_REFERENCE_DEFINITION = lazy_compile(
    r"^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(\[(?:[^\]\\\n]|\\.){1,999}\]:)", regex.M
)
_FOOTNOTE_LABEL = lazy_compile(r"\[\^[^\]\n]*\]:")
# What separates two pieces of one paragraph across a line: indentation, quote markers and the
# spaces before a soft break. They read as white space, not as something masked.
_LINE_MARKUP = lazy_compile(r"[ \t>]*")
# An unclosed comment runs to the end of its HTML block, so a broken directive is still seen.
_DIRECTIVE_COMMENT = lazy_compile(r"<!--(?:.*?-->|.*)", regex.S)


@dataclass(frozen=True, slots=True)
class MarkdownLayout:
    prose: list[Span]
    literal: SpanSet
    blocks: list[Block]
    masks: SpanSet
    #: Masked markup that reads as white space inside a paragraph (hard breaks, the quote markers
    #: and indentation of continuation lines), shown as spaces in the view.
    blanks: SpanSet = field(default_factory=SpanSet)
    #: HTML comments (block or inline), the only places a suppression directive can live.
    comments: list[Span] = field(default_factory=list)
    #: The block and inline structure, as nested tuples; see ``fingerprint``.
    structure: tuple[Any, ...] = ()
    #: Indented code blocks left unparsed (``parse(indented_code=False)``, for MDX).
    bodies: list[Span] = field(default_factory=list)


def _tag(payload: Any) -> str:
    return payload if isinstance(payload, str) else next(iter(payload))


def _label(payload: Any) -> str:
    """A structural label that keeps what matters for rendering: heading level, list type,
    code block kind."""
    if isinstance(payload, str):
        return payload
    tag, detail = next(iter(payload.items()))
    if tag == "Heading":
        return f"Heading:{detail['level'] if isinstance(detail, dict) else detail}"
    if tag == "List":
        return "List:ordered" if detail is not None else "List:bullet"
    if tag == "CodeBlock":
        return f"CodeBlock:{'fenced' if isinstance(detail, dict) else detail}"
    if tag in ("Link", "Image"):
        return f"{tag}:{detail.get('link_type', '')}" if isinstance(detail, dict) else tag
    return tag


def _parsable(text: str) -> str:
    """The text pulldown-cmark is given: lone surrogates (possible in a ``str`` built by a
    library caller) cannot cross into Rust, so each becomes U+FFFD, keeping code-point offsets."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _events(text: str) -> Iterator[tuple[Any, dict[str, int]]]:
    return iter(pyromark.events_with_range(text, options=OPTIONS))


def _converter(text: str) -> Callable[[int], int]:
    """Map byte offsets of ``text`` encoded as UTF-8 to code-point offsets."""
    if text.isascii():
        return lambda b: b
    # Byte offsets where each non-ASCII character starts, and the extra bytes seen up to it.
    marks: list[int] = []
    extra: list[int] = []
    total = 0
    for m in _NON_ASCII.finditer(text):
        marks.append(m.start() + total)
        total += len(m.group().encode("utf-8")) - 1
        extra.append(total)

    def convert(b: int) -> int:
        k = bisect_left(marks, b)  # non-ASCII characters that start strictly before byte b
        return b - (extra[k - 1] if k else 0)

    return convert


@dataclass(slots=True)
class _Frame:
    tag: str
    kind: BlockKind | None
    label: str
    first: int = -1  # first prose offset inside, -1 while none
    last: int = -1  # end of the last prose inside
    children: list[Any] = field(default_factory=list)
    #: End of the last child, for finding reference definitions between block children.
    child_end: int = -1


class _Builder:
    def __init__(self, text: str, *, indented_code: bool = True, structure: bool = True) -> None:
        self.text = text
        #: Whether to record the tree of blocks for ``fingerprint``: a lint does not need it.
        self.structure = structure
        #: False in MDX, which has no indented code: such blocks are recorded in ``bodies``.
        self.indented_code = indented_code
        self.bodies: list[Span] = []
        self.prose: list[Span] = []
        self.literal: list[Span] = []
        self.blanks: list[Span] = []
        self.comments: list[Span] = []
        self.blocks: list[Block] = []
        self.root = _Frame("Document", None, "Document", child_end=0)
        self.stack: list[_Frame] = [self.root]
        self.literal_depth = 0
        self.links: list[tuple[int, bool]] = []
        self.last_piece = -1  # end of the previous prose piece or break in the current unit

    # The text before a block's first child, or between two children, holds markup and blank
    # lines; the only content the parser reports no event for is a reference definition.
    def _gap(self, start: int) -> None:
        parent = self.stack[-1]
        if parent.tag not in _BLOCK_CONTAINERS and parent is not self.root:
            return
        begin = parent.child_end
        if begin < 0 or begin >= start:
            return
        gap = self.text[begin:start]
        m = _REFERENCE_DEFINITION.search(gap)
        if m:
            tail = gap.rstrip()
            self.literal.append(Span(begin + m.start(1), begin + len(tail)))

    def _piece(self, start: int, end: int, *, line_break: bool) -> None:
        """Record that the unit's text continues at ``start``; white-space-like markup since the
        previous piece becomes a blank when it sits at a line break."""
        prev = self.last_piece
        if 0 < prev < start:
            gap = self.text[prev:start]
            at_line = line_break or self.text[prev - 1] in "\r\n"
            if at_line and _LINE_MARKUP.fullmatch(gap):
                self.blanks.append(Span(prev, start))
        self.last_piece = end

    def start(self, payload: Any, start: int, end: int) -> None:
        tag = _tag(payload)
        if tag not in _INLINE_TAGS:
            self._gap(start)
            self.last_piece = -1
        if tag in _LITERAL_CONTAINERS:
            self.literal_depth += 1
            if not self.indented_code and _label(payload) == "CodeBlock:Indented":
                self.bodies.append(Span(start, end))
            else:
                self.literal.append(Span(start, end))
        if tag in ("Link", "Image"):
            detail = payload[tag] if isinstance(payload, dict) else {}
            # An autolink is a URL; the text of a shortcut or collapsed reference link
            # ("see [lang.Merge]") is also its label, which its definition must match.
            auto = isinstance(detail, dict) and detail.get("link_type") in _LABEL_LINKS
            if auto:
                self.literal.append(Span(start, end))
                self.literal_depth += 1
            self.links.append((end, auto))
        if tag == "FootnoteDefinition":
            m = _FOOTNOTE_LABEL.match(self.text, start, end)
            if m:
                self.literal.append(Span(*m.span()))
        kind = _BLOCK_TAGS.get(tag)
        if kind is BlockKind.PARAGRAPH and self.stack[-1].kind is BlockKind.ITEM:
            kind = BlockKind.ITEM  # a paragraph of a loose list item is still an item
        self.stack.append(_Frame(tag, kind, _label(payload), child_end=start))

    def end(self, payload: Any, start: int, end: int) -> None:
        tag = _tag(payload)
        if len(self.stack) == 1:
            return
        if tag not in _INLINE_TAGS:
            self._gap(end)  # a reference definition after the last child of a container
            self.last_piece = -1
        frame = self.stack.pop()
        parent = self.stack[-1]
        parent.child_end = max(parent.child_end, end)
        # A digest of the subtree, not the nested tuples themselves: comparing or hashing
        # tuples nested 1,000 deep (``- - - ... item``) recurses in C and raises RecursionError.
        if self.structure:
            node = _digest(frame.label, frame.children)
            # Runs of identical siblings count once, so removing a duplicated paragraph is
            # allowed.
            if not parent.children or parent.children[-1] != node:
                parent.children.append(node)
        if tag in _LITERAL_CONTAINERS:
            self.literal_depth -= 1
        if tag in ("Link", "Image") and self.links:
            link_end, auto = self.links.pop()
            if auto:
                self.literal_depth -= 1
            else:
                # The destination and title follow the last prose character of the link text.
                tail = frame.last if frame.last >= 0 else start
                self.literal.append(Span(max(tail, start), link_end))
            self._extend(parent, frame)
        elif frame.kind is not None:
            if frame.first >= 0:
                self.blocks.append(Block(Span(frame.first, frame.last), frame.kind))
        else:
            self._extend(parent, frame)

    @staticmethod
    def _extend(parent: _Frame, frame: _Frame) -> None:
        """Inline containers (and block quotes, lists) pass their prose bounds outward."""
        if frame.first >= 0:
            if parent.first < 0:
                parent.first = frame.first
            parent.last = frame.last

    def leaf(self, kind: str, value: Any, start: int, end: int) -> None:
        parent = self.stack[-1]
        parent.child_end = max(parent.child_end, end)
        if kind == "Text":
            if self.literal_depth or len(self.stack) == 1:
                return
            if self.text[start:end] != value and self.text.startswith("&", start):
                # An entity reference such as ``&amp;`` stands for one character; keep it whole.
                self.literal.append(Span(start, end))
                return
            self._piece(start, end, line_break=False)
            self.prose.append(Span(start, end))
            if parent.first < 0:
                parent.first = start
            parent.last = end
            return
        if kind in _LITERAL_LEAVES:
            self.literal.append(Span(start, end))
            if kind in ("Html", "InlineHtml"):
                for m in _DIRECTIVE_COMMENT.finditer(self.text, start, end):
                    self.comments.append(Span(*m.span()))
            parent.children.append((kind,))

    def line_break(self, kind: str, start: int, end: int) -> None:
        if kind == "Rule":
            self._gap(start)
            self.stack[-1].children.append((kind,))
            self.stack[-1].child_end = max(self.stack[-1].child_end, end)
            return
        if self.literal_depth or len(self.stack) == 1:
            return
        self._piece(start, end, line_break=True)
        if kind == "SoftBreak":
            self.prose.append(Span(start, end))
        elif kind == "HardBreak":
            # Two trailing spaces or a backslash: markup that reads as the end of a line.
            newline = len(self.text[start:end]) - len(self.text[start:end].rstrip("\r\n"))
            self.blanks.append(Span(start, end - newline))
            self.stack[-1].children.append((kind,))

    def layout(self) -> MarkdownLayout:
        self._gap(len(self.text))
        self.blocks.sort(key=lambda b: b.span.start)
        self.comments.sort()
        return MarkdownLayout(
            self.prose,
            SpanSet(self.literal),
            self.blocks,
            SpanSet.complement(self.prose, len(self.text)),
            SpanSet(self.blanks),
            self.comments,
            tuple(self.root.children),
            self.bodies,
        )


def _digest(label: str, children: list[Any]) -> bytes:
    """A fixed-size name for a subtree: equal for equal label and children (16 bytes)."""
    h = hashlib.blake2b(label.encode("utf-8", "surrogatepass"), digest_size=16)
    for child in children:
        h.update(b"\0" + (child if isinstance(child, bytes) else repr(child).encode()))
    return h.digest()


def parse(text: str, *, indented_code: bool = True, structure: bool = True) -> MarkdownLayout:
    """The layout of Markdown ``text``; its ``structure`` (for ``fingerprint``) is left empty
    when ``structure`` is False."""
    source = _parsable(text)
    # Byte offsets are code-point offsets in ASCII text: no conversion per event there.
    to_cp = None if source.isascii() else _converter(source)
    builder = _Builder(text, indented_code=indented_code, structure=structure)
    for event, rng in _events(source):
        if to_cp is None:
            start, end = rng["start"], rng["end"]
        else:
            start, end = to_cp(rng["start"]), to_cp(rng["end"])
        if isinstance(event, str):  # SoftBreak, HardBreak, Rule
            builder.line_break(event, start, end)
            continue
        ((kind, payload),) = event.items()
        if kind == "Start":
            builder.start(payload, start, end)
        elif kind == "End":
            builder.end(payload, start, end)
        else:
            builder.leaf(kind, payload, start, end)
    return builder.layout()


def fingerprint(text: str) -> tuple[tuple[Any, ...], tuple[str, ...]]:
    """What a fix must not change: the tree of blocks and inline containers (runs of identical
    siblings count once, so removing a duplicated paragraph is allowed) and the literal regions'
    text, in order."""
    layout = parse(text)
    literals = tuple(text[s.start : s.end] for s in layout.literal)
    return layout.structure, literals
