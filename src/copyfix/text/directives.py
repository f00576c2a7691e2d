"""Where suppression directives stand in a text: the syntax of ``<!-- copyfix: ... -->`` lines.

What the directives mean (which findings they silence, which are unused) is
``copyfix.lint.suppression``; this module only finds them, for the loader (which masks them) and
for the engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from copyfix.model import Span
from copyfix.patterns import lazy_compile

if TYPE_CHECKING:
    from copyfix.text.document import Document

# A directive alone on its line; ``>`` lets one sit inside a Markdown block quote. The action is
# any word, so a misspelt one ("disable-nextline") is read whole and reported, not taken for
# ``disable`` with a rule named "-nextline". Possessive, so a long word cannot backtrack.
# MDX has no HTML comments: there a directive is an MDX comment, ``{/* copyfix: ... */}``; in
# reStructuredText it is a comment, ``.. copyfix: ...`` (the branch reset ``(?|...)`` numbers
# the groups of every spelling alike).
DIRECTIVE = lazy_compile(
    r"^[ \t>]*((?|<!--[ \t]*copyfix:[ \t]*([\w-]*+)([^\n]*?)[ \t]*-->"
    r"|\{/\*[ \t]*copyfix:[ \t]*([\w-]*+)([^\n]*?)[ \t]*\*/\}"
    r"|\.\.[ \t]+copyfix:[ \t]*([\w-]*+)([^\n]*?)))[ \t]*(?=\r?$)",
    regex.M,
)
#: The actions a directive may name.
ACTIONS = ("disable", "enable", "disable-next-line", "disable-file")
# Where a directive begins: a line that begins one but does not match DIRECTIVE is malformed.
_DIRECTIVE_START = lazy_compile(r"^[ \t>]*+(<!--[ \t]*+copyfix:|\{/\*[ \t]*+copyfix:)", regex.M)
#: Where plain text (which has no comment syntax of its own) takes a directive: an HTML comment.
_PLAIN = "<!--"


def find_directives(doc: Document) -> list[regex.Match[str]]:
    """Directive lines of ``doc``. In Markdown a directive must be an HTML comment the parser
    saw, so one shown inside a code block or code span is only an example."""
    text = doc.text
    if "copyfix:" not in text:
        return []
    matches = list(DIRECTIVE.finditer(text))
    comments = doc.comments
    if comments is None:
        return [m for m in matches if m.group(1).startswith(_PLAIN)]
    starts = {span.start for span in comments}
    return [m for m in matches if m.start(1) in starts]


def malformed_directives(doc: Document) -> list[Span]:
    """Lines that begin a directive (``<!-- copyfix:``) but are not one: unclosed, or with text
    after the comment. Each span covers the line from ``<!--``. As for ``find_directives``, in
    Markdown only comments the parser saw count."""
    text = doc.text
    if "copyfix:" not in text:
        return []
    whole = {m.start(1) for m in DIRECTIVE.finditer(text)}
    comments = doc.comments
    starts = None if comments is None else {span.start for span in comments}
    found = []
    for m in _DIRECTIVE_START.finditer(text):
        at = m.start(1)
        if at in whole or (starts is not None and at not in starts):
            continue
        if starts is None and not m.group(1).startswith(_PLAIN):
            continue
        end = text.find("\n", at)
        found.append(Span(at, len(text) if end < 0 else end))
    return found


def directive_spans(text: str) -> list[Span]:
    """The directive comments of a plain-text document (whole lines are not prose); only the
    HTML-comment spelling counts there."""
    if "copyfix:" not in text:
        return []
    return [Span(*m.span(1)) for m in DIRECTIVE.finditer(text) if m.group(1).startswith(_PLAIN)]
