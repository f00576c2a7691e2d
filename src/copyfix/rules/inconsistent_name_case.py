from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from copyfix.model import Applicability, Edit, FixAvailability, Violation, bad, good
from copyfix.rules.base import Rule, violation
from copyfix.text.blocks import BlockKind

if TYPE_CHECKING:
    from copyfix.text.document import Document

# The capital comes first in the pattern so the engine can skip ahead to it; the character
# before it is checked afterwards (a lookbehind at the start is tried at every position).
_CAPITALISED = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]+(?![\p{L}\p{M}\d@_]|[.-]\w)")
_WORD_BEFORE = frozenset("'’@./_-")
_LOWER_WORD = regex.compile(r"\b\p{Ll}[\p{Ll}\p{M}]+")
_DEFINED = regex.compile(r"[\"“](\p{Lu}[\p{Ll}\p{M}]+)[\"”]")
# A capitalised word counts as a name only mid-sentence and away from other capitalised words,
# so a title ("Urban Openness") or a multi-word name ("New York") says nothing about "urban".
_MIN_CAPITALISED = 3
# A whole word, as ``\b(?:name|...)\b`` delimits one, not followed by what makes it part of a
# token (an address, a dotted or hyphenated name).
_WHOLE_WORD = regex.compile(r"\b\w+\b(?![@_]|[.-]\w)")


class InconsistentNameCase(Rule):
    """Flags a name written in lowercase where the document otherwise capitalises it.

    ## What it does
    Counts each word's spellings in the middle of sentences. When a word appears capitalised at
    least three times, on its own (not in a title or a run of capitalised words), and lowercase
    at most a third as often, each lowercase occurrence is flagged: `China` five times and
    `china` once.

    ## Why is this bad?
    A proper noun in lowercase is a typo that spell checkers miss because the word exists.

    ## Fix safety
    Unsafe: the fix recases the word to the document's usual spelling, and a word can be a name
    in one place and a common word in another.
    """

    code = "CP002"
    name = "inconsistent-name-case"
    fix_availability = FixAvailability.ALWAYS
    lexicon_lists = ("sentence_openers",)
    summary = "Name written in two cases in one document"
    guarded = False
    examples = (
        bad(
            "Trade with China rose. Ties to China held. We met China. So china and India met.",
            "Trade with China rose. Ties to China held. We met China. So China and India met.",
            unsafe=True,
        ),
        good("Urban Openness and Cooperation\n\nThe urban plan is urban and open."),
        good("Turkey is a country. We ate turkey. Turkey won. Turkey lost."),
        good("Use the Software. Copy the Software. Sell the Software. A copy of this software."),
        good("D. Preserve the notices.\n\nE. Preserve the titles.\n\nF. Preserve it.\n\nWe preserve."),
        good('A "Transparent" copy, a "Transparent" file, a "Transparent" one, a transparent one.'),
        good("* CI: Add a job\n* CI: Add more\n* Build: Add x\n* CI: add one", markdown=True),
        good("Run Bash. Try Bash. Use Bash. Then `bash -c x` in bash.", markdown=True),
        good("See Chapter 9, then Chapter 10, and Chapter 11. This chapter is short."),
        good("We ask\nWhether it rains,\nWhether it snows,\nWhether it hails, and whether not."),
        good('It printed "Invalid Token" and "Invalid Token" and "Invalid Token": an invalid one.'),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        view = doc.view
        starts = doc.analysis.sentence_word_starts | {label.start for label in doc.analysis.labels}
        prose_blocks = [b for b in doc.blocks if not _is_title(view, b.span.start, b.span.end)]
        seen = _capitalised_mid_sentence(view, prose_blocks, starts)
        if not seen:
            return
        capitalised, first_seen, after_article = _name_uses(doc, seen)
        names = [
            word
            for word, caps in capitalised.items()
            if caps >= _MIN_CAPITALISED
            and after_article[word] * 2 < caps  # "the Software": a defined term, not a name
            and word not in doc.analysis.words_in_code  # "bash": also a command in this document
            and word not in doc.lexicon.sentence_openers  # "Otherwise": capitalised by position
        ]
        # A word defined in quotes ('A "Transparent" copy means ...') is a defined term: the
        # document may use the plain word in its ordinary sense too.
        if names:
            defined = {m.group(1).lower() for m in _DEFINED.finditer(view)}
            names = [w for w in names if w not in defined]
        if not names:
            return
        # Then the lowercase spellings of just those words: whole words looked up in a set. An
        # alternation of the names (or a named list, \L<names>) costs time per name at every
        # position, and a longer document has more names, so it grew faster than the text.
        wanted = set(names)
        lowercase: dict[str, list[int]] = defaultdict(list)
        for block in prose_blocks:
            for m in _WHOLE_WORD.finditer(view, block.span.start, block.span.end):
                if m.group() in wanted and m.start() not in starts and not _glued(view, m.start()):
                    lowercase[m.group()].append(m.start())
        for word, positions in lowercase.items():
            caps = capitalised[word]
            if len(positions) * 3 > caps:
                continue
            name = word[0].upper() + word[1:]
            line, _ = doc.position(first_seen[word])
            for at in positions:
                yield violation(
                    at, at + len(word),
                    f"'{word}' is written '{name}' elsewhere in this document ({caps} times,"
                    f" first on line {line})",
                    Edit.replace(at, at + 1, name[0]),
                    title=f"Write '{name}'", applicability=Applicability.UNSAFE,
                )


def _capitalised_mid_sentence(view: str, blocks: list, starts: set[int]) -> dict[str, list[int]]:
    """Lowercased word -> offsets of its capitalised uses in running prose, sentence starts
    excepted. List items, headings and cells are often in title or imperative case ("* Add
    support") and say nothing about names, so only paragraphs count."""
    seen: dict[str, list[int]] = defaultdict(list)
    for block in blocks:
        if block.kind is not BlockKind.PARAGRAPH:
            continue
        for m in _CAPITALISED.finditer(view, block.span.start, block.span.end):
            if m.start() not in starts:
                seen[m.group().lower()].append(m.start())
    return seen


def _name_uses(
    doc, seen: dict[str, list[int]]
) -> tuple[Counter[str], dict[str, int], Counter[str]]:
    """For words seen often enough and also written in lowercase somewhere, the capitalised uses
    that read as a name (not glued to markup, not after a clause mark or at a line start, not a
    label like "Chapter 9", not quoted, not in a run of capitalised words): their count, the
    first offset, and how many follow an article."""
    view = doc.view
    capitalised: Counter[str] = Counter()
    after_article: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    if all(len(positions) < _MIN_CAPITALISED for positions in seen.values()):
        return capitalised, first_seen, after_article
    written_lower = set(_LOWER_WORD.findall(view))
    for word, positions in seen.items():
        if len(positions) < _MIN_CAPITALISED or word not in written_lower:
            continue
        for pos in positions:
            end = pos + len(word)
            if _glued(view, pos) or _after_clause_mark(view, pos) or _line_start(view, pos):
                continue
            if _NUMBERED.match(view, end, end + 12):
                continue  # "Chapter 9", "Section IV": a label's capital, not a name's
            if doc.analysis.in_quotation(pos):
                continue  # a quoted title or message keeps its own case
            if not _has_capital_neighbour(view, pos, end):
                capitalised[word] += 1
                first_seen.setdefault(word, pos)
                if _after_article(view, pos):
                    after_article[word] += 1
    return capitalised, first_seen, after_article


# A number or a roman numeral after a capitalised word makes it a label: "Chapter 9".
_NUMBERED = regex.compile(r"[ \u00a0](?:\d|[IVXLC]+\b)")


def _line_start(view: str, pos: int) -> bool:
    """The first word of a line: in hard-wrapped text a heading or a sentence may start there."""
    i = pos
    while i > 0 and view[i - 1] in " \t":
        i -= 1
    return i == 0 or view[i - 1] == "\n"


_ARTICLE = regex.compile(r"(?:the|this|that|our|your|its|their)\s+$", regex.I)


def _glued(view: str, pos: int) -> bool:
    """True if the word at ``pos`` continues a longer token (a word, a path, an address)."""
    if pos == 0:
        return False
    before = view[pos - 1]
    return before.isalnum() or before in _WORD_BEFORE or unicodedata.category(before) == "Mn"


def _after_article(view: str, pos: int) -> bool:
    return bool(_ARTICLE.search(view, max(0, pos - 8), pos))


def _after_clause_mark(view: str, pos: int) -> bool:
    """A capital after ":" or "(" may start a clause: "CI: Add", "(See above)"; after a list
    label ("(1) Download", "b) Install") it starts an item."""
    before = view[max(0, pos - 3) : pos].rstrip()
    if _LIST_LABEL_BEFORE.search(view, max(0, pos - 8), pos):
        return True
    # After an opening quote a capital starts a quoted sentence, title or defined term.
    return before.endswith((":", "(", "[", "—", "–", "-", "\ufffc", '"', "“", "‘", "'"))


# A list label just before a word: "(1) ", "2) ", "(b) ", "iv) ".
_LIST_LABEL_BEFORE = regex.compile(r"(?<![\p{L}\d])\(?(?:\d{1,3}|\p{L}|[ivx]{1,4})\)[ \t]+\Z")


def _is_title(view: str, start: int, end: int) -> bool:
    words = [w for w in view[start:end].split() if w[:1].isalpha()]
    if not words or view[start:end].rstrip().endswith((".", "?", "!")) and len(words) > 12:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps * 2 > len(words)


# Words inside one name ("Bank of England", "Ludwig van Beethoven"); "and" joins two names.
_CONNECTORS = frozenset("of de la le du da di del von van der den".split())


def _has_capital_neighbour(view: str, start: int, end: int) -> bool:
    prev = _token_before(view, start)
    if prev.lower() in _CONNECTORS:
        before_connector = _token_before(view, start - len(prev) - 1)
        if before_connector[:1].isupper():
            prev = before_connector  # "Code of Conduct", "Bank of England": one name
    nxt = _token_after(view, end)
    if nxt.lower() in _CONNECTORS:
        after_connector = _token_after(view, end + 1 + len(nxt))
        if after_connector[:1].isupper():
            nxt = after_connector  # "Copyright and Related Rights": one name
    initial = len(prev) == 2 and prev[0].isupper() and prev[1] == "."
    return bool(
        prev[:1].isupper() and (initial or not prev.endswith((".", ",", ":", ";")))
        or nxt[:1].isupper() and not view[start:end].endswith(",")
    )


def _token_before(view: str, pos: int) -> str:
    """The token that ends one space before ``pos`` (string methods only: this runs for every
    capitalised word)."""
    if pos < 2 or not view[pos - 1].isspace():
        return ""
    end = pos - 1
    start = max(view.rfind(" ", max(0, end - 40), end), view.rfind("\n", max(0, end - 40), end)) + 1
    return view[start:end]


def _token_after(view: str, pos: int) -> str:
    if pos >= len(view) - 1 or not view[pos].isspace():
        return ""
    start = pos + 1
    stops = [i for i in (view.find(" ", start, start + 40), view.find("\n", start, start + 40)) if i >= 0]
    return view[start : min(stops) if stops else start + 40]
