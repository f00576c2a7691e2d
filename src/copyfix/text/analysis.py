"""Analysis computed once per document and shared by every rule.

``is_protected`` asks whether a span touches a token that looks like a punctuation problem but
is not (``copyfix.text.protected``: URLs, paths, numbers, versions, code-like tokens...). The
engine drops any violation that touches one, so a rule never has to ask.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING

import regex

from copyfix.model import Span
from copyfix.patterns import lazy_compile
from copyfix.text.block_words import BlockWords, block_words, blocks_with_repeat, blocks_with_word
from copyfix.text.blocks import MASK_CHAR, BlockKind
from copyfix.text.lines import (
    is_display, notation_placeholders, prose_indent, synopsis_lines, wrap_width
)
from copyfix.text.protected import document_tokens, protected_tokens
from copyfix.text.quotes import Role, scan_quotes
from copyfix.text.sentences import find_labels, find_sentence_starts
from copyfix.text.spans import SpanSet
from copyfix.text.words import is_english_token

if TYPE_CHECKING:
    from copyfix.text.blocks import Block
    from copyfix.text.document import Document
    from copyfix.text.quotes import QuoteMark
    from copyfix.text.sentences import Label, SentenceStart

# An internal capital or digit makes a word a name or code: iPhone, eBay, macOS, mp3, x86.
# A sentence's end inside a block: a mark after a word, then white space or the block's end;
# and the words of a line that reads as running text, not as a line of a session or a table.
_SENTENCE_END = lazy_compile(r"[\p{L}\d\"'”’)\]][.?!][\"'”’)\]]*(?:\s|\Z)")
_PROSE_LINE_WORDS = 8  # words that hold a letter: "7 hr + 13 min + 54.84 sec" has three
_LETTER = lazy_compile(r"\p{L}")
_NAME_LIKE = lazy_compile(r"\p{Ll}\p{Lu}|\d")
# A lowercase word followed by an option ("find -name", "tar --create") is a command's name. The
# option (`` -name``, `` --all``) is rare in prose, so the scan looks for it first and only then
# at the word before it; a pattern that starts at the word tries every word. The spaces are
# taken from the start of their run and never given back, or a long run (deep indentation
# before a bullet) would be tried again from each of its spaces.
_OPTION_AFTER = lazy_compile(r"(?<![ \t])[ \t]++--?\p{L}")
_COMMAND_BEFORE = lazy_compile(r"(?<![\p{L}\d_./-])\p{Ll}[\p{Ll}\d_-]*+\Z")
# Commands longer than this are not looked for (no command is).
_COMMAND_REACH = 64
# How often a word must be followed by an option before the document is taken to use it as a
# command (once may be prose: "we use -v").
_COMMAND_USES = 2
_CODE_WORD = lazy_compile(r"\p{L}[\p{L}\d_-]*")
# "os.Root", "Squirrel.Windows": a qualifier glued to a capitalised member.
_QUALIFIED_NAME = lazy_compile(r"(?<![\w.])(\p{L}[\p{L}\d_]*)\.\p{Lu}\w*")

# The tokens of a chunk of text that word knowledge judges: letters (with inner apostrophes and
# hyphens), or runs of digits and letters mixed, which are identifiers unless plain numbers.
_TOKEN = lazy_compile(r"[\p{L}\p{M}\d_]+(?:['’-][\p{L}\p{M}\d_]+)*")
_NUMBER = lazy_compile(r"\d+(?:s|st|nd|rd|th)?")
_POSSESSIVE = lazy_compile(r"['’]s$", regex.I)
# A capitalised word after a word, a comma or a full stop; unless a sentence starts there, it
# stands mid-sentence and is a name.
_INNER_CAPITAL = lazy_compile(r"(?<=[\p{L},;.][ \t]{1,3})\p{Lu}\p{Ll}+(?![\p{L}\d_.])")
# A punctuation mark's name in brackets after it: "a . (dot)", "the , (comma)".
# A compiler's diagnostic names the mark it wants: "missing ) after argument list".
_DIAGNOSED = lazy_compile(r"(?<=(?:missing|expected|unexpected|unmatched)[ \t]+)\S[ \t]+\p{Ll}")
_MARK_NAME_AFTER = lazy_compile(
    r"[ \t]+\((?:dot|period|full stop|comma|colon|semicolon|question mark"
    r"|exclamation (?:mark|point)|bang)s?\)",
    regex.I,
)
# How far a chunk of non-space characters is followed from an edit: a word is shorter.
_CHUNK_REACH = 64
# Lines longer than this, or more lines than this, are judged for protected tokens all at
# once: a paragraph-long line or a document full of findings costs the same scan as before.
_LINE_REACH = 20_000
_LINES_JUDGED_MAX = 20_000


class Analysis:
    """Facts about one document computed once, on first use, and shared by every rule."""

    def __init__(self, doc: Document) -> None:
        # The document holds its analysis and the analysis its document: a cycle, which
        # ``Document.release`` breaks when a lint is done with both.
        self.doc = doc
        # Protected tokens of the lines judged so far, by the offset where each line starts.
        self._line_protected: dict[int, SpanSet] = {}

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
        """The protected tokens of the whole document."""
        return SpanSet(document_tokens(self.doc.view, self.doc.lexicon.dotted_suffixes))

    def _protected_in(self, lo: int, hi: int) -> list[Span]:
        return protected_tokens(self.doc.view, lo, hi, self.doc.lexicon.dotted_suffixes)

    def is_named_mark(self, pos: int) -> bool:
        """True when the mark at ``pos`` stands alone after a function word or its own name: a
        character being talked about (``The . (dot) character``, ``with / or ?``, ``type a )
        to``, ``and !``, ``a colon : has``), not punctuation of the sentence."""
        view = self.doc.view
        if not view[pos - 1 : pos].isspace():
            return False
        after = view[pos + 1 : pos + 2]
        if after and not after.isspace() and after not in ",.;:!?)]'\"’”":
            return False  # "(note the .)", "'+ and ?'": then what encloses the sentence
        if _MARK_NAME_AFTER.match(view, pos + 1, pos + 32):
            return True  # "a single . (dot) in a column": the mark, then its name in brackets
        if view[pos] in "!?" and after in (",", ";", ":") or _DIAGNOSED.match(view, pos):
            return True  # "the same as !, which"; "missing ) after": a mark being named
        return self.word_before(pos - 1).lower() in self.doc.lexicon.symbol_introducers

    def is_protected(self, span: Span) -> bool:
        """Whether ``span`` shares a character with a protected token (a URL, a path, a
        number, code...). Only the lines ``span`` touches are judged, each once, so a document
        with few findings is never scanned whole; a span over many lines asks the whole
        document's tokens."""
        if "protected" in self.__dict__:
            return self.protected.overlaps(span)
        view = self.doc.view
        lo = view.rfind("\n", 0, span.start) + 1
        while lo <= span.end:
            hi = view.find("\n", lo)
            hi = len(view) if hi < 0 else hi
            if hi - lo > _LINE_REACH or len(self._line_protected) > _LINES_JUDGED_MAX:
                return self.protected.overlaps(span)  # long lines or many: judge all at once
            tokens = self._line_protected.get(lo)
            if tokens is None:
                tokens = self._line_protected[lo] = SpanSet(self._protected_in(lo, hi))
            if tokens.overlaps(span):
                return True
            if hi >= span.end:
                return False
            lo = hi + 1
        return False

    def is_name_like(self, word: str) -> bool:
        """True for words written on purpose in a case of their own: iPhone, npm, pH, x86."""
        lower = word.lower()
        return (
            # A word also written as code is a name ("rustfmt"), unless it is a common word
            # that code happens to contain too ("in", "for", "set").
            lower in self.words_in_code and lower not in self.doc.lexicon.sentence_openers
            or word.islower() and word in self.commands
            or word in self.doc.lexicon.lowercase_names
            or word.lower() in self.doc.lexicon.lowercase_names
            and word.islower()
            or bool(_NAME_LIKE.search(word))
        )

    @cached_property
    def headings(self) -> list[Span]:
        """The spans of the document's heading blocks, in order."""
        return sorted(b.span for b in self.doc.blocks if b.kind is BlockKind.HEADING)

    @cached_property
    def commands(self) -> frozenset[str]:
        """Lowercase words the document follows with an option at least twice (``find
        -name``, ``find -regex``): names of commands, whose case is the command's."""
        view = self.doc.view
        uses: Counter[str] = Counter()
        for option in _OPTION_AFTER.finditer(view):
            at = option.start()
            word = _COMMAND_BEFORE.search(view, max(0, at - _COMMAND_REACH), at)
            if word is not None:
                uses[word.group()] += 1
        return frozenset(w for w, n in uses.items() if n >= _COMMAND_USES)

    @cached_property
    def synopsis_lines(self) -> dict[int, frozenset[str]]:
        """One-line paragraphs that read as a command's synopsis (``source file``), by start
        offset, with their placeholders' words (``copyfix.text.lines.synopsis_lines``)."""
        return synopsis_lines(self.doc.view)

    @cached_property
    def placeholders(self) -> frozenset[str]:
        """Words the document uses as placeholders in a synopsis (``file`` in ``source
        file``) or in option notation (``algname[:file]``): its prose may write one right after
        the same word (``from file file``)."""
        return frozenset().union(*self.synopsis_lines.values()) | notation_placeholders(
            self.doc.view
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
    def member_names(self) -> tuple[frozenset[str], frozenset[str]]:
        """What the document shows to be member names such as ``os.Root``, ``sort.Sort`` or
        ``Squirrel.Windows`` (a qualifier, a full stop, a capitalised name): the qualifiers it
        writes so in code (``os`` of `` `os.Root` ``), and the whole names it writes twice or
        more anywhere.
        Two sentences glued by a slip are neither code nor repeated word for word; a package's
        member is often both. One scan of the raw text and of the literal spans, on first use;
        names keep their case."""
        text = self.doc.text
        in_code = frozenset(
            m.group(1)
            for span in self.doc.literal
            for m in _QUALIFIED_NAME.finditer(text, span.start, span.end)
        )
        counts = Counter(m.group() for m in _QUALIFIED_NAME.finditer(text))
        return in_code, frozenset(name for name, n in counts.items() if n >= 2)

    @cached_property
    def block_words(self) -> BlockWords:
        """The words of every block (``copyfix.text.block_words.block_words``)."""
        return block_words(self.doc.view, self.doc.blocks)

    @cached_property
    def prose_indent(self) -> int:
        """Where the document's running text starts (``copyfix.text.lines.prose_indent``)."""
        return prose_indent(self.doc.view, self.doc.blocks)

    def is_display(self, block: Block) -> bool:
        """Whether ``block`` is set off deeper than the running text: an example or a quotation
        (``copyfix.text.lines.is_display``)."""
        return is_display(self.doc.view, block, self.prose_indent)

    @cached_property
    def _paragraph_starts(self) -> tuple[list[int], list[Block]]:
        paragraphs = [b for b in self.doc.blocks if b.kind is BlockKind.PARAGRAPH]
        return [b.span.start for b in paragraphs], paragraphs

    def verbatim_at(self, offset: int) -> bool:
        """Whether ``offset`` (code points) lies in a paragraph set off deeper than the running
        text (``is_display``) that holds no sentence's end: an example session, a program's
        output, a table, reproduced as it is. A display of sentences (a quotation, a
        definition's body) is prose; list items and other blocks are never verbatim here."""
        starts, paragraphs = self._paragraph_starts
        i = bisect_right(starts, offset) - 1
        if i < 0 or offset >= paragraphs[i].span.end or not self.is_display(paragraphs[i]):
            return False
        span = paragraphs[i].span
        if _SENTENCE_END.search(self.doc.view, span.start, span.end):
            return False
        text = self.doc.view[span.start : span.end]
        return all(
            sum(1 for w in line.split() if _LETTER.search(w)) < _PROSE_LINE_WORDS
            for line in text.split("\n")
        )

    @cached_property
    def wrap_width(self) -> int:
        """The width the paragraphs are wrapped at (``copyfix.text.lines.wrap_width``); computed
        on first use, as most documents never need it."""
        return wrap_width(self.doc.view)

    def blocks_with_word(
        self, words: set[str] | frozenset[str]
    ) -> Iterator[tuple[Block, set[str]]]:
        """The blocks that may hold one of ``words`` in any case, each with those of ``words``
        it may hold (``copyfix.text.block_words.blocks_with_word``)."""
        return blocks_with_word(self.doc.view, self.doc.blocks, self.block_words, words)

    def blocks_with_repeat(self, lengths: range) -> list[Block]:
        """Blocks where a run of ``n`` words (``n`` in ``lengths``) is followed by the same run
        (``copyfix.text.block_words.blocks_with_repeat``)."""
        return blocks_with_repeat(self.doc.blocks, self.block_words, lengths)

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
