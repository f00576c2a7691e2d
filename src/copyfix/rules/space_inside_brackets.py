from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from copyfix.model import Applicability, Edit, FixAvailability, Span, Violation, bad, good
from copyfix.patterns import lazy_compile
from copyfix.rules.base import HABIT_MIN, Rule, violation
from copyfix.text.quotes import Role

if TYPE_CHECKING:
    from copyfix.text.document import Document

# Braces are left out: `{ string | URL }` is type notation, where the spaces are the style.
# Each pattern starts with the bracket or the space itself, so the engine skips quickly
# through text without brackets; what stands before is checked afterwards.
_AFTER_OPENING = lazy_compile(r"([(\[])([ \t]+)(?=[^\s)\]}])")
# The spaces are found by a look behind from the bracket, so the engine skips ahead to the rare
# brackets instead of trying every space of the text.
_BEFORE_CLOSING = lazy_compile(r"(?<=(?<![ \t])([ \t]++))([)\]])(?=$|[\s.,;:!?\ufffc])", regex.M)


class SpaceInsideBrackets(Rule):
    """Flags a space just inside brackets or curly quotes.

    ## What it does
    Finds `( foo )`, `[ foo ]` and `“ foo”` and removes the spaces inside.

    ## Why is this bad?
    Brackets and quotes hug what they enclose; the space lets them wrap away from it.

    ## Fix safety
    Safe: only spaces are removed; unsafe inside straight quotes, which often quote a literal
    string whose space is the point (`like "the ", the pattern`, `-a 'From '`), inside a pair
    padded on both sides (`( maybe )`, `[ Bloomberg ]`, `“ creator ”`: a style, where a slip
    hits one side) or around a number alone (`hour ( 0..23)`: padded to a column's width), and inside any double quotes when the document leaves such spaces three
    times or more (its source's style, as in scraped pages: `“ feather duvet lung. ”`); and
    before a closing `”`, which smart quotes never type after a space (`delays ”.` comes from
    a converter spacing the mark off from markup). The space that keeps nested quotation
    marks apart (`“ ‘Go,’ ”`) is left alone.
    """

    code = "TY002"
    name = "space-inside-brackets"
    fix_availability = FixAvailability.ALWAYS
    lexicon_lists = ("symbol_introducers",)
    summary = "Space inside brackets or quotes"
    examples = (
        bad("Call it ( maybe) later.", "Call it (maybe) later."),
        bad("Call it ( maybe ) later.", "Call it (maybe) later.", unsafe=True),
        bad("%k  hour ( 0..23)\n%l  hour ( 1..12)", "%k  hour (0..23)\n%l  hour (1..12)",
            unsafe=True),
        bad("He said “ hello” to us.", "He said “hello” to us."),
        bad("It had “schedule delays ”. Then it ended.", "It had “schedule delays”. Then it ended.",
            unsafe=True),
        bad('You " fixed" it and "fixed " it.', 'You "fixed" it and "fixed" it.', unsafe=True),
        bad("You “ fixed” it.", "You “fixed” it."),
        good("When you type a ) it shows with which ( it matches."),
        bad("A sentence ' with' one example and 'with ' another.",
            "A sentence 'with' one example and 'with' another.", unsafe=True),
        good("- [ ] todo and (fine) and “fine”"),
        good("Kill 'em all, he's goin' to the '60s party."),
        good("Quotes “ ” with nothing inside stay."),
        bad("It is called “ bird lung ”, “ duvet lung ” or “ farmer’s lung”.",
            "It is called “bird lung”, “duvet lung” or “farmer’s lung”.", unsafe=True),
        good("“ ‘Go,’ ” he said, “ ‘now’ ” and “‘later.’ ”"),
        good("Smile :) and (wink ;)"),
        good("It was discussed (e.g. https://lore.kernel.org/git/22708.8913@chiark.org/ )."),
        good("It logs (e.g.\n\n\u00a0\u00a0\u00a0 log line\n\n\u00a0\u00a0\u00a0 ) and the rest."),
        good("Group them with (, ) or with [, ], -o and -a."),
        good("It failed on 4 attempts. : ) Then (go read it: ) it worked."),
        bad("These would print {, [ and ( respectively.",
            "These would print {, [and ( respectively.", unsafe=True),
        good("* `origins` { string | URL | Object } and lines starting with \"at \".", markdown=True),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        view = doc.view
        yield from _quote_spaces(doc)
        for m in _AFTER_OPENING.finditer(view):
            if m.start() > 0 and not (view[m.start() - 1].isspace() or view[m.start() - 1] == "\ufffc"):
                continue
            if doc.analysis.is_named_mark(m.start(1)):
                continue  # "with which ( it matches": a bracket being named
            found, padded, encloses = _partner(view, m.start(1), 1)
            if found and not encloses:
                continue  # "(, )": brackets being named, with nothing inside them
            start, end = m.span(2)
            padded_number = bool(_NUMBER_INSIDE.match(view, end))
            yield violation(
                m.start(1), end, f"Space after '{m.group(1)}'", Edit.delete(start, end),
                title="Remove the space",
                applicability=_pair_fix(found, padded or padded_number),
            )
        for m in _BEFORE_CLOSING.finditer(view):
            if m.start(1) == 0 or view[m.start(1) - 1].isspace() or view[m.start(1) - 1] in "([{":
                continue  # indentation (of no-break spaces too), or "( )"
            start, end = m.span(1)
            if _is_smiley(view, m.start(2)) or doc.analysis.is_named_mark(m.start(2)):
                continue  # "when you type a ) it would": a bracket being named
            if _is_smiley(view, start):
                continue  # "4 attempts. : )": a spaced smiley, which the fix would close up
            if doc.analysis.is_protected(Span(start - 1, start)):
                continue  # "(see https://a.org/x/ )": the space keeps the bracket out of the link
            found, padded, encloses = _partner(view, m.start(2), -1)
            if found and not encloses:
                continue  # "(, )": brackets being named, with nothing inside them
            yield violation(
                start, m.end(2), f"Space before '{m.group(2)}'", Edit.delete(start, end),
                title="Remove the space", applicability=_pair_fix(found, padded),
            )


# "hour ( 0..23)" beside "hour (01..12)": a number alone in brackets, padded with a blank to
# the width of the others, as format tables show blank-padded fields.
_NUMBER_INSIDE = lazy_compile(r"\d[\d.,:%–-]*[)\]]")
_PAIRS = {"(": ")", "[": "]", ")": "(", "]": "["}
_PAIR_REACH = 200


def _partner(view: str, pos: int, step: int) -> tuple[bool, bool, bool]:
    """The bracket at ``pos`` and its partner on the same line (looking forward from an
    opening bracket, ``step`` 1, or back from a closing one, ``step`` -1): whether there is
    one, whether both have a space inside (``( maybe )``, ``[ Bloomberg ]``), and whether a
    letter or digit stands between them (``{, [ and (`` or ``(, )`` name brackets, they do not
    enclose anything)."""
    mine, partner = view[pos], _PAIRS[view[pos]]
    depth = 0
    i = pos + step
    while 0 <= i < len(view) and abs(i - pos) <= _PAIR_REACH and view[i] != "\n":
        if view[i] == mine:
            depth += 1
        elif view[i] == partner:
            if depth == 0:
                lo, hi = sorted((pos, i))
                inside = view[lo + 1 : hi]
                return True, view[i - step] in " \t", any(c.isalnum() for c in inside)
            depth -= 1
        i += step
    return False, False, False


def _pair_fix(found: bool, padded: bool) -> Applicability:
    """Padding on both sides of a pair is a style (a scraper's, a writer's) more often than a
    slip, which hits one side: the fix is then a style change, unsafe. A bracket with no
    partner on its line may be one being named (``{, [ and ( respectively``) or close on the
    next line: unsafe too."""
    return Applicability.UNSAFE if padded or not found else Applicability.SAFE


_QUOTES = "“”\"«»"
# Straight single quotes are paired only when the quotation is plain: ' with' and 'with '.
_SINGLE_OPEN_SPACED = lazy_compile(r"'([ \t]+)(?=\p{L}[^'\n]{0,80}\p{L}')")
_SINGLE_CLOSE_SPACED = lazy_compile(r"'\p{L}[^'\n]{0,80}?\p{L}([ \t]+)'(?=\s|[.,;:!?]|$)", regex.M)


def _quote_spaces(doc) -> Iterator[Violation]:
    """Quotes are judged by their paired role, so `" fixed"` and `"fixed "` are both found."""
    view = doc.view
    for m in _SINGLE_OPEN_SPACED.finditer(view):
        if not view[m.start() - 1 : m.start()].isspace():
            continue
        start, end = m.span(1)
        yield violation(
            start - 1, end, "Space after an opening quote", Edit.delete(start, end),
            title="Remove the space", applicability=Applicability.UNSAFE,  # see _quote_fix
        )
    for m in _SINGLE_CLOSE_SPACED.finditer(view):
        if m.start() > 0 and not view[m.start() - 1].isspace():
            continue
        start, end = m.span(1)
        yield violation(
            start, end + 1, "Space before a closing quote", Edit.delete(start, end),
            title="Remove the space", applicability=Applicability.UNSAFE,  # "-a 'From '"
        )
    # In Markdown, straight quotes mostly quote literal strings, where a space may be content
    # ("lines beginning with "at "").
    families = ("double", "guillemet") if doc.kind.is_markdown else (
        "double", "straight", "guillemet"
    )
    found = list(_spaced_double_quotes(doc, view, families))
    # "“ feather duvet lung. ”", "“ creator ” one" again and again: spaces inside quotes that
    # the whole document leaves are its source's style (a scraper's, a renderer's), not a slip.
    habit = len(found) >= HABIT_MIN
    spaced = {mark.pos for *_, mark in found}
    padded = _padded_quotations(doc, spaced)
    for start, end, message, edit, mark in found:
        yield violation(
            start, end, message, edit, title="Remove the space",
            applicability=Applicability.UNSAFE
            if habit or mark.pos in padded or _placed_closing(mark)
            else _quote_fix(mark),
        )


def _placed_closing(mark) -> bool:
    """``delays ”.``: typed after a space, a quote comes out as an opening mark (smart quotes
    turn it into “); a closing ” there was placed by software, a converter or a scraper that
    spaced it off from markup, not typed by the writer."""
    return mark.role is Role.CLOSE and mark.char == "”"


def _padded_quotations(doc, spaced: set[int]) -> set[int]:
    """Positions of the marks of quotations spaced inside on both sides (`“ creator ”`)."""
    padded: set[int] = set()
    opened: dict[str, int] = {}
    for mark in doc.analysis.quotes:
        if mark.role is Role.OPEN:
            opened[mark.family] = mark.pos
        elif mark.role is Role.CLOSE and mark.family in opened:
            start = opened.pop(mark.family)
            if start in spaced and mark.pos in spaced:
                padded |= {start, mark.pos}
    return padded


# A single quote mark next to a double one: the space between nested quotation marks
# (“ ‘Go,’ ”) is the typographic way to keep them apart, not a slip.
_NEIGHBOUR_QUOTES = _QUOTES + "‘’'"


def _spaced_double_quotes(doc, view: str, families) -> Iterator[tuple]:
    """(start, end, message, edit, mark) of each space just inside a double quote or a
    guillemet, judged by the mark's paired role."""
    for mark in doc.analysis.quotes:
        if mark.family not in families or mark.unmatched:
            continue
        pos = mark.pos
        if mark.role is Role.OPEN:
            end = pos + 1
            while end < len(view) and view[end] in " \t":
                end += 1
            if end > pos + 1 and end < len(view) and not (
                view[end].isspace() or view[end] in _NEIGHBOUR_QUOTES
            ):
                yield pos, end, f"Space after '{mark.char}'", Edit.delete(pos + 1, end), mark
        elif mark.role is Role.CLOSE:
            start = pos
            while start > 0 and view[start - 1] in " \t":
                start -= 1
            if start < pos and start > 0 and not (
                view[start - 1].isspace() or view[start - 1] in _NEIGHBOUR_QUOTES
            ):
                yield start, pos + 1, f"Space before '{mark.char}'", Edit.delete(start, pos), mark


def _quote_fix(mark) -> Applicability:
    """Straight quotes often quote a literal string, where a space may be the point
    (``like "the ", the pattern``); curly quotes quote prose."""
    return Applicability.UNSAFE if mark.family == "straight" else Applicability.SAFE


def _is_smiley(view: str, pos: int) -> bool:
    return view[pos - 1 : pos] in (":", ";", "-")
