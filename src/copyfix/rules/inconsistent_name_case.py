from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from copyfix.model import Applicability, Edit, FixAvailability, Violation, bad, good
from copyfix.patterns import lazy_compile
from copyfix.rules.base import Rule, violation
from copyfix.text.blocks import Block, BlockKind

if TYPE_CHECKING:
    from copyfix.text.document import Document

# The capital comes first in the pattern so the engine can skip ahead to it; the character
# before it is checked afterwards (a lookbehind at the start is tried at every position).
_CAPITALISED = lazy_compile(r"\p{Lu}[\p{Ll}\p{M}]+(?![\p{L}\p{M}\d@_]|[.-]\w)")
_WORD_BEFORE = frozenset("'’@./_-")
_DEFINED = lazy_compile(r"[\"“](\p{Lu}[\p{Ll}\p{M}]+)[\"”]")
# A capitalised word counts as a name only mid-sentence and away from other capitalised words,
# so a title ("Urban Openness") or a multi-word name ("New York") says nothing about "urban".
_MIN_CAPITALISED = 3


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
        good("We saw Oak today. The sheep ran to Oak. They found Oak. He sat on an oak settle."),
        # "an oak" is the common noun: it counts against the name, so "oak planks" is too.
        good("We saw Oak. The sheep ran to Oak. They found Oak. He made an oak seat of oak wood."),
        good("We ask\nWhether it rains,\nWhether it snows,\nWhether it hails, and whether not."),
        good('It printed "Invalid Token" and "Invalid Token" and "Invalid Token": an invalid one.'),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        view = doc.view
        starts = doc.analysis.sentence_word_starts | {label.start for label in doc.analysis.labels}
        titles: dict[tuple[int, int], bool] = {}

        def is_title(block: Block) -> bool:
            key = (block.span.start, block.span.end)
            if key not in titles:
                titles[key] = _is_title(view, *key)
            return titles[key]

        paragraphs = [b for b in doc.blocks if b.kind is BlockKind.PARAGRAPH and not is_title(b)]
        seen = _capitalised_mid_sentence(view, paragraphs, starts)
        capitalised, first_seen, after_article = _name_uses(doc, seen)
        names = {
            word
            for word, caps in capitalised.items()
            if caps >= _MIN_CAPITALISED
            and after_article[word] * 2 < caps  # "the Software": a defined term, not a name
            and word not in doc.analysis.words_in_code  # "bash": also a command in this document
            and word not in doc.lexicon.sentence_openers  # "Otherwise": capitalised by position
        }
        # A word defined in quotes ('A "Transparent" copy means ...') is a defined term: the
        # document may use the plain word in its ordinary sense too.
        if names:
            names -= {m.group(1).lower() for m in _DEFINED.finditer(view)}
        # Then the lowercase spellings of just those words.
        lowercase = _lowercase_uses(doc, names, starts, is_title)
        for word, positions in lowercase.items():
            if word not in names:
                continue
            caps = capitalised[word]
            if len(positions) * 3 > caps:
                continue
            name = word[0].upper() + word[1:]
            line, _ = doc.position(first_seen[word])
            for at in positions:
                if _determined(view, at):
                    continue  # a common noun: it counted above as a use of the plain word
                yield violation(
                    at, at + len(word),
                    f"'{word}' is written '{name}' elsewhere in this document ({caps} times,"
                    f" first on line {line})",
                    Edit.replace(at, at + 1, name[0]),
                    title=f"Write '{name}'", applicability=Applicability.UNSAFE,
                )


def _capitalised_mid_sentence(view: str, blocks: list, starts: set[int]) -> dict[str, list[int]]:
    """Lowercased word -> offsets of its capitalised uses in running prose (``blocks``, the
    paragraphs that are not titles), sentence starts excepted. List items, headings and cells
    are often in title or imperative case ("* Add support") and say nothing about names, so
    only paragraphs count."""
    seen: dict[str, list[int]] = defaultdict(list)
    for block in blocks:
        for m in _CAPITALISED.finditer(view, block.span.start, block.span.end):
            if m.start() not in starts:
                seen[m.group().lower()].append(m.start())
    return seen


def _lowercase_uses(
    doc: Document, words: set[str], starts: set[int], is_title: Callable[[Block], bool]
) -> dict[str, list[int]]:
    """Word -> offsets where it is written in lowercase as a whole word, outside titles, not
    at a sentence start, not continuing a longer token. Only the blocks that hold one of the
    words in some case are searched, and only for those words: an alternation of the words (or
    a named list, \\L<words>) costs time per word at every position, and a longer document has
    more names, so it grew faster than the text."""
    view = doc.view
    found: dict[str, list[int]] = defaultdict(list)
    for block, present in doc.analysis.blocks_with_word(words):
        start, end = block.span.start, block.span.end
        if is_title(block):
            continue
        for word in present:
            for m in _whole_word(word).finditer(view, start, end):
                at = m.start()
                if at not in starts and not _glued(view, at):
                    found[word].append(at)
    return found


@lru_cache(maxsize=1024)
def _whole_word(word: str) -> regex.Pattern[str]:
    """``word`` as a whole word: not inside a longer word, not continued by an address or a
    dotted or hyphenated name ("china.com", "china-made"). The engine skips
    the many places where it is part of another word ("in" in "string") without Python."""
    return regex.compile(rf"(?<!\w){regex.escape(word)}(?!\w)(?![@_]|[.-]\w)")


def _name_uses(
    doc, seen: dict[str, list[int]]
) -> tuple[Counter[str], dict[str, int], Counter[str]]:
    """For the words of ``seen`` seen often enough, the capitalised uses
    that read as a name (not glued to markup, not after a clause mark or at a line start, not a
    label like "Chapter 9", not quoted, not in a run of capitalised words): their count, the
    first offset, and how many follow an article."""
    view = doc.view
    capitalised: Counter[str] = Counter()
    after_article: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for word, positions in seen.items():
        if len(positions) < _MIN_CAPITALISED:
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
_NUMBERED = lazy_compile(r"[ \u00a0](?:\d|[IVXLC]+\b)")


def _line_start(view: str, pos: int) -> bool:
    """The first word of a line, after any markers, numbers or masked code (``5.12 Tell me``,
    ``: (`bool`) Whether to``): in hard-wrapped text, a definition list or a FAQ, a heading or
    a sentence may start there."""
    line_start = view.rfind("\n", max(0, pos - _LINE_HEAD), pos) + 1
    if line_start == 0 and pos > _LINE_HEAD:
        return False
    return not _LETTER.search(view, line_start, pos)


_LINE_HEAD = 40  # how far back the markers before a line's first word may reach
_LETTER = lazy_compile(r"\p{L}")


_ARTICLE = lazy_compile(r"(?:the|this|that|our|your|its|their)\s+$", regex.I)


def _glued(view: str, pos: int) -> bool:
    """True if the word at ``pos`` continues a longer token (a word, a path, an address)."""
    if pos == 0:
        return False
    before = view[pos - 1]
    return before.isalnum() or before in _WORD_BEFORE or unicodedata.category(before) == "Mn"


def _after_article(view: str, pos: int) -> bool:
    return bool(_ARTICLE.search(view, max(0, pos - 8), pos))


# A determiner before a lowercase word, with at most one word between them, makes it a common
# noun: "an oak settle" beside the shepherd Oak, "a marble god" beside God. Names are rarely
# determined (a name that often is, "the Software", is a defined term and not taken for a name
# at all). After a subject pronoun the word is a verb: "while I muse" beside the Muse.
_DETERMINER = lazy_compile(
    r"\b(?:an?|the|this|that|these|those|his|her|its|our|your|their|my|some|any|no|each|every"
    r"|what|which|whose)\s+(?:\p{Ll}[\p{Ll}-]*+\s+)?$|\b(?:i|we|they|you)\s+$",
    regex.I,
)


def _determined(view: str, pos: int) -> bool:
    return bool(_DETERMINER.search(view, max(0, pos - 24), pos))


def _after_clause_mark(view: str, pos: int) -> bool:
    """A capital after ":" or "(" may start a clause: "CI: Add", "(See above)"; after a list
    label ("(1) Download", "b) Install") it starts an item."""
    before = view[max(0, pos - 3) : pos].rstrip()
    if _LIST_LABEL_BEFORE.search(view, max(0, pos - 8), pos):
        return True
    # After an opening quote a capital starts a quoted sentence, title or defined term.
    return before.endswith((":", "(", "[", "—", "–", "-", "\ufffc", '"', "“", "‘", "'"))


# A list label just before a word: "(1) ", "2) ", "(b) ", "iv) ".
_LIST_LABEL_BEFORE = lazy_compile(r"(?<![\p{L}\d])\(?(?:\d{1,3}|\p{L}|[ivx]{1,4})\)[ \t]+\Z")


def _is_title(view: str, start: int, end: int) -> bool:
    """Whether most of the block's words (starting with a letter) start with a capital; a
    block that ends a sentence and has more than twelve words is prose."""
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
