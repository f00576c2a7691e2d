"""The units a document is cut into: prose blocks, and the mask character of its view."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from copyfix.model import Span

#: Stands in, in ``Document.view``, for every masked character (code, markup, HTML) so that rules
#: see neither letters nor spaces there and offsets stay those of the original text.
MASK_CHAR = "\ufffc"


class BlockKind(enum.Enum):
    """What a block is in its format: sentences and several rules treat headings, list items and
    table cells differently from paragraphs."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    ITEM = "item"
    TABLE_CELL = "table-cell"


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of prose that sentences never cross (a paragraph, heading, list item or cell);
    ``span`` is in code points of the document's text."""

    span: Span
    kind: BlockKind
