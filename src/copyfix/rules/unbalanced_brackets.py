from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from copyfix.model import FixAvailability, Violation, bad, good
from copyfix.patterns import lazy_compile
from copyfix.rules.base import Rule, violation

if TYPE_CHECKING:
    from copyfix.text.document import Document

_BRACKETS = lazy_compile(r"[()\[\]{}]")
_LABEL_NOUN = lazy_compile(
    r"\b(?:section|item|point|step|case|part|clause|option|note)s?\s+$", regex.I
)
# Half-open intervals pair a bracket with a parenthesis: (0, 100], [1, 5), [0, HIGH), [a, b).
_INTERVAL = lazy_compile(
    r"[(\[][ \t]*+-?[\w.+∞]{1,12}+[ \t]*+,[ \t]*+-?[\w.+∞]{1,12}+[ \t]*+[)\]]"
)
_PAIRS = {")": "(", "]": "[", "}": "{"}
_CLOSERS = {opener: closer for closer, opener in _PAIRS.items()}
# Closers that are not brackets: list markers (a), 1), ii), 1a)) at the start of a line or after
# a clause mark or a word like "section", and smileys :) :-) ;) and 8).
_LIST_MARKER = lazy_compile(r"(?<![\p{L}\d])(?:\d{1,3}\p{L}?|[ivxlc]{1,5}|\p{L})\)", regex.I)
# A smiley stands apart from the word before it: in "Router(default=)" or "[[:graph:]]" the
# mark belongs to the code, and the bracket after it to the pair.
# Not an opening bracket round a short note number: '"bundle";[1] )' holds a note, not ";[".
_SMILEY = lazy_compile(r"(?<![(\w])(?:[:;=]|(?<!\.)8)-?(?:[)\]]|[(\[](?!\w{1,4}[)\]]))")


class UnbalancedBrackets(Rule):
    """Flags a bracket that is opened and not closed, or closed and not opened.

    ## What it does
    Pairs `( )`, `[ ]` and `{ }` within each paragraph and reports the one left over.

    ## Why is this bad?
    An unclosed parenthesis leaves the reader unsure where the aside ends.

    ## Fix safety
    Report only. List markers such as `a)` and `1)` and smileys such as `:)` are not brackets.
    """

    code = "QT003"
    name = "unbalanced-brackets"
    summary = "Unbalanced brackets"
    fix_availability = FixAvailability.NEVER
    examples = (
        good('See the text "here";[1] done, and "bundle";[2] too.'),
        good("Use --list-options [no-]show-photos, or type C-a [ to copy and CTRL-] to jump."),
        good("SyntaxError: missing ) after argument list, or missing } after function body."),
        good("It logs the call (e.g.\n\n    2005-12-30 18:10:33 install hello\n\n) and the rest."),
        bad("This is not so (neither a nor b.", "This is not so (neither a nor b."),
        bad("An aside] with no start.", "An aside] with no start."),
        bad("This is not so neither a nor b)", "This is not so neither a nor b)"),
        good("a) first, b) second (and more)"),
        good("This is not so (neither a nor b). See section 1a)."),
        good("Nice :) and (a [nested] aside)."),
        good("Add PyPy 7.2.0 (#1418) and 8.0 (#2048)."),
        good('Type a ")" or "(" and press CTRL-] to jump. The colon (:) enters a command.'),
        good("Client --(udp frame) -> Proxy <--(reply) <-- Server"),
        good("It hangs when a) closing the shell or b) opening a file."),
        good("A value in the range (0, 100] or [1, 5)."),
        good("Write it in (base 8) and use the interval [0, HIGH) here, or [a, b)."),
        good("A bracket. (This is a bracket. \n\n With some text.) and this continues."),
        bad(
            "An aside (that never ends.\n\nA new paragraph.\n\nAnother one.",
            "An aside (that never ends.\n\nA new paragraph.\n\nAnother one.",
        ),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        view = doc.view
        # The brackets of the whole document in one pass, then block by block: most blocks have
        # none, and only those that do are scanned for list markers, smileys and intervals.
        # "missing ) after argument list", "with ( or [": a bracket alone, named, pairs nothing.
        named = doc.analysis.is_named_mark
        brackets = [
            m.start() for m in _BRACKETS.finditer(view)
            if not (view[m.end() : m.end() + 1].isspace() and named(m.start()))
        ]
        # An aside may run over a paragraph break: "(This is one. \n\n With more.)". Brackets
        # left open at the end of a paragraph are carried into the next one only.
        carried: list[tuple[str, int]] = []
        i = 0
        for block in doc.blocks:
            start, end = block.span.start, block.span.end
            while i < len(brackets) and brackets[i] < start:
                i += 1
            j = i
            while j < len(brackets) and brackets[j] < end:
                j += 1
            if i == j:
                if carried and _shown_line(view, start, end):
                    continue  # "(e.g." / a log line shown / ") and the results": around it
                for ch, pos in carried:
                    yield violation(pos, pos + 1, f"'{ch}' is not closed")
                carried = []
                continue
            found, carried = _pair(view, start, end, brackets[i:j], carried)
            if found or carried:
                leftover = _Leftover(doc, start, end)
                yield from (v for v in found if not leftover.pairs_in_code(v.span.start))
                carried = [(ch, pos) for ch, pos in carried if not leftover.pairs_in_code(pos)]
            i = j
        for ch, pos in carried:
            yield violation(pos, pos + 1, f"'{ch}' is not closed")


def _pair(
    view: str, start: int, end: int, brackets: list[int], carried: list[tuple[str, int]]
) -> tuple[list[Violation], list[tuple[str, int]]]:
    """Pair the brackets of one block (at ``brackets``, code-point offsets), after those
    ``carried`` open from the one before: the left-over brackets to report, and those this
    block leaves open to carry into the next."""
    markers = {m.end() - 1: m.start() for m in _LIST_MARKER.finditer(view, start, end)}
    # "when a) closing ... and b) opening": a run of lettered labels is a list.
    letters = sorted(view[s:e].strip().lower() for e, s in markers.items() if e - s == 1)
    in_run = {"a", "b"} <= set(letters)
    smileys = {m.end() - 1 for m in _SMILEY.finditer(view, start, end)}
    for m in _INTERVAL.finditer(view, start, end):
        smileys |= {m.start(), m.end() - 1}
    found: list[Violation] = []
    stack: list[tuple[str, int]] = carried
    carried_count = len(carried)
    for pos in brackets:
        ch = view[pos]
        if pos in smileys and not _closes_open_bracket(view, pos, stack):
            continue
        if _named_bracket(view, pos):
            continue
        if ch in "([{":
            stack.append((ch, pos))
        elif stack and stack[-1][0] == _PAIRS[ch]:
            stack.pop()
            carried_count = min(carried_count, len(stack))
        elif pos in markers and (in_run or _is_list_marker(view, start, markers[pos], pos)):
            continue
        else:
            found.append(violation(pos, pos + 1, f"'{ch}' closes a bracket that was not opened"))
    # What the previous paragraph carried in and this one did not close is reported;
    # what this paragraph opened and left open is carried on.
    found += [violation(pos, pos + 1, f"'{ch}' is not closed") for ch, pos in stack[:carried_count]]
    return found, stack[carried_count:]


class _Leftover:
    """The brackets that a block's masked code (a line of code in a paragraph, a code span)
    leaves unpaired among its own: never reported, they can still be the partner of a bracket
    of the prose around them, as in ``(cinfo->image_width and`` followed by
    ``cinfo->image_height) are``, where both names are code. Code that pairs its own brackets
    (```run()``) partners nothing. Each is the partner of one bracket at most."""

    def __init__(self, doc: Document, start: int, end: int) -> None:
        self.doc, self.start, self.end = doc, start, end
        self._unpaired: dict[str, list[int]] | None = None

    def _hidden_unpaired(self) -> dict[str, list[int]]:
        """Offsets of the unpaired brackets of the block's masked code, sorted, by bracket."""
        text = self.doc.text
        openers: list[int] = []
        unpaired: dict[str, list[int]] = defaultdict(list)
        for start, end in self.doc.masks.within(self.start, self.end):
            for m in _BRACKETS.finditer(text, start, end):
                ch = m.group()
                if ch in "([{":
                    openers.append(m.start())
                elif openers and text[openers[-1]] == _PAIRS[ch]:
                    openers.pop()
                else:
                    unpaired[ch].append(m.start())
        for at in openers:
            unpaired[text[at]].append(at)
        for offsets in unpaired.values():
            offsets.sort()
        return unpaired

    def pairs_in_code(self, pos: int) -> bool:
        """True if the left-over bracket at ``pos`` has its partner in masked code: a closer
        after an opener, an opener before a closer, within the block; the nearest one is
        used up."""
        if self._unpaired is None:
            self._unpaired = self._hidden_unpaired()
        ch = self.doc.view[pos]
        if ch in "([{":
            closers = self._unpaired.get(_CLOSERS[ch], [])
            k = bisect_right(closers, pos)
            if k < len(closers):
                del closers[k]
                return True
            return False
        openers = self._unpaired.get(_PAIRS[ch], [])
        k = bisect_right(openers, pos)
        if k > 0:
            del openers[k - 1]
            return True
        return False




def _shown_line(view: str, start: int, end: int) -> bool:
    """The block is one line that ends no sentence (a command, a log line, masked code): a
    display that an aside may hold, its brackets open before it and closed after it."""
    line = view[start:end].strip()
    return "\n" not in line and not line.endswith((".", "?", "!", ":", ";", ","))


def _closes_open_bracket(view: str, pos: int, stack: list[tuple[str, int]]) -> bool:
    """``(base 8)``: an ``8)`` that can close the parenthesis left open is not a smiley."""
    return view[pos - 1 : pos] == "8" and bool(stack) and stack[-1][0] == _PAIRS.get(view[pos])


def _named_bracket(view: str, pos: int) -> bool:
    """A bracket in quotes or typed as a key is being talked about: "(", '{', CTRL-], C-a [
    (an option's ``[no-]`` is a pair)."""
    before = view[pos - 1 : pos]
    after = view[pos + 1 : pos + 2]
    quoted = before in "\"'“‘`" and before != "" and after in "\"'”’`" and after != ""
    return quoted or _KEY_BEFORE.search(view, max(0, pos - 8), pos) is not None


# A key chord just before the bracket: its modifier ("CTRL-]"), or a whole chord and a space
# ("C-a [", as screen's and Emacs's manuals write a sequence of keys).
_KEY_BEFORE = lazy_compile(r"(?<![\w-])(?:CTRL|Ctrl|[CMS])-(?:\S[ \t])?\Z")


def _is_list_marker(view: str, block_start: int, marker_start: int, close: int) -> bool:
    """``a)`` at the start of a line or after a comma, and ``1a)`` anywhere, are list labels."""
    label = view[marker_start:close].strip()
    if any(c.isdigit() for c in label):
        return True
    if _LABEL_NOUN.search(view, max(block_start, marker_start - 12), marker_start):
        return True
    before = view[max(block_start, marker_start - 3) : marker_start]
    line_start = view.rfind("\n", block_start, marker_start) + 1
    return (
        not view[max(line_start, block_start) : marker_start].strip()
        or before.rstrip()[-1:] in ",;:"
    )
