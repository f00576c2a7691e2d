"""Whether a block goes on with the sentence of the block before it, or sets words apart.

Plain text and Markdown break a sentence around what it shows: "Run this:", a command, "then
restart the shell."; a glossary sets a term above its definition; a quotation or a verse is set
apart from the sentence that introduces it. ``lowercase-sentence-start`` asks these questions
before it calls a lowercase word after a block's start a sentence's missing capital. Offsets are
code points of the document's view.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from copyfix.model import Span
from copyfix.patterns import lazy_compile
from copyfix.text.blocks import BlockKind
from copyfix.text.lines import indentation

if TYPE_CHECKING:
    from copyfix.text.blocks import Block
    from copyfix.text.document import Document
    from copyfix.text.sentences import SentenceStart

#: How a block ends when its sentence goes on in the next one.
CONTINUING = (";", ":", ",")
#: Sentence punctuation at the end of a text, with the closing marks that may follow it.
TERMINAL = lazy_compile(r"[.?!…][”’\"')\]»]*\s*$")


def after_indented_block(doc: Document, block_start: int) -> bool:
    """The previous non-blank line is indented more deeply than the paragraph that starts at
    ``block_start``."""
    view = doc.view
    line_start = view.rfind("\n", 0, block_start) + 1
    this_indent = indentation(view[line_start:block_start])
    i = line_start - 1
    while i > 0:
        prev_start = view.rfind("\n", 0, i) + 1
        line = view[prev_start:i]
        if line.strip():
            return indentation(line) > this_indent
        i = prev_start - 1
    return False


def defines_a_term(doc: Document, block: Block) -> bool:
    """``block`` defines the term in the paragraph before it: one line of fewer than six words
    without sentence punctuation, written in lowercase or followed by a definition that ends
    without a sentence's mark. Glossaries set each term so, with its definition after it as a
    lowercase fragment ("accuracy" / "how closely a measurement aligns with a correct value",
    "Dalton’s atomic theory" / "set of postulates that established ..."): no sentence to
    capitalise. A title followed by a lowercase sentence ("Introduction" / "the text starts.")
    is still one."""
    _, previous = _previous_block(doc, block)
    if previous is None or previous.kind is not BlockKind.PARAGRAPH:
        return False
    term = doc.view[previous.span.start : previous.span.end].strip()
    if (
        "\n" in term
        or len(term.split()) >= _INTRODUCTION_MIN_WORDS
        or TERMINAL.search(term)
        or term.endswith(CONTINUING)
    ):
        return False
    return term[:1].islower() or not TERMINAL.search(doc.view[block.span.start : block.span.end])


def term_then_definition(text: str) -> bool:
    """A first line with no sentence punctuation and the lines after it indented more deeply:
    a term and its definition, as man pages, Info manuals and text renderings of HTML
    definition lists set them ("detached HEAD" / "    Normally the HEAD stores...")."""
    first, _, rest = text.partition("\n")
    second = rest.partition("\n")[0]
    if not second.strip() or TERMINAL.search(first) or first.rstrip().endswith(CONTINUING):
        return False
    return indentation(second) > indentation(first)


def _previous_block(doc: Document, block: Block) -> tuple[int, Block | None]:
    """The index of ``block`` in the document's blocks (sorted by start) and the block before
    it, if any."""
    index = bisect_left(doc.blocks, block.span.start, key=lambda b: b.span.start)
    return index, doc.blocks[index - 1] if index > 0 else None


def follows_example_or_list(doc: Document, start: SentenceStart) -> bool:
    """A paragraph right after a code block or a list often continues the sentence that
    introduced it: "Run this:", code, "then restart the shell."; so does a paragraph or item
    after one that ends with ``;``, ``:``, ``,`` or a blank to fill in (``is ____.``), one
    after a paragraph that also opens in lowercase (a list of fragments), and one after a
    command line displayed in the middle of a sentence ("To see it, run", "apt-get build-dep
    foo", "before building")."""
    block_start = start.block.span.start
    index, previous = _previous_block(doc, start.block)
    if previous is not None:
        if previous.kind is BlockKind.ITEM:
            return True  # "...\n- the last item\n\nand then the text goes on"
        text = doc.view[previous.span.start : previous.span.end]
        if text.rstrip().endswith(CONTINUING) or _BLANK_TO_FILL.search(text):
            return True  # "you will encounter:", "is ________.": the sentence goes on
        if previous.kind is BlockKind.PARAGRAPH and text.lstrip()[:1].islower():
            # "a crater on Earth." / "a tiny moon whose gravity ...": paragraphs that open in
            # lowercase one after another are items of a list written as fragments
            return True
        if stops_mid_sentence(doc.view, previous):
            return True  # "...over the hills; going" / "“to be the mast": a quotation apart
        if index > 1 and displayed_command(doc, doc.blocks[index - 2], previous):
            return True
        if index > 1 and _introduces(doc, doc.blocks[index - 2]):
            # "the old sea-song he sang so often:" / "“Fifteen men on the dead man’s chest”" /
            # "in the high, old tottering voice": what a colon introduced is a display, and
            # the paragraph after it goes on with the sentence.
            return True
    # The example may also end the paragraph before ("(edit file)" / "$ git commit -a").
    previous_end = previous.span.end - 1 if previous is not None else 0
    return bool(doc.literal) and doc.literal.overlaps(Span(max(0, previous_end), block_start))


# A blank to fill in at the end of a question's stem: "The main weakness is ________."
_BLANK_TO_FILL = lazy_compile(r"_{3,}[.?:]?\s*$")


# How the paragraph before a displayed line ends when its sentence goes on after the display:
# mid-sentence ("To see it, run") or with a colon ("a file containing the line:").
_RUNS_ON = lazy_compile(r"[\p{Ll}:]\s*$")
_INTRODUCTION_MIN_WORDS = 6


def quoted_block(doc: Document, start: SentenceStart) -> bool:
    """The sentence start lies in a Markdown blockquote: words quoted, reproduced as they
    were written (a reader's letter, a post, a passage of a book)."""
    line_start = doc.text.rfind("\n", 0, start.word_start) + 1
    return doc.kind.is_markdown and bool(
        _BLOCKQUOTE.match(doc.text, line_start, start.word_start)
    )


_BLOCKQUOTE = lazy_compile(r"[ \t]{0,3}>")


def stops_mid_sentence(view: str, block: Block) -> bool:
    """A paragraph of running text that ends on a lowercase word with no punctuation, or on a
    dash (a sentence broken off, "tales—", "I—"): its sentence goes on in the next block (a
    quotation, a verse or a letter set apart, then "he said no word at all.")."""
    if block.kind is not BlockKind.PARAGRAPH:
        return False
    text = view[block.span.start : block.span.end]
    if _BROKEN_OFF.search(text):
        return True  # no title ends on a dash, however short
    return bool(_RUNS_ON_WORD.search(text)) and len(text.split()) >= _INTRODUCTION_MIN_WORDS


_RUNS_ON_WORD = lazy_compile(r"\p{Ll}\s*$")
# A word and a dash, which may be followed by closing quotation marks and by the word joiners
# and hair spaces of careful typesetting (Standard Ebooks sets "tales\u2060—").
_BROKEN_OFF = lazy_compile(r"\w[\p{Cf}\u200a]*[—–][\p{Cf}\u200a]*[”’\"']*\s*$")


def _introduces(doc: Document, block: Block) -> bool:
    """``block`` is a paragraph of prose that ends with a colon, announcing what follows."""
    text = doc.view[block.span.start : block.span.end].rstrip()
    return block.kind is BlockKind.PARAGRAPH and text.endswith((":", "：")) and " " in text


def displayed_command(doc: Document, introduction: Block, line: Block) -> bool:
    """"To see how, run" / "apt-get build-dep foo" / "before building the source.": a line
    with no sentence punctuation, set apart after a paragraph of prose that stops mid-sentence,
    is what the sentence displays; the paragraph after it goes on with that sentence."""
    view = doc.view
    shown = view[line.span.start : line.span.end]
    before = view[introduction.span.start : introduction.span.end]
    return (
        "\n" not in shown
        and not TERMINAL.search(shown)
        and not shown.rstrip().endswith(CONTINUING)
        # A title stops without punctuation too, but has some words, and no title opens in
        # lowercase ("to which Git will reply": the sentence began before the paragraph).
        and (len(before.split()) >= _INTRODUCTION_MIN_WORDS or before[:1].islower())
        and bool(_RUNS_ON.search(before))
    )
