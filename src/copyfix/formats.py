"""Choose a document's format and build the ``Document`` rules see."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

from copyfix.document import Document
from copyfix.model import DocumentKind
from copyfix.spans import SpanSet
from copyfix.suppression import directive_spans

if TYPE_CHECKING:
    from copyfix.lexicon import Lexicon

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})


def kind_for_path(path: str | None, override: str | None = None) -> DocumentKind:
    if override:
        return DocumentKind(override)
    if path and PurePath(path).suffix.lower() in MARKDOWN_SUFFIXES:
        return DocumentKind.MARKDOWN
    return DocumentKind.TEXT


def build_document(
    text: str, *, path: str = "-", kind: DocumentKind, lexicon: Lexicon | None = None
) -> Document:
    if kind is DocumentKind.MARKDOWN:
        from copyfix.markdown import parse

        layout = parse(text)
        return Document(
            text,
            path=path,
            kind=kind,
            masks=layout.masks,
            literal=layout.literal,
            blocks=layout.blocks,
            lexicon=lexicon,
        )
    # In plain text, suppression comments are the only thing that is not prose.
    directives = SpanSet(directive_spans(text)) if "copyfix:" in text else SpanSet()
    return Document(
        text, path=path, kind=kind, masks=directives, literal=directives, lexicon=lexicon
    )
