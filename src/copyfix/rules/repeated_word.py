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
from copyfix.rules.base import Rule, violation
from copyfix.text.words import count

if TYPE_CHECKING:
    from copyfix.text.document import Document

# A word, whitespace that stays inside the paragraph, and the same word again. Hyphens and
# apostrophes on either side make it part of a compound (bye-bye, "so-so").
_REPEAT = regex.compile(
    r"(?<![\p{L}\p{M}\d'’.\-])(\p{L}[\p{L}\p{M}'’]*)([ ]+|[ \t]*\n[ \t]*)(\1)"
    r"(?![\p{L}\p{M}\d\-]|['’]\p{L})",
    regex.I,
)
_NEXT_WORD = regex.compile(r"[ \t]*+(?:\n[ \t]*+)?([\p{L}'’]+)")
# Removing one of these is always right: they carry no content of their own.
_FUNCTION_WORDS = frozenset(
    """
    a an the of to in on at by for from with as and or but nor if is are was were be been am it
    its this these those my your his her our their we you he she they i me him us them not that
    can
    """.split()
)
# Function words that can stand twice in a row in grammatical English: a particle then a
# preposition ("rushed in in such a crowd", "turned it on on Monday"), an object then a
# subject ("I told you you might"). Their repeat is flagged, but removing one is a guess.
_DOUBLE_DUTY = frozenset(
    "in on up out off over down about around through by you it her him them us me".split()
)
# A finite verb can end a relative clause and the same verb open the main one: "what we have
# have been", "those who can can", "what it does does no harm". Their repeat is flagged, but
# removing one is a guess.
_CLAUSE_VERBS = frozenset("have has do does did can could will would should may might must".split())
# Verbs that introduce a command line quoted in the prose: what follows is a command and its
# arguments, which may repeat the command's name ("execute man man").
_RUN_VERBS = frozenset("execute executing run running type typing enter invoke invoking".split())
_WH_WORDS = frozenset("what where who how all why when whatever".split())
_DETERMINERS = frozenset(
    "a an the this these those that my your his her its our their some any no every each".split()
)
# "applied to to stand out", "need to to stay": the first "to" ends a phrasal verb.
_STRONG_DETERMINERS = frozenset("a an the this these those".split())
_TO_TAKERS = frozenset(
    """
    have has had need needs want wants ought used going able refer refers referred apply
    applies applied applying listen talk speak reply respond belong belongs point look go come
    get got do did does according due close next up down back connected subscribed
    """.split()
)
# "log in in the morning", "log them in in the system": "in" ends a phrasal verb.
_IN_TAKERS = frozenset(
    """
    log logs logged logging sign signs signed signing check checks checked checking plug plugs
    plugged fill fills filled built build phase phased opt opted factor factored lock locked
    tuck tucked dial dialed turn turned hand handed give gave given them him her it me us you
    """.split()
)


class RepeatedWord(Rule):
    """Flags a word written twice in a row.

    ## What it does
    Finds `the the`, `is is`, `I I` and `THE THE`, also across a line break, and removes the
    second copy.

    ## Why is this bad?
    A doubled word is almost always an editing slip, and the eye skips it on proofreading.

    ## Fix safety
    Safe for function words (`the`, `a`, `of`, `is`...) and for common English words written
    twice in lower case (`the committee committee`). Unsafe for function words that can stand
    twice in grammatical English (a particle then a preposition, `rushed in in such a crowd`;
    an object then a subject, `I told you you might`), and for names, terms, rare words and
    capitalised copies, where the writer may have meant another word. Copies that differ in
    case (`Bitwise AND and`) are different words, and a word alone on its line that starts the
    next line too (`make` / `make check`) is a list of lines.
    """

    code = "RP001"
    name = "repeated-word"
    fix_availability = FixAvailability.ALWAYS
    lexicon_lists = ("allowed_repeats", "reduplicated_names", "word_names", "repeat_idioms")
    summary = "Word repeated"
    needs_words = WordContext.AROUND
    severity = Severity.ERROR
    examples = (
        bad("This is the the answer.", "This is the answer."),
        bad("This is is a test.", "This is a test."),
        bad("It was the\nthe end.", "It was the\nend."),
        bad("Take a look at the project on on GitHub.", "Take a look at the project on GitHub.",
            unsafe=True),
        bad("They rushed in in such a crowd.", "They rushed in such a crowd.", unsafe=True),
        bad("What is the best way to to do it?", "What is the best way to do it?"),
        bad("I think that that this works.", "I think that this works."),
        bad("We saw the big big house.", "We saw the big house."),
        bad("The committee committee met.", "The committee met."),
        bad("We ran the kubectl kubectl command.", "We ran the kubectl command.", unsafe=True),
        bad("Refer to to (the metrics page) for more.", "Refer to (the metrics page) for more."),
        good("Cao Cao was a Chinese poet. Bitwise AND and assignment."),
        good("He had had enough, and I know that that is true."),
        bad('Many "printf"-like helper functions we have have been annotated.',
            'Many "printf"-like helper functions we have been annotated.', unsafe=True),
        bad("You should know that that that was wrong.", "You should know that that was wrong."),
        bad("It was the the the the end.", "It was the end."),
        good("What it is is a mess. He gave her her phone back."),
        good("They flew to Bora Bora and heard Duran Duran, ha ha."),
        good("Their so-so plan was a bye-bye gift."),
        good("Do what you have to to take care of yourself."),
        good("You need to log in in the morning."),
        good("We plan to record record profits and to address address problems."),
        good("Will will be here soon, and May may come too."),
        good("In the wild wild west, the dog went woof woof."),
        good("Say bye bye to the beep beep of the old phone."),
        good("We met Sirhan Sirhan there."),
        good("Placeholder text text text text, and xxx\txxx in a table."),
        good("Build it with\n\n    ./configure\n    make\n    make install"),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        view = doc.view
        for block in doc.analysis.blocks_with_repeat(range(1, 2)):
            yield from self._check_block(doc, view, block.span.start, block.span.end)

    def _check_block(self, doc, view: str, start: int, end: int) -> Iterator[Violation]:
        run_end = -1
        for m in _REPEAT.finditer(view, start, end):
            if m.start() < run_end:
                continue  # inside a run already reported
            first, second = m.group(1), m.group(3)
            if not self._is_slip(doc, view, m, first, second):
                continue
            lower = first.lower()
            applicability = (
                Applicability.SAFE
                if lower not in _CLAUSE_VERBS
                and (
                    (lower in _FUNCTION_WORDS and lower not in _DOUBLE_DUTY)
                    or _ordinary_content_word(doc, first, second)
                )
                else Applicability.UNSAFE
            )
            # "the the the the": one finding and one fix for the whole run, so fixing does not
            # take a pass per pair. "that that" is grammatical, so a run of it keeps two.
            copies = _run_of_copies(view, m, end)
            keep = 2 if lower in ("that", "had") and len(copies) > 2 else 1
            run_end = copies[-1][1]
            if len(copies) > 2:
                edit = Edit.delete(copies[keep - 1][1], run_end)
            else:
                edit = _removal(view, m)
            yield violation(
                m.start(), run_end, f"Repeated word '{first}'", edit,
                title="Remove the repeated word", applicability=applicability,
            )

    def _is_slip(self, doc, view: str, m, first: str, second: str) -> bool:
        lexicon = doc.lexicon
        lower = first.lower()
        if lower in lexicon.allowed_repeats or lower in lexicon.reduplicated_names:
            return False
        if not _same_token(doc, m, first, second):
            return False  # "Bitwise AND and": a different word (an operator's name), not a copy
        following = _NEXT_WORD.match(view, m.end(), m.end() + 80)
        next_word = following.group(1).lower() if following else ""
        # "Refer to to (the page)": what follows a bracket or a quote is still the next word.
        bracketed = _BRACKETED_NEXT_WORD.match(view, m.end(), m.end() + 80)
        next_after_bracket = bracketed.group(1).lower() if bracketed else next_word
        before = doc.analysis.words_before(m.start())
        previous = before[-1].lower().strip("“\"(,;:") if before else ""
        if next_word == lower:
            # "that that that" is a slip; "text text text" or "blah blah blah" is filler.
            return lower in _FUNCTION_WORDS | {"had"}
        if previous == lower:
            return False  # the tail of a run of three or more
        if previous in _RUN_VERBS and lower not in _FUNCTION_WORDS and first.islower():
            return False  # "execute man man", "type info info": a command and its argument
        if f"{lower}:{next_word}" in lexicon.repeat_idioms:
            return False
        if lower in lexicon.word_names and first != second:
            return False  # "May may come": a name, then the verb
        if first[0].isupper() and second[0].isupper() and not first.isupper():
            if lower not in _FUNCTION_WORDS:
                return False  # "Walla Walla", "Cao Cao", "Will Will": a name, even at a start
            if lower in lexicon.word_names:
                return False
        if lower == "is" and _is_is_allowed(before):
            return False
        if len(lower) == 1 and lower not in ("a", "i"):
            return False  # "x x", "O O O": letters and symbols, not words
        if _exclaimed(view, m) and _at_sentence_start(doc, m.start()):
            return False  # "Wait wait!", "No no!": an exclamation
        if lower == "that" and next_word not in _STRONG_DETERMINERS:
            return False  # "that that" is grammatical unless a determiner follows
        if lower == "to" and previous in _TO_TAKERS | {"referred", "connected"} and (
            next_after_bracket not in _DETERMINERS
        ):
            return False
        if lower == "in" and previous in _IN_TAKERS:
            return False
        if previous == "to" and lower not in _FUNCTION_WORDS:
            return False  # "to record record profits": the verb, then the noun it takes
        if lower == "can" and previous in ("the", "a"):
            return False  # the can-can
        if "\n" in m.group(2) and _alone_on_its_line(view, m.start(1), m.end(1)):
            return False  # "make\n    make check": lines of a list of commands, not a sentence
        # "working directory → index\n    index → object database": rows, not a sentence
        return not ("\n" in m.group(2) and _broken_on_purpose(doc, view, m.end(1), len(second)))


_BRACKETED_NEXT_WORD = regex.compile(r"[ \t]*+(?:\n[ \t]*+)?[(\[“\"‘]([\p{L}'’]+)")


def _same_token(doc, m, first: str, second: str) -> bool:
    """Two copies of one word: the same spelling, or a capitalised first copy opening a
    sentence or a function word (``The the``). ``AND and``, ``Go go``, ``US us`` are two
    different words."""
    if first == second or first.lower() == second.lower() == "i":
        return True
    return first == second.capitalize() and (
        second in _FUNCTION_WORDS or _at_sentence_start(doc, m.start())
    )


# A content word written twice is removed safely when it is plain English written in lower
# case, common enough that a writer would not double it on purpose (names, terms and rare
# words, where a repeat may be meant or the second copy a different word, stay unsafe).
_SAFE_CONTENT_COUNT = 1000


def _ordinary_content_word(doc, first: str, second: str) -> bool:
    return (
        first == second
        and first not in _FUNCTION_WORDS
        and first.islower()
        and doc.analysis.is_ordinary_word(first)
        and count(first) >= _SAFE_CONTENT_COUNT
    )


def _broken_on_purpose(doc, view: str, line_end: int, next_word: int) -> bool:
    """The line ending at ``line_end`` is well short of the document's wrap width: the next
    word (``next_word`` code points long) would have fitted on it with room to spare, so the
    break is a row's or a verse's end, and the word that opens the next line is not a copy
    typed twice in one sentence. Room to spare: a quarter of the width, as ragged-right
    wrapping leaves less."""
    width = doc.analysis.wrap_width
    line = view[view.rfind("\n", 0, line_end) + 1 : line_end].replace("\t", "    ")
    return width > 0 and len(line) + 1 + next_word <= width * 3 // 4


def _alone_on_its_line(view: str, start: int, end: int) -> bool:
    line_start = view.rfind("\n", max(0, start - 200), start) + 1
    return not view[line_start:start].strip() and (line_start > 0 or start < 200)


def _exclaimed(view: str, m) -> bool:
    return view[m.end() : m.end() + 1] == "!"


def _at_sentence_start(doc, pos: int) -> bool:
    return pos in doc.analysis.sentence_word_starts


def _is_is_allowed(before: list[str]) -> bool:
    """``What it is is ...``: the first ``is`` ends a clause that is itself the subject
    (``before``: the words before the pair, the first ``is`` last)."""
    return len(before) >= 2 and before[-2].lower().strip("“\"(") in _WH_WORDS


def _run_of_copies(view: str, m, end: int) -> list[tuple[int, int]]:
    """Spans of the repeated word from the first copy to the last in an unbroken run."""
    copies = [m.span(1), m.span(3)]
    word = m.group(1).lower()
    pos = m.end(3)
    while pos < end:
        nxt = _NEXT_WORD.match(view, pos, min(end, pos + 80))
        if not nxt or nxt.group(1).lower() != word or "\n\n" in view[pos : nxt.start(1)]:
            break
        copies.append(nxt.span(1))
        pos = nxt.end(1)
    return copies


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
