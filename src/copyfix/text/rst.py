"""reStructuredText documents, parsed with docutils (the parser Sphinx uses).

The doctree says what is prose: text of paragraphs, titles, list items, table cells, admonition
directives, footnotes, and the content of Sphinx's prose directives (``versionadded``,
``seealso``) and object descriptions (``.. py:function:: sig``, ``.. option::``: the signature
is masked). Everything else is masked and literal: literal blocks, ``code-block`` and every
other directive docutils does not know (``literalinclude``, ``toctree``, ``autofunction``:
their bodies stay unparsed), inline literals, roles (a Sphinx role docutils does not know
becomes a "problematic" node, masked whole), substitutions, targets, comments, field names,
definition-list terms.

docutils keeps no character offsets, only line numbers, so each prose text node is found in
the source, piece by piece (one piece per line), from the line its block starts on and after
the previous piece: offsets always point into the original text. A piece that is not found
verbatim (rare: an escape docutils rewrote) is left unchecked. Only the parser runs, no
transforms, so substitutions and references are not replaced by their targets' text. Unknown
directives and roles are not errors: docutils' reports are silenced.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from functools import cache

import docutils.frontend
import docutils.nodes as nodes
import docutils.utils
import regex
from docutils.parsers.rst import Directive, Parser, directives
from docutils.statemachine import StringList

from copyfix.model import Span
from copyfix.patterns import lazy_compile
from copyfix.text.blocks import Block, BlockKind
from copyfix.text.markdown import MarkdownLayout
from copyfix.text.rst_titles import normalise_adornments
from copyfix.text.spans import SpanSet

# Containers whose text is prose, and how a block of them is counted.
_PROSE_BLOCKS = {
    "paragraph": BlockKind.PARAGRAPH, "title": BlockKind.HEADING, "subtitle": BlockKind.HEADING,
    "rubric": BlockKind.HEADING, "line": BlockKind.PARAGRAPH, "caption": BlockKind.PARAGRAPH,
    "attribution": BlockKind.PARAGRAPH,
}
# Nodes whose text is never prose, wherever they sit.
_NOT_PROSE = frozenset({
    "literal", "literal_block", "doctest_block", "problematic", "system_message", "comment",
    "substitution_definition", "substitution_reference", "target", "footnote_reference",
    "citation_reference", "title_reference", "raw", "math", "math_block", "label", "field_name",
    "term", "option_list", "pending", "classifier",
})
# How far past the expected place a piece of text is looked for.
_WINDOW = 4000
_LINE_GAP = lazy_compile(r"[ \t]*\r?\n[ \t]*")
# Spaces at the end of a line, unless a backslash escapes the first (``url\ ``, which keeps
# the link apart from the next line's first word).
_TRAILING_SPACE = lazy_compile(r"(?<!\\)[ \t]+(?=\r?\n|$)")
#: Sphinx's prose directives, which docutils does not know, and which of their arguments is
#: prose too (``.. versionadded:: 2.0 The flag was added.``; ``.. seealso:: text``). A
#: glossary's content is a definition list: terms, and definitions in prose.
SPHINX_PROSE_DIRECTIVES = {
    "versionadded": 1, "versionchanged": 1, "deprecated": 1, "versionremoved": 1, "seealso": 0,
    "only": None, "glossary": None,
}


class _AnyOption(dict):
    """An option spec that takes every option as text: a description's options (``:noindex:``,
    ``:type: int``) are Sphinx's, unknown to docutils, and masked like the signature."""

    def __missing__(self, key: str):
        return directives.unchanged


class _ProseDirective(Directive):
    """A Sphinx directive whose content is prose (``versionadded``, ``seealso``): parsed into a
    container so its paragraphs are checked; its other arguments are masked."""

    has_content = True
    optional_arguments = 2
    final_argument_whitespace = True
    option_spec = _AnyOption()  # ``.. glossary::`` takes ``:sorted:``

    def run(self) -> list[nodes.Node]:
        node = nodes.container()
        first = SPHINX_PROSE_DIRECTIVES.get(self.name)
        if first is not None and len(self.arguments) > first:
            lines = " ".join(self.arguments[first:]).splitlines()
            self.state.nested_parse(StringList(lines), self.lineno, node)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


# Sphinx's object descriptions (``.. py:function:: spam(eggs)``, ``.. option:: -v``): the
# signature is code, the content is prose (with its field lists). Unprefixed names are the
# default domain's (Python's).
_DESCRIPTIONS = (
    "function", "class", "method", "staticmethod", "classmethod", "attribute", "property",
    "data", "exception", "decorator", "decoratormethod", "module", "type",
)
SPHINX_DESCRIPTION_DIRECTIVES = frozenset({
    *_DESCRIPTIONS, *(f"py:{name}" for name in _DESCRIPTIONS),
    *(f"{domain}:{name}" for domain in ("c", "cpp") for name in (
        "function", "member", "macro", "type", "struct", "union", "enum", "enumerator", "var",
        "class", "concept",
    )),
    *(f"js:{name}" for name in ("function", "method", "class", "data", "attribute", "module")),
    "describe", "object", "option", "envvar", "confval", "rst:directive", "rst:role",
    "rst:directive:option", "std:option", "std:envvar",
})


class _DescriptionDirective(Directive):
    """A Sphinx object description: its signature (the arguments) is masked, its content
    parsed as prose."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = _AnyOption()

    def run(self) -> list[nodes.Node]:
        node = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def _settings():
    settings = docutils.frontend.get_default_settings(Parser)
    settings.report_level = 5
    settings.halt_level = 5
    settings.warning_stream = False
    settings.file_insertion_enabled = False
    settings.raw_enabled = False
    settings.line_length_limit = 10**9
    return settings


@cache
def _register_sphinx_directives() -> None:
    """Teach docutils Sphinx's prose directives and object descriptions, once per process."""
    for names, directive in (
        (SPHINX_PROSE_DIRECTIVES, _ProseDirective),
        (SPHINX_DESCRIPTION_DIRECTIVES, _DescriptionDirective),
    ):
        for name in names:
            if directives._directives.get(name) is None:
                directives.register_directive(name, directive)


def doctree(text: str) -> nodes.document:
    _register_sphinx_directives()
    document = docutils.utils.new_document("<rst>", _settings())
    Parser().parse(text, document)
    return document


def _prose_block(node: nodes.Node) -> tuple[nodes.Element | None, bool]:
    """The prose container of a text node, and whether the text is prose. Text inside a prose
    block that is not prose (a role, an inline literal) is still found in the source, so that
    the next piece is looked for after it."""
    block = None
    prose = True
    parent = node.parent
    while parent is not None:
        tag = parent.tagname
        if tag == "system_message":
            return None, False  # docutils' own report: not in the source at all
        # A bare URL (a reference whose text is its address) is no prose either, nor the text
        # of a named reference (`the guide`_), which is the name of its target: changed, it
        # would point nowhere, or somewhere else.
        if tag in _NOT_PROSE or (
            tag == "reference"
            and (parent.get("refuri") == parent.astext() or parent.get("refname"))
        ):
            prose = False
        if block is None and tag in _PROSE_BLOCKS:
            block = parent
        parent = parent.parent
    return block, prose and block is not None


def _kind(block: nodes.Element) -> BlockKind:
    kind = _PROSE_BLOCKS[block.tagname]
    if kind is BlockKind.PARAGRAPH:
        parent = block.parent
        while parent is not None:
            if parent.tagname == "entry":
                return BlockKind.TABLE_CELL
            if parent.tagname == "list_item":
                return BlockKind.ITEM
            parent = parent.parent
    return kind


class _Locator:
    """Finds text pieces in the source in document order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0, *(m.end() for m in regex.finditer(r"\n", text))]
        self.cursor = 0

    def line_offset(self, line: int | None) -> int:
        if not line:
            return self.cursor
        return self.line_starts[min(max(line - 1, 0), len(self.line_starts) - 1)]

    def find(self, piece: str, hint: int) -> int:
        text = self.text
        for start in (max(hint, self.cursor), self.cursor):
            at = text.find(piece, start, start + len(piece) + _WINDOW)
            if at >= 0:
                self.cursor = at + len(piece)
                return at
        return -1


def _block_line(block: nodes.Element) -> int | None:
    line = block.line
    if block.tagname == "title" and line:
        return max(line - 2, 1)  # a title's line is that of its underline; one may be above
    return line


def parse_rst(text: str) -> MarkdownLayout:
    """The layout of a reStructuredText text: prose, masks, literal regions, blocks."""
    document = doctree(text)
    locate = _Locator(text)
    prose: list[Span] = []
    blanks: list[Span] = []
    spans_of: dict[int, list[Span]] = {}
    blocks: dict[int, nodes.Element] = {}
    for node in document.findall(nodes.Text):
        block, is_prose = _prose_block(node)
        if block is None:
            continue
        hint = locate.line_offset(_block_line(block))
        if not is_prose:
            locate.find(str(node).replace("\x00", "\\").split("\n")[0], hint)
            continue
        pieces = spans_of.setdefault(id(block), [])
        blocks[id(block)] = block
        for piece in str(node).replace("\x00", "\\").split("\n"):
            if not piece.strip():
                continue
            at = locate.find(piece, hint)
            if at < 0:  # spaces docutils added or dropped at a line's ends
                piece = piece.strip(" \t")
                at = locate.find(piece, hint)
            if at < 0:
                continue
            span = Span(at, at + len(piece))
            if pieces and _LINE_GAP.fullmatch(text, pieces[-1].end, at):
                # The line break inside a block is prose, as a soft break in Markdown, and the
                # white space around it (indentation, trailing spaces) reads as blank.
                newline = text.index("\n", pieces[-1].end, at)
                gap = pieces[-1].end
                if text[gap - 1] == "\\":
                    gap += 1  # "url\ " at the end of a line: the escaped space is markup
                if newline > gap:
                    blanks.append(Span(gap, newline))
                prose.append(Span(newline, newline + 1))
                if at > newline + 1:
                    blanks.append(Span(newline + 1, at))
            pieces.append(span)
            prose.append(span)
    found = [
        Block(Span(p[0].start, p[-1].end), _kind(blocks[key]))
        for key, p in spans_of.items() if p
    ]
    prose.sort()
    if "\\" in text:
        prose = _without_escapes(text, prose)
    masks = SpanSet.complement(prose, len(text))
    # The white space around a line break inside a block is masked (the view reads it as
    # spaces) but not literal: a finding across the break ("refers to a\n  a connection") is
    # reported and fixed, as in Markdown; the structure check refuses a fix that joins blocks.
    literal = SpanSet(
        _without_trailing_space(text, SpanSet.complement([*prose, *blanks], len(text)))
    )
    return MarkdownLayout(
        prose, literal, sorted(found, key=lambda b: b.span.start), masks, SpanSet(blanks),
        _comments(text, document), (_structure(document),),
    )


# A backslash escape: the backslash is markup, and an escaped space (``url\ on``, a separator
# that renders as nothing) goes with it.
_ESCAPE = lazy_compile(r"\\[ \t]?")


def _without_escapes(text: str, prose: list[Span]) -> list[Span]:
    """``prose`` (sorted spans) without the backslash escapes inside them: ``\\`` and an
    escaped space after it render as nothing, so they are markup a fix must keep (collapsing
    ``url\\  on`` to ``url\\ on`` would join the link and the next word)."""
    out: list[Span] = []
    for span in prose:
        pos = span.start
        for m in _ESCAPE.finditer(text, span.start, span.end):
            if m.start() > pos:
                out.append(Span(pos, m.start()))
            pos = m.end()
        if pos < span.end:
            out.append(Span(pos, span.end))
    return out


def _without_trailing_space(text: str, masks: SpanSet) -> list[Span]:
    """What a fix must keep: all but prose, save spaces at the end of a line (meaningless in
    reST, and what an editor strips)."""
    trailing = [Span(*m.span()) for m in _TRAILING_SPACE.finditer(text)]
    if not trailing:
        return list(masks)
    starts = [t.start for t in trailing]
    out: list[Span] = []
    for span in masks:
        pos = span.start
        i = max(bisect_right(starts, span.start) - 1, 0)
        while i < len(trailing) and trailing[i].start < span.end:
            t = trailing[i]
            if t.end > pos and t.start >= pos:
                if t.start > pos:
                    out.append(Span(pos, t.start))
                pos = min(t.end, span.end)
            i += 1
        if pos < span.end:
            out.append(Span(pos, span.end))
    return out


_DIRECTIVE_LINE = lazy_compile(r"^[ \t]*\.\.[ \t]+(copyfix:[^\n]*?)[ \t]*$", regex.M)


def _comments(text: str, document: nodes.document) -> list[Span]:
    """Comment lines that hold a suppression directive: only real comments, not a directive
    shown in a literal block."""
    if "copyfix:" not in text:
        return []
    said = {c.astext().strip() for c in document.findall(nodes.comment)}
    return [
        Span(m.start() + len(m.group()) - len(m.group().lstrip()), m.end())
        for m in _DIRECTIVE_LINE.finditer(text) if m.group(1).strip() in said
    ]


def _structure(document: nodes.document) -> bytes:
    """A digest of the tree of elements (no text): what a fix must not change."""
    h = hashlib.blake2b(digest_size=16)
    for node in document.findall(nodes.Element):
        h.update(node.tagname.encode() + b"\0")
    return h.digest()


def rst_fingerprint(text: str) -> tuple[object, tuple[str, ...]]:
    """What a fix must keep: the doctree's structure (a warning such as a too-short underline
    changes it) and the text outside prose, with adornment lines at any length (a fix that
    widens a title widens its underline too) and without the white space at its edges."""
    layout = parse_rst(text)
    # White space at a region's edges is the line break and indentation around it, which a
    # fix in the prose next to it may move (the doctree says whether blocks stayed apart).
    regions = (normalise_adornments(text[s.start : s.end]).strip() for s in layout.literal)
    return layout.structure, tuple(region for region in regions if region)
