from __future__ import annotations

from collections.abc import Iterator

import regex

from copyfix.model import Applicability, Edit, Severity, Violation, bad, good
from copyfix.rules.base import Rule, violation

# A word, whitespace that stays inside the paragraph, and the same word again. Hyphens and
# apostrophes on either side make it part of a compound (bye-bye, "so-so").
_REPEAT = regex.compile(
    r"(?<![\p{L}\p{M}\d'’\-])(\p{L}[\p{L}\p{M}'’]*)([ \t]+|[ \t]*\n[ \t]*)(\1)"
    r"(?![\p{L}\p{M}\d\-]|['’]\p{L})",
    regex.I,
)
# Removing one of these is always right: they carry no content of their own.
_FUNCTION_WORDS = frozenset(
    """
    a an the of to in on at by for from with as and or but nor if is are was were be been am it
    its this these those my your his her our their we you he she they i me him us them not
    """.split()
)
_WH_WORDS = frozenset("what where who how all why when whatever".split())


class RepeatedWord(Rule):
    """Flags a word written twice in a row.

    ## What it does
    Finds `the the`, `is is`, `I I` and `THE THE`, also across a line break, and removes the
    second copy.

    ## Why is this bad?
    A doubled word is almost always an editing slip, and the eye skips it on proofreading.

    ## Fix safety
    Safe for function words (`the`, `a`, `of`, `is`...); unsafe for content words, where the
    writer may have meant another word. Not flagged: legitimate repeats (`had had`,
    `that that`, `What it is is`), reduplicated names (`Bora Bora`, `Duran Duran`), laughter
    and interjections (`ha ha`, `bye bye`), and two capitalised words inside a sentence (a name).

    ## Options
    The lexicon's `allowed_repeats` and `reduplicated_names` lists.
    """

    code = "RP001"
    name = "repeated-word"
    summary = "Word repeated"
    severity = Severity.ERROR
    examples = (
        bad("This is the the answer.", "This is the answer."),
        bad("This is is a test.", "This is a test."),
        bad("It was the\nthe end.", "It was the\nend."),
        bad("We saw the big big house.", "We saw the big house.", unsafe=True),
        good("He had had enough, and I know that that is true."),
        good("What it is is a mess."),
        good("They flew to Bora Bora and heard Duran Duran, ha ha."),
        good("Their so-so plan was a bye-bye gift."),
    )

    def check(self, doc) -> Iterator[Violation]:
        lexicon = doc.lexicon
        view = doc.view
        for m in _REPEAT.finditer(view):
            first, second = m.group(1), m.group(3)
            lower = first.lower()
            if first != second and first.lower() != second.lower():
                continue
            if lower in lexicon.allowed_repeats or lower in lexicon.reduplicated_names:
                continue
            if first[0].isupper() and second[0].isupper() and not first.isupper():
                if lower not in _FUNCTION_WORDS and not _at_sentence_start(doc, m.start()):
                    continue  # "Walla Walla", "Will Will" as a name
            if lower == "is" and _is_is_allowed(view, m.start()):
                continue
            applicability = (
                Applicability.SAFE if lower in _FUNCTION_WORDS else Applicability.UNSAFE
            )
            yield violation(
                m.start(), m.end(), f"Repeated word '{first}'",
                _removal(view, m),
                title="Remove the repeated word", applicability=applicability,
            )


def _at_sentence_start(doc, pos: int) -> bool:
    return any(s.word_start == pos for s in doc.analysis.sentences)


def _is_is_allowed(view: str, pos: int) -> bool:
    """``What it is is ...``: the first ``is`` ends a clause that is itself the subject."""
    words = view[max(0, pos - 40) : pos].split()
    return len(words) >= 2 and words[-2].lower().strip("“\"(") in _WH_WORDS


def _removal(view: str, m) -> Edit:
    """Remove the second copy with the spaces after it, so a line break between the copies
    stays where it was; at the end of a clause remove the space before it instead."""
    end = m.end(3)
    after = end
    while after < len(view) and view[after] in " \t":
        after += 1
    if after > end and after < len(view) and view[after] != "\n":
        return Edit.delete(m.start(3), after)
    return Edit.delete(m.end(1), end)
