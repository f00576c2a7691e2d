from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from copyfix.model import Applicability, Edit, FixAvailability, Violation, bad, good
from copyfix.patterns import lazy_compile
from copyfix.rules.base import Rule, violation

if TYPE_CHECKING:
    from copyfix.text.document import Document

# Two to six words, then the same words again (a "lexical illusion": the eye skips the copy).
_PHRASE = lazy_compile(
    r"(?<![\p{L}\p{M}'’-])((\p{L}[\p{L}\p{M}'’]*)(?: +\p{L}[\p{L}\p{M}'’]*){1,5})"
    r" +(\1)(?![\p{L}\p{M}'’-])",
    regex.I,
)

# Repetition joined by a conjunction is a figure of speech (epizeuxis: "again and again and
# again", "by and by", "and so on and so on"), not a slip.
_CONJUNCTIONS = frozenset(["and", "or", "nor", "but", "then"])
# "face to face", "one by one", "night after night": a word, a preposition, the word again.
_IDIOM_PREPOSITIONS = frozenset(["to", "by", "for", "after", "upon", "in", "on", "over"])


class RepeatedPhrase(Rule):
    """Flags a phrase of two or more words written twice in a row.

    ## What it does
    Finds `is an echo is an echo` and `miss the point miss the point`, and removes the copy.

    ## Why is this bad?
    A repeated phrase is an editing slip that the eye skips even more easily than a doubled
    word.

    ## Fix safety
    Unsafe: the repetition may be deliberate (a refrain, a chant), so the writer decides.
    Repetition joined by a conjunction (`rowed and rowed and rowed`) and a word, a
    preposition and the word again (`face to face`) are figures of speech.
    """

    code = "RP003"
    name = "repeated-phrase"
    fix_availability = FixAvailability.ALWAYS
    summary = "Phrase repeated"
    examples = (
        bad("That is an echo is an echo.", "That is an echo.", unsafe=True),
        bad("Don't miss the biggest illusion miss the biggest illusion.",
            "Don't miss the biggest illusion.", unsafe=True),
        good("Night after night, again and again, more and more; ha ha ha."),
        good("They rowed and rowed and rowed, and by and by, and so on and so on."),
        good("He came face to face to a fact, one by one by the door."),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        view = doc.view
        for block in doc.analysis.blocks_with_repeat(range(2, 7)):
            yield from self._check_block(view, block.span.start, block.span.end)

    def _check_block(self, view: str, start: int, end: int) -> Iterator[Violation]:
        for m in _PHRASE.finditer(view, start, end):
            words = m.group(1).lower().split()
            if len(set(words)) == 1:
                continue  # one word repeated: the repeated-word rule's business
            if words[0] in _CONJUNCTIONS or words[-1] in _CONJUNCTIONS:
                continue  # "rowed and rowed and rowed", "so on and so on": a figure of speech
            if len(words) == 2 and words[1] in _IDIOM_PREPOSITIONS:
                continue  # "face to face to a fact", "one by one by": the idiom, then its word
            start = m.end(1)
            yield violation(
                m.start(), m.end(), f"Phrase '{m.group(1)}' repeated",
                Edit.delete(start, m.end()),
                title="Remove the repeated phrase", applicability=Applicability.UNSAFE,
            )
