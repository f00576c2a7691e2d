"""How a plain-text document lays out its lines: where its running text starts and the width
it is wrapped at. Rules read these to tell a display (an example, a quotation) from running
text, and a line broken on purpose (a row, a line of verse) from a wrapped one."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from copyfix.patterns import lazy_compile
from copyfix.text.blocks import BlockKind

if TYPE_CHECKING:
    from copyfix.text.blocks import Block


def indentation(line: str) -> int:
    """The columns of white space that open ``line`` (a tab counts as four)."""
    expanded = line.replace("\t", "    ")
    return len(expanded) - len(expanded.lstrip())


def prose_indent(view: str, blocks: list[Block]) -> int:
    """The indentation, in columns (tabs as four), of the first lines of most of the
    paragraphs of ``view``, weighted by their length in code points: where its running text
    starts. 0 when there is no paragraph."""
    weights: Counter[int] = Counter()
    for block in blocks:
        if block.kind is BlockKind.PARAGRAPH:
            lead = view[view.rfind("\n", 0, block.span.start) + 1 : block.span.start]
            if not lead.strip():
                weights[indentation(lead)] += block.span.end - block.span.start
    return weights.most_common(1)[0][0] if weights else 0


def is_display(view: str, block: Block, indent: int) -> bool:
    """Whether ``block`` starts a line indented two columns or more deeper than ``indent``,
    the running text's: a display, such as an example or a quotation, reproduced as it is."""
    lead = view[view.rfind("\n", 0, block.span.start) + 1 : block.span.start]
    return not lead.strip() and indentation(lead) >= indent + 2


def wrap_width(view: str) -> int:
    """The width, in columns (tabs as four), at which the paragraphs of ``view`` are wrapped:
    the 90th percentile of the lengths of lines that another line of the same paragraph
    follows; 0 when no paragraph has two lines. A line that ends well short of it was broken
    on purpose, not wrapped. Linear: lengths are counted, not sorted."""
    lengths: Counter[int] = Counter()
    previous = ""
    for line in view.split("\n"):
        if previous.strip() and line.strip():
            lengths[len(previous.rstrip().replace("\t", "    "))] += 1
        previous = line
    wanted = (sum(lengths.values()) * 9) // 10
    seen = 0
    for length in sorted(lengths):
        seen += lengths[length]
        if seen > wanted:
            return length
    return 0


def broken_on_purpose(view: str, line_end: int, next_word: int, width: int) -> bool:
    """The line ending at ``line_end`` is well short of ``width``, the document's wrap width
    (:func:`wrap_width`; 0 if unknown): the next word (``next_word`` code points long) would have
    fitted on it with room to spare, so the break is a row's or a verse's end. Room to spare: a
    quarter of the width, as ragged-right wrapping leaves less."""
    line = view[view.rfind("\n", 0, line_end) + 1 : line_end].replace("\t", "    ")
    return width > 0 and len(line) + 1 + next_word <= width * 3 // 4


# A line of verse opens with a capital, after its indentation and any opening mark.
_VERSE_LINE = lazy_compile(r"[ \t]*+[“\"‘'(\[]*+\p{Lu}")


def is_verse(view: str, start: int, end: int) -> bool:
    """Whether the block ``view[start:end]`` (code points) is set as verse: three lines or
    more, each opening with a capital letter, as poems and songs set their lines and wrapped
    prose almost never does (a line opens with a capital about one time in six)."""
    lines = view[start:end].split("\n")
    return len(lines) >= 3 and all(_VERSE_LINE.match(line) for line in lines)


# A paragraph of one line that reads as a command's synopsis: a lowercase name and up to seven
# arguments, with no sentence punctuation at its end ("source file", "bind [class] key
# [command [args]]", "logfile flush secs"), as man pages and Info manuals head their entries.
_SYNOPSIS = lazy_compile(
    r"(?:\A|\n)[ \t]*(?:\n|\A)[ \t]*+([a-z][\w.-]*+(?:[ \t]++[^\s]++){1,7})[ \t]*+"
    r"(?=\n[ \t]*\n|\n?\Z)"
)
_PLACEHOLDER = lazy_compile(r"[a-z][a-z-]*")


def synopsis_lines(view: str) -> dict[int, frozenset[str]]:
    """The one-line paragraphs of ``view`` that read as a command's synopsis, by the offset
    (code points) where their text starts, each with its arguments' lowercase words: the
    names the document gives its placeholders (``file`` in ``source file``), which its prose
    may write after the same word (``commands from file file``). Linear: one scan."""
    found: dict[int, frozenset[str]] = {}
    for m in _SYNOPSIS.finditer(view):
        line = m.group(1)
        if line[-1] in ".,;:!?":
            continue
        arguments = line.split()[1:]
        found[m.start(1)] = frozenset(
            word
            for token in arguments
            if (word := token.strip("[]{}()<>|.,…=")) and _PLACEHOLDER.fullmatch(word)
        )
    return found


# A placeholder in option notation: a word in brackets glued to a name (``algname[:file]``,
# ``--color[=when]``) or in angle brackets (``<file>``), as manuals name arguments.
_NOTATION_PLACEHOLDER = lazy_compile(r"(?<=[\w\]])\[[:=,]?([a-z][a-z-]*+)\]|<([a-z][a-z-]*+)>")


def notation_placeholders(view: str) -> frozenset[str]:
    """The words ``view`` names as arguments in option notation (``file`` in
    ``algname[:file]``, ``<file>``): its prose may write one after the same word once the
    rendering has dropped the placeholder's italics (``If a parameter file file is given``)."""
    return frozenset(m.group(1) or m.group(2) for m in _NOTATION_PLACEHOLDER.finditer(view))
