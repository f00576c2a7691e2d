"""Quote marks of a document, each given the role its position and pairing call for.

Computed once per document and shared by the quote and spacing rules, so a misdirected mark is
judged the same way everywhere: `”Hello,”` opens with a closing mark, `“yes“` closes with an
opening one. Double curly quotes, straight double quotes, guillemets (either direction) and
single curly quotes are paired within each prose block; straight single quotes are too
ambiguous with apostrophes and primes to pair.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from copyfix.patterns import lazy_compile
from copyfix.text.blocks import MASK_CHAR

if TYPE_CHECKING:
    from copyfix.text.blocks import Block
    from copyfix.text.document import Document


class Role(enum.Enum):
    OPEN = "open"
    CLOSE = "close"
    #: A straight quote in a paragraph whose straight quotes do not pair: its role is unknown.
    UNKNOWN = "unknown"
    APOSTROPHE = "apostrophe"
    INCH = "inch"


@dataclass(frozen=True, slots=True)
class QuoteMark:
    pos: int
    char: str
    role: Role
    #: The glyph this mark should be, when it faces the wrong way (else None).
    expected: str | None = None
    #: True for an opening mark never closed, or a closing mark never opened, in its block.
    unmatched: bool = False
    #: True for an opening mark inside a quotation opened with the same guillemet.
    nested: bool = False

    @property
    def family(self) -> str:
        return _FAMILY[self.char]


_FAMILY = {"“": "double", "”": "double", '"': "straight", "«": "guillemet", "»": "guillemet",
           "‘": "single", "’": "single", "„": "double"}
_MARKS = lazy_compile(r"[“”\"«»‘’„]")
_WORDISH = lazy_compile(r"[\p{L}\p{M}\d]")
# Before an opening mark: nothing, a space, an opening bracket, a dash, or a clause mark.
# "‘‘..’’": Texinfo writes a double quotation with two single marks, so a mark may open
# right after another.
_OPEN_BEFORE = set(" \t\n\u00a0([{—–-/‘") | {""}
_CLAUSE_MARKS = set(",:;")
# After a closing mark, the narrow spaces and joiners of careful typesetting count as spaces:
# Standard Ebooks sets a hair space between nested marks (‘Yes.’\u200a”) and a word joiner
# before a dash (’\u2060—). Before a mark they do not: “\u200a’account is an elision.
_THIN = "\u00a0\u2009\u200a\u200b\u202f\u2060"
_CLOSE_AFTER = set(" \t\n.,;:!?)]}—–-…" + _THIN) | {""}


# Inline markup between a quotation mark and its neighbour is neither a letter nor a space: in
# `**‘Save’**` and `[‘Save’](#save)` the marks open after a space and close before one. A masked
# run next to a mark that is only emphasis delimiters, link brackets and destinations or HTML
# tags reads as what lies beyond it; inline code and math still read as a word (`x`’s).
# Guillemets are left out: a lone one beside markup is an arrow ("try it! »" in a link label).
_MARK_CHARS = "“”\"‘’„"
_MASK_BY_MARK = lazy_compile(
    rf"(?<=[{_MARK_CHARS}]){MASK_CHAR}++|(?<!{MASK_CHAR}){MASK_CHAR}++(?=[{_MARK_CHARS}])"
)
_MARKUP = lazy_compile(
    r"(?:[*_~]|\[|\]\([^()\s]*+(?:\s++\"[^\"\n]*+\")?\)|\]\[[^\]\n]*+\]|\]|</?[A-Za-z][^<>\n]*+>)+"
)


def quote_view(doc: Document) -> str:
    """``doc.view`` (same length, code points) with each masked run of inline markup next to a
    quotation mark replaced by the character beyond it, as the marks' readers see it."""
    view = doc.view
    text = doc.text
    parts: list[str] = []
    last = 0
    for m in _MASK_BY_MARK.finditer(view):
        start, end = m.span()
        if not _MARKUP.fullmatch(text, start, end):
            continue
        beyond = _char(view, end) if _char(view, start - 1) in _MARK_CHARS else _char(view, start - 1)
        if text.startswith("<sup", start):
            beyond = " "  # "‘the states’<sup>1</sup>": a note's number, no part of the word
        parts.append(view[last:start])
        parts.append((beyond or " ") * (end - start))
        last = end
    if not parts:
        return view
    parts.append(view[last:])
    return "".join(parts)


def scan_quotes(doc: Document) -> list[QuoteMark]:
    """The quotation marks and apostrophes of ``doc``'s blocks, each with its role, in order of
    position (code points into ``doc.view``)."""
    marks: list[QuoteMark] = []
    view = quote_view(doc)
    for block in doc.blocks:
        marks.extend(_scan_block(view, block, doc.lexicon.elisions))
    return marks


def _char(view: str, i: int) -> str:
    return view[i] if 0 <= i < len(view) else ""


def _scan_block(view: str, block: Block, elisions: frozenset[str]) -> list[QuoteMark]:
    start, end = block.span.start, block.span.end
    found = [(m.start(), m.group()) for m in _MARKS.finditer(view, start, end)]
    if not found:
        return []
    out: list[QuoteMark] = []
    out += _pair_double(view, [(p, c) for p, c in found if c in "“”„"])
    out += _pair_straight(view, [(p, c) for p, c in found if c == '"'])
    out += _pair_guillemets(_quoting_guillemets(view, [(p, c) for p, c in found if c in "«»"]))
    out += _pair_single(view, [(p, c) for p, c in found if c in "‘’"], elisions, start)
    out.sort(key=lambda q: q.pos)
    return out


def _opening_position(view: str, pos: int) -> bool:
    before, after = _char(view, pos - 1), _char(view, pos + 1)
    return bool(_WORDISH.match(after)) and (before in _OPEN_BEFORE or before in _CLAUSE_MARKS)


def _closing_position(view: str, pos: int) -> bool:
    before, after = _char(view, pos - 1), _char(view, pos + 1)
    if not (after in _CLOSE_AFTER or after in "”’»\""):
        return False
    # A dash before the mark is interrupted speech: "what I like best—’".
    return before not in _OPEN_BEFORE or before in "—–"


def _pair_double(view: str, found: list[tuple[int, str]]) -> list[QuoteMark]:
    out: list[QuoteMark] = []
    stack: list[int] = []  # indexes into out
    for pos, char in found:
        if char in "“„":
            if stack and char == "“" and _closing_position(view, pos):
                # „Vivy“: German (and Czech, Lithuanian) quotations close with “ after „.
                expected = None if out[stack.pop()].char == "„" else "”"
                out.append(QuoteMark(pos, char, Role.CLOSE, expected=expected))
            else:
                stack.append(len(out))
                out.append(QuoteMark(pos, char, Role.OPEN))
        elif stack:
            stack.pop()
            out.append(QuoteMark(pos, char, Role.CLOSE))
        elif _is_inch(view, pos):
            continue  # "MacBook Air 13” in", "8”x10”": inches, with no quotation open
        elif _opening_position(view, pos):
            stack.append(len(out))
            out.append(QuoteMark(pos, char, Role.OPEN, expected="“"))
        else:
            out.append(QuoteMark(pos, char, Role.CLOSE, unmatched=True))
    for index in stack:
        mark = out[index]
        out[index] = QuoteMark(mark.pos, mark.char, mark.role, mark.expected, unmatched=True)
    return out


def _is_inch(view: str, pos: int) -> bool:
    """``5'10"``, ``20" wide``, ``(30.5")``, ``13” display``: a quote right after a digit."""
    return _char(view, pos - 1).isdigit()


def _pair_straight(view: str, found: list[tuple[int, str]]) -> list[QuoteMark]:
    if not found:
        return []
    quotes = [p for p, _ in found]
    # First reading: a mark after a digit is an inch mark unless a quotation is open ("10").
    inches: set[int] = set()
    open_ = False
    for pos in quotes:
        if not open_ and _is_inch(view, pos):
            inches.add(pos)
        else:
            open_ = not open_
    if open_:
        # Second reading, when the first leaves a quotation open ("The screen is 20" wide."):
        # every mark after a digit is an inch mark, if that pairs the rest.
        after_digits = {p for p in quotes if _is_inch(view, p)}
        if (len(quotes) - len(after_digits)) % 2 == 0:
            inches = after_digits
    out: list[QuoteMark] = []
    paired = [p for p in quotes if p not in inches]
    odd = len(paired) % 2 == 1
    # Taking turns fails when a quotation of the paragraph opens or closes with a curly mark
    # ("…short-staffed," he said, "maybe…”): a mark given the role its position denies
    # (`," he` read as an opening) shows it, and then no role can be trusted.
    crossed = not odd and any(
        _contrary(view, pos, Role.OPEN if i % 2 == 0 else Role.CLOSE)
        for i, pos in enumerate(paired)
    )
    for i, pos in enumerate(paired):
        # With an odd count one mark is missing and no role can be trusted; report the last.
        role = Role.UNKNOWN if odd or crossed else (Role.OPEN if i % 2 == 0 else Role.CLOSE)
        out.append(QuoteMark(pos, '"', role, unmatched=odd and i == len(paired) - 1))
    out += [QuoteMark(p, '"', Role.INCH) for p in inches]
    return out


def _contrary(view: str, pos: int, role: Role) -> bool:
    """True when the mark at ``pos`` stands where only the other role fits: an opening mark
    glued to the word before it with a space after it, or the reverse."""
    opening, closing = _opening_position(view, pos), _closing_position(view, pos)
    if role is Role.OPEN:
        return closing and not opening
    return opening and not closing


# What may stand beside a guillemet used as a sign: a space, a line's edge, a bracket, masked
# link syntax.
_SIGN_NEIGHBOURS = frozenset(" \t\n\u00a0[]()" + MASK_CHAR)


def _quoting_guillemets(view: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The guillemets of a block that may quote: a lone ``»`` or ``«`` standing apart from the
    words on both sides (``[read more »](url)``, ``Next »``) is an arrow, when the block holds
    no guillemet facing the other way; French spacing (``« mot »``) always has its pair."""
    if len({c for _, c in found}) != 1:
        return found
    return [
        (pos, c) for pos, c in found
        if _char(view, pos - 1) not in _SIGN_NEIGHBOURS
        or (_char(view, pos + 1) or " ") not in _SIGN_NEIGHBOURS
    ]


def _pair_guillemets(found: list[tuple[int, str]]) -> list[QuoteMark]:
    if not found:
        return []
    opener = found[0][1]  # «text» or »text«: the first mark of a block sets the direction
    out: list[QuoteMark] = []
    stack: list[int] = []
    for pos, char in found:
        if char == opener:
            # A quotation inside another alternates its marks (»outer ›inner‹«); the same mark
            # again is a typo.
            nested = bool(stack)
            stack.append(len(out))
            out.append(QuoteMark(pos, char, Role.OPEN, nested=nested))
        elif stack:
            stack.pop()
            out.append(QuoteMark(pos, char, Role.CLOSE))
        else:
            out.append(QuoteMark(pos, char, Role.CLOSE, unmatched=True))
    for index in stack:
        mark = out[index]
        out[index] = QuoteMark(mark.pos, mark.char, mark.role, unmatched=True)
    return out


# What follows the apostrophe of an elision: a decade ('60s, '90s) or a word shortened at its
# front ('tis, 'em, rock 'n' roll); the lexicon's ``elisions`` list names the words.
_DECADE = lazy_compile(r"\d\d(?:s\b|(?!\d))")
_ELIDED_WORD = lazy_compile(r"[\p{L}]+")


def _pair_single(
    view: str,
    found: list[tuple[int, str]],
    elisions: frozenset[str] = frozenset(),
    block_start: int = 0,
) -> list[QuoteMark]:
    out: list[QuoteMark] = []
    stack: list[int] = []
    token_ends: set[int] = set()  # the closing marks of quoted tokens (‘n’, ‘30,35’)
    for index, (pos, char) in enumerate(found):
        # Before the block's start is markup ("## ‘Freeze-thaws’"), not a word.
        before = _char(view, pos - 1) if pos > block_start else ""
        after = _char(view, pos + 1)
        # Masked code or a link stands for a word: "[Markdown](url)‘s", "`id`’s".
        between_letters = bool(_WORDISH.match(before) or before == MASK_CHAR) and bool(
            _WORDISH.match(after)
        )
        token_end = _quoted_token_end(view, pos) if char == "‘" and not between_letters else -1
        elision = not between_letters and token_end < 0 and _elision_after(view, pos, elisions)
        if token_end >= 0:
            token_ends.add(token_end)
            stack.append(len(out))
            out.append(QuoteMark(pos, char, Role.OPEN))
        elif char == "’" and pos in token_ends and stack:
            stack.pop()
            out.append(QuoteMark(pos, char, Role.CLOSE))
        elif char == "‘":
            if between_letters or (elision and not _closed_later(view, found, index)):
                # "don‘t", "the early ‘60s", "‘tis": an apostrophe written as an opening mark.
                out.append(QuoteMark(pos, char, Role.APOSTROPHE, expected="’"))
            elif stack and _closing_position(view, pos):
                stack.pop()
                out.append(QuoteMark(pos, char, Role.CLOSE, expected="’"))
            else:
                stack.append(len(out))
                out.append(QuoteMark(pos, char, Role.OPEN))
        elif stack and not between_letters and _closing_position(view, pos):
            stack.pop()
            out.append(QuoteMark(pos, char, Role.CLOSE))
        elif (
            not stack
            and not elision
            and _opening_position(view, pos)
            and _closed_later(view, found, index)
        ):
            # "said, ’You want me to watch what?’": a closing mark that opens a quotation a
            # later mark closes, before a word that is not an elision.
            stack.append(len(out))
            out.append(QuoteMark(pos, char, Role.OPEN, expected="‘"))
        else:
            # ’Tis, rock ’n’ roll, the ’90s, students’ work: an apostrophe, never a quote.
            out.append(QuoteMark(pos, char, Role.APOSTROPHE))
    for index in stack:
        mark = out[index]
        out[index] = QuoteMark(mark.pos, mark.char, mark.role, mark.expected, unmatched=True)
    return out


# "the ‘N’ command", "use ‘10~5’", "‘30,35’ is an address range", "‘[’": one token without a
# space, opened with ‘ and closed with ’ where a quotation ends. Manuals quote commands,
# letters and numbers so; an elision (’n’, ’50s) is never closed by a mark of its own, except
# in "rock ’n’ roll", which is then read as a quoted letter and left alone.
_QUOTED_TOKEN = lazy_compile(r"‘[^\s‘’“”]{1,40}’")
_CODE_MARK = lazy_compile(r"[._/:+=]")


def _quoted_token_end(view: str, pos: int) -> int:
    """The position of the ``’`` that closes a quoted token opened at ``pos``, or -1."""
    if _char(view, pos - 1) not in _OPEN_BEFORE and _char(view, pos - 1) not in _CLAUSE_MARKS:
        return -1
    m = _QUOTED_TOKEN.match(view, pos, pos + 43)
    if m is None:
        return -1
    after = _char(view, m.end())
    if after in _CLOSE_AFTER or after in "”’»\"":
        return m.end() - 1
    # "the ‘Makefile.in’s": a quoted file or command name, then its plural or possessive.
    if after == "s" and _char(view, m.end() + 1) in _CLOSE_AFTER and _CODE_MARK.search(m.group()):
        return m.end() - 1
    return -1


def _elision_after(view: str, pos: int, elisions: frozenset[str]) -> bool:
    if _DECADE.match(view, pos + 1, pos + 4):
        return True
    word = _ELIDED_WORD.match(view, pos + 1, pos + 24)
    return word is not None and word.group().lower() in elisions


def _closed_later(view: str, found: list[tuple[int, str]], index: int) -> bool:
    """A later ``’`` in the block closes a quotation for certain: it follows the punctuation
    that ends quoted words (``what?’``, ``again,’``). After a letter it may as well be the
    apostrophe of ``th’`` or ``goin’``."""
    for pos, char in found[index + 1 :]:
        if char == "’" and _char(view, pos - 1) in _QUOTED_END and _closing_position(view, pos):
            return True
        if char == "‘":
            return False
    return False


_QUOTED_END = frozenset(".,!?;:—–…")
