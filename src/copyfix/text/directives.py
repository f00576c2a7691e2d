"""Where suppression directives stand in a text: the syntax of ``<!-- copyfix: ... -->`` lines.

What the directives mean (which findings they silence, which are unused) is
``copyfix.lint.suppression``; this module only finds them, for the loader (which masks them) and
for the engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from copyfix.model import Span

if TYPE_CHECKING:
    from copyfix.text.document import Document

# A directive alone on its line; ``>`` lets one sit inside a Markdown block quote.
DIRECTIVE = regex.compile(
    r"^[ \t>]*(<!--[ \t]*copyfix:[ \t]*(disable-next-line|disable-file|disable|enable)\b"
    r"([^\n]*?)[ \t]*-->)[ \t]*(?=\r?$)",
    regex.M,
)


def find_directives(doc: Document) -> list[regex.Match[str]]:
    """Directive lines of ``doc``. In Markdown a directive must be an HTML comment the parser
    saw, so one shown inside a code block or code span is only an example."""
    text = doc.text
    if "copyfix:" not in text:
        return []
    matches = list(DIRECTIVE.finditer(text))
    comments = doc.comments
    if comments is None:
        return matches
    starts = {span.start for span in comments}
    return [m for m in matches if m.start(1) in starts]


def directive_spans(text: str) -> list[Span]:
    """The directive comments of a plain-text document (whole lines are not prose)."""
    return [Span(*m.span(1)) for m in DIRECTIVE.finditer(text)] if "copyfix:" in text else []
