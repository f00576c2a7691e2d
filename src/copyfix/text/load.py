"""Choose a document's format and build the ``Document`` rules see."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import PurePath
from typing import TYPE_CHECKING

from copyfix.model import DocumentKind
from copyfix.text.directives import directive_spans
from copyfix.text.document import Document
from copyfix.text.info import info_spans
from copyfix.text.layout import build_layout, layout_fingerprint
from copyfix.text.overstrike import overstrike_spans
from copyfix.text.plaintext import inline_literal_spans, preformatted_spans
from copyfix.text.spans import SpanSet
from copyfix.text.tags import DEFAULT_PAIRS, PairedContent

if TYPE_CHECKING:
    from copyfix.text.lexicon import Lexicon

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
#: The format each extension stands for; any other extension is plain text.
SUFFIX_KINDS = {
    **dict.fromkeys(MARKDOWN_SUFFIXES, DocumentKind.MARKDOWN),
    ".mdx": DocumentKind.MDX,
    ".rst": DocumentKind.RST,
    ".rest": DocumentKind.RST,
}
FORMAT_TYPES = tuple(kind.value for kind in DocumentKind)


def kind_for_path(
    path: str | None, override: str | DocumentKind | None = None
) -> DocumentKind:
    """The format of ``path`` by its extension; ``override`` (``--format-type``) wins."""
    if isinstance(override, DocumentKind):
        return override
    if override:
        try:
            return DocumentKind(override.lower())
        except ValueError:
            raise ValueError(
                f"unknown format type {override!r} (expected one of: {', '.join(FORMAT_TYPES)})"
            ) from None
    if path:
        return SUFFIX_KINDS.get(PurePath(path).suffix.lower(), DocumentKind.TEXT)
    return DocumentKind.TEXT


def fingerprint_for(
    kind: DocumentKind, pairs: PairedContent = DEFAULT_PAIRS
) -> Callable[[str], object] | None:
    """What a fix of a ``kind`` document must keep (its structure and literal regions), as a
    function of the text; None for plain text, which has no markup to break."""
    if kind.is_markdown:
        return partial(layout_fingerprint, kind=kind, pairs=pairs)
    if kind is DocumentKind.RST:
        from copyfix.text.rst import rst_fingerprint  # docutils: loaded for reST files only

        return rst_fingerprint
    return None


def build_document(
    text: str,
    *,
    path: str = "-",
    kind: DocumentKind,
    lexicon: Lexicon | None = None,
    pairs: PairedContent = DEFAULT_PAIRS,
) -> Document:
    """The document rules see: ``text`` read as ``kind``; ``pairs`` says which paired
    shortcodes hold prose or code in Markdown and MDX."""
    if kind.is_markdown or kind is DocumentKind.RST:
        if kind.is_markdown:
            layout = build_layout(text, kind, pairs=pairs)
        else:
            # docutils costs about a tenth of copyfix's start-up: loaded for reST files only.
            from copyfix.text.rst import parse_rst

            layout = parse_rst(text)
        return Document(
            text,
            path=path,
            kind=kind,
            masks=layout.masks,
            literal=layout.literal,
            blocks=layout.blocks,
            lexicon=lexicon,
            blanks=layout.blanks,
            comments=layout.comments,
        )
    # In plain text, suppression comments, indented examples, tables, Info cross-references
    # and quoted code are not prose, nor is the syntax of an Info document.
    not_prose = SpanSet(
        [
            *directive_spans(text),
            *preformatted_spans(text),
            *inline_literal_spans(text),
            *info_spans(text),
            *overstrike_spans(text),
        ]
    )
    return Document(
        text, path=path, kind=kind, masks=not_prose, literal=not_prose, lexicon=lexicon
    )
