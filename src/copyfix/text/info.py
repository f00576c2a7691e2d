"""GNU Info documents read as plain text: the syntax that ``makeinfo`` generates around the
prose, which rules must leave alone.

An Info document (``gzip.info``, or the output of ``info --subnodes -o FILE``) is recognised by
its node headers, ``File: gzip.info,  Node: Overview,  Next: Sample,  Up: Top``. In such a
document:

- a node header is navigation, with two spaces between its fields by design;
- a definition line (``@deffn`` and its kin), `` -- Action: -exec command ;``, is a signature;
- a single-quoted span, ``'-perm /g+w,o+w'`` or ``‘gzip’``, is code: Texinfo renders
  ``@code``, ``@samp``, ``@option``, ``@file``, ``@command`` and ``@env`` that way, and quotes
  prose with double quotes (from ````...''``), so a quotation in single quotes is never prose.

Source: the Texinfo manual, "Info Format Specification" (node headers) and "@-Command Details"
(how each command is rendered in Info output).
"""

from __future__ import annotations

import regex

from copyfix.model import Span
from copyfix.patterns import lazy_compile

# "\0\b[index\0\b]": makeinfo marks an index node so (the only NUL bytes a text file may hold).
_INDEX_MARKER = lazy_compile(r"\x00\x08\[[^\x00\n]{0,40}\x00\x08\]")
_NODE_HEADER = lazy_compile(r"^File: [^\s,]+,[ \t]+Node: [^\n]*", regex.M)
_DEFINITION = lazy_compile(r"^ -- \p{L}[\p{L} ]*: [^\n]*", regex.M)
# A quotation in single quotes, straight or curly, on one line: it opens after a space, a
# bracket or the start of a line, and closes before anything that is not a letter or a digit.
# A space inside its edges is part of the code (' aab' is what a pattern must match).
_SINGLE_QUOTED = lazy_compile(
    r"(?<![\w'’‘`])'[^'\n]{1,80}'(?!\w)"
    r"|(?<![\w‘’])‘[^‘’\n]{1,80}’(?!\w)"
)
# Navigation that makeinfo writes at the top of each node of an HTML manual, as a text browser
# renders it: "Next: Macro arguments, Previous: Invocation, Up: Macros   [Contents][Index]",
# wrapped or not. Found in any text, Info document or not.
_NAVIGATION = lazy_compile(
    r"^(?:Next|Previous|Prev|Up): [^\n]*(?:, (?:Previous|Prev|Up): |\[(?:Contents\]|\n))[^\n]*"
    r"(?:\n(?:Up: |\[?Contents\]|\[?Index\])[^\n]*)?",
    regex.M,
)


def is_info_document(text: str) -> bool:
    """Whether ``text`` holds an Info node header at the start of a line."""
    if not (text.startswith("File: ") or "\nFile: " in text):
        return False
    return _NODE_HEADER.search(text) is not None


def info_spans(text: str) -> list[Span]:
    """Node headers, definition lines, index markers and single-quoted code of an Info
    document, and the navigation lines of a manual that makeinfo rendered as HTML, in code
    points; nothing for other text. Linear in the length of the text."""
    navigation = [Span(*m.span()) for m in _NAVIGATION.finditer(text)] if "Up: " in text else []
    if "\x00" in text:
        navigation += [Span(*m.span()) for m in _INDEX_MARKER.finditer(text)]
    if not is_info_document(text):
        return navigation
    return navigation + [
        Span(*m.span())
        for pattern in (_NODE_HEADER, _DEFINITION, _SINGLE_QUOTED)
        for m in pattern.finditer(text)
    ]
