"""MDX syntax, found by a pre-pass before the Markdown parse: ESM ``import``/``export``
statements, JSX tags (with their attributes) and ``{expressions}`` (``{/* comments */}``
included).

The pre-pass reads the source once, left to right, as MDX's own tokenizer does: fenced code,
code spans, front matter and backslash escapes are skipped (what looks like a tag there is
code), a ``<`` starts a tag only if a whole tag parses from it, and a ``{`` starts an
expression only if its braces balance (strings, template literals and comments inside are
skipped). It reports spans of the original text, so offsets stay exact; ``copyfix.text.layout``
then hides them from the Markdown parser and masks them.
"""

from __future__ import annotations

from functools import cache

import regex

from copyfix.model import Span

_ESM = regex.compile(r"^(?:import|export)\b(?![ \t]*[:=])", regex.M)
_FENCE = regex.compile(r"^[ \t]*(`{3,}|~{3,})")
_NAME = regex.compile(r"[A-Za-z$_][\w$.:-]*")
_ATTR_NAME = regex.compile(r"[A-Za-z$_][\w$.:-]*")
_SPACE = regex.compile(r"\s*")
_BACKTICKS = regex.compile(r"`+")
_JS_MARK = regex.compile(r"[{}\"'`/]")
_BLANK_LINE = regex.compile(r"\n[ \t]*(?:\r?\n|$)")
_FRONT_MATTER = regex.compile(
    r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?^(?:---|\+\+\+|\.\.\.)[ \t]*$", regex.M | regex.S
)
_COMMENT_EXPRESSION = regex.compile(r"\{\s*/\*.*?\*/\s*\}", regex.S)
# How far a tag or an expression may run: an unclosed ``{`` or ``<a`` is looked at this far and
# no farther, so a text full of them is still read in linear time.
MAX_SPAN = 4000


def closing_brace(
    text: str, start: int, limit: int | None = None, memo: dict[int, int] | None = None
) -> int:
    """The offset after the ``}`` that closes the ``{`` at ``start``, or -1: braces must balance,
    skipping JavaScript strings, template literals and comments. ``memo`` keeps what one scan
    learns about the braces inside it, so that a run of unclosed braces is read once."""
    if memo is not None and start in memo:
        return memo[start]
    end = min(len(text), start + MAX_SPAN) if limit is None else limit
    opened: list[int] = []
    i = start
    while i < end:
        m = _JS_MARK.search(text, i, end)
        if not m:
            break
        i = m.start()
        c = text[i]
        if c in "\"'`":
            i = _string_end(text, i, end)
            if i < 0:
                break
            continue
        if c == "/":
            i = _comment_end(text, i, end, bool(opened))
            if i < 0:
                break
            continue
        if c == "{":
            opened.append(i)
        else:
            top = opened.pop()
            if memo is not None:
                memo[top] = i + 1
            if not opened:
                return i + 1
        i += 1
    if memo is not None:
        memo.update(dict.fromkeys(opened, -1))
    return -1


def _comment_end(text: str, i: int, end: int, inside: bool) -> int:
    """After a ``/* */`` comment, or a ``//`` one inside an expression, or after the slash."""
    if text.startswith("/*", i):
        close = text.find("*/", i + 2, end)
        return -1 if close < 0 else close + 2
    if text.startswith("//", i) and inside:
        newline = text.find("\n", i, end)
        return end if newline < 0 else newline
    return i + 1


def _string_end(text: str, start: int, end: int) -> int:
    quote = text[start]
    i = start + 1
    while i < end:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == quote:
            return i + 1
        if c == "\n" and quote != "`":
            return -1
        if quote == "`" and text.startswith("${", i):
            close = closing_brace(text, i + 1, end)
            if close < 0:
                return -1
            i = close
            continue
        i += 1
    return -1


def tag_end(text: str, start: int, memo: dict[int, int] | None = None) -> int:
    """The offset after the JSX tag that opens at ``text[start] == "<"``, or -1 when no whole
    tag parses there (``a < b``, an autolink ``<https://...>``, an e-mail address)."""
    i = start + 1
    if text.startswith("/", i):
        i += 1
    if text.startswith(">", i):  # a fragment, <> or </>
        return i + 1
    m = _NAME.match(text, i)
    if not m:
        return -1
    i = m.end()
    while i - start < MAX_SPAN:
        i = _SPACE.match(text, i).end()
        if text.startswith("/>", i):
            return i + 2
        if text.startswith(">", i):
            return i + 1
        if text.startswith("{", i):  # a spread attribute, {...props}
            i = closing_brace(text, i, memo=memo)
            if i < 0:
                return -1
            continue
        m = _ATTR_NAME.match(text, i)
        if not m:
            return -1
        i = _SPACE.match(text, m.end()).end()
        if not text.startswith("=", i):
            continue  # a boolean attribute
        i = _value_end(text, _SPACE.match(text, i + 1).end(), memo)
        if i < 0:
            return -1
    return -1


def _value_end(text: str, i: int, memo: dict[int, int] | None) -> int:
    if i >= len(text):
        return -1
    c = text[i]
    if c in "\"'":
        close = text.find(c, i + 1, i + MAX_SPAN)
        return -1 if close < 0 else close + 1
    if c == "{":
        return closing_brace(text, i, memo=memo)
    if c == "<":
        return tag_end(text, i, memo)
    return -1


def _esm_end(text: str, start: int) -> int:
    """An ESM block runs to a blank line at which its brackets balance (an object literal may
    hold blank lines), or to the end of the text."""
    pos = start
    while True:
        m = _BLANK_LINE.search(text, pos)
        end = m.start() if m else len(text)
        chunk = text[start:end]
        if not m or _balanced(chunk):
            return len(text[:end].rstrip("\r\n \t"))
        pos = m.end() - 1


def _balanced(code: str) -> bool:
    depth = 0
    for c in code:
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
    return depth <= 0


@cache
def _closing_run(run: int) -> regex.Pattern[str]:
    return regex.compile(r"(?<!`)`{%d}(?!`)" % run)


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[Span] = []
        self.comments: list[Span] = []
        self.braces: dict[int, int] = {}
        # The end of the current paragraph, and for each backtick-run length the paragraph end
        # up to which no run of that length closes a code span.
        self.paragraph_end = -1
        self.unclosed: dict[int, int] = {}

    def scan(self) -> None:
        text = self.text
        pos = 0
        m = _FRONT_MATTER.match(text)
        if m:
            pos = m.end()
        fence: str | None = None
        line_start = pos
        while line_start < len(text):
            newline = text.find("\n", line_start)
            line_end = len(text) if newline < 0 else newline
            line = text[line_start:line_end]
            f = _FENCE.match(line)
            if fence is not None:
                if f and _closes(f.group(1), fence) and not line[f.end() :].strip():
                    fence = None
                line_start = line_end + 1
                continue
            if f and not (f.group(1)[0] == "`" and "`" in line[f.end():]):
                fence = f.group(1)
                line_start = line_end + 1
                continue
            if _ESM.match(text, line_start) and self._paragraph_start(line_start):
                end = _esm_end(text, line_start)
                self.spans.append(Span(line_start, end))
                next_newline = text.find("\n", end)
                line_start = len(text) if next_newline < 0 else next_newline + 1
                continue
            line_start = self._inline(line_start, line_end) + 1

    def _paragraph_start(self, at: int) -> bool:
        """Whether the line at ``at`` starts a block: ESM stands after a blank line (or the
        start, or another ESM block), never inside a paragraph."""
        if at == 0 or (self.spans and not self.text[self.spans[-1].end : at].strip()):
            return True
        previous = self.text.rfind("\n", 0, at - 1) + 1
        return not self.text[previous : at - 1].strip()

    def _inline(self, start: int, line_end: int) -> int:
        """Scan one line from ``start``; a tag or expression may run past its end. Returns the
        offset of the newline that ends the last line scanned."""
        text = self.text
        i = start
        while i < line_end:
            c = text[i]
            if c == "\\":
                i += 2
                continue
            if c == "`":
                i = self._code_span_end(i)
            elif c == "<" and not text.startswith("<!--", i):
                end = tag_end(text, i, self.braces)
                i = self._found(i, end) if end > 0 else i + 1
            elif c == "{":
                end = closing_brace(text, i, memo=self.braces)
                if end > 0 and _COMMENT_EXPRESSION.fullmatch(text, i, end):
                    self.comments.append(Span(i, end))
                i = self._found(i, end) if end > 0 else i + 1
            else:
                i += 1
            if i > line_end:
                newline = text.find("\n", i)
                line_end = len(text) if newline < 0 else newline
        return line_end

    def _code_span_end(self, start: int) -> int:
        """The end of the code span opened by the backtick run at ``start`` (within its
        paragraph), or the end of the run when nothing closes it."""
        text = self.text
        run = _BACKTICKS.match(text, start).end() - start
        if start >= self.paragraph_end:
            m = _BLANK_LINE.search(text, start)
            self.paragraph_end = m.start() if m else len(text)
            self.unclosed = {}
        if self.unclosed.get(run) == self.paragraph_end:
            return start + run
        m = _closing_run(run).search(text, start + run, self.paragraph_end)
        if not m:
            self.unclosed[run] = self.paragraph_end
        return m.end() if m else start + run

    def _found(self, start: int, end: int) -> int:
        self.spans.append(Span(start, end))
        return end


def _closes(run: str, fence: str) -> bool:
    return run[0] == fence[0] and len(run) >= len(fence)


def mdx_syntax(text: str) -> tuple[list[Span], list[Span]]:
    """The spans of MDX syntax in ``text`` (ESM, JSX tags, expressions), and of the MDX
    comments ``{/* ... */}`` among them (where suppression directives may stand)."""
    scanner = _Scanner(text)
    scanner.scan()
    return scanner.spans, scanner.comments
