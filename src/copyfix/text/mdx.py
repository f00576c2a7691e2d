"""MDX syntax, found by a pre-pass before the Markdown parse: ESM ``import``/``export``
statements, JSX tags (with their attributes) and ``{expressions}`` (``{/* comments */}``
included).

The pre-pass (``copyfix.text.prepass``) reads the source once, left to right, as MDX's own
tokenizer does: a ``<`` starts a tag only if a whole tag parses from it (``tag_end``), and a
``{`` starts an expression only if its braces balance (``closing_brace``: strings, template
literals and comments inside are skipped).
"""

from __future__ import annotations

import regex

from copyfix.patterns import lazy_compile

ESM = lazy_compile(r"^(?:import|export)\b(?![ \t]*[:=])", regex.M)
_NAME = lazy_compile(r"[A-Za-z$_][\w$.:-]*")
_ATTR_NAME = lazy_compile(r"[A-Za-z$_][\w$.:-]*")
_SPACE = lazy_compile(r"\s*")
_JS_MARK = lazy_compile(r"[{}\"'`/]")
_BLANK_LINE = lazy_compile(r"\n[ \t]*(?:\r?\n|$)")
COMMENT_EXPRESSION = lazy_compile(r"\{\s*/\*.*?\*/\s*\}", regex.S)
# How far a tag or an expression may run: an unclosed ``{`` or ``<a`` is looked at this far and
# no farther, so a text full of them is still read in linear time.
MAX_SPAN = 4000
# An expression that opens a line (a flow expression, such as a table of sponsors written in
# JSX inside ``{`` and ``}`` lines) may run much farther: MDX reads it to its closing brace.
MAX_FLOW_SPAN = 40_000


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


def esm_end(text: str, start: int) -> int:
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
