"""Overstrike in plain text: how nroff (man pages, ``README`` files made with it) sets bold and
underlined words for a terminal, each character struck again after a backspace (``R\\bRe\\be``
is a bold "Re", ``_\\bw`` an underlined "w"). Rules must not read such a word letter by letter:
its letters are doubled, and an edit between a character and its backspace breaks the pair."""

from __future__ import annotations

from copyfix.model import Span
from copyfix.patterns import lazy_compile

# A run of struck characters: a character, a backspace and the character struck over it.
_STRUCK = lazy_compile(r"(?:[^\n\x08]\x08[^\n\x08])++")


def overstrike_spans(text: str) -> list[Span]:
    """Spans (code points) of ``text`` set with overstrike, whole runs of struck characters.
    A text with no backspace costs one ``in`` test."""
    if "\b" not in text:
        return []
    return [Span(*m.span()) for m in _STRUCK.finditer(text)]
