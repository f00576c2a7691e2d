from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from copyfix.model import Applicability, DocumentKind, Edit, FixAvailability, Violation, bad, good
from copyfix.patterns import lazy_compile
from copyfix.rules.base import HABIT_MIN, Rule, violation
from copyfix.text.blocks import MASK_CHAR
from copyfix.text.displays import Displays, indent_columns

if TYPE_CHECKING:
    from copyfix.text.document import Document

# Two or more spaces (one of them a plain space) between two characters that are not white
# space; masked markup on either side is judged in the loop (``_beside_inline_markup``).
_RUN = lazy_compile(
    r"(?<![ \u00a0])[ \u00a0]{2,}+(?<=[^\s][ \u00a0]{2,})(?<=[ ][ \u00a0]*|[ \u00a0]*[ ])"
    r"(?=[^\s])"
)
_COLUMN_GAP = lazy_compile(r"\S[ \t]{2,}\S")


class MultipleSpaces(Rule):
    """Flags two or more spaces between words or sentences.

    ## What it does
    Finds runs of spaces (or a space next to a no-break space) inside a line and replaces them
    with a single space.

    ## Why is this bad?
    Doubled spaces are a typewriter habit or a paste artefact; they show as uneven gaps in
    rendered text and break searches for phrases.

    ## Fix safety
    Safe: only spaces change. Two spaces between sentences are a typewriter convention, not a
    slip: they are left alone in a document that uses them three times or more (consistently, or
    by the habit of some of its writers); elsewhere they are flagged with an unsafe fix, as
    collapsing them is a style change rather than a correction. In Markdown, MDX and
    reStructuredText, whose renderers collapse the spaces between sentences, two spaces after a
    sentence are never flagged, nor are wider gaps there in a document that holds the habit.
    The gap before a renderer's reference number (`areas  [1]`), a day padded to two columns
    (`Nov  2`), a postcode after a state or a town (`MA  02144`, `Reading  RG7 4SA`), the gap
    after a bullet (`o  framing`) and padding to the hanging indent of a list of terms (`chpwd
    Executed`) are layout, not slips. Spaces that open a quotation (`"  Mmm dd"`) may pad a
    quoted field: their fix is unsafe.
    """

    code = "SP004"
    name = "multiple-spaces"
    fix_availability = FixAvailability.ALWAYS
    summary = "Multiple spaces between words"
    examples = (
        bad("This is  a test.", "This is a test."),
        bad("The end.  Next sentence.", "The end. Next sentence.", unsafe=True),
        good("    Indented line stays."),
        good("Name    Age    City\nAnn     31     Oslo\nBob     42     Rome"),
        good("| a   | b |\n|-----|---|\n| c   | d |", markdown=True),
        good("Tabs\tare\tnot spaces."),
        good("Save the file with a  ~  added, then press  CTRL-]  to jump."),
        good("<    takes you to the family of CTRL-X commands"),
        good("The archive is split into areas  [1] based on their licenses."),
        good("It typically looks like Wed Nov  2 00:42:36 1994 in the output."),
        good("One.  Two sentences.  Three here.  A typewriter style, kept throughout."),
        good("It was *whom.*  This is kept.  So is _this._  The end.  Typewriter style."),
        bad("One.  Two.  Three.   Four.  Five.", "One.  Two.  Three.  Four.  Five."),
        good("* Variables: Object-Oriented Variables.\n* Methods:   Object-Oriented Methods."),
        bad("Its entry:   Top.  It ends.  Here.  Now.", "Its entry:  Top.  It ends.  Here.  Now.",
            unsafe=True),
        good("One.  Two. Three.  Four. Five. Six. Rendered with one space.", markdown=True),
        bad("One.  Two. Three.  Four. Five. Six.", "One. Two. Three. Four. Five. Six.",
            unsafe=True),
        good("One.  Two. Three.  Four. Five.  Six. Seven. Some of its writers' habit."),
        good("One.  Two.  Three.   Four.  Five.    Six.  All rendered alike.", markdown=True),
        good("It merges if found.  The library reports.  That is all."),
        good("   o  framing for logical bitstreams.\n\n   o  interleaving of them."),
        good("Conrad Parker\nNorth Ryde, NSW  2113\n\nSomerville, MA  02144-1234\n\n"
             "Theale, Reading  RG7 4SA"),
        bad('Else it is "  Mmm dd" here.', 'Else it is " Mmm dd" here.', unsafe=True),
        good("It was sent on\n\n    Date: Wed,  8 Mar 2017 18:50:29 +0000\n\nas you see."),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        view = doc.view
        # Markdown, MDX and reST collapse the spaces between sentences when they are rendered.
        found = list(_RUN.finditer(view))
        if not found:
            return
        typewriter, habit = _two_spaces_between_sentences(view)
        # Writers who put two spaces after some sentences (three or more) hold that habit: their
        # gaps are no slips, nor, in markup that hides them all, are wider gaps ("data?   We").
        markup = doc.kind is not DocumentKind.TEXT
        two_space_style, wide_style = markup or typewriter or habit, markup and (typewriter or habit)
        # Measured on the text: the layout may already have masked some justified lines as a
        # table, and the widths must count them.
        justified = _justified_widths(doc.text)
        displays = Displays(doc.text) if doc.kind is DocumentKind.TEXT else None
        for m in found:
            start, end = m.span()
            if (MASK_CHAR in (view[start - 1], view[end])) and not _beside_inline_markup(
                doc.text, view, start, end
            ):
                continue  # the padding of a masked block, a table's pipes, a list's marker
            if justified and _line_width(doc.text, start) in justified:
                continue  # the padding of fully justified text
            if displays is not None and displays.holds(start):
                continue  # an example, table or sample set off by indentation
            sentence_gap = _after_sentence_end(doc, start)
            after_sentence = end - start == 2 and sentence_gap
            if two_space_style and after_sentence or wide_style and sentence_gap:
                continue
            # In a document that puts two spaces after its sentences, a wider gap there is cut
            # to the document's two, not to one.
            gap = "  " if sentence_gap and typewriter else " "
            # Measured on the text: a neighbouring row may be masked as a listing in the view.
            if (
                _in_column_layout(doc.text, start)
                or _aligned_with_neighbour(doc.text, end)
                or _hanging_indent(doc.text, start, end)
            ):
                continue
            if _in_drawn_table(view, start):
                continue
            if _sets_off_a_token(view, start, end) or _after_a_leading_marker(view, start):
                continue
            if _conventional_padding(view, start, end):
                continue
            yield violation(
                start, end, "Multiple spaces", Edit.replace(start, end, gap),
                title="Replace with one space" if gap == " " else "Replace with two spaces",
                # Two spaces after a sentence are a typewriter convention that many writers keep
                # by habit, not a slip between words: collapsing them is a style change.
                # "entry:   Top.": three spaces or more after a colon pad a label to a column (Info
                # menus and indexes); a slip or the typewriter's two spaces leave fewer. Spaces
                # that open a quotation ('is "  Mmm dd"') pad a quoted field: they are data.
                applicability=Applicability.UNSAFE
                if after_sentence
                or (end - start >= 3 and view[start - 1] == ":")
                or view[start - 1] in "\"“‘'"
                else Applicability.SAFE,
            )


def _conventional_padding(view: str, start: int, end: int) -> bool:
    """Two spaces that a convention sets: before a renderer's footnote or link number ("split
    into areas  [1] based"), before a day padded to two columns ("Wed Nov  2 00:42:36 1994", as
    dates and ls print it, and "Date: Wed,  8 Mar 2017" as mail headers do), before a postcode ("Somerville, MA  02144")."""
    if _REFERENCE_MARK.match(view, end, end + 8):
        return True
    return end - start == 2 and bool(
        _PADDED_DAY.match(view, max(0, start - 3), end + 2)
        or _PADDED_MAIL_DAY.match(view, max(0, start - 4), end + 2)
        or _POSTCODE.match(view, start)
    )


def _after_sentence_end(doc: Document, start: int) -> bool:
    """Whether the gap at ``start`` follows a sentence's end. It looks back only as far as a
    sentence end can reach (searching from the document's start for every gap would make the
    rule quadratic), and asks the source where masked text (an Info cross-reference,
    ``(info)Help-Xref.)``) ends the sentence."""
    reach = max(0, start - _SENTENCE_END_REACH)
    return bool(
        _SENTENCE_END.search(doc.view, reach, start)
        or (MASK_CHAR in doc.view[reach:start] and _SENTENCE_END.search(doc.text, reach, start))
    )


# A sentence ends at its mark, or after a closing bracket, quote or emphasis marker of plain
# text (`whom.*  This`, `certificate._  It`: Info and plain-text renderings of emphasis), or
# after the footnote marker that follows it (`insensitive.(1)  To`, as Info renders a footnote,
# and `get-pip.py``. [2]_  This`, a reStructuredText footnote reference).
_SENTENCE_END = lazy_compile(
    r"[.?!:](?:[)\"”’'*_]|\(\d{1,3}\)|\[\d{1,3}\]|[ ]?\[(?:\d{1,3}|#|\*)\]_)?\Z"
)
_SENTENCE_END_REACH = 8  # the longest match of _SENTENCE_END, in code points
_SENTENCE_GAP = lazy_compile(r"(?<=\p{Ll}[.?!][)\"”’'*_]?)( +)(?=[\"“‘(]?\p{Lu})")
_STYLE_MIN_GAPS = 3


# Two or more spaces between words, not after a sentence's end.
_MID_SENTENCE_GAP = lazy_compile(r"[^\s.?!:][ ]{2,}(?=\S)")
_JUSTIFIED_MIN_LINES = 3


def _justified_widths(text: str) -> frozenset[int]:
    """The widths (code points) to which the document pads its lines with spaces between words:
    fully justified text, as old READMEs and ``fmt``-like tools set it. A width counts when
    three lines or more reach it with two mid-sentence gaps or more each; a writer's slip
    doubles one space here and there, not two in a line, so ordinary text has none."""
    widths: Counter[int] = Counter()
    for line in text.split("\n"):
        if "  " in line and len(_MID_SENTENCE_GAP.findall(line)) >= 2:
            widths[len(line.rstrip())] += 1
    return frozenset(w for w, n in widths.items() if n >= _JUSTIFIED_MIN_LINES)


def _line_width(text: str, pos: int) -> int:
    start, end = _line_bounds(text, pos)
    return len(text[start:end].rstrip())


def _two_spaces_between_sentences(view: str) -> tuple[bool, bool]:
    """Two spaces after a full stop is an old typewriter convention, not a slip. Returns
    whether the document follows it consistently (three gaps or more, most of them doubled:
    a wider gap is cut to two there) and whether it holds the habit at all (``HABIT_MIN``
    doubled gaps or more, or two when every gap is doubled, as in a short note written that
    way: the sentence gaps of two are left alone)."""
    gaps = [len(m.group(1)) for m in _SENTENCE_GAP.finditer(view)]
    doubled = sum(1 for g in gaps if g == 2)
    habit = doubled >= HABIT_MIN or doubled >= 2 and doubled == len(gaps)
    return len(gaps) >= _STYLE_MIN_GAPS and doubled >= 0.6 * len(gaps), habit


# Tables have short lines; a longer line is prose, and looking no further keeps long
# single-line files linear.
_TABLE_LINE_MAX = 400


def _line_bounds(view: str, pos: int) -> tuple[int, int]:
    """The line around ``pos``, looking at most ``_TABLE_LINE_MAX`` characters either way."""
    lo = max(0, pos - _TABLE_LINE_MAX)
    newline = view.rfind("\n", lo, pos)
    start = newline + 1 if newline >= 0 else lo
    end = view.find("\n", pos, pos + _TABLE_LINE_MAX)
    return start, min(len(view), pos + _TABLE_LINE_MAX) if end < 0 else end


# A footnote or link number as text renderers write it, "[1]", set off with their spacing.
_REFERENCE_MARK = lazy_compile(r"\[\d{1,3}\](?=[\s.,;:]|$)")
# A month's abbreviation, then a day of one digit padded to two columns, as `date`, `ls -l`
# and ctime() print it.
_PADDED_DAY = lazy_compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)  \d(?!\d)")
# A mail header's weekday and a day padded to two columns (RFC 2822 dates: "Wed,  8 Mar").
_PADDED_MAIL_DAY = lazy_compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),  \d(?!\d)")
# A token of symbols or code (not a plain word) with two spaces after it.
_TOKEN_SET_OFF = lazy_compile(r"(?=[^\s]{0,39}[^\w\s.,;:!?])[^\s]{1,40}+[ \u00a0]{2}")


def _sets_off_a_token(view: str, start: int, end: int) -> bool:
    """``a  ~  added``, ``to  CTRL-]  and``: two spaces on both sides of a symbol or a key name
    set it off as a literal, on purpose (between plain words they are a slip)."""
    if _TOKEN_SET_OFF.match(view, end, end + 44):
        return True
    i = start
    while i > 0 and not view[i - 1].isspace() and start - i <= 40:
        i -= 1
    return (
        i >= 2
        and view[i - 2 : i] in ("  ", " \u00a0", "\u00a0 ")
        and _TOKEN_SET_OFF.match(view, i, end) is not None
    )


def _after_a_leading_marker(view: str, start: int) -> bool:
    """``<    takes you to``: spaces after a symbol, a check box or a number that opens the line
    keep the text lined up with the lines below, as after a list marker."""
    line_start = view.rfind("\n", max(0, start - 12), start) + 1
    if line_start == 0 and start > 12:
        return False
    head = view[line_start:start].strip()
    if _CHECKBOX.fullmatch(head):
        return True  # "[*]   netfilter support": a box of a configuration menu
    if _LEADING_LABEL.fullmatch(head):
        return True  # "(1)  The operator", "2.  Install": a note's or an item's number
    if head == "o":
        return True  # "   o  framing": the bullet of RFCs and of man pages rendered in ASCII
    return len(head) <= 2 and bool(head) and not any(c.isalnum() for c in head)


# The number of a footnote or a list item that opens a line: "(1)", "[2]", "3.", "4)".
_LEADING_LABEL = lazy_compile(r"\(\d{1,3}\)|\[\d{1,3}\]|\d{1,3}[.)]")
# A US state's or an Australian territory's abbreviation, two spaces and a postcode, at the end
# of an address line (United States Postal Service Publication 28 sets two spaces there), or
# a town and a British postcode ("Reading  RG7 4SA", as RFCs' author addresses set it).
_POSTCODE = lazy_compile(
    r"(?<=(?<![\p{L}\d])\p{Lu}{2,3})  \d{4,5}(?:-\d{4})?[ \t]*+(?:\n|\Z)"
    r"|(?<=\p{L})  \p{Lu}{1,2}\d[\p{Lu}\d]? \d\p{Lu}{2}[ \t]*+(?:\n|\Z)"
)
# A check box or a menu mark that opens a line: "[ ]", "[*]", "[x]", "<M>", "( )".
_CHECKBOX = lazy_compile(r"[\[<(][ *xXM+-]?[\]>)]")


def _in_drawn_table(view: str, pos: int) -> bool:
    """A line with two or more "|" (or box-drawing verticals, "│") is a row of a table drawn
    with characters."""
    start, end = _line_bounds(view, pos)
    return len(_TABLE_RULE.findall(view, start, end)) >= 2


_TABLE_RULE = lazy_compile(r"[|\u2502\u2503\u2551\u250a\u250b\u2506\u2507]")


def _aligned_with_neighbour(view: str, gap_end: int) -> bool:
    """A gap whose next word starts in the same column as a word after a gap on the line above
    or below is a column of a plain-text table."""
    line_start, line_end = _line_bounds(view, gap_end)
    if line_end - line_start >= _TABLE_LINE_MAX:
        return False
    column, wide = gap_end - line_start, view[gap_end - 3 : gap_end] == "   "
    for neighbour in (line_start - 1, line_end + 1):
        if neighbour < 0 or neighbour > len(view):
            continue
        start, end = _line_bounds(view, min(neighbour, len(view)))
        at = start + column
        if at >= end or view[at].isspace():
            continue
        # "* Variables: Object" / "* Methods:   Object": a gap of three spaces or more that
        # lands where a word of the next line starts is padding, even after one space there.
        if view[at - 2 : at] == "  " or (view[at - 1] == " " and wide):
            return True
    return False


def _beside_inline_markup(text: str, view: str, start: int, end: int) -> bool:
    """The gap ``start``-``end`` touches masked text only where inline code or emphasis opens or
    closes (```url```, ``**bold**``), not where a line's markup ends (a list marker, a table's
    pipe, a shortcode): a gap there is a slip of the prose, ``in the  `url` field``."""
    if view[end] == MASK_CHAR and text[end] not in _INLINE_MARKS:
        return False
    if view[start - 1] == MASK_CHAR:
        if text[start - 1] not in _INLINE_MARKS:
            return False
        i = start - 1
        while i > 0 and view[i - 1] == MASK_CHAR:
            i -= 1
        if not view[view.rfind("\n", 0, i) + 1 : i].strip():
            return False  # "*   item": a list's marker opens the line
    return True


_INLINE_MARKS = frozenset("`*_")


def _hanging_indent(text: str, start: int, end: int) -> bool:
    """``-D -RR  Attach here``, ``chpwd  Executed``: a short term opens the line and the gap
    after it takes the text to the column where one of the two nearest non-blank lines above
    or below starts, the hanging indent of a list of options or terms (man pages, Info menus)."""
    line_start, _ = _line_bounds(text, start)
    head = text[line_start:start].split()
    if not head or len(head) > _TERM_WORDS or start - line_start > _TERM_COLUMNS:
        return False
    column = end - line_start
    return any(
        indent_columns(line) == column
        for step in (-1, 1)
        for line in _nearby_lines(text, start, step)
    )


_TERM_WORDS = 3
_TERM_COLUMNS = 32


def _nearby_lines(text: str, pos: int, step: int) -> Iterator[str]:
    """The two nearest lines that hold text above (``step`` -1) or below (1) the line holding
    ``pos``, looking at most four lines away."""
    start, end = _line_bounds(text, pos)
    found = 0
    for _ in range(4):
        if (step < 0 and start == 0) or (step > 0 and end >= len(text)):
            return
        start, end = _line_bounds(text, start - 1 if step < 0 else end + 1)
        if text[start:end].strip():
            yield text[start:end]
            found += 1
            if found == 2:
                return


def _in_column_layout(view: str, pos: int) -> bool:
    """A line with two or more wide gaps, next to a line with gaps too, is a table."""
    start, end = _line_bounds(view, pos)
    if end - start >= _TABLE_LINE_MAX:
        return False  # a long line is prose, not a row of a table
    if len(_COLUMN_GAP.findall(view, start, end, overlapped=True)) < 2:
        return False
    neighbours = []
    if start > 0:
        neighbours.append(_line_bounds(view, start - 1))
    if end < len(view):
        neighbours.append(_line_bounds(view, end + 1))
    return any(_COLUMN_GAP.search(view, s, e) for s, e in neighbours)
