"""Analysis computed once per document and shared by every rule.

``protected`` holds the tokens that look like punctuation problems but are not: URLs, e-mail
addresses, domains and dotted names, file names and paths, numbers, times, versions, emoticons,
code-like tokens. The engine drops any violation that touches one, so a rule never has to ask.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from operator import and_, eq
from typing import TYPE_CHECKING

import regex

from copyfix.model import Span
from copyfix.text.blocks import MASK_CHAR
from copyfix.text.quotes import Role, scan_quotes
from copyfix.text.sentences import find_labels, find_sentence_starts
from copyfix.text.spans import SpanSet
from copyfix.text.words import is_english_token

if TYPE_CHECKING:
    from copyfix.text.blocks import Block
    from copyfix.text.document import Document
    from copyfix.text.quotes import QuoteMark
    from copyfix.text.sentences import Label, SentenceStart

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
    r"\b(?i:tl;dr)\b",

    # shell brace expansions and type unions: {publish,search,login}, {x86_64,i686}
    r"\{[^\s{}]*,[^\s{}]*\}",
    # code-like tokens: std::vector, snake_case, call(), a.b.c chains with a known suffix
    r"(?<!\w)\w++(?:::\w+)+",
    r"\b\w*_\w+\b",
    r"(?<![\w.])\w++(?:\.\w++)*+(?<=\.\w+)\(\)?",
    # string literals with a prefix (r"raw", b"bytes") and quoted values without spaces
    # ("bold,underline"), which are written as they must be typed
    r"(?<![\w\"])[rRbBuUfF]{1,2}\"[^\"\s]*+\"",
    r"(?<![\w\"])\"[^\"\s,]++(?:,[^\"\s,]++)++\"",
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
# in "end." or "(see"), an emoticon standing alone, or a prefixed string literal (r"...").
_CANDIDATE = regex.compile(
    r"(?<!\S)(?=\S*?[.,:;@/\\_{}()\[\]&=*|](?=[^\s,;?)\]}”’']))\S++"
    r"|(?<!\S)[:;=8][-^']?[()DPpO3\[\]|/\\*]+(?!\S)"
    r"|(?<![^\s\ufffc])[rRbBuUfF]{1,2}\"\S++"
)
# What makes a run of non-space characters a candidate, found without reading every run: a
# trigger followed by a character of the run (alternative 1), a run that begins with an
# emoticon's eyes (2), a prefixed string's quote (3). Searching only the runs that hold one
# gives the matches of a search of the whole text, about six times faster.
_CANDIDATE_HINT = regex.compile(
    r"[.,:;@/\\_{}()\[\]&=*|](?=[^\s,;?)\]}”’'])|(?<!\S)[:;=8]|(?<=[rRbBuUfF])\""
)
_RUN_BEFORE = regex.compile(r"\S*+", regex.REVERSE)
_RUN_AFTER = regex.compile(r"\S*+")


def candidate_chunks(view: str) -> Iterator[regex.Match[str]]:
    """The matches of ``_CANDIDATE`` in ``view``, in order: each run of non-space characters
    that holds a hint is searched once, from its start to its end. Linear: a run is read once
    however many hints it holds."""
    searched_to = -1
    for hint in _CANDIDATE_HINT.finditer(view):
        at = hint.start()
        if at < searched_to:
            continue
        start = _RUN_BEFORE.match(view, 0, at).start()
        searched_to = _RUN_AFTER.match(view, at).end()
        yield from _CANDIDATE.finditer(view, start, searched_to)
# A quotation of prose ("refers to a value, but ...") has runs of ordinary words; code has not.
# A lone "." or ".." as the last word is a directory argument: "vim .", "cd ..". A printf
# conversion makes a format string: "Description:   %s"; an option a command line:
# "-type f,d,l". Manuals rendered from Texinfo or old man pages quote code as `ls -l'.
_CODE_IN_QUOTES = (
    r"(?:[()\[\]{}=_<>|\\]|\w\.\w|(?<=\S) \.{1,2}(?=[\"'])|%-?\d*[sdifux]\b"
    r"|(?<=[\"` ])--?\p{L})"
)
_QUOTED_CODE = regex.compile(
    r'"(?=[^"\n]{0,80}")(?![^"\n]*?\b\p{L}{2,} \p{L}{2,} \p{L}{2,}\b)'
    rf'[^"\n]*?{_CODE_IN_QUOTES}[^"\n]*?"'
    r"|`(?=[^`'\n]{0,80}')(?![^`'\n]*?\b\p{L}{2,} \p{L}{2,} \p{L}{2,}\b)"
    rf"[^`'\n]*?{_CODE_IN_QUOTES}[^`'\n]*?'"
)
_PROTECTED = regex.compile("|".join(f"(?:{p})" for p in _PROTECTED_PATTERNS), regex.V0)
_DOTTED = regex.compile(r"(?<![\w.@])[\p{L}\d][\w-]*(?:\.[\w-]+)*\.(\p{Ll}[\w]*)\b")
_ARGUMENTS = regex.compile(r"\w*+\([^\s(),]*+(?:,[^\s(),]*+)+\)")
# A name that starts with a dot and a known suffix, capitalised: ".Net", ".Com".
_DOT_NAME = regex.compile(r"(?<![\w.])\.(\p{Lu}\p{Ll}+)\b")
# An internal capital or digit makes a word a name or code: iPhone, eBay, macOS, mp3, x86.
_NAME_LIKE = regex.compile(r"\p{Ll}\p{Lu}|\d")
_NON_WORD = regex.compile(r"[^\p{L}\p{M}\d'’]+")
_CODE_WORD = regex.compile(r"\p{L}[\p{L}\d_-]*")

# The tokens of a chunk of text that word knowledge judges: letters (with inner apostrophes and
# hyphens), or runs of digits and letters mixed, which are identifiers unless plain numbers.
_TOKEN = regex.compile(r"[\p{L}\p{M}\d_]+(?:['’-][\p{L}\p{M}\d_]+)*")
_NUMBER = regex.compile(r"\d+(?:s|st|nd|rd|th)?")
_POSSESSIVE = regex.compile(r"['’]s$", regex.I)
# A capitalised word after a word, a comma or a full stop; unless a sentence starts there, it
# stands mid-sentence and is a name.
_INNER_CAPITAL = regex.compile(r"(?<=[\p{L},;.][ \t]{1,3})\p{Lu}\p{Ll}+(?![\p{L}\d_.])")
# How far a chunk of non-space characters is followed from an edit: a word is shorter.
_CHUNK_REACH = 64


class Analysis:
    """Facts about one document computed once, on first use, and shared by every rule."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def is_ordinary_word(self, token: str) -> bool:
        """True for a token a careful editor reads as ordinary English: a number, an English word
        of the word list (``copyfix.text.words``) in lower, title or upper case, or an abbreviation
        of the lexicon. False for identifiers (``pkg``, ``snake_case``, ``x86``), words with
        an inner capital (``iPhone``, ``McLeod``), other scripts (``β``) and words the list does
        not know (``systemd``, ``Minify``)."""
        if _NUMBER.fullmatch(token):
            return True
        if "_" in token or any(c.isdigit() for c in token):
            return False
        if not (token.islower() or token.isupper() or token.istitle()):
            return False
        base = _POSSESSIVE.sub("", token)
        if base.istitle() and base in self.names:
            return True
        return is_english_token(base) or self.doc.lexicon.is_abbreviation(base)

    @cached_property
    def names(self) -> frozenset[str]:
        """Words the document writes capitalised in the middle of a sentence (after a word, a
        comma or an abbreviation): names, as the document spells them (``Dursley``, ``Nanning``)."""
        starts = self.sentence_word_starts
        return frozenset(
            m.group() for m in _INNER_CAPITAL.finditer(self.doc.view) if m.start() not in starts
        )

    def ordinary_around(self, span: Span, *, after_only: bool = False) -> bool:
        """True when every token that an edit of ``span`` touches is ordinary English.

        An insertion touches the run of non-space characters around it (``late.We``); a
        deletion or replacement touches the runs it overlaps, and the run it ends inside. With
        ``after_only`` the tokens before the edit are not judged. Looks at most
        ``_CHUNK_REACH`` code points either way.
        """
        view = self.doc.view
        start, end = span.start, span.end
        lo = start
        while (
            not after_only and lo > 0 and start - lo < _CHUNK_REACH and not view[lo - 1].isspace()
        ):
            lo -= 1
        hi = end
        if start == end or not view[end - 1 : end].isspace():
            while hi < len(view) and hi - end < _CHUNK_REACH and not view[hi].isspace():
                hi += 1
        return all(self.is_ordinary_word(t) for t in _TOKEN.findall(view, lo, hi))

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
        for chunk in candidate_chunks(view):
            start, end = chunk.span()
            spans += [Span(*m.span()) for m in _PROTECTED.finditer(view, start, end)]
            if "(" in chunk.group():
                # Arguments of a call or a device, written without spaces: f(a,1.0.0),
                # (hd0,msdos2); with a digit among them, so "(red,green)" is still a slip.
                spans += [
                    Span(*m.span())
                    for m in _ARGUMENTS.finditer(view, start, end)
                    if any(c.isdigit() for c in m.group())
                ]
            if "." in chunk.group():
                spans += [
                    Span(*m.span())
                    for pattern in (_DOTTED, _DOT_NAME)
                    for m in pattern.finditer(view, start, end)
                    if m.group(1).lower() in suffixes
                ]
        return SpanSet(spans)

    def is_named_mark(self, pos: int) -> bool:
        """True when the mark at ``pos`` stands alone after a function word: a character being
        talked about (``The . (dot) character``, ``with / or ?``, ``type a ) to``, ``and !``),
        not punctuation of the sentence."""
        view = self.doc.view
        if not view[pos - 1 : pos].isspace():
            return False
        after = view[pos + 1 : pos + 2]
        if after and not after.isspace() and after not in ",.;:!?":
            return False
        return self.word_before(pos - 1).lower() in self.doc.lexicon.symbol_introducers

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

    def words_before(self, offset: int) -> list[str]:
        """The white-space-separated words, as written, in the 40 code points before ``offset``,
        nearest last: the few words a rule looks back at (the first may be cut short)."""
        return self.doc.view[max(0, offset - 40) : offset].split()

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
        return scan_quotes(self.doc)

    @cached_property
    def quotations(self) -> SpanSet:
        """Spans from each opening quote mark to the mark that closes it (or to the end of its
        block, for a quotation that runs on into the next paragraph)."""
        spans: list[Span] = []
        blocks = self.doc.blocks
        b = 0
        depth, opened = 0, -1
        for mark in self.quotes:
            while b < len(blocks) and blocks[b].span.end <= mark.pos:
                if depth:
                    spans.append(Span(opened, blocks[b].span.end))
                depth = 0
                b += 1
            if mark.role is Role.OPEN:
                if depth == 0:
                    opened = mark.pos
                depth += 1
            elif mark.role is Role.CLOSE and depth:
                depth -= 1
                if depth == 0:
                    spans.append(Span(opened, mark.pos + 1))
        if depth and b < len(blocks):
            spans.append(Span(opened, blocks[b].span.end))
        return SpanSet(spans)

    def in_quotation(self, offset: int) -> bool:
        """True when ``offset`` lies inside a quotation of its block."""
        return self.quotations.contains(offset)

    @cached_property
    def labels(self) -> list[Label]:
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
