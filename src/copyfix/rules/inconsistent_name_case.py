from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

import regex

from copyfix.document import BlockKind
from copyfix.model import Applicability, Edit, Severity, Violation, bad, good
from copyfix.rules.base import Rule, violation

_WORD = regex.compile(r"(?<![\p{L}\p{M}\d'’@./_-])\p{L}[\p{Ll}\p{M}]+(?![\p{L}\p{M}\d@_]|[.-]\w)")
_MIN_CAPITALISED = 3
# A capitalised word counts as a name only mid-sentence and away from other capitalised words,
# so a title ("Urban Openness") or a multi-word name ("New York") says nothing about "urban".
_CAPITAL_NEIGHBOUR = regex.compile(r"\p{Lu}")


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

    ## Options
    None.
    """

    code = "CP002"
    name = "inconsistent-name-case"
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
        good("* CI: Add a job\n* CI: Add more\n* Build: Add x\n* CI: add one", markdown=True),
        good("Run Bash. Try Bash. Use Bash. Then `bash -c x` in bash.", markdown=True),
    )

    def check(self, doc) -> Iterator[Violation]:
        view = doc.view
        capitalised: Counter[str] = Counter()
        lowercase: dict[str, list[int]] = defaultdict(list)
        starts = {s.word_start for s in doc.analysis.sentences}
        starts |= {label.start for label in doc.analysis.labels}
        after_article: Counter[str] = Counter()
        for block in doc.blocks:
            if _is_title(view, block.span.start, block.span.end):
                continue
            for m in _WORD.finditer(view, block.span.start, block.span.end):
                word = m.group()
                if m.start() in starts:
                    continue
                if word[0].isupper():
                    # Only running prose shows how a writer spells a name: list items, headings
                    # and cells are often in title or imperative case ("* Add support").
                    if block.kind is not BlockKind.PARAGRAPH or _after_clause_mark(view, m.start()):
                        continue
                    if not _has_capital_neighbour(view, m.start(), m.end()):
                        capitalised[word.lower()] += 1
                        if _after_article(view, m.start()):
                            after_article[word.lower()] += 1
                else:
                    lowercase[word].append(m.start())
        in_code = doc.analysis.words_in_code
        for word, positions in lowercase.items():
            caps = capitalised.get(word, 0)
            if caps < _MIN_CAPITALISED or len(positions) * 3 > caps:
                continue
            if after_article[word] * 2 >= caps:
                continue  # "the Software", "the Company": a defined term, not a name
            if word in in_code:
                continue  # "bash", "python": also a command in this document
            if word in doc.lexicon.sentence_openers:
                continue  # "Otherwise", "Please": common words, capitalised by position
            name = word[0].upper() + word[1:]
            for at in positions:
                yield violation(
                    at, at + len(word),
                    f"'{word}' is written '{name}' elsewhere in this document",
                    Edit.replace(at, at + 1, name[0]),
                    title=f"Write '{name}'", applicability=Applicability.UNSAFE,
                )


_ARTICLE = regex.compile(r"(?:the|this|that|our|your|its|their)\s+$", regex.I)


def _after_article(view: str, pos: int) -> bool:
    return bool(_ARTICLE.search(view, max(0, pos - 8), pos))


def _after_clause_mark(view: str, pos: int) -> bool:
    """A capital after ":" or "(" may start a clause: "CI: Add", "(See above)"."""
    before = view[max(0, pos - 3) : pos].rstrip()
    return before.endswith((":", "(", "[", "—", "–", "-", "\ufffc"))


def _is_title(view: str, start: int, end: int) -> bool:
    words = [w for w in view[start:end].split() if w[:1].isalpha()]
    if not words or view[start:end].rstrip().endswith((".", "?", "!")) and len(words) > 12:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps * 2 > len(words)


_CONNECTORS = frozenset("of and for de la du von van der the on in".split())


def _has_capital_neighbour(view: str, start: int, end: int) -> bool:
    before = view[max(0, start - 40) : start].split()
    after = view[end : end + 40].split()
    prev = before[-1] if before and view[start - 1 : start].isspace() else ""
    if prev.lower() in _CONNECTORS and len(before) >= 2 and before[-2][:1].isupper():
        prev = before[-2]  # "Code of Conduct", "Bank of England": one name
    nxt = after[0] if after and view[end : end + 1].isspace() else ""
    return bool(
        prev and _CAPITAL_NEIGHBOUR.match(prev) and not prev.endswith((".", ",", ":", ";"))
        or nxt and _CAPITAL_NEIGHBOUR.match(nxt) and not view[start:end].endswith(",")
    )
