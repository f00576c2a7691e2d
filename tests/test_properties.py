"""Property tests: over generated plain text and Markdown, linting and fixing never raise, fixing
is idempotent and converges, safe fixes change only what they are allowed to, masked regions are
untouched, and every diagnostic points inside the text at the line and column it names.

Example counts scale with the "ci" profile (``COPYFIX_HYPOTHESIS_EXAMPLES``, default 300): each
test here runs a multiple of it, a few thousand examples in total.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from copyfix.lint.fixer import MAX_PASSES
from copyfix.lint.linter import Linter, make_linter
from copyfix.model import Diagnostic, DocumentKind

BASE = settings().max_examples
LINTER: Linter = make_linter()

# -- plain text -------------------------------------------------------------------------------

WORDS = [
    "the", "The", "the", "a", "is", "of", "to", "in", "and", "that", "had", "plan", "changed",
    "late", "We", "we", "it", "It", "iPhone", "eBay", "npm", "pH", "Node.js", ".NET", "U.S.",
    "e.g.", "etc.", "Dr.", "Smith", "Fig.", "No.", "J.", "R.", "Tolkien", "p.m.", "1,234,567",
    "$3,500.00", "3,14", "3.14", "v2.0.1", "192.168.0.1", "10:30", "16:9", "40.7128,-74.0060",
    "Archyde.com", "config.yaml", "~/.bashrc", "https://ex.com/a,b?c=d:e", "me@ex.org",
    "Bora", "ha", "’Tis", "’90s", "students’", "rock", "’n’", "5'10\"", ":wq", ".txt", ":)",
    "[a-z]{2,5}", "Wait...", "what", "2019,the", "late.We", "issue.", "shed",
    # Unicode: RTL, combining marks, ZWJ emoji, NBSP, CJK, case oddities, invisible marks.
    "مرحبا", "שָׁלוֹם", "e\u0301te\u0301", "Å", "👩\u200d👩\u200d👧", "👍🏽", "🇫🇷", "漢字",
    "日本語。", "中文，", "नमस्ते", "ß", "straße", "İstanbul", "ﬁne", "ΣΑΣ", "\u00a0", "a\u00a0b",
    "\u200b", "\u200f", "\u202e", "\u2028", "\ufeff", "\u0301", "x\u0308",
]
SEPARATORS = [
    " ", " ", " ", "  ", ",", ", ", ".", ". ", "\n", "\n\n", "\t", "...", "“", "”", "\"", "'",
    "’", "(", ")", " ,", " .", "!", "?", ":", ";", "—", "-", "   ", "\n \n", " \n",
]


@st.composite
def prose(draw: st.DrawFn) -> str:
    tokens = draw(
        st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=60)
    )
    text = "".join(tokens)
    if draw(st.integers(0, 14)) == 0:
        # A long line: one piece repeated, no newline.
        piece = draw(st.sampled_from(["word ", "a,", "the ", "x.Y ", "漢字 ", "  "]))
        # Very long runs of one word are covered on their own by
        # test_long_run_of_one_repeated_word_converges.
        limit = 2 ** (MAX_PASSES - 2) if piece == "the " else 400
        text += piece * draw(st.integers(50, limit))
    return text


ANY_TEXT = st.one_of(
    st.just(""),
    prose(),
    st.text(max_size=200),
    st.text(st.characters(codec="utf-8"), max_size=80).map(lambda t: t + " the the end.We"),
)

# Lone surrogates reach copyfix from stdin decoded with ``surrogateescape``.
ANY_STR = st.one_of(ANY_TEXT, st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
                                      min_size=1, max_size=4).map(lambda s: f"a,b{s}c  d"))

# -- Markdown ---------------------------------------------------------------------------------

INLINE = st.lists(
    st.one_of(
        st.sampled_from(WORDS[:60]),
        st.sampled_from([" ", " ", "  ", ",", ". ", "*em*", "**strong**", "“q”", " ”x” "]),
    ),
    min_size=1,
    max_size=12,
).map("".join)


@st.composite
def markdown(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A Markdown document and the literal regions (code, HTML, link targets, front matter) it
    contains, each made unique so that a removed duplicate paragraph cannot account for it."""
    literals: list[str] = []

    def literal(make: str) -> str:
        body = make.format(n=len(literals))
        literals.append(body)
        return body

    blocks: list[str] = []
    if draw(st.booleans()):
        blocks.append(literal("---\ntitle: a,b  c{n}\ntags: [x,y]\n---"))
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 9))
        text = draw(INLINE)
        if kind == 0:
            blocks.append(f"# {text}")
        elif kind == 1:
            blocks.append(f"- {text}\n- {draw(INLINE)}")
        elif kind == 2:
            blocks.append(f"> {text}")
        elif kind == 3:
            blocks.append(literal("```\nthe the  code{n} ,x.Y\n```"))
        elif kind == 4:
            blocks.append(f"{text} {literal('`the  the{n},x`')} {draw(INLINE)}")
        elif kind == 5:
            blocks.append(f"{text} [link]({literal('https://ex.com/p{n},q.R')}) end.")
        elif kind == 6:
            # The text between two inline tags is prose; the tags themselves are literal.
            tag = literal('<abbr title="a  b{n},c">')
            blocks.append(f"{text} {tag}x</abbr>")
        elif kind == 7:
            blocks.append(f"| {text} | b,c |\n|---|---|\n| d | e |")
        else:
            blocks.append(f"{text}  \n{draw(INLINE)}")
    return "\n\n".join(blocks) + draw(st.sampled_from(["", "\n"])), literals


# -- the invariants ---------------------------------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line, start = 1, 0
    for m in _LINE_BREAK.finditer(text, 0, offset):
        if m.end() > offset:
            break
        line, start = line + 1, m.end()
    return line, offset - start + 1


def check_diagnostics(text: str, diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        assert 0 <= d.span.start <= d.span.end <= len(text), d
        assert (d.line, d.column) == _line_column(text, d.span.start), d
        assert (d.end_line, d.end_column) == _line_column(text, d.span.end), d
        if d.fix is not None:
            for edit in d.fix.edits:
                assert 0 <= edit.span.start <= edit.span.end <= len(text), d


# Apostrophe-like glyphs join a word: QT004 turns "A`s" into "A's", a change of glyph only.
_WORD = re.compile(r"[^\W_]+(?:['’‘`´ʼ′][^\W_]+)*")


# A semicolon typed for an apostrophe (don;t) is a glyph that wrong-apostrophe replaces, so it
# joins a word the way an apostrophe does.
_SEMICOLON_APOSTROPHE = re.compile(r"(?<=[^\W\d_][^\W\d_]);(?=(?:t|s|ve|re|ll|d|m)\b)|(?<=\bI);(?=(?:ve|m|d|ll)\b)", re.I)


def _letters(words: list[str]) -> str:
    """Letters and digits only, case folded, adjacent repeated words collapsed."""
    kept: list[str] = []
    for word in words:
        folded = "".join(ch for ch in unicodedata.normalize("NFC", word).casefold() if ch.isalnum())
        if folded and (not kept or kept[-1] != folded):
            kept.append(folded)
    return " ".join(kept)


def essence(text: str) -> str:
    """What a safe fix may not change: the words, compared case-insensitively, with adjacent
    repeated words and adjacent duplicate paragraphs collapsed."""
    paragraphs: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        key = _letters(_WORD.findall(_SEMICOLON_APOSTROPHE.sub("'", block)))
        if key and (not paragraphs or paragraphs[-1] != key):
            paragraphs.append(key)
    return _letters(" ".join(paragraphs).split())


def fix(text: str, kind: DocumentKind, *, unsafe: bool = False) -> str:
    result = LINTER.fix(text, kind=kind, unsafe=unsafe)
    assert not result.unconverged, f"did not converge within {MAX_PASSES} passes"
    return result.text


# -- plain text properties --------------------------------------------------------------------


@settings(max_examples=BASE * 2)
@given(ANY_STR)
@example("")
@example("In 2019,the plan changed. It was late.We left  early, the the end.")
@example("”Hello,” she said.\r\nShe said,“Come here.”\r\n")
def test_plain_text_lint_never_raises_and_positions_agree(text: str) -> None:
    check_diagnostics(text, LINTER.lint(text, kind=DocumentKind.TEXT))


@settings(max_examples=BASE * 2)
@given(ANY_TEXT)
@example("")
@example("the the the end.We said,“Go.” Then  again.\n\nTitle here now\n\nTitle here now\n")
def test_plain_text_safe_fix_is_idempotent_and_keeps_the_words(text: str) -> None:
    fixed = fix(text, DocumentKind.TEXT)
    assert fix(fixed, DocumentKind.TEXT) == fixed
    assert essence(fixed) == essence(text)
    check_diagnostics(fixed, LINTER.lint(fixed, kind=DocumentKind.TEXT))


@settings(max_examples=BASE * 2)
@given(ANY_STR)
def test_plain_text_unsafe_fix_never_raises_and_is_idempotent(text: str) -> None:
    fixed = fix(text, DocumentKind.TEXT, unsafe=True)
    assert fix(fixed, DocumentKind.TEXT, unsafe=True) == fixed


# -- Markdown properties ----------------------------------------------------------------------


@settings(max_examples=BASE * 2)
@given(markdown())
def test_markdown_fix_keeps_literals_words_and_is_idempotent(case: tuple[str, list[str]]) -> None:
    text, literals = case
    check_diagnostics(text, LINTER.lint(text, kind=DocumentKind.MARKDOWN))
    fixed = fix(text, DocumentKind.MARKDOWN)
    for lit in literals:
        assert lit in fixed, f"masked region {lit!r} was changed"
    assert essence(fixed) == essence(text)
    assert fix(fixed, DocumentKind.MARKDOWN) == fixed


@settings(max_examples=BASE)
@given(st.one_of(ANY_TEXT, markdown().map(lambda case: case[0])))
def test_markdown_unsafe_fix_never_raises_and_is_idempotent(text: str) -> None:
    fixed = fix(text, DocumentKind.MARKDOWN, unsafe=True)
    assert fix(fixed, DocumentKind.MARKDOWN, unsafe=True) == fixed


# -- the public API ---------------------------------------------------------------------------


@settings(max_examples=BASE // 2)
@given(ANY_TEXT, st.sampled_from([None, "notes.md", "notes.txt"]))
def test_public_api_agrees_with_the_linter(text: str, path: str | None) -> None:
    import copyfix

    kind = DocumentKind.MARKDOWN if path == "notes.md" else DocumentKind.TEXT
    assert copyfix.fix_text(text, path=path) == LINTER.fix(text, kind=kind, unsafe=False).text
    assert len(copyfix.lint_text(text, path=path)) == len(LINTER.lint(text, kind=kind))


def test_long_run_of_one_repeated_word_converges() -> None:
    fix("the " * 2048, DocumentKind.TEXT)


@pytest.mark.parametrize(
    ("before", "after", "same"),
    [
        ("the the end", "the end", True),
        ("A title here\n\nA title here\n\nText.", "A title here\n\nText.", True),
        ("late.We", "late. We", True),
        ("its fine", "it's fine", True),
        ("the end", "the", False),
        ("colour", "color", False),
    ],
)
def test_essence_is_the_right_yardstick(before: str, after: str, same: bool) -> None:
    assert (essence(before) == essence(after)) is same


# -- shared analyses ---------------------------------------------------------------------------


@settings(max_examples=BASE * 4)
@given(st.text(alphabet='ab8" .,:;()[]DP\ufffcrRu\n\t’}_=|&*@/\\', max_size=60))
@example('r"x.y :) 8D ab.c’ u"q')
def test_candidate_chunks_are_the_whole_text_search(text):
    # The protected-token scan searches only the runs that hold a hint; it must find exactly
    # what a search of the whole text finds.
    from copyfix.text.protected import _CANDIDATE, candidate_chunks

    expected = [m.span() for m in _CANDIDATE.finditer(text)]
    assert [m.span() for m in candidate_chunks(text)] == expected


@settings(max_examples=BASE * 2)
@given(
    st.lists(st.sampled_from(WORDS + ["a,b", "x.Y", "f(1,2)", '"a.b"', "~/x", "\n", "\n\n"]),
             max_size=40).map(" ".join),
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 12)), min_size=1, max_size=12),
)
def test_protected_tokens_judged_line_by_line_are_those_of_the_whole_text(text, spans):
    # is_protected judges only the lines a span touches; the answer must be the one the whole
    # document's protected tokens give.
    from copyfix.model import Span
    from copyfix.text.load import build_document

    lines = build_document(text, kind=DocumentKind.TEXT).analysis
    whole = build_document(text, kind=DocumentKind.TEXT).analysis.protected
    for start, length in spans:
        start = min(start, len(text))
        span = Span(start, min(start + length, len(text)))
        assert lines.is_protected(span) == whole.overlaps(span), (span, text)
