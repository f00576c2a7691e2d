from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from copyfix.model import (
    Applicability,
    Edit,
    FixAvailability,
    Severity,
    Violation,
    WordContext,
    bad,
    good,
)
from copyfix.patterns import lazy_compile
from copyfix.rules.base import Rule, violation
from copyfix.text.links import in_one_token_label

if TYPE_CHECKING:
    from copyfix.text.document import Document

# A comma glued to what follows: a letter, an opening quote before a letter, or a digit after a
# non-digit. Two digits around a comma are a number (1,234 or 3,14) and are left alone.
_GLUED = lazy_compile(
    r"(?:(?<=[\p{L}\p{M}\d)\]”’\"%\ufffc])|^)(,)(?=[\p{L}]|[“\"][\p{L}]|(?<!\d,)\d)", regex.M
)
# "This ,is": the space stands on the wrong side of the comma.
_WRONG_SIDE = lazy_compile(r"(?<=[\p{L}\p{M}\d])([ \t]+),(?=\p{L})")


class MissingSpaceAfterComma(Rule):
    """Flags a comma with no space before the next word.

    ## What it does
    Finds `word,word`, `In 2019,the` and `said,“Come` and inserts the missing space.

    ## Why is this bad?
    A comma is always followed by a space in running English text; without it the two words read
    as one token and screen readers stumble.

    ## Fix safety
    Safe: only a space is inserted. Numbers (`1,234`, `3,14`, `40.7128,-74.0060`), URLs,
    paths, code, index pairs (`the j,k entry`) and AsciiDoc cross references
    (`<<anchor,Title>>`) are never touched. A number of one to three digits glued to a word
    and followed by more of the sentence (`email alerts,22 and pages`) may be a note's mark:
    unsafe.
    """

    code = "SP001"
    name = "missing-space-after-comma"
    fix_availability = FixAvailability.ALWAYS
    summary = "Missing space after a comma"
    needs_words = WordContext.AFTER
    severity = Severity.ERROR
    examples = (
        bad("In 2019,the plan changed.", "In 2019, the plan changed."),
        bad("We met in Paris,France.", "We met in Paris, France."),
        bad("industrial,supply,and value chains", "industrial, supply, and value chains"),
        bad("She said,“Come here.”", "She said, “Come here.”"),
        bad("This ,is a test.", "This, is a test."),
        good("It cost $3,500.00 for 1,234,567 units."),
        good("Pi is 3,14 in France; see 40.7128,-74.0060 on the map."),
        good("See https://example.com/a,b,c for details."),
        good("Call `f(a,b)` first.", markdown=True),
        bad("See [docs](https://a.b),and more.", "See [docs](https://a.b), and more.", markdown=True),
        good("He said, “Good,” and left."),
        good("Pixels are stored as R,G,B,R,G,B,... in the row; tags are en,fr,de."),
        good("Data:\n\n    1001,John Smith,PO Box 123,Chicago,IL,60699\n"),
        good("Set a 1 in the j,k position. See <<framework-selection,Framework Selection>>."),
        good("A matrix whose i,jth element is (a_ij > 0.5), or whose i,j-th is 0."),
        good("Give it as “-doc,libfoo1,libfoo-dev” or \"a,b\"."),
        good("[summary,remarks](docblock://mapBuilders.ts?token=addCase)", markdown=True),
        bad("It sends email alerts,22 and pages.", "It sends email alerts, 22 and pages.",
            unsafe=True),
        bad("Policy,1990 to 2005", "Policy, 1990 to 2005"),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        for m in _WRONG_SIDE.finditer(doc.view):
            start, end = m.span()
            yield violation(
                start, end, "Space before a comma instead of after it",
                Edit.replace(start, end, ", "), title="Move the space after the comma",
            )
        view = doc.view
        for m in _GLUED.finditer(view):
            if m.start() > 0 and view[m.start() - 1] in " \t":
                continue  # the wrong-side case above
            if _data_record(view, m.start()):
                continue
            at = m.end()
            if _INDEX_PAIR.match(view, max(0, at - 2), at + 5) or _CROSS_REFERENCE.search(
                view, max(0, at - 80), at - 1
            ):
                continue  # "the j,k entry", AsciiDoc's "<<id,Title>>": notation, not prose
            if doc.kind.is_markdown and in_one_token_label(doc.text, m.start()):
                continue  # "[summary,remarks](docblock://…)": a directive's arguments
            # "email alerts,22 and pages": a short number glued to a word and followed by more
            # of the sentence is as likely a note's mark as a number missing its space.
            note = _NOTE_MARK.match(view, at) and not view[m.start() - 1 : m.start()].isdigit()
            yield violation(
                m.start(), at, "Missing space after a comma", Edit.insert(at, " "),
                title="Insert a space",
                applicability=Applicability.UNSAFE if note else Applicability.SAFE,
            )


# One letter on either side of the comma, standing alone: an index pair or coordinates, also
# as an ordinal ("the i,jth element", "the i,j-th").
_INDEX_PAIR = lazy_compile(r"(?<![\p{L}\d])\p{Ll},\p{Ll}(?:-?th)?(?![\p{L}\d])")
# AsciiDoc's cross reference, "<<anchor-id,Title>>", up to the comma.
_CROSS_REFERENCE = lazy_compile(r"<<[\w:.-]+$")
# One to three digits, then a space and a lowercase word.
_NOTE_MARK = lazy_compile(r"\d{1,3}[ \t]+\p{Ll}")
_GLUED_COMMA = lazy_compile(r",(?=\S)")
# How far the record around a comma is looked at, in code points either way.
_LINE_REACH = 400
_FIELD_WORDS = 4


def _data_record(view: str, comma: int) -> bool:
    """True when the comma's line is a record of comma-separated values: three or more commas
    glued to what follows, three times as many as are followed by a space (which a quoted
    field may hold), and every field between two of them short (four words at most:
    ``1001,John Smith,PO Box 123,Chicago,IL``). Prose that glues its commas by mistake
    ("their industrial,supply,and value chains") has sentences between them or spaces after
    its other commas."""
    # A record is a short line: looking no further than _LINE_REACH either way keeps a text
    # of one long line linear.
    lo = view.rfind("\n", max(0, comma - _LINE_REACH), comma) + 1
    hi = view.find("\n", comma, comma + _LINE_REACH)
    line = view[max(lo, comma - _LINE_REACH) : hi if hi >= 0 else comma + _LINE_REACH]
    fields = _GLUED_COMMA.split(line)
    glued = len(fields) - 1
    return (
        glued >= 3
        and glued >= 3 * line.count(", ")  # a quoted field may hold one: "Tom Hall, Jr."
        and all(len(field.split()) <= _FIELD_WORDS for field in fields[1:-1])
    )
