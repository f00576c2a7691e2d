from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from copyfix.model import (
    Applicability,
    Edit,
    FixAvailability,
    Severity,
    Span,
    Violation,
    bad,
    good,
)
from copyfix.patterns import lazy_compile
from copyfix.rules.base import HABIT_MIN, Rule, violation
from copyfix.text.blocks import MASK_CHAR
from copyfix.text.words import NEVER_LAST, is_english_token

if TYPE_CHECKING:
    from copyfix.text.document import Document

# Spaces between a word and , . ; : ? ! that end it. A mark followed by a word character is the
# start of something else (.txt, .NET, .5, :wq) and an ellipsis or emoticon is not a defect.
_SPACE_BEFORE = lazy_compile(
    r"(?<=[\p{L}\p{M}\d)\]”’\"'%])([ \t\u00a0]+)([,;:?!]+|\.(?!\.))(?=$|[\s)\]”’\"'\ufffc])"
    r"(?![ \t]\.)",
    regex.M,
)


# "I live in .Los Angeles": a full stop that left its word and stuck to the next one. Where it
# belongs is not certain, so this is reported without a fix.
_STRAY_PERIOD = lazy_compile(r"(?<=[\p{Ll}][ \t]+)(\.)(?=\p{Lu}\p{Ll}{2,}\b)")


# A mark between spaces with the sentence going on in lowercase is a symbol being talked about
# or an argument: "a ! prompt appears", "a ? mark", "git pull . origin".
_NAMED_MARK = lazy_compile(r"[ \t]+\p{Ll}")
# Markup hidden from the rules (a link's end, `][label]`): a mark at the end of a link's text
# is followed by the sentence after the link ("See [re-enter ?][label] for more").
_MASKED = lazy_compile(f"{MASK_CHAR}*+")


# What follows a mark that is an argument rather than punctuation: an option ("find . -type f",
# "-print , -quit"), a shell variable ("git pull . $1") or a token of symbols only
# ("find . ( )"). After a sentence's mark comes a
# word, a quotation or a bracketed aside.
# An option just before the space: the mark after it is the command's next argument.
_OPTION_BEFORE = lazy_compile(r"(?<!\S)--?\p{L}[\p{L}\d_-]*+\Z")
_OPERAND_AFTER = lazy_compile(
    r"[ \t]+(?:--?[\p{L}\d]|\$[\w{(]|[^\s\p{L}\p{N}\p{Pi}“‘\"']+(?=[ \t]|$))", regex.M
)

_DIGIT_AFTER = lazy_compile(r"[ \t]+\d")
_CLOSERS = frozenset(")]”’\"'")
# The marks French typography spaces off (`Note : ceci ; cela !`): a document that does it
# again and again follows that convention, or lists `Label : value` lines, or quotes shell
# syntax (`while condition ; do command ; done`).
_HIGH_MARKS = frozenset(";:!?")


_HIGH_MARK_AFTER_WORD = lazy_compile(r"(?<=[\p{L}\p{M}\d])[;:?!](?=\s|$)", regex.M)
_MARKS_AFTER_WORD = lazy_compile(r"(?<=[\p{L}\p{M}\d])[,.;:?!](?=\s|$)", regex.M)

#: The share of a document's marks after words that must be spaced off before the spacing is
#: taken as the document's own: a page whose extractor dropped links and inline elements
#: ("known as AI Mode .", "For $2000 , it") leaves one in a few dozen marks so, a writer's
#: slip one in a hundred or fewer.
_HABIT_SHARE = 25


def _spaced_off_by_habit(view: str, spaced: int) -> bool:
    """True when the document spaces off its punctuation again and again, as a habit of its
    source rather than a slip: at least ``HABIT_MIN`` times and for one mark in
    ``_HABIT_SHARE``."""
    if spaced < HABIT_MIN:
        return False
    attached = sum(1 for _ in _MARKS_AFTER_WORD.finditer(view))
    return spaced * _HABIT_SHARE >= spaced + attached


# A quotation this short, with a spaced mark inside, quotes a form rather than speech.
_NOTATION_MAX = 40


def _quoted_notation(doc: Document, start: int, mark_end: int) -> bool:
    """``give it as "term : key"``: a colon or semicolon spaced on both sides inside a short
    quotation is the notation being quoted (a glossary's classifier, a shell's ``a ; b``), which
    the fix would change."""
    view = doc.view
    if view[mark_end - 1] not in ":;" or view[mark_end : mark_end + 1] != " ":
        return False
    quotation = doc.analysis.quotations.member_at(start)
    return quotation is not None and len(quotation) <= _NOTATION_MAX


def _after_english(doc: Document, space: int) -> bool:
    """The token before the space at ``space`` is an English word (or names one's case)."""
    word = doc.analysis.word_before(space)
    return is_english_token(word) or is_english_token(word.lower())


def _ends_short_quotation(doc: Document, mark_end: int) -> bool:
    quotation = doc.analysis.quotations.member_at(mark_end)
    return quotation is not None and quotation.end == mark_end + 1 and len(quotation) <= 20


def _is_candidate(doc: Document, view: str, m: regex.Match) -> bool:
    """Whether a space before a mark is one to report: not a mark being named, an operator or
    the end of a link."""
    start, mark = m.start(1), m.group(2)
    after = _MASKED.match(view, m.end(2)).end()
    if set(mark) <= {"!", "?", "."} and _NAMED_MARK.match(view, after, after + 8):
        # "a ! prompt", "full of ??? entries", "given . as the remote", "chown 0 . bin", "See
        # [re-enter ?][label] for more": a mark that would end the sentence, with the sentence
        # going on in lowercase, is a token, not the sentence's end.
        return False
    if doc.analysis.is_named_mark(m.start(2)):
        return False  # "The . (dot) character", "with / or ?": a character being named
    if mark == "." and view[start - 1 : start].isdigit() and _DIGIT_AFTER.match(view, m.end(2)):
        return False  # "Regular price $ 799 . 00": a decimal point a scraper spaced off
    if mark in ("::", ";;"):
        return False  # "occurrences of :: to -": an operator (Perl, C++, a shell case)
    if _OPERAND_AFTER.match(view, m.end(2)):
        return False  # "find . -type f", "-print , -quit", "find . ( )": an argument
    if _OPTION_BEFORE.search(view, max(0, start - 64), start):
        return False  # "black --no-cache .", "ls -a .": an argument after an option
    if _quoted_notation(doc, start, m.end(2)):
        return False  # '"while condition ; do command ; done"': the notation quoted
    # "https://example.org/a ." keeps the mark out of the link on purpose.
    return not (start > 0 and doc.analysis.is_protected(Span(start - 1, start)))


class SpaceBeforePunctuation(Rule):
    """Flags whitespace between a word and the punctuation that follows it.

    ## What it does
    Finds `word ,`, `sentence .`, `deal !` and `Note : this` and removes the space.

    ## Why is this bad?
    In English, `, . ; : ? !` attach to the word before them; a space there lets the mark wrap
    to the start of the next line.

    ## Fix safety
    Safe: only whitespace is removed. Unsafe after a closing bracket or quote (where text
    renderers put a space after a link's URL or a cross-reference's title, such as
    `(https://a.org/) .` and `Section 1.4, “Shell activities” .`), and before `; : ! ?` when the
    document does it three times or more; when it does it for most of those marks, that is its
    convention (French spacing, a list of `Label : value` lines), left alone. A colon or
    semicolon spaced on both sides in a short quotation is the notation quoted
    (`"while x ; do y ; done"`). Unsafe after a word that ends no clause, where words were
    dropped (`weights of .`), and for a mark that ends a short quotation after no English word
    (`‘C-b ?’`, a key). `::` and `;;` are operators, not punctuation after a word. Unsafe
    everywhere in a document that spaces off one mark in twenty-five or more: scraped pages whose
    extractor dropped a link or an inline element before the mark (`known as AI Mode .`) do
    that, a writer's slips do not.
    """

    code = "SP003"
    name = "space-before-punctuation"
    fix_availability = FixAvailability.SOMETIMES
    lexicon_lists = ("symbol_introducers",)
    summary = "Space before punctuation"
    severity = Severity.ERROR
    examples = (
        bad("This is a sentence .", "This is a sentence."),
        bad("What a deal !", "What a deal!"),
        bad("Apples , pears and plums", "Apples, pears and plums"),
        good("Run find . -type f to list them, or -print , -quit to stop."),
        good("For command lines with missing expressions, such as find . ( ) it warns."),
        bad("Note : this matters.", "Note: this matters."),
        good('Give it as "term : key" in a glossary; "while x ; do y ; done" loops.'),
        bad("Typing ‘C-b ?’ lists the keys.", "Typing ‘C-b?’ lists the keys.", unsafe=True),
        good("SyntaxError: missing : after property id"),
        good("Regular price $ 799 . 00 and $ 1,999 . 00 today."),
        bad("Press the key ] (paste .) to paste.", "Press the key ] (paste.) to paste.",
            unsafe=True),
        bad("It reached weights of . Then", "It reached weights of. Then", unsafe=True),
        good("Open the .txt file, then the .NET project."),
        bad("I live in .Los Angeles now.", "I live in .Los Angeles now."),
        good("It grew by .5 percent and then stopped ..."),
        good("Type :wq to quit :)"),
        good("Change all occurrences of :: to -, and end each branch with ;; in a case."),
        good("Run ./validate.sh now. See https://github.com/alsa-project/alsa-ucm-conf ."),
        good("A ! prompt appears, and a ? mark too."),
        good("The . (dot) character matches any character; search with / or ?."),
        good("It knows the &&, ||, and ! operators."),
        good("The trace will be full of ??? entries, or !! marks."),
        good("The result is the same as !, which negates it; ? matches one character."),
        good("See [re-enter ?][re_enter] for more.\n\n[re_enter]: https://a.org/\n",
             markdown=True),
        good("Run it again:\n\npython -m black --no-cache .\n"),
        good("A Chicago ellipsis . . . stays, and so does . . . . this one."),
        bad("See (a) . Then (b) . And “c” . Also (d) .",
            "See (a) . Then (b) . And “c” . Also (d) ."),
        bad("It is known as AI Mode . For $2000 , it is a deal . Ask me here !",
            "It is known as AI Mode . For $2000 , it is a deal . Ask me here !"),
        good("VIP : 60,000₩\nR : 50,000₩\nS : 40,000₩"),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        for m in _STRAY_PERIOD.finditer(doc.view):
            start = m.start(1)
            yield violation(start, start + 1, "Full stop attached to the next word")
        view = doc.view
        found = list(_SPACE_BEFORE.finditer(view))
        # "(https://www.linux.org/) .", "Section 1.4, “Shell activities” .": text renderers put a
        # space after the URL or the title they set in brackets or quotes, where a writer's slip
        # is rare; the fix is a guess there.
        high = sum(1 for m in found if m.group(2)[0] in _HIGH_MARKS)
        candidates = [m for m in found if _is_candidate(doc, view, m)]
        # Only commas and full stops after a word tell the habit: the marks after a bracket or
        # a quote and the high marks have their own reasons above.
        after_words = sum(
            1 for m in candidates
            if view[m.start(1) - 1] not in _CLOSERS and m.group(2)[0] not in _HIGH_MARKS
        )
        spaced_off = _spaced_off_by_habit(view, after_words)
        # "VIP : 60,000₩", "Attention : le train part !": a document that spaces off most of
        # its high marks follows a convention (French typography, a price list), not a slip.
        high_style = high >= HABIT_MIN and high >= len(_HIGH_MARK_AFTER_WORD.findall(view))
        # "same as LF .", "listed with Ps .": a reference that sets its codes apart from the
        # sentence's marks again and again; a mark after a token English does not know is
        # then as likely a code of its own, and the space its convention.
        after_codes = {m.start(1) for m in candidates if not _after_english(doc, m.start(1))}
        notation = len(after_codes) >= HABIT_MIN
        for m in candidates:
            start, end = m.span(1)
            mark = m.group(2)
            if high_style and mark[0] in _HIGH_MARKS:
                continue
            habit = (
                spaced_off
                or view[start - 1] in _CLOSERS
                or mark[0] in _HIGH_MARKS and high >= HABIT_MIN
                or notation and start in after_codes
                # "weights of .", "coasting at ,": the gap is where words were dropped
                or doc.analysis.word_before(start).lower() in NEVER_LAST
                # "(paste .)": a dot alone before a bracket is as often a command's argument
                or mark == "." and view[m.end(2) : m.end(2) + 1] in (")", "]")
                # "Typing ‘C-b ?’ lists": a mark alone at the end of a short quotation, after
                # no English word, is what is quoted (a key, a command) as often as a slip
                or _ends_short_quotation(doc, m.end(2))
                and not is_english_token(doc.analysis.word_before(start))
            )
            yield violation(
                start, m.end(2), f"Space before '{mark}'", Edit.delete(start, end),
                title="Remove the space",
                applicability=Applicability.UNSAFE if habit else Applicability.SAFE,
            )
