from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from copyfix.model import (
    Applicability, Edit, FixAvailability, Severity, Violation, WordContext, bad, good
)
from copyfix.patterns import lazy_compile
from copyfix.rules.base import Rule, violation
from copyfix.text.lines import broken_on_purpose, is_verse
from copyfix.text.verbs import has_no_particle, verb_bases

if TYPE_CHECKING:
    from copyfix.text.document import Document

# A word, whitespace that stays inside the paragraph, and the same word again. Hyphens and
# apostrophes on either side make it part of a compound (bye-bye, "so-so").
_REPEAT = lazy_compile(
    r"(?<![\p{L}\p{M}\d'’.\-])(\p{L}[\p{L}\p{M}'’]*)([ ]+|[ \t]*\n[ \t]*)(\1)"
    r"(?![\p{L}\p{M}\d\-]|['’]\p{L})",
    regex.I,
)
_NEXT_WORD = lazy_compile(r"[ \t]*+(?:\n[ \t]*+)?([\p{L}'’]+)")
# Removing one of these is always right: they carry no content of their own.
_FUNCTION_WORDS = frozenset(
    """
    a an the of to in on at by for from with as and or but nor if is are was were be been am it
    its this these those my your his her our their we you he she they i me him us them not that
    can which whom whose than into onto upon
    """.split()
)
# Particles that are also prepositions: after a verb that takes the particle, the same word can
# open a phrase ("rushed in in such a crowd", "turned the lights on on Monday"). Elsewhere
# ("killed in in border clashes", "visible on on the map") the repeat is a slip.
_PARTICLES = frozenset("in on up out off over down about around through by".split())
# Verbs whose particle "in" makes one word with them (log in, sign in, fill in): the phrase
# after them ("log in in the morning") is never redundant, unlike "go in in the house".
_LOG_IN = frozenset(
    "log sign check plug fill build built phase opt factor lock tuck dial turn hand give".split()
)
# Pronouns that can be an object and then the next clause's subject ("I told you you might",
# "sat down on it it most mashed"): only after a verb of telling or giving, or a preposition.
_OBJECT_SUBJECTS = frozenset("you it".split())
_OBJECT_TAKERS = frozenset(
    """
    tell told ask asked show showed shown remind reminded promise promised warn warned assure
    assured teach taught convince convinced persuade persuaded inform informed notify notified
    bet give gave given make made let call called see saw seen hear heard get got want wanted
    leave left help helped have had find found
    to for with from at on in by of about into onto upon over under through toward towards
    against without like than
    """.split()
)
# Object pronouns: a particle after one may belong to the verb before it ("turned it on on
# Monday", "log them in in the system").
_OBJECT_PRONOUNS = frozenset("them him her it me us you".split())
# Other function words that can stand twice in a row: an object then a subject, as above.
_DOUBLE_DUTY = frozenset("her him them us me".split())
# A finite verb can end a relative clause and the same verb open the main one: "what we have
# have been", "those who can can", "what it does does no harm". Only after such a clause opener
# is the repeat meant; "You could could create" is a slip.
_CLAUSE_VERBS = frozenset("have has do does did can could will would should may might must".split())
_CLAUSE_OPENERS = frozenset("what who whom which that whoever whatever whichever all those "
                            "everything anything".split())
_SUBORDINATORS = frozenset("and but or so because if when as since although though while "
                           "unless until once then".split())
# Verbs that introduce a command line quoted in the prose: what follows is a command and its
# arguments, which may repeat the command's name ("execute man man").
_RUN_VERBS = frozenset("execute executing run running type typing enter invoke invoking".split())
_WH_WORDS = frozenset("what where who how all why when whatever".split())
_DETERMINERS = frozenset("a an the this these those that my your his her its our their some "
                         "any no every each".split())
# "applied to to stand out", "need to to stay": the first "to" ends a phrasal verb.
_STRONG_DETERMINERS = frozenset("a an the this these those".split())
_TO_TAKERS = frozenset(
    """
    have has had need needs want wants ought used going able refer refers referred apply
    applies applied applying listen talk speak reply respond belong belongs point look go come
    get got do did does according due close next up down back connected subscribed
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
    Safe for function words (`the`, `a`, `of`, `is`...) and for English words of the word list
    written twice in lower case (`the committee committee`), except in verse, where a doubled
    word is a figure as often as a slip (`her wild wild eyes`). A particle after a word that may
    be a verb (not a function word, not `involvement`) may be its own (`stroll in in the
    afternoon`, `turn the lights on on Monday`), and its fix is unsafe, as is a doubled verb
    after a clause opener (`what we have have been`); a pronoun that is an object and then a
    subject (`I told you you might`), a chain of possessives (`his brother’s brother’s God`)
    and a phrase after a verb that makes one word with its particle (`log in in the morning`)
    are grammatical and left alone. Unsafe for names, terms, words the word list does not know
    and capitalised copies, where the writer may have meant another word. Copies that differ in
    case (`Bitwise AND and`) are different words, a word alone on its line that starts the next
    line too (`make` / `make check`) is a list of lines, and a word that a synopsis line or an
    option's notation names as a placeholder (`source file`, `algname[:file]`) may follow
    itself (`from file file`).
    """

    code = "RP001"
    name = "repeated-word"
    fix_availability = FixAvailability.ALWAYS
    lexicon_lists = (
        "allowed_repeats", "reduplicated_names", "word_names", "repeat_idioms", "particle_verbs"
    )
    summary = "Word repeated"
    needs_words = WordContext.AROUND
    severity = Severity.ERROR
    examples = (
        bad("This is the the answer.", "This is the answer."),
        bad("This is is a test.", "This is a test."),
        bad("It was the\nthe end.", "It was the\nend."),
        bad("It was on on the map.", "It was on the map."),
        bad("Take a look at the project on on GitHub.", "Take a look at the project on GitHub.",
            unsafe=True),
        bad("Stroll in in the afternoon.", "Stroll in the afternoon.", unsafe=True),
        bad("Turn the lights on on Monday.", "Turn the lights on Monday.", unsafe=True),
        bad("They rushed in in such a crowd.", "They rushed in such a crowd.", unsafe=True),
        good("I told you you might log in in the morning."),
        bad("You could could create one.", "You could create one."),
        bad("I believe it it helps.", "I believe it helps."),
        bad("What is the best way to to do it?", "What is the best way to do it?"),
        bad("I think that that this works.", "I think that this works."),
        bad("We saw the big big house.", "We saw the big house."),
        bad("The committee committee met.", "The committee met."),
        bad("We ran the kubectl kubectl command.", "We ran the kubectl command.", unsafe=True),
        bad("Refer to to (the metrics page) for more.", "Refer to (the metrics page) for more."),
        good("Cao Cao was a Chinese poet. Bitwise AND and assignment."),
        good("He had had enough, and I know that that is true."),
        good("Not his brother’s, or his brother’s brother’s God; my father's father's house."),
        bad("And there I shut her wild wild eyes\nWith kisses four.\nAnd there she lulled me.",
            "And there I shut her wild eyes\nWith kisses four.\nAnd there she lulled me.",
            unsafe=True),
        good("“I do do carting things all the year,” he said. What we do do is write."),
        bad("Then we will do do the dishes.", "Then we will do the dishes.", unsafe=True),
        bad('Many "printf"-like helper functions we have have been annotated.',
            'Many "printf"-like helper functions we have been annotated.', unsafe=True),
        bad("You should know that that that was wrong.", "You should know that that was wrong."),
        bad("It was the the the the end.", "It was the end."),
        good("What it is is a mess. He gave her her phone back."),
        good("They flew to Bora Bora and heard Duran Duran, ha ha. A so-so plan, a bye-bye gift."),
        good("Do what you have to to take care of yourself. You need to log in in the morning."),
        good("We plan to record record profits. Will will be here soon, and May may come too."),
        good("In the wild wild west, the dog went woof woof. We met Sirhan Sirhan, bye bye."),
        good("Placeholder text text text, and xxx\txxx. Look for words, like \"the\n    the\"."),
        good("Combine them with the boolean and and or operations."),
        good("source file\n\nRead commands from file file.\n\nterm term\n\nSet the term."),
        good("Use algname[:file] to make a key. If a parameter file file is given, it is read."),
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
                if _removal_is_certain(doc, m, first, second, (start, end))
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
        if view[m.start() - 1 : m.start()] in _QUOTES and view[m.end() : m.end() + 1] in _QUOTES:
            return False  # 'doubled words, like "the the"': the repeat quoted, not used
        if previous in _RUN_VERBS and lower not in _FUNCTION_WORDS and first.islower():
            return False  # "execute man man", "type info info": a command and its argument
        if f"{lower}:{next_word}" in lexicon.repeat_idioms:
            return False
        if lower in _OPERATORS and next_word in _OPERATORS:
            return False  # "the boolean and and or operations": the operators' names
        if lower in lexicon.word_names and first != second:
            return False  # "May may come": a name, then the verb
        if first[0].isupper() and second[0].isupper() and not first.isupper():
            if lower not in _FUNCTION_WORDS:
                return False  # "Walla Walla", "Cao Cao", "Will Will": a name, even at a start
            if lower in lexicon.word_names:
                return False
        if lower == "is" and _is_is_allowed(before) or len(lower) == 1 and lower not in ("a", "i"):
            return False  # "what it is is"; "x x", "O O O": letters and symbols, not words
        if m.group(2).startswith("  ") or view[m.start() - 1 : m.start()] in (")", "]", "}", ">"):
            return False  # "-(+)flow  flow control": a token's end, then a table's next cell
        if _exclaimed(view, m) and _at_sentence_start(doc, m.start()):
            return False  # "Wait wait!", "No no!": an exclamation
        if lower.endswith(("'s", "’s")):
            return False  # "his brother’s brother’s God": a chain of possessives
        if _grammatical(lexicon, lower, previous, next_word, next_after_bracket):
            return False
        if view.rfind("\n", 0, m.start()) + 1 + _indent(view, m.start()) in (
            doc.analysis.synopsis_lines
        ):
            return False  # "term term": a command's synopsis, its name and its placeholder
        if first == second and lower not in _FUNCTION_WORDS and lower in doc.analysis.placeholders:
            return False  # "commands from file file": the second copy is a synopsis placeholder
        if "\n" in m.group(2) and _alone_on_its_line(view, m.start(1), m.end(1)):
            return False  # "make\n    make check": lines of a list of commands, not a sentence
        # "working directory → index\n    index → object database": rows, not a sentence
        return not ("\n" in m.group(2) and broken_on_purpose(view, m.end(1), len(second), doc.analysis.wrap_width))


def _grammatical(lexicon, lower: str, previous: str, next_word: str, next_after: str) -> bool:
    """Whether the pair ``lower lower`` (after ``previous``, before ``next_word``, or
    ``next_after`` past a bracket) is grammatical English, each copy doing its own job."""
    if lower == "that" and next_word not in _STRONG_DETERMINERS:
        return True  # "that that" is grammatical unless a determiner follows
    if lower == "to" and previous in _TO_TAKERS | {"referred", "connected"}:
        return next_after not in _DETERMINERS  # "need to to stay", not "refer to to the"
    if lower == "in" and (previous in _OBJECT_PRONOUNS or verb_bases(previous) & _LOG_IN):
        return True  # "log in in the morning", "log them in in the system"
    if lower in _OBJECT_SUBJECTS and previous in _OBJECT_TAKERS:
        return True  # "I told you you might", "sat on it it most mashed"
    if lower == "do" and previous not in _CLAUSE_VERBS | {"to", "don't", "don’t"}:
        return True  # "I do do carting", "what we do do": emphatic "do", then the verb "do"
    if previous == "to" and lower not in _FUNCTION_WORDS:
        return True  # "to record record profits": the verb, then the noun it takes
    return lower == "can" and previous in ("the", "a")  # the can-can


_OPERATORS = frozenset(["and", "or", "not", "nor", "xor"])
_QUOTES = frozenset("\"'“”‘’`")
_BRACKETED_NEXT_WORD = lazy_compile(r"[ \t]*+(?:\n[ \t]*+)?[(\[“\"‘]([\p{L}'’]+)")


def _same_token(doc, m, first: str, second: str) -> bool:
    """Two copies of one word: the same spelling, or a capitalised first copy opening a
    sentence or a function word (``The the``). ``AND and``, ``Go go``, ``US us`` are two
    different words."""
    if first == second or first.lower() == second.lower() == "i":
        return True
    return first == second.capitalize() and (
        second in _FUNCTION_WORDS or _at_sentence_start(doc, m.start())
    )


def _removal_is_certain(doc, m, first: str, second: str, block: tuple[int, int]) -> bool:
    """Whether removing one copy is certainly right (a safe fix), for a repeat already judged
    a slip: a function word that cannot do double duty here, or a plain English word outside
    verse (in the block ``block``, code points), where "her wild wild eyes" is a figure."""
    lower = first.lower()
    if lower in _CLAUSE_VERBS:
        # "what we have have been", "the functions we have have been": the first copy may end
        # a relative clause. Certain only when its subject opens the clause ("You could could",
        # "as this would would").
        words = _clause_words(doc, m.start(), 4)
        return not set(words) & _CLAUSE_OPENERS and (
            len(words) <= 1 or words[-2] in _SUBORDINATORS
        )
    if lower in _PARTICLES:
        # "rushed in in such a crowd", "turned the lights on on Monday": a verb that takes the
        # particle a few words back, or its object just before, may make the repeat meant.
        # Any verb of motion takes one ("stroll in in the afternoon", "limped up up the
        # hill"), and no list holds them all: the repeat is certain only after a function word
        # ("was in in the"), a word that owns no particle ("involvement in in"), or nothing.
        words = _clause_words(doc, m.start(), 4)
        if words and (
            words[-1] not in _FUNCTION_WORDS and not has_no_particle(words)
            or words[-1] in _OBJECT_PRONOUNS
        ):
            return False
        return not any(_takes_particle(doc.lexicon, w, lower) for w in words)
    if lower in _FUNCTION_WORDS:
        return lower not in _DOUBLE_DUTY
    # "it was done done.": a complement repeated to close its sentence is stressed on purpose.
    stressed = doc.view[m.end() : m.end() + 1] in (".", "!", "?") and _clause_words(
        doc, m.start(), 1) in (["is"], ["was"], ["are"], ["were"], ["be"])
    return _ordinary_content_word(doc, first, second) and not stressed and not is_verse(
        doc.view, *block)


def _clause_words(doc, offset: int, n: int) -> list[str]:
    """Up to ``n`` words before ``offset`` in lower case, nearest last, stopping at punctuation
    that ends a clause (only the words after it)."""
    words: list[str] = []
    for word in reversed(doc.analysis.words_before(offset)[-n:]):
        if word[-1] in ",;:.!?)]}\"”’":
            break
        words.append(word.lower().lstrip("(“\"‘"))
    return words[::-1]


def _takes_particle(lexicon, word: str, particle: str) -> bool:  # "rushed", "in"
    return any(f"{base}:{particle}" in lexicon.particle_verbs for base in verb_bases(word))


# A content word written twice is removed safely when it is plain English written in lower
# case: a word of the word list that the document does not use as a name. Names, terms and
# words the list does not know (``kubectl kubectl``), where a repeat may be meant or the
# second copy a different word, stay unsafe.
def _ordinary_content_word(doc, first: str, second: str) -> bool:
    return (
        first == second
        and first not in _FUNCTION_WORDS
        and first.islower()
        and doc.analysis.is_ordinary_word(first)
    )


def _indent(view: str, offset: int) -> int:
    """The white space between the start of the line holding ``offset`` and its text."""
    start = view.rfind("\n", 0, offset) + 1
    return len(view[start:offset]) - len(view[start:offset].lstrip(" \t"))


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
