"""Markdown and MDX layouts: the syntax that the CommonMark parser does not know (MDX's ESM,
JSX and expressions, template tags, TeX math delimiters) is found by a pre-pass
(``copyfix.text.prepass``), hidden from pyromark and masked; bodies that
pyromark would read as indented code but that are prose (JSX children in MDX, which has no
indented code) are parsed again on their own, dedented, and mapped back.

Hiding keeps every offset: a hidden span becomes spaces (a whole line of syntax becomes a blank
line, so JSX on its own line separates blocks as it does in MDX); when the span opens a line
that goes on with prose, its first character becomes a letter instead, so the line keeps its
indentation and is not taken for indented code.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from copyfix.model import DocumentKind, Span
from copyfix.text.blocks import Block
from copyfix.text.markdown import MarkdownLayout, parse
from copyfix.text.prepass import prepass
from copyfix.text.spans import SpanSet
from copyfix.text.tags import DEFAULT_PAIRS, PairedContent

_NEWLINE = re.compile("\n")
# Bodies inside bodies are parsed again up to this depth; deeper ones stay literal code.
_MAX_DEPTH = 8


def blank_out(text: str, spans: SpanSet, *, filler: bool = True) -> str:
    """``text`` with each span's characters replaced by spaces (newlines kept); with ``filler``,
    a span that opens a line which goes on with other text starts with ``x``, keeping the
    line's indentation."""
    if not spans:
        return text
    chars = list(text)
    newlines = [m.start() for m in _NEWLINE.finditer(text)]
    openers: list[tuple[int, int]] = []
    last_line = -1
    for span in spans:
        line = bisect_right(newlines, span.start - 1)
        if line != last_line:  # only the first span on a line can open it
            last_line = line
            line_start = newlines[line - 1] + 1 if line else 0
            if not text[line_start : span.start].strip(" \t"):
                openers.append((span.start, newlines[line] if line < len(newlines) else len(text)))
        for i in range(span.start, span.end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    for start, line_end in openers if filler else ():
        if "".join(chars[start:line_end]).strip():
            chars[start] = "x"
    return "".join(chars)


def subtract(spans: list[Span], cut: SpanSet) -> list[Span]:
    """The parts of ``spans`` outside ``cut``."""
    if not cut:
        return spans
    cuts = list(cut)
    starts = [c.start for c in cuts]
    out: list[Span] = []
    for span in spans:
        pos = span.start
        i = max(bisect_right(starts, span.start) - 1, 0)
        while i < len(cuts) and cuts[i].start < span.end:
            c = cuts[i]
            if c.end > pos:
                if c.start > pos:
                    out.append(Span(pos, c.start))
                pos = max(pos, c.end)
            i += 1
        if pos < span.end:
            out.append(Span(pos, span.end))
    return out


class _Dedented:
    """A region's lines with their common indentation removed, and the way back. The
    indentation is measured on ``parsed`` (the text the parser saw, where a line of hidden
    syntax is blank) and cut from ``text``."""

    def __init__(self, text: str, parsed: str, start: int, end: int) -> None:
        line_start = text.rfind("\n", 0, start) + 1
        lines = text[line_start:end].split("\n")
        seen = parsed[line_start:end].split("\n")
        indents = [len(line) - len(line.lstrip(" \t")) for line in seen if line.strip()]
        depth = min(indents, default=0)
        self.sub_starts: list[int] = []  # where each line starts in the dedented text
        self.line_starts: list[int] = []  # where it starts in the original
        self.cuts: list[int] = []  # how many characters of indentation were removed
        self.removed: list[Span] = []
        parts: list[str] = []
        sub, orig = 0, line_start
        for line, shown in zip(lines, seen, strict=True):
            # A line of hidden syntax (blank as parsed) loses only its own indentation; a
            # definition's first line loses its ``:`` marker, which reads as indentation.
            shown = shown if shown.strip() else line
            cut = min(depth, len(shown) - len(shown.lstrip(" \t")))
            self.sub_starts.append(sub)
            self.line_starts.append(orig)
            self.cuts.append(cut)
            if cut:
                self.removed.append(Span(orig, orig + cut))
            parts.append(line[cut:])
            sub += len(line) - cut + 1
            orig += len(line) + 1
        self.text = "\n".join(parts)

    def at(self, offset: int, *, end: bool = False) -> int:
        """The original offset of ``offset``; an end at a line start stays before the removed
        indentation, so a span never takes it in."""
        i = bisect_right(self.sub_starts, offset) - 1
        if end and i > 0 and offset == self.sub_starts[i]:
            return self.line_starts[i]
        return self.line_starts[i] + self.cuts[i] + offset - self.sub_starts[i]

    def span(self, span: Span) -> Span:
        start = self.at(span.start)
        return Span(start, max(start, self.at(span.end, end=True)))


def build_layout(
    text: str,
    kind: DocumentKind,
    depth: int = 0,
    pairs: PairedContent = DEFAULT_PAIRS,
    structure: bool = False,
) -> MarkdownLayout:
    """The layout of a Markdown or MDX text: prose, masks, literal regions, blocks, and, when
    ``structure`` is True, the tree of blocks that ``layout_fingerprint`` compares."""
    hidden = prepass(text, mdx=kind is DocumentKind.MDX, pairs=pairs)
    cut = SpanSet(hidden.spans)
    parsed = blank_out(text, cut)
    # Bodies found by the pre-pass (admonitions, tabs, definitions) are parsed on their own.
    outer = blank_out(parsed, SpanSet(hidden.bodies)) if hidden.bodies else parsed
    base = parse(outer, indented_code=kind is not DocumentKind.MDX, structure=structure)
    # A definition's ``:`` marker counts as indentation of its body's first line.
    measured = parsed
    if hidden.markers:
        measured = blank_out(parsed, SpanSet(hidden.markers), filler=False)
    prose = subtract(base.prose, cut)
    literal = [*base.literal, *cut]
    blocks = list(base.blocks)
    blanks = subtract(list(base.blanks), cut)
    comments = [*base.comments, *hidden.comments]
    structure = [base.structure]
    for body in [*hidden.bodies, *base.bodies]:
        if depth >= _MAX_DEPTH:
            literal.append(body)
            continue
        region = _Dedented(text, measured, body.start, body.end)
        inner = build_layout(region.text, kind, depth + 1, pairs, structure)
        prose += [region.span(s) for s in inner.prose]
        literal += [region.span(s) for s in inner.literal]
        blocks += [Block(region.span(b.span), b.kind) for b in inner.blocks]
        blanks += [*region.removed, *(region.span(s) for s in inner.blanks)]
        comments += [region.span(s) for s in inner.comments]
        structure.append(inner.structure)
    prose.sort()
    blocks.sort(key=lambda b: b.span.start)
    return MarkdownLayout(
        prose,
        SpanSet(literal),
        blocks,
        SpanSet.complement(prose, len(text)),
        SpanSet(blanks),
        sorted(comments),
        tuple(structure) if len(structure) > 1 else base.structure,
    )


def layout_fingerprint(
    text: str, kind: DocumentKind, pairs: PairedContent = DEFAULT_PAIRS
) -> tuple[object, tuple[str, ...]]:
    """What a fix must not change (see ``markdown.fingerprint``), pre-pass syntax included."""
    layout = build_layout(text, kind, pairs=pairs, structure=True)
    return layout.structure, tuple(text[s.start : s.end] for s in layout.literal)
