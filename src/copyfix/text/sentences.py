"""Sentence starts and paragraph labels, found once per document.

A start is *confident* only where a copy editor would agree that a new sentence begins: at the
start of a prose block, after a paragraph label such as ``Dr. Martinez:``, or after ``. ? !``
that ends a word which is not an abbreviation, an initial or a list marker.
"""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from copyfix.patterns import lazy_compile
from copyfix.text.blocks import Block, BlockKind

if TYPE_CHECKING:
    from copyfix.text.document import Document


class StartKind(enum.Enum):
    BLOCK = "block"
    BOUNDARY = "boundary"
    LABEL = "label"


@dataclass(frozen=True, slots=True)
class SentenceStart:
    kind: StartKind
    word_start: int
    word: str
    block: Block
    #: The punctuation that ended the previous sentence (empty at a block start or label).
    terminator: str = ""
    #: The word before the terminator, for judging how certain the boundary is.
    previous_word: str = ""
    #: Offset of the terminator (-1 at a block start or label).
    terminator_at: int = -1


@dataclass(frozen=True, slots=True)
class Label:
    """``Archyde:`` at the start of a paragraph: a speaker or field name."""

    start: int
    end: int
    text: str
    block: Block


_OPENERS = "“‘\"'(["
# The mark comes first so the engine can skip ahead to it; the lookbehind after it checks
# that a word (or a closing quote or bracket) stands before the mark.
_BOUNDARY = lazy_compile(
    r"(?<![.?!])([.?!]++)(?<=[\p{L}\p{M}\d)\]\"”’'%][.?!]+)([)\]\"”’'«»]*)([ \t]+|[ \t]*\n[ \t]*)([“‘\"'(\[„«»]?)"
    r"(?=[\p{L}])"
)
_LEADING = lazy_compile(r"[ \t]*(?:[-*+•]\s+|\d+[.)]\s+)?([“‘\"'(\[„«»‹›]?)")
# A word may hold an apostrophe (don't) but does not end with one ('quoted').
# Runs of letters possessively, one loop step per apostrophe: one step per letter kept state for
# each, and a 5-million-letter word raised MemoryError.
_WORD = lazy_compile(r"[\p{L}\p{M}][\p{L}\p{M}\d-]*+(?:['’](?=\p{L})[\p{L}\p{M}\d-]*+)*+")
# The colon is a class (with its full-width form) rather than a literal: a required literal makes
# the regex module search the rest of the text for it on every match() call.
_LABEL = lazy_compile(r"([\p{Lu}\p{Ll}][\p{L}.'’-]*(?:[ ][\p{Lu}][\p{L}.'’-]*){0,3})[:：][ \t]+")


def find_sentence_starts(doc: Document) -> list[SentenceStart]:
    view = doc.view
    analysis = doc.analysis
    labels = {label.block.span.start: label for label in analysis.labels}
    starts: list[SentenceStart] = []
    for block in doc.blocks:
        b_start, b_end = block.span.start, block.span.end
        lead = _LEADING.match(view, b_start, b_end)
        first = _WORD.match(view, lead.end(), b_end) if lead else None
        label = labels.get(b_start)
        if first and label is None:  # a label's own case is judged against its other uses
            starts.append(SentenceStart(StartKind.BLOCK, first.start(), first.group(), block))
        if label is not None:
            after = _WORD.match(view, label.end, b_end)
            if after:
                starts.append(SentenceStart(StartKind.LABEL, after.start(), after.group(), block))
        for m in _BOUNDARY.finditer(view, b_start, b_end):
            terminator = m.group(1)
            if terminator in ("..", "...") or terminator.startswith(".."):
                continue  # an ellipsis trails off; it does not end the sentence for certain
            if terminator[0] in "?!" and m.group(2):
                continue  # "Where?” he asked: the quote, not the sentence, ends
            if terminator == "." and m.group(2):
                continue
            if terminator == "." and analysis.is_abbreviation_end(m.start(1)):
                continue
            previous = analysis.word_before(m.start(1))
            if _LIST_LABEL.fullmatch(previous) and _is_list_marker(view, m.start(1) - len(previous)):
                continue
            word = _WORD.match(view, m.end(), b_end)
            if word and _opens_an_item(view, word.start(), word.end()):
                continue  # "…of the alert.\n    b. Escalate it": the label of a list's item
            if word and _KEY_LETTER.match(view, word.start()):
                continue  # "B, Ventral valve. e, Heart.": a figure's key; "x, y": variables
            if word:
                starts.append(
                    SentenceStart(
                        StartKind.BOUNDARY, word.start(), word.group(), block, terminator,
                        previous, m.start(1),
                    )
                )
    return starts


# What can label a list item: a number, a letter or a roman numeral ("1.", "b.", "iv.").
LIST_LABEL = r"\d{1,3}|[ivxlcIVXLC]{1,6}|\p{L}"
_LIST_LABEL = lazy_compile(LIST_LABEL)


# One letter other than "a" and "I", then a comma: a key to a figure or a variable.
_KEY_LETTER = lazy_compile(r"[b-hj-z],")


def _opens_an_item(view: str, start: int, end: int) -> bool:
    """The word at ``[start, end)`` is a list label (``b``, ``iv``, ``2``) with its ``.`` or ``)``,
    alone at the start of its line."""
    return (
        view[end : end + 1] in (".", ")")
        and _LIST_LABEL.fullmatch(view, start, end) is not None
        and _at_line_start(view, start)
    )


def _at_line_start(view: str, pos: int) -> bool:
    while pos > 0 and view[pos - 1] in " \t":
        pos -= 1
    return pos == 0 or view[pos - 1] == "\n"


def _is_list_marker(view: str, token_start: int) -> bool:
    """``iv. the``, ``1. install``: a token alone at the start of its line, or an item of a
    list run into the sentence (``two conditions: 1. using it, and 2. you have``): after a
    colon, a comma, a semicolon, ``and`` or ``or``."""
    i = token_start
    while i > 0 and view[i - 1] in " \t":
        i -= 1
    if i == 0 or view[i - 1] in "\n:,;":
        return True
    return _RUN_IN_ITEM.search(view, max(0, i - 4), i) is not None


# The word before an item of a list run into a sentence: "..., and 2. you have".
_RUN_IN_ITEM = lazy_compile(r"(?<![\p{L}\d])(?:and|or)\Z", regex.I)


def find_labels(doc: Document) -> list[Label]:
    """Paragraph-initial labels used at least twice in the document (an interview's speakers)."""
    candidates: list[Label] = []
    view = doc.view
    for block in doc.blocks:
        if block.kind is not BlockKind.PARAGRAPH:
            continue
        m = _LABEL.match(view, block.span.start, min(block.span.end, block.span.start + 80))
        if m:
            candidates.append(Label(m.start(1), m.end(), m.group(1), block))
    counts = Counter(label.text.lower() for label in candidates)
    return [
        label
        for label in candidates
        if counts[label.text.lower()] >= 2 and label.text.lower() not in doc.lexicon.admonitions
    ]
