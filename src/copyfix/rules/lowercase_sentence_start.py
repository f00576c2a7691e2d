from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from copyfix.model import (
    Applicability,
    DocumentKind,
    Edit,
    FixAvailability,
    Severity,
    Violation,
    WordContext,
    bad,
    good,
)
from copyfix.patterns import lazy_compile
from copyfix.rules.base import HABIT_MIN, Rule, violation
from copyfix.text.blocks import MASK_CHAR, BlockKind
from copyfix.text.continuation import (
    TERMINAL,
    after_indented_block,
    defines_a_term,
    follows_example_or_list,
    quoted_block,
    term_then_definition,
)
from copyfix.text.sentences import LIST_LABEL, StartKind

if TYPE_CHECKING:
    from copyfix.text.document import Document

# What follows a word that makes it code or a command rather than prose: call(), a.b, a_b, a=b.
_CODE_AFTER = lazy_compile(r"[(\[{=_/\\<>@#]|\.\w|::")
# A roman numeral or letter followed by "." or ")" opens a list item: "iv. The", "a) the".
_LIST_LABEL = lazy_compile(rf"(?:{LIST_LABEL})[.)]")
# "Fixed it. by @someone in https://...": the credit line of a changelog, not a sentence.
# The sign is written as a class: a lone literal makes the regex module search the whole rest
# of the text for it before trying the match.
_CREDIT = lazy_compile(r"[ \t]+[@＠][\w-]")
_PLAIN_MIN_WORDS = 4
_FRAGMENT_MAX_WORDS = 6
_LATIN = lazy_compile(r"\p{Latin}")
# A paragraph or item that ends with one of these is a sentence the next block continues.


class LowercaseSentenceStart(Rule):
    """Flags a sentence that starts with a lowercase letter.

    ## What it does
    Finds a lowercase word where a sentence certainly begins: after `. ? !` that end a sentence,
    at the start of a paragraph that is a sentence (in Markdown only when it opens with a
    common word such as `the`, `in`, `this`, since a tool's name may open it), and after a
    speaker label such as `Dr. Martinez:` that the document uses more than once. It capitalises
    the first letter.

    A glossary's definition (a lowercase fragment after its term on a line of its own), items
    of a list written as lowercase paragraphs and a byline (`by Zack Whittaker`) are no
    sentences.

    ## Why is this bad?
    A lowercase start usually means a missing capital after a period, or a sentence pasted
    together from two edits.

    ## Fix safety
    Safe after a full stop that ends an ordinary word and at a paragraph or label start; unsafe
    after `!` and `?` (older prose runs a sentence on after them), after a short or unusual
    word, for an uncommon word opening a plain-text paragraph (`harry looked up`,
    but it could be a brand such as `mixi`), for a label (`are unknown. note: The tower`) or
    an aside in brackets (`pages. (see Section 5)`), in a paragraph where three sentences
    or more, and half of them or more, start in lowercase (written that way, as in a quoted
    letter), for a quotation that opens in lowercase (a fragment of someone's words), after a
    label the document uses alone (`Copyright: see`: a field, not a speaker) or after labels
    followed by lowercase half the time or more (`Pro: doing it`), for a paragraph that opens
    with a joining word (`which`, `thus`: the sentence may go on after a display) or a bare
    verb (`could not reach`: its subject may be lost), in a plain-text display set off deeper
    than the running text (an example, reproduced as it is) and in a Markdown blockquote
    (quoted words). A document that runs on in lowercase after `!` or `?`
    three times or more writes in that style, and those starts are left alone.
    """

    code = "CP001"
    name = "lowercase-sentence-start"
    fix_availability = FixAvailability.ALWAYS
    lexicon_lists = (
        "abbreviations",
        "lowercase_names",
        "sentence_openers",
        "interjections",
        "message_levels",
        "continuations",
        "verb_openers",
    )
    summary = "Sentence starts with a lowercase letter"
    needs_words = WordContext.AROUND
    severity = Severity.ERROR
    examples = (
        bad("It is a pressing issue. to shed light on it, we asked.",
            "It is a pressing issue. To shed light on it, we asked."),
        bad("The event ended. the guests left early.", "The event ended. The guests left early."),
        bad("Is it done? yes, it is.", "Is it done? Yes, it is.", unsafe=True),
        bad("the paragraph starts in lowercase here.", "The paragraph starts in lowercase here."),
        bad("Host: Welcome.\n\nGuest: thank you for having me.\n\nHost: Why?\n\nGuest: Because.",
            "Host: Welcome.\n\nGuest: Thank you for having me.\n\nHost: Why?\n\nGuest: Because."),
        good("It ends.\n\naccuracy\n\nhow closely a value agrees with the true one\n\n"
             "Dalton’s theory\n\nset of postulates that established the properties of atoms"),
        bad("It ends.\n\nIntroduction\n\nthe text starts here.",
            "It ends.\n\nIntroduction\n\nThe text starts here."),
        good("You will meet:\n\na canyon on Mars.\n\na tiny moon whose pull is weak.\n\n"
             "a collapsed star so dense that light bends."),
        good("The main weakness is ________.\n\nthe superficial nature of the data collected"),
        good("Read it.\n\nby Zack Whittaker\n\nby randfish on May 23, 2011 at 6:01 am."),
        bad("It was fast.\n\ncould not reach the mark in the race.",
            "It was fast.\n\nCould not reach the mark in the race.", unsafe=True),
        bad("It grew.\n\nby the time we left, it was dark.",
            "It grew.\n\nBy the time we left, it was dark."),
        bad("The tree ends.\n\nthus, guessing is wrong here today.",
            "The tree ends.\n\nThus, guessing is wrong here today.", unsafe=True),
        bad("Pro: doing it.\n\nCon: money.\n\nPro: feeling good.\n\nCon: time.",
            "Pro: Doing it.\n\nCon: Money.\n\nPro: Feeling good.\n\nCon: Time.", unsafe=True),
        good("We use e.g. apples, etc. and more, approx. five, at cent. per cent. interest."),
        good("J. R. R. Tolkien wrote it at 5 p.m. today with Dr. Smith."),
        good("Wait... what happened?"),
        good("“Where?” he asked. “Here!” she said."),
        good("Buy an iPhone. eBay sells them. npm installs packages."),
        good("Run `foo` first.\n\nfoo is the tool. foo runs fast.", markdown=True),
        good("| Name | Note |\n|---|---|\n| Ann | lowercase here |", markdown=True),
        good("- the first item\n- the second item"),
        good("# lowercase heading\n\n* a list item that is a fragment", markdown=True),
        good("Note: this is lowercase after a colon."),
        bad("„this is a sentence.", "„This is a sentence."),
        bad("i have complete conviction in this.", "I have complete conviction in this."),
        good("iv. This is a test sentence."),
        bad("The door opened.\n\nharry looked up from his book.",
            "The door opened.\n\nHarry looked up from his book.", unsafe=True),
        good("mixi is a Japanese company.\n\npython lsp (fork of pyright)", markdown=True),
        good("python lsp (fork of pyright)"),
        good("this"),
        good("O Romeo, Romeo! wherefore art thou Romeo?"),
        good("A fit was a stroke, wasn’t it? and it was in the nature of one."),
        good("It is set. 'maxmemtot' is the same, but for all files."),
        good("Install it:\n\n```\npip install x\n```\n\nthen run it.", markdown=True),
        good("You need:\n\n- a key\n- a lock\n\nand a door to put them in.", markdown=True),
        good("He told tales\u2060—\n\nhe said no word at all. “It ended: I—”\n\nand he stopped."),
        good("To see how this is useful, run\n\n    apt-get build-dep foo\n\n"
             "    before building the source."),
        bad("It is the question. it is a perfect one. but this question. it is hushed.",
            "It is the question. It is a perfect one. But this question. It is hushed.",
            unsafe=True),
        good("Some text.\n\n`pyenv init` is the only command.", markdown=True),
        good("* Add a build. by @someone in https://example.com/pull/1"),
        good("Fig. 3 shows it. No. 5 is next. U.S. dollars rose."),
        good("It is a library. libcurl is its name; cdebconf is another. f-strings are new."),
        bad("Its fate is unknown. note: The Lighthouse stood there.",
            "Its fate is unknown. Note: The Lighthouse stood there.", unsafe=True),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        found = list(self._candidates(doc))
        # "What news! how much", "the result? a profound conviction": a document that goes on
        # in lowercase after ! or ? three times or more writes in that older style on purpose.
        run_on = [s for s, *_ in found if s.kind is StartKind.BOUNDARY and s.terminator[-1] in "?!"]
        if len(run_on) >= HABIT_MIN:
            skipped = {id(s) for s in run_on}
            found = [f for f in found if id(f[0]) not in skipped]
        # "Pro: doing homework", "Con: money.": when half the words after the document's labels
        # or more are lowercase, twice or more, the labels may head a list written that way
        # rather than the lines of speakers, so the capitals are a guess.
        labelled = [s for s, *_ in found if s.kind is StartKind.LABEL]
        if len(labelled) >= 2:
            after_labels = sum(1 for s in doc.analysis.sentences if s.kind is StartKind.LABEL)
            if 2 * len(labelled) >= after_labels:
                found = [
                    (*f[:4], Applicability.UNSAFE) if f[0].kind is StartKind.LABEL else f
                    for f in found
                ]
        # "the Missouri question. it is a perfect justification. but this momentous question":
        # a paragraph that opens half its sentences or more in lowercase, three times or more,
        # is written that way (a quoted letter, a poem), so the capitals are a guess there.
        lowercase: dict[int, int] = {}
        for start, *_ in found:
            if start.kind is StartKind.BOUNDARY:
                lowercase[start.block.span.start] = lowercase.get(start.block.span.start, 0) + 1
        habits = set()
        if any(n >= HABIT_MIN for n in lowercase.values()):
            starts: dict[int, int] = {}
            for start in doc.analysis.sentences:
                if start.kind is StartKind.BOUNDARY:
                    starts[start.block.span.start] = starts.get(start.block.span.start, 0) + 1
            habits = {
                block for block, n in lowercase.items()
                if n >= HABIT_MIN and 2 * n >= starts.get(block, 0)
            }
        for start, at, after, word, applicability in found:
            if start.block.span.start in habits:
                applicability = Applicability.UNSAFE
            yield violation(
                at, after, f"Sentence starts with lowercase '{word}'",
                Edit.replace(at, at + 1, word[0].upper()),
                title="Capitalise the first letter", applicability=applicability,
            )

    def _candidates(self, doc) -> Iterator[tuple]:
        """(sentence start, word start, word end, word, applicability) of each finding."""
        analysis = doc.analysis
        view = doc.view
        for start in analysis.sentences:
            word = start.word
            if not word[0].islower() or analysis.is_name_like(word):
                continue
            if not analysis.is_ordinary_word(word):
                # "libcurl is a library", "f-strings are": a word English does not know,
                # written in lowercase, is a name or a symbol whose case is its own.
                continue
            if not _LATIN.match(word):
                continue  # "β Arietis", "α = 0.05": a symbol of another script, not a word
            after = start.word_start + len(word)
            window = after + 40  # match() within a window: never a search through the text
            if _CODE_AFTER.match(view, after, window) or _CREDIT.match(view, after, window):
                continue
            if _quoted_term(view, start.word_start, after):
                continue  # "'maxmemtot' sets ...": a quoted name
            if _after_masked(view, start.word_start):
                continue  # "`pyenv init` is ...": the sentence starts with code
            if word == "by" and _byline(doc, view, after):
                continue  # "by Zack Whittaker", "by randfish on May 23": a byline
            applicability = Applicability.SAFE
            displayed = doc.kind is DocumentKind.TEXT and analysis.is_display(start.block)
            if start.kind is StartKind.BLOCK:
                if not _block_is_sentence(doc, start, word) or follows_example_or_list(doc, start):
                    continue
                if displayed:
                    continue  # "        this is some example text.": an example, verbatim
                if word.lower() not in doc.lexicon.sentence_openers:
                    applicability = Applicability.UNSAFE  # "harry looked up", or a brand?
                elif (word.lower() in doc.lexicon.continuations
                      or word.lower() in doc.lexicon.verb_openers):
                    # "which ends at commit A" after a diagram; "could not reach": no subject
                    applicability = Applicability.UNSAFE
            elif start.kind is StartKind.BOUNDARY:
                applicability = _after_a_boundary(doc, start, after)
                if applicability is None:
                    continue
            elif start.kind is StartKind.LABEL:
                label = view[start.block.span.start : start.word_start].rstrip(" \t:：")
                if label in doc.lexicon.message_levels or label[:1].islower() and not any(
                    other.text[:1].isupper() and other.text.lower() == label
                    for other in analysis.labels
                ):
                    # "createdb: command not found", "ERROR:  could not": a program's message;
                    # a label written in lowercase only ("name: the name") is a field's name
                    continue
                if len({other.text.lower() for other in analysis.labels}) < 2:
                    # One label only ("Copyright: see the manual"): a field, whose value is
                    # written as it is typed as often as by a slip; speakers come in pairs.
                    applicability = Applicability.UNSAFE
            if displayed or quoted_block(doc, start):
                # "To err is human. you need a computer.": set off deeper than the text around
                # it, an example or a quotation is verbatim; so is a Markdown blockquote ("> I
                # don’t think he’s blind. he’s worked").
                applicability = Applicability.UNSAFE
            yield start, start.word_start, after, word, applicability


def _after_a_boundary(doc, start, after: int) -> Applicability | None:
    """How safe the capital is for a lowercase word after a sentence's end mark (None: not a
    finding)."""
    analysis, view, word = doc.analysis, doc.view, start.word
    applicability = Applicability.SAFE
    common = word.lower() in doc.lexicon.sentence_openers
    if start.terminator[-1] in "?!" and (
        not common
        or start.previous_word.lower() in doc.lexicon.interjections
        # "wasn’t it? and it was", "the towns! where": a joining word runs the sentence on
        or word.lower() in doc.lexicon.continuations
        or analysis.in_quotation(start.word_start)
        # "bought by Yahoo! and renamed": a name that ends with its own mark
        or start.terminator == "!" and start.previous_word[:1].isupper()
    ):
        # "Romeo! wherefore art thou", "“Why! a letter from home?”", "Oh dear! how
        # late": older and spoken English runs on after ! and ?
        return None
    if start.terminator[-1] in "?!":
        # "their acquaintance! and yet she", "were many clerks? to which he
        # replied": older prose runs a sentence on after ! and ?, so the capital is
        # a guess.
        applicability = Applicability.UNSAFE
    if view[after : after + 1] == "." and doc.lexicon.is_abbreviation(word):
        return None  # "The Times. para. 15.": an abbreviation of a citation, not a sentence
    if view[start.word_start - 1 : start.word_start] in ("“", '"', "‘"):
        # 'Retrieved 2010. "we're excited to announce"': a quotation that opens in lowercase
        # is a fragment of someone's words, quoted as they were.
        applicability = Applicability.UNSAFE
    if view[start.word_start - 1 : start.word_start] in "([":
        if not common:
            return None  # "(tldr: ...)": an aside may open with a term
        # "manual pages. (see Section 5.9)": an aside that belongs to the sentence
        # before it is written in lowercase on purpose as often as by a slip
        applicability = Applicability.UNSAFE
    if not common and view[after : after + 1] in ("\n", ":", ""):
        return None  # "hoisted\n(default): ...": a term being defined
    line_start = view.rfind("\n", 0, start.word_start) + 1
    if not view[line_start : start.word_start].strip():
        # "...modifications.\nevil merge\n    An evil merge is": a glossary's next term
        following = view.find("\n", view.find("\n", start.word_start) + 1)
        if term_then_definition(view[line_start : following if following >= 0 else len(view)]):
            return None
    if view[after : after + 1] == ":":
        # "are unknown. note: The Lighthouse": a label the document writes in
        # lowercase on purpose, as often as a slip
        applicability = Applicability.UNSAFE
    if view[after : after + 1] in (".", "…") and (
        _one_word_sentence(view, start) or _ONE_WORD_NEXT.match(view, after + 1, after + 40)
    ):
        return None  # "good. on. you.": a sentence spelt out word by word, for emphasis
    if (
        len(start.previous_word) < 3
        or not analysis.is_ordinary_word(start.previous_word.strip("."))
        or _one_word_sentence(view, start)
    ):
        # "a recent crim. con. case": after a word English does not know, the full
        # stop may end an abbreviation rather than a sentence.
        applicability = Applicability.UNSAFE
    return applicability


# After a one-word sentence ("on." of "good. on. you."), another lowercase word that is a
# sentence of its own.
_ONE_WORD_NEXT = lazy_compile(r"[ \t]+\p{Ll}+[.…!?]")


def _one_word_sentence(view: str, start) -> bool:
    """``crim. con. case``: a "sentence" of one word after another full stop is more likely a
    run of abbreviations."""
    i = start.terminator_at - len(start.previous_word)
    while i > 0 and view[i - 1] in " \t\n":
        i -= 1
    return i > 0 and view[i - 1] == "."


def _block_is_sentence(doc, start, word: str) -> bool:
    """At a paragraph start the evidence is weaker than after a full stop: the paragraph may be a
    fragment, a list label or a name. Flag only a common opening word of a paragraph that is a
    sentence: more than one word, or ending with sentence punctuation."""
    if start.block.kind is not BlockKind.PARAGRAPH:
        return False
    if _LIST_LABEL.match(doc.view, start.word_start):
        return False
    text = doc.view[start.block.span.start : start.block.span.end]
    if word.lower() not in doc.lexicon.sentence_openers and not _plain_prose_sentence(doc, text):
        return False
    if "\n" not in text and text.rstrip().endswith(":"):
        return False  # "a class instance:": a term introducing its definition
    if term_then_definition(text):
        return False  # "evil merge" / "    An evil merge is...": a glossary's term
    if defines_a_term(doc, start.block):
        return False  # "accuracy" / "how closely a measurement aligns": a glossary's definition
    if after_indented_block(doc, start.block.span.start):
        return False  # "...was translated to": the sentence goes on after an indented example
    # "by [Steve](https://...)", "a caption for it": a short paragraph that ends without a
    # sentence's mark is a byline, a caption or a label, not a sentence.
    return bool(TERMINAL.search(text)) or len(text.split()) >= _FRAGMENT_MAX_WORDS


def _plain_prose_sentence(doc, text: str) -> bool:
    """In plain text (books, news) a paragraph of four words or more that ends like a sentence
    is one, whatever its first word; in Markdown the first word may be a tool's name."""
    return (
        doc.kind is DocumentKind.TEXT
        and len(text.split()) >= _PLAIN_MIN_WORDS
        and bool(TERMINAL.search(text))
    )


_NEXT_WORD = lazy_compile(r"[ \t]+([\p{L}\d_][\p{L}\d_.'’-]*)")


def _byline(doc, view: str, after: int) -> bool:
    """"by" before a name (capitalised, or a word English does not know, as a user name is)."""
    m = _NEXT_WORD.match(view, after, after + 60)
    return m is not None and (
        m.group(1)[:1].isupper() or not doc.analysis.is_ordinary_word(m.group(1))
    )


def _quoted_term(view: str, start: int, end: int) -> bool:
    before, after = view[start - 1 : start], view[end : end + 1]
    return before in ("'", '"', "‘", "“", "`") and before != "" and (
        after in ("'", '"', "’", "”", "`") and after != ""
    )


def _after_masked(view: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and view[i] in " \t":
        i -= 1
    return i >= 0 and view[i] == MASK_CHAR


