"""Prose blocks of a plain-text document: paragraphs split at blank lines, and list items."""

from __future__ import annotations

from functools import lru_cache

import regex

from copyfix.model import Span
from copyfix.patterns import lazy_compile
from copyfix.text.blocks import MASK_CHAR, Block, BlockKind
from copyfix.text.links import ends_with_wrapped_link, words_apart_from_links
from copyfix.text.words import is_english_token

_PARAGRAPH = lazy_compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
# A list item's marker: a bullet (GNU NEWS files and other plain-text lists use a lowercase
# "o"), a number or a letter and a full stop or bracket.
_ITEM = lazy_compile(r"^[ \t]*(?:[-*+•]|o(?=[ \t])|\d{1,3}[.)]|[a-z][.)])[ \t]+(?=\S)", regex.M)


def plain_blocks(view: str) -> list[Block]:
    blocks: list[Block] = []
    for para in _PARAGRAPH.finditer(view):
        start, end = para.span()
        if not para.group().replace(MASK_CHAR, "").strip():
            continue  # an example or table, masked as a whole: not prose
        items = list(_ITEM.finditer(view, start, end))
        if not items:
            blocks.append(Block(_strip(view, start, end), BlockKind.PARAGRAPH))
            continue
        if items[0].start() > start:
            blocks.append(Block(_strip(view, start, items[0].start()), BlockKind.PARAGRAPH))
        for item, following in zip(items, [*items[1:], None], strict=True):
            item_end = following.start() if following else end
            blocks.append(Block(_strip(view, item.end(), item_end), BlockKind.ITEM))
    return blocks


def _strip(view: str, start: int, end: int) -> Span:
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    return Span(start, end)


# Indentation is spaces, tabs or no-break spaces: text renderers (w3m, lynx) indent with
# U+00A0 as often as with spaces.
_INDENTED_LINE = lazy_compile(r"(?:\t|[ \u00a0]{4})[ \t\u00a0]*+\S")
# Characters of code rather than prose: semicolons, parentheses and dollar signs are common
# in legal and financial prose, so only their code-like uses count.
_CODE_CHARS = lazy_compile(
    r"[={}<>\\|`]|\w\(\)|;$|^\s*(?:[:#%]|\$ |>>>|\.\.\. )"
    r"|^\s*(?:if|for|while|def|class|try|with|else|elif|except|finally)\b[^\n]*:$"
    # shell: "for i in a b; do", "if [ -x f ] ; then", and "fi", "done", "esac" on their own
    r"|^\s*(?:if|for|while|until|elif)\b[^\n]*;\s*(?:do|then)$|^\s*case\b[^\n]*\bin$"
    r"|^\s*(?:fi|done|esac|then|do|else)$",
    regex.M,
)
# Indented by a little (two spaces or more), for paragraphs that hold code characters.
_SLIGHTLY_INDENTED_LINE = lazy_compile(r"(?:\t|[ \u00a0]{2})[ \t\u00a0]*+\S")
_TABULAR_LINE = lazy_compile(r"^[^\n]*\S\t+\S[^\n]*$", regex.M)


def preformatted_spans(text: str) -> list[Span]:
    """Code and tables in plain text, which rules must leave alone: spans in code points.

    A paragraph indented as a whole is an example when the text before it introduces one (ends
    with ``:`` or ``>``, and the paragraph is indented by a tab or four spaces) or when half its
    lines or more hold code (``=``, braces, ``f()``, a ``>>>`` prompt, a line like ``if x:``,
    shell's ``for i in a b; do`` and ``fi``: where every paragraph is indented, one
    ``(radix=8)`` or `` `quoted' `` word in a paragraph of prose does not make it code); a line
    with a tab between words is a row of a table, and a paragraph of ``Field: value`` lines
    (``Package: bar``, ``Version: 0.9``, and lines indented deeper that continue a field) is a
    record. Indented paragraphs of ordinary prose (block quotations, poetry, legal clauses)
    stay prose. Linear in the length of the text.
    """
    spans: list[Span] = []
    introduced = False
    for para in _PARAGRAPH.finditer(text):
        body = para.group()
        if len(body) > _MEMO_MAX_PARAGRAPH:
            found, ends_intro = _paragraph_spans.__wrapped__(body, introduced)
        else:
            found, ends_intro = _paragraph_spans(body, introduced)
        if ends_intro is not None:
            start = para.start()
            spans += [Span(start + a, start + b) for a, b in found]
            introduced = ends_intro
    return spans


# A paragraph's spans depend on its text and on whether the paragraph before it introduces an
# example, nothing else: they are kept for the paragraphs of recent documents, so the passes
# of a fix, an editor's re-check after a keystroke and the repeated boilerplate of a corpus
# judge an unchanged paragraph once.
_MEMO_MAX_PARAGRAPH = 20_000


@lru_cache(maxsize=4096)
def _paragraph_spans(
    body: str, introduced: bool
) -> tuple[tuple[tuple[int, int], ...], bool | None]:
    """Preformatted spans of one paragraph (offsets into ``body``) and whether its last line
    introduces an example (ends with ``:`` or ``>``); None for a paragraph with no visible
    line, which changes nothing."""
    lines = [line for line in body.split("\n") if line.strip()]
    if not lines:
        return (), None  # only characters that str.strip() treats as space, such as U+001F
    ends_intro = lines[-1].rstrip().endswith((":", ">"))
    indented = all(_INDENTED_LINE.match(line) for line in lines)
    if (
        indented
        and introduced
        and not _BULLET.match(lines[0])  # "See:" and a list of items, not an example
        or (_mostly_indented(lines) and _holds_code(lines))
    ):
        return ((0, len(body)),), ends_intro
    if len(lines) == 1 and _COMMAND.match(lines[0]) and not _PROSE_END.search(lines[0]):
        return ((0, len(body)),), ends_intro  # "echo (equal one one)", "@~f .": a command
    if _is_record(lines):
        return ((0, len(body)),), ends_intro  # "Package: bar\nVersion: 0.9": a record
    found = [m.span() for m in _TABULAR_LINE.finditer(body)]
    found += [(span.start, span.end) for span in listing_lines(body, 0, len(body))]
    return tuple(found), ends_intro


_BULLET = lazy_compile(r"[ \t\u00a0]*[-*+•][ \t]+\p{L}")


# "Package: bar-clone", "Depends: bar (>= 1.0)", "Subject: Re: lunch": a field of a record
# (a package's control data, a mail header), a capitalised name without spaces and a short
# value that does not end like a sentence.
_FIELD_LINE = lazy_compile(r"[ \t\u00a0]*\p{Lu}[\w-]*:[ \t]+\S[^\n]*")
_FIELD_VALUE_MAX_WORDS = 5


def _is_field_line(line: str) -> bool:
    return (
        _FIELD_LINE.fullmatch(line) is not None
        and len(line.split()) <= _FIELD_VALUE_MAX_WORDS + 1
        and not line.rstrip().endswith((".", "?", "!"))
    )


def _is_record(lines: list[str]) -> bool:
    """Two field lines or more, and nothing else but continuation lines indented deeper than
    the fields (an RFC 822 stanza: "Description: short" and its long description below)."""
    if len(lines) < 2 or not (_is_field_line(lines[0]) and _is_field_line(lines[1])):
        return False
    indent = _indent(lines[0])
    return all(
        _indent(line) > indent if _indent(line) != indent else _is_field_line(line)
        for line in lines[2:]
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _mostly_indented(lines: list[str]) -> bool:
    """Every line indented by a little, or in a longer block all but one line in ten: a long
    line of a script that a renderer wrapped starts its continuation at the margin."""
    indented = sum(1 for line in lines if _SLIGHTLY_INDENTED_LINE.match(line))
    if indented == len(lines):
        return True
    return len(lines) >= _WRAPPED_MIN_LINES and indented * 10 >= 9 * len(lines)


_WRAPPED_MIN_LINES = 10


def _holds_code(lines: list[str]) -> bool:
    return 2 * sum(1 for line in lines if _CODE_CHARS.search(line)) >= len(lines)


# What a line of a listing, of program output or of a table has and a line of prose has not:
# shell and config syntax, options, paths, numbers opening the line (``ls -l`` output),
# permissions. Weaker signs (``key:value``, ``a,b``, ``a.b`` without spaces) are also what a
# slip looks like (``late.We``), so they count only with few English words around them.
_CODE_SIGNAL = lazy_compile(r"[=<>{}\[\]|\\$#@*~^`_]|\w/\w|^/|(?:^|\s)--?\w")
_NUMBERED_LINE = lazy_compile(r"\d+\s")
# A listing for sure: a line that opens with a shell prompt, a shell keyword that closes or
# continues a block alone on its line, a program's diagnostic (as GNU tools, "createdb: error:
# ...", and database servers, "ERROR:  could not ...", print them), or the result, expansion or
# output of a Texinfo example ("⇒ 4", "error→ no such file"); a line that holds the
# permissions column of ``ls -l``, a Make or shell variable (``$(BIN)``, ``${ICONS}``, which no
# sentence holds) or a long hexadecimal number with letters and digits (an object name or a
# digest, git's or a checksum's). The first kind is matched at the line's start only, and the
# number's letters and digits are checked apart: one pattern of all of them tried at every
# position made listing detection twice as slow.
_PROMPT = r"[$#%][ \t]+[\w./\[-]"
_RESULT = r"⇒|↦|⊣|error→|≡|==>"
# A paragraph of one line that opens in lowercase and holds a sign of code, and does not end as
# a sentence does (a mark right after a word): a command shown on its own.
_COMMAND = lazy_compile(r"[ \t]*[@~a-z][^\n]*?[=<>{}\[\]|\\$#@*~^`_(]")
_PROSE_END = lazy_compile(r"[\p{L}\d%\"'”’)\]][.!?:]\s*$")
_CERTAIN_START = lazy_compile(
    rf"{_PROMPT}"
    r"|(?:fi|done|esac|then|do|else)[ \t]*$"
    r"|[a-z][\w.+-]*:(?:\d+:)*[ \t]+(?:error|warning|fatal(?: error)?):"
    r"|(?:ERROR|WARNING|FATAL|PANIC|NOTICE|DETAIL|HINT):[ \t]"
    rf"|{_RESULT}"
)
_CERTAIN_SIGNAL = lazy_compile(
    r"(?:^|(?<=\s))[-dlcbps][rwxsStT-]{9}[.+@]?(?=\s)|\$[({][A-Za-z_]\w*[)}]"
)
_HEX_NUMBER = lazy_compile(r"(?<![\w-])[0-9a-f]{16,}(?![\w-])")


def _certain_listing(body: str) -> bool:
    """Whether a line (without its indentation) is a listing for sure (see above)."""
    if _CERTAIN_START.match(body) or _CERTAIN_SIGNAL.search(body):
        return True
    return any(
        not number.isdigit() and not number.isalpha() for number in _HEX_NUMBER.findall(body)
    )


_PROMPT_LINE = lazy_compile(_PROMPT)
_RESULT_LINE = lazy_compile(_RESULT)
# Where a sentence may end: a line of a command has no such mark at its end. A shell case
# branch ends with ";;", which no sentence does; a quote or bracket after a slash closes a
# path ("/var/cache/apache/"), not a sentence.
_SENTENCE_END = lazy_compile(r"(?:[.!?:,]|(?<![/\\])[)\"”’']|(?<!;);)\s*$")
_SHORT_COMMAND_WORDS = 8
_WEAK_SIGNAL = lazy_compile(r"[\w)][:;,.][\w(]")
# Two spaces or more between words: the columns of a table or of aligned output.
_COLUMN_GAP = lazy_compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_SENTENCE_GAP = lazy_compile(r"(?<=[.?!:][)\"”’']?)[ \t]{2,}(?=\S)")
_LINE = lazy_compile(r"[^\n]+")
# The words of a line that hold a letter (a word: a run of characters that are not spaces or
# punctuation). Only a word's start may begin a match, so a long run of digits is read once.
_WORD_CHAR = r"[^\s,.;:()\[\]{}<>\"“”‘’!?*`=|/\\]"
_LETTER_WORDS = lazy_compile(rf"(?<!{_WORD_CHAR})(?={_WORD_CHAR}*?\p{{L}}){_WORD_CHAR}+")
_MIN_ENGLISH_SHARE = {True: 0.6, False: 0.3}  # of a line's words, for it to read as prose


def listing_lines(text: str, start: int, end: int) -> list[Span]:
    """Lines of ``text[start:end]`` that do not read as prose: rows of a table, command lines,
    program output, configuration. Each span covers the line from its first visible character.

    - A row of a table: a gap of three spaces, of two after a field (``Description:  Debian``)
      or two gaps of two (not after a sentence) beside another row; one gap of two beside such
      a row; five spaces or more anywhere; an indented term and its description.
    - A listing for certain: a line that opens with a shell prompt or ``ls -l`` permissions, or
      holds a Make variable or a long hexadecimal object name.
    - A command: a short line with signs of code that does not end like a sentence
      (``apt-mark hold package_name``).
    - Otherwise a line with signs of code is a listing when fewer than 60% of its words are
      English words (``copyfix.text.words``), or 30% when its only signs are punctuation inside a
      token (``rw,nosuid 0 0``, ``(hd0,msdos2)``).

    When half the lines of the paragraph or more are such lines, the whole paragraph is a
    listing, and so are the lines after a shell prompt's command. Links are no sign of code
    (``copyfix.text.links``); comment lines (``<!--``) are left to the suppression pass. Linear.
    """
    spans: list[Span] = []
    rows: list[tuple[int, int, int]] = []  # (line start, end, columnar) of visible lines
    wrapped_link = False
    for m in _LINE.finditer(text, start, end):
        line = m.group()
        body = line.lstrip()
        if not body or body.startswith("<!--"):
            wrapped_link = False
            continue
        # Links, and the rest of one the line before broke at its wrap, are read apart.
        words = words_apart_from_links(body, continues_link=wrapped_link)
        wrapped_link = ends_with_wrapped_link(body)
        offset = m.start() + len(line) - len(body)
        indented = line is not body
        # A no-break space pads a column as a space does ("Prev\xa0   \xa0Next", as text
        # browsers lay out a page's navigation).
        if "\u00a0" in body:
            body = body.replace("\u00a0", " ")
        columnar = _columnar(body)
        rows.append((offset, m.end(), columnar))
        if _is_listing_line(body, words, indented, columnar):
            spans.append(Span(offset, m.end()))
    for i, (line_start, line_end, columnar) in enumerate(rows):
        if not columnar:
            continue
        neighbours = [rows[j][2] for j in (i - 1, i + 1) if 0 <= j < len(rows)]
        if any(n and max(n, columnar) == 2 for n in neighbours):
            spans.append(Span(line_start, line_end))
    if len(spans) >= 2 and 2 * len(spans) >= len(rows):
        # Mostly a listing: the lines between its commands are their output.
        return [Span(line_start, line_end) for line_start, line_end, _ in rows]
    # A command after a shell prompt: the lines after it in the paragraph are its output. A
    # result of a Texinfo example ("⇒ 4"): the paragraph is the example.
    for i, (line_start, line_end, _) in enumerate(rows):
        line = text[line_start:line_end]
        if _RESULT_LINE.match(line):
            return [Span(s, e) for s, e, _ in rows]
        if _PROMPT_LINE.match(line):
            spans += [Span(s, e) for s, e, _ in rows[i + 1 :]]
            break
    return spans


def _columnar(body: str) -> int:
    """2: surely a row of columns; 1: one gap of two spaces, a row only beside a sure one; 0."""
    if not _may_have_gap(body):
        return 0
    gaps = len(_COLUMN_GAP.findall(body)) - len(_SENTENCE_GAP.findall(body))
    if gaps >= 2 or _KEY_VALUE.match(body) or _WIDE_GAP.search(body):
        return 2
    return int(gaps == 1)


def _is_listing_line(body: str, words: str, indented: bool, columnar: int) -> bool:
    """Whether one line (``body``: without its indentation; ``words``: without links either,
    which prose cites) is a listing; a sure row of columns (``columnar == 2``) is judged apart."""
    gap = _may_have_gap(body)
    if _certain_listing(body) or gap and indented and _TERM_COLUMN.match(body):
        return True
    if gap and _ALIGNMENT_GAP.search(body):
        return True  # "libc6      install": alignment, not a slip
    if _PIPE_ROW.search(body):
        return True  # "Credit Hour | $337 | $516": cells of a table, not a sentence
    if gap and _QUOTED_COLUMNS.search(body):
        return True  # 'Alias "/old/"   "/srv/new/"': quoted values set in columns
    code = _CODE_SIGNAL.search(words) is not None
    # Short: a synopsis's brackets and bars standing alone ("windowlist [ -b ] [ -m ]") are
    # not words.
    short = sum(1 for t in body.split() if t.strip("[]{}|")) < _SHORT_COMMAND_WORDS
    if code and short and not _SENTENCE_END.search(body):
        return True  # "apt-mark hold package_name", "sed 's/^/    /' < BAD"
    if columnar == 2:
        # "bin  dev  etc  lib  proc": words set two spaces apart three times or more, with no
        # punctuation between them or at the end, are a row of output on their own.
        return (
            len(_COLUMN_GAP.findall(body)) >= _ROW_GAPS
            and _BARE_ROW.fullmatch(body) is not None
            and not _SENTENCE_END.search(body)
        )
    strong = code or _NUMBERED_LINE.match(body) is not None
    if not strong and _WEAK_SIGNAL.search(words) is None:
        return False
    return not _reads_as_english(words, _MIN_ENGLISH_SHARE[strong])



_ROW_GAPS = 3

_BARE_ROW = lazy_compile(r"[\w./+-]+(?:[ \t]+[\w./+-]+)*[ \t]*")


def _may_have_gap(body: str) -> bool:
    """False when no two spaces or tabs follow each other: then no gap pattern can match, and
    most lines of prose skip them all."""
    return "  " in body or "\t" in body


# An indented term, then its description three spaces or more away: "printer   Spools for".
_TERM_COLUMN = lazy_compile(r"\S+[ \t]{3,}\S")
# Cells set off by two bars or more (with spaces, as tables are scraped or typed in plain
# text): "Standard Semester (15 Cr.Hr.) | $5,055 | $7,740", "a | b | c".
_PIPE_ROW = lazy_compile(r"\S[ \t]+\|[ \t]+\S[^\n|]*?[ \t]+\|[ \t]+\S")
# Two quoted strings with a gap of two spaces or more between them: a configuration line's
# values set in columns.
_QUOTED_COLUMNS = lazy_compile(r"[\"'][ \t]{2,}[\"'][^\s\"']")
# Five spaces or more between words align a column even on a line of its own.
_ALIGNMENT_GAP = lazy_compile(r"(?<=\S)[ \t]{5,}(?=\S)")
# Three spaces or more between words: a column, not a slip of the space bar.
_WIDE_GAP = lazy_compile(r"(?<=\S)[ \t]{3,}(?=\S)")
# "Description:   Debian GNU/Linux": a field name, then the value aligned in a column.
_KEY_VALUE = lazy_compile(r"[\w .-]{1,30}:[ \t]{2,}\S")


def _reads_as_english(line: str, share: float) -> bool:  # only tokens with a letter count
    tokens = _LETTER_WORDS.findall(line)
    english = sum(map(is_english_token, (token.strip("'’-") for token in tokens)))
    return len(tokens) < 2 or english >= share * len(tokens)


# An Info cross-reference: "*note Label: Node-name." or "*Note Node-name::". Its full stop or
# comma belongs to the reference syntax, not to a sentence ("in both *note basic: BRE syntax.
# and ..."), and the node name is a title, not prose.
_INFO_REFERENCE = lazy_compile(
    r"\*[Nn]ote[ \n]+(?:(?:[^:*\n]|\n(?!\n)){1,80}::"
    r"|(?:[^:*\n]|\n(?!\n)){1,80}:[ \n]+(?:[^.,:*\n]|\n(?!\n)){1,80}[.,])"
)
# Code quoted in running text the way GNU manuals and their plain-text renderings quote it:
# ‘wget -R mpg,mpeg,au’, ‘s/a,b/c/’. A quotation holding signs of code (an option, an
# operator, a path) is a literal; one of words (‘that is true’) stays prose.
_QUOTED_LITERAL = lazy_compile(r"‘[^‘’\n]{1,80}’")


def inline_literal_spans(text: str) -> list[Span]:
    """Info cross-references and code quoted with ‘ and ’, which rules must leave alone."""
    spans = [Span(*m.span()) for m in _INFO_REFERENCE.finditer(text)]
    for m in _QUOTED_LITERAL.finditer(text):
        if _CODE_SIGNAL.search(m.group(), 1, len(m.group()) - 1):
            spans.append(Span(*m.span()))
    return spans
