"""Inline syntax that Markdown documentation adds and CommonMark does not know: template tags
(Hugo shortcodes ``{{< >}}`` and ``{{% %}}``, Jinja, Liquid and MkDocs macros ``{{ }}``,
``{% %}``, ``{# #}``), TeX math delimiters ``\\( \\)`` and ``\\[ \\]``, and Python-Markdown
attribute lists ``{ .class #id key=value }``. Each function takes the text and the offset of the
opening character and returns the end of the construct, or -1 when none is there.
"""

from __future__ import annotations

from dataclasses import dataclass

from copyfix.patterns import lazy_compile
from copyfix.text.plaintext import listing_lines
from copyfix.text.words import is_english_token

#: A template tag, a math span or an attribute list may run this far, and no farther.
MAX_TAG = 4000
_TAG_CLOSE = {"{{<": ">}}", "{{%": "%}}", "{{": "}}", "{%": "%}", "{#": "#}"}
_TAG_NAME = lazy_compile(r"[ \t\n]*+-?[ \t\n]*+(/)?[ \t]*+([\w.-]++)")
_ATTR_LIST = lazy_compile(
    r"\{:?[ \t]*(?:(?:[.#][\w-]+|[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}]+))[ \t]*)+\}"
)
_WORD = lazy_compile(r"[\p{L}][\p{L}'’-]*")
# Content that reads as prose: enough words, most of them English, a line that ends like a
# sentence, few lines of code.
_MIN_PROSE_WORDS = 3
_MIN_ENGLISH_SHARE = 0.6
_SENTENCE_END = ".!?:"
_CLOSERS = "'\"’”)"
#: Shortcodes and blocks that hold code or data whatever their content looks like.
CODE_PAIRS = frozenset(
    {"highlight", "code", "codeblock", "raw", "verbatim", "mermaid", "math", "katex", "chart"}
)


@dataclass(frozen=True, slots=True)
class PairedContent:
    """What the project says about paired shortcodes and blocks (``prose-shortcodes`` and
    ``code-shortcodes`` in its configuration): names whose content is always prose (checked,
    even when it looks like data) or always code (masked, even when it reads as prose). Other
    names are judged by their content (``reads_as_prose``)."""

    prose: frozenset[str] = frozenset()
    code: frozenset[str] = frozenset()

    def masks(self, name: str, content: str) -> bool:
        """Whether the content of the pair ``name`` is hidden from the checks."""
        name = name.lower()
        if name in self.prose:
            return False
        if name in self.code or name in CODE_PAIRS:
            return True
        return not reads_as_prose(content)


#: No project settings: the built-in code names and the content decide.
DEFAULT_PAIRS = PairedContent()


@dataclass(frozen=True, slots=True)
class TemplateTag:
    end: int
    #: The shortcode's or block's name, with ``closing`` for ``{{< /name >}}`` and
    #: ``{% endname %}``; empty for ``{{ value }}`` and ``{# comment #}``.
    name: str = ""
    closing: bool = False
    #: A Hugo shortcode that closes itself (``{{< name />}}``) holds nothing.
    self_closing: bool = False


def template_tag(text: str, start: int) -> TemplateTag | None:
    """The template tag at ``text[start] == "{"``, if one is there."""
    for opener in ("{{<", "{{%", "{{", "{%", "{#"):
        if text.startswith(opener, start):
            break
    else:
        return None
    close = text.find(_TAG_CLOSE[opener], start + len(opener), start + MAX_TAG)
    if close < 0:
        return None
    end = close + len(_TAG_CLOSE[opener])
    if opener in ("{{", "{#"):
        return TemplateTag(end)
    m = _TAG_NAME.match(text, start + len(opener), close)
    if not m:
        return TemplateTag(end)
    name, closing = m.group(2), bool(m.group(1))
    if opener == "{%" and name.startswith("end") and len(name) > 3:
        name, closing = name[3:], True
    self_closing = text[start:close].rstrip().endswith("/")
    return TemplateTag(end, name, closing, self_closing)


def math_end(text: str, start: int, limit: int) -> int:
    """The end of ``\\( ... \\)`` or ``\\[ ... \\]`` opening at ``start``, before ``limit``;
    -1 for none. Glued to the word before it (``London_2010_\\(2\\).JPG``, ``a\\[0\\]``), the
    backslash escapes a bracket of a token, a link's address or a name: that is not math."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return -1
    if text.startswith("\\(", start):
        close = text.find("\\)", start + 2, min(limit, start + MAX_TAG))
    elif text.startswith("\\[", start):
        close = text.find("\\]", start + 2, start + MAX_TAG)
    else:
        return -1
    return -1 if close < 0 else close + 2


def attribute_list_end(text: str, start: int) -> int:
    """The end of a Python-Markdown attribute list (``{ .note #intro lang=en }``)."""
    m = _ATTR_LIST.match(text, start, start + MAX_TAG)
    return m.end() if m else -1


def _ends_a_sentence(line: str) -> bool:
    """A line of three words or more that ends like a sentence."""
    line = line.strip().rstrip(_CLOSERS)
    return bool(line) and line[-1] in _SENTENCE_END and len(line.split()) >= _MIN_PROSE_WORDS


def reads_as_prose(content: str) -> bool:
    """Whether the content of a paired shortcode reads as prose (a note, a callout) rather than
    data or code: a few words, mostly English, a line that ends like a sentence, and fewer than
    half its lines listing lines (configuration, commands, tables:
    ``copyfix.text.plaintext.listing_lines``)."""
    words = _WORD.findall(content)
    if len(words) < _MIN_PROSE_WORDS or not any(map(_ends_a_sentence, content.splitlines())):
        return False
    english = sum(1 for w in words if is_english_token(w.lower()))
    if english < _MIN_ENGLISH_SHARE * len(words):
        return False
    lines = [line for line in content.splitlines() if line.strip()]
    listing = listing_lines(content, 0, len(content))
    return 2 * len(listing) < len(lines)
