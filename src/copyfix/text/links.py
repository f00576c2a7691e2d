"""Links cited in the lines of plain text: set apart, so that a line of prose that cites a link
is judged by its words, and followed across a line break, where a wrapped link goes on at the
start of the next line (``(https://wiki.example.org/`` / ``lsb/start/) is a ...``)."""

from __future__ import annotations

from copyfix.patterns import lazy_compile
from copyfix.text.protected import EMAIL, URL

# A link (``copyfix.text.protected``'s URL or e-mail address) cited in brackets, as sentences
# cite them ("the Linux Standard Base (https://wiki.example.org/) is"); a bare one may be a
# command's argument ("deb-src http://deb.debian.org/debian unstable").
_LINK = lazy_compile(rf"(?<=[(<\[])(?:{URL}|{EMAIL})")
# The rest of a wrapped link, or a note's number as text browsers render one ("^[1] The").
_FIRST_TOKEN = lazy_compile(r"^\S+")
_NOTE_NUMBER = lazy_compile(r"^\^?\[\d{1,3}\](?=\s)")


def words_apart_from_links(line: str, *, continues_link: bool) -> str:
    """``line`` (without its indentation) with each link cited in brackets, and a note's number
    that opens it, replaced by a space; also its first token when ``continues_link`` (the line
    before ended with a wrapped link, see ``ends_with_wrapped_link``). Linear in its length."""
    words = _FIRST_TOKEN.sub(" ", line, 1) if continues_link else _NOTE_NUMBER.sub(" ", line)
    return _LINK.sub(" ", words)


def ends_with_wrapped_link(line: str) -> bool:
    """The line's last token is a link broken at the wrap (``(https://``, ``www.example.org/``)
    or a quoted path (``"/usr/``): the next line starts with its rest."""
    last = line.rsplit(None, 1)[-1]
    if "://" in last or "www." in last:
        return last[-1] in "/.-_?&=#"
    return last[:1] in "\"“‘" and last[1:2] == "/" and last.endswith("/")


# A link's label is looked for this far either way, in code points.
_LABEL_REACH = 80


def in_one_token_label(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in the label of a Markdown link (``[label](…)`` or ``[label][…]``)
    that holds no white space: a name (``[sort.Sort](…)``) or a directive's arguments
    (``[summary,remarks](docblock://…)``), not prose. Looks at most ``_LABEL_REACH`` code
    points either way."""
    opened = text.rfind("[", max(0, pos - _LABEL_REACH), pos)
    if opened < 0 or any(c.isspace() or c == "]" for c in text[opened + 1 : pos]):
        return False
    closed = text.find("]", pos, pos + _LABEL_REACH)
    if closed < 0 or any(c.isspace() or c == "[" for c in text[pos:closed]):
        return False
    return text[closed + 1 : closed + 2] in ("(", "[")
