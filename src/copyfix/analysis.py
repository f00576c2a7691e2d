"""Analysis computed once per document and shared by every rule.

``protected`` holds the tokens that look like punctuation problems but are not: URLs, e-mail
addresses, domains and dotted names, file names and paths, numbers, times, versions, emoticons,
code-like tokens. The engine drops any violation that touches one, so a rule never has to ask.
"""

from __future__ import annotations

from functools import cached_property
from operator import and_, eq
from typing import TYPE_CHECKING

import regex

from copyfix.document import MASK_CHAR
from copyfix.model import Span
from copyfix.spans import SpanSet

if TYPE_CHECKING:
    from copyfix.document import Block, Document
    from copyfix.quotes import QuoteMark
    from copyfix.sentences import Label, SentenceStart

_TRAIL = "[^\\s<>\"“”‘’`\ufffc]*[^\\s<>\"“”‘’`\ufffc.,;:!?)\\]}'*_]"
_PROTECTED_PATTERNS = [
    # URLs, with or without a scheme; a final punctuation mark is the sentence's, not the URL's
    rf"(?<![a-zA-Z0-9+.-])(?:[a-zA-Z][a-zA-Z0-9+.-]*+://|www\.|mailto:){_TRAIL}",
    # e-mail addresses
    r"(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+",
    # paths: ~/.bashrc, ./run.sh, ../x, /usr/bin, C:\Users, a/b/c.txt
    r"(?<![\w/])(?:~|\.{1,2})?(?:/[\w.@%+~-]+)+/?",
    r"\b[A-Za-z]:\\[^\s\"“”]*",
    r"(?<![\w.-])[\w.-]++(?:/[\w.-]+)+",
    # dotfiles and extensions: .NET, .txt, .bashrc
    r"(?<![\w.])\.(?:[a-z_][\w-]*|[A-Z\d]{2,}\b)(?:\.[\w-]+)*",
    # numbers with separators, versions, IP addresses, times, ratios, coordinates, money
    r"(?<![\w.])[v#$€£¥]?\d+(?:[.,:]\d+)+(?:[-+][\w.]+)?\w*",
    r"(?<![\d.])\d++(?:\.\d+)?,-?\d+(?:\.\d+)?",
    # qualifiers and prefixes: is:open, label:bug, node:timers, IP:port, tl;dr
    r"\b(?:is|label|node|npm|type|user|org|repo|author|path|file|git|ssh|data|urn|lang|in|on)"
    r":[\w\"][\w.-]*",
    r"\b\p{Lu}{2,}:\p{L}\w*",
    r"\btl;dr\b",
    # shell brace expansions and type unions: {publish,search,login}, {x86_64,i686}
    r"\{[^\s{}]*,[^\s{}]*\}",
    # code-like tokens: std::vector, snake_case, call(), a.b.c chains with a known suffix
    r"(?<!\w)\w++(?:::\w+)+",
    r"\b\w*_\w+\b",
    r"(?<![\w.])\w++(?:\.\w++)*+(?<=\.\w+)\(\)?",
    # emoticons, vim commands, emoji shortcodes
    r"(?<![\w:])[:;=8][-^']?[()DPpO3\[\]|/\\*]+(?![\w])",
    r"(?<![\w:]):[a-z!]{1,3}\b(?!:)",
    r":[a-z0-9_+-]+:",
    # regular-expression classes and quantifiers: [a-z]{2,5}. A class holds no "[" (so a run
    # of "[" costs one step per bracket, not a scan to the end of the run from each).
    r"\[[^\]\s\[]*+\][*+?]?\{\d+(?:,\d*)?\}",
    r"\[\^?[\w\\]-[\w\\]+\]",
    # HTML entities
    r"&#?\w+;",
]
# A run of non-space characters with a trigger character inside it (not only at its edges, as
# in "end." or "(see"), or an emoticon standing alone.
_CANDIDATE = regex.compile(
    r"(?<!\S)(?=\S*?[.,:;@/\\_{}()\[\]&=*|](?=[^\s,;?)\]}”’']))\S++"
    r"|(?<!\S)[:;=8][-^']?[()DPpO3\[\]|/\\*]+(?!\S)"
)
# A quotation of prose ("refers to a value, but ...") has runs of ordinary words; code has not.
_QUOTED_CODE = regex.compile(
    r'"(?=[^"\n]{0,80}")(?![^"\n]*?\b\p{L}{2,} \p{L}{2,} \p{L}{2,}\b)'
    r'[^"\n]*?(?:[()\[\]{}=_<>|\\]|\w\.\w)[^"\n]*?"'
)
_PROTECTED = regex.compile("|".join(f"(?:{p})" for p in _PROTECTED_PATTERNS), regex.V0)
_DOTTED = regex.compile(r"(?<![\w.@])[\p{L}\d][\w-]*(?:\.[\w-]+)*\.(\p{Ll}[\w]*)\b")
# An internal capital or digit makes a word a name or code: iPhone, eBay, macOS, mp3, x86.
_NAME_LIKE = regex.compile(r"\p{Ll}\p{Lu}|\d")
_NON_WORD = regex.compile(r"[^\p{L}\p{M}\d'’]+")
_CODE_WORD = regex.compile(r"\p{L}[\p{L}\d_-]*")

class Analysis:
    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def protected(self) -> SpanSet:
        view = self.doc.view
        suffixes = self.doc.lexicon.dotted_suffixes
        spans: list[Span] = []
        # Every protected token lies within one run of non-space characters that holds a
        # trigger character inside it; ordinary words, even with punctuation at their edges,
        # are skipped in one pass instead of trying every pattern at every position.
        # Code quoted in straight quotes, as plain-text renderings of docs write it:
        # "divmod(x,y)[0]", "numbers.Real".
        spans += [Span(*m.span()) for m in _QUOTED_CODE.finditer(view)]
        for chunk in _CANDIDATE.finditer(view):
            start, end = chunk.span()
            spans += [Span(*m.span()) for m in _PROTECTED.finditer(view, start, end)]
            if "." in chunk.group():
                spans += [
                    Span(*m.span())
                    for m in _DOTTED.finditer(view, start, end)
                    if m.group(1) in suffixes
                ]
        return SpanSet(spans)

    def is_protected(self, span: Span) -> bool:
        return self.protected.overlaps(span)

    def is_name_like(self, word: str) -> bool:
        """True for words written on purpose in a case of their own: iPhone, npm, pH, x86."""
        lower = word.lower()
        return (
            # A word also written as code is a name ("rustfmt"), unless it is a common word
            # that code happens to contain too ("in", "for", "set").
            lower in self.words_in_code and lower not in self.doc.lexicon.sentence_openers
            or word in self.doc.lexicon.lowercase_names
            or word.lower() in self.doc.lexicon.lowercase_names
            and word.islower()
            or bool(_NAME_LIKE.search(word))
        )

    def word_before(self, offset: int) -> str:
        """The token (letters, digits, dots, apostrophes) that ends at ``offset``."""
        view = self.doc.view
        i = offset
        while i > 0 and (view[i - 1].isalnum() or view[i - 1] in ".'’-"):
            i -= 1
        return view[i:offset]

    def is_abbreviation_end(self, period: int) -> bool:
        """True if the ``.`` at ``period`` ends an abbreviation or initial, not a sentence."""
        token = self.word_before(period).lstrip(".'’-")
        if not token:
            # After code (masked) a full stop ends the sentence; after nothing it is not one.
            return not (period > 0 and self.doc.view[period - 1] == MASK_CHAR)
        return self.doc.lexicon.is_abbreviation(token) or is_initial_or_acronym(token)

    @cached_property
    def sentence_word_starts(self) -> frozenset[int]:
        """Offsets of the first word of every sentence, for rules that ask "is this a start?"."""
        return frozenset(s.word_start for s in self.sentences)

    @cached_property
    def sentences(self) -> list[SentenceStart]:
        from copyfix.sentences import find_sentence_starts

        return find_sentence_starts(self.doc)

    @cached_property
    def words_in_code(self) -> frozenset[str]:
        """Lowercased words that appear inside code or other literal regions: a word the
        document also writes as code (`bash`, `rustfmt`) is a name whose case is deliberate."""
        if not self.doc.literal:
            return frozenset()
        text = self.doc.text
        return frozenset(
            w.lower()
            for span in self.doc.literal
            for w in _CODE_WORD.findall(text, span.start, span.end)
        )

    @cached_property
    def block_words(self) -> list[tuple[Block, list[str]]]:
        """Each prose block with its words, lowercased and stripped of punctuation: a cheap view
        for rules that first ask whether a block can hold what they look for."""
        view = self.doc.view
        return [
            (b, _NON_WORD.sub(" ", view[b.span.start : b.span.end]).lower().split())
            for b in self.doc.blocks
        ]

    def blocks_with_repeat(self, lengths: range) -> list[Block]:
        """Blocks where a run of ``n`` words (``n`` in ``lengths``) is followed by the same run."""
        found = []
        for block, words in self.block_words:
            if any(_has_repeat(words, n) for n in lengths):
                found.append(block)
        return found

    @cached_property
    def quotes(self) -> list[QuoteMark]:
        from copyfix.quotes import scan_quotes

        return scan_quotes(self.doc)

    @cached_property
    def labels(self) -> list[Label]:
        from copyfix.sentences import find_labels

        return find_labels(self.doc)


def is_initial_or_acronym(token: str) -> bool:
    """``J.``, ``a.``, ``U.S.``, ``Ph.D.``: one letter, or letters joined by full stops."""
    core = token.strip(".")
    letters = core.replace(".", "")
    return not letters or (len(letters) == 1 and letters.isalpha()) or "." in core


def _has_repeat(words: list[str], n: int) -> bool:
    # Comparisons run in C (map with operator.eq); Python only looks at the rare hits.
    same = list(map(eq, words, words[n:]))
    if n == 1:
        return any(same)
    if not any(map(and_, same, same[1:])):
        return False
    return any(
        words[i : i + n] == words[i + n : i + 2 * n]
        for i, hit in enumerate(same)
        if hit
    )
