"""The pre-pass of Markdown and MDX: syntax the CommonMark parser does not know, found before
it runs, with exact offsets into the original text.

It reads the source once, left to right, as MDX's own tokenizer does: fenced code, code spans,
front matter and backslash escapes are skipped (what looks like a tag there is code). Found:

- in both formats: template tags (``copyfix.text.tags``), with the content of a paired
  shortcode or block when it does not read as prose, and TeX math ``\\( \\)``, ``\\[ \\]``;
- in MDX: ESM, JSX tags and ``{expressions}`` (``copyfix.text.mdx``);
- in Markdown: Python-Markdown attribute lists.

``copyfix.text.layout`` hides what is found from the parser and masks it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from copyfix.model import Span
from copyfix.patterns import lazy_compile
from copyfix.text.mdx import (
    COMMENT_EXPRESSION,
    ESM,
    MAX_FLOW_SPAN,
    closing_brace,
    esm_end,
    tag_end,
)
from copyfix.text.tags import (
    DEFAULT_PAIRS,
    PairedContent,
    attribute_list_end,
    math_end,
    template_tag,
)

_FENCE = lazy_compile(r"^[ \t]*(`{3,}|~{3,})")
_BACKTICKS = lazy_compile(r"`+")
_BLANK_LINE = lazy_compile(r"\n[ \t]*(?:\r?\n|$)")
_FRONT_MATTER = lazy_compile(
    r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?^(?:---|\+\+\+|\.\.\.)[ \t]*$", regex.M | regex.S
)
# Python-Markdown: an admonition (``!!! note "Title"``, collapsible ``??? tip``, ``???+``) or a
# content tab (``=== "Tab"``), whose body is the following lines indented four more spaces.
_TITLE = r"(?:\"[^\"\n]*\"|'[^'\n]*')"
_BODY_MARKER = lazy_compile(
    rf"([ \t]*)(?:(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+{_TITLE})?"
    rf"|===\+?[ \t]+{_TITLE})[ \t]*(?=\r?$)"
)
# A definition (``:   text``) after its term; its body goes on in lines indented four spaces.
_DEFINITION = lazy_compile(r":[ \t]{1,3}(?=\S)")
# Lines that open a block: such a line is no definition-list term.
_NOT_TERM = lazy_compile(r"[ \t]*(?:[#>|*+-]|\d+[.)]|<|$)")
# A remark-directive or Docusaurus admonition fence (``:::note Title``, ``:::``).
_DIRECTIVE_FENCE = lazy_compile(r"[ \t]*:::+[ \t]*[\w-]*[^\n]*")
# A line that includes a file in MkDocs: pymdownx.snippets (``--8<-- "file.md"``) or the
# ``{* path/to/file.py hl[3] *}`` include of the FastAPI documentation. What it inserts is a
# listing; the paragraph after it may go on with the sentence before it.
_INCLUDE_LINE = lazy_compile(r"[ \t]*+(?:;?-{1,2}8<-{1,2}[ \t][^\n]*|\{\*[^\n]*\*\})[ \t\r]*")
# Hugo shortcodes and Liquid/Jinja blocks whose content is data or code unless it reads as prose.
_PAIRED = ("{{<", "{{%", "{%")


# The characters at which an inline construct can begin: an escape or math (``\\``), a code span,
# a template tag, attribute list or MDX expression (``{``), and in MDX a tag (``<``).
_INLINE_MARKS = lazy_compile(r"[\\`{]")
_MDX_INLINE_MARKS = lazy_compile(r"[\\`{<]")


@dataclass(slots=True)
class Found:
    """What the pre-pass found: spans to hide from the parser (masked and literal), the comments
    among them where a suppression directive may stand, and whole-line bodies to parse on their
    own (their indentation removed)."""

    spans: list[Span] = field(default_factory=list)
    comments: list[Span] = field(default_factory=list)
    bodies: list[Span] = field(default_factory=list)
    #: Definition markers (``:   ``), which are the indentation of their body's first line.
    markers: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class _Open:
    name: str
    end: int  # where the opening tag ends
    found: int  # how many spans were found before the content


class _Scanner:
    def __init__(self, text: str, *, mdx: bool, pairs: PairedContent = DEFAULT_PAIRS) -> None:
        self.text = text
        self.mdx = mdx
        self.pairs = pairs
        self.found = Found()
        self.braces: dict[int, int] = {}
        self.opened: list[_Open] = []
        self.last_definition = -1  # the end of the last definition's body
        # The end of the current paragraph, and for each backtick-run length the paragraph end
        # up to which no run of that length closes a code span.
        self.paragraph_end = -1
        self.unclosed: dict[int, int] = {}

    def scan(self) -> None:
        text = self.text
        m = _FRONT_MATTER.match(text)
        line_start = m.end() if m else 0
        fence: str | None = None
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
            if f and not (f.group(1)[0] == "`" and "`" in line[f.end() :]):
                fence = f.group(1)
                line_start = line_end + 1
                continue
            if _DIRECTIVE_FENCE.fullmatch(line.rstrip("\r")):
                self._found(line_start + len(line) - len(line.lstrip()), line_end)
                line_start = line_end + 1
                continue
            if not self.mdx and _INCLUDE_LINE.fullmatch(line):
                self._found(line_start + len(line) - len(line.lstrip()), line_end)
                line_start = line_end + 1
                continue
            if not self.mdx:
                after = self._extension(line_start, line, line_end)
                if after >= 0:
                    line_start = after
                    continue
            if self.mdx and ESM.match(text, line_start) and self._paragraph_start(line_start):
                end = esm_end(text, line_start)
                self.found.spans.append(Span(line_start, end))
                next_newline = text.find("\n", end)
                line_start = len(text) if next_newline < 0 else next_newline + 1
                continue
            line_start = self._inline(line_start, line_end) + 1

    def _extension(self, line_start: int, line: str, line_end: int) -> int:
        """A Python-Markdown admonition, content tab or definition at this line: hide its
        marker (and a definition's term), record its body, and return where scanning goes on
        (after the body); -1 when the line is none of these."""
        m = _BODY_MARKER.fullmatch(line.rstrip("\r"))
        if m:
            indent = len(m.group(1).expandtabs(4))
            self._found(line_start + len(m.group(1)), line_end)
            body_end = self._body_end(line_end + 1, indent + 4)
            if body_end > line_end + 1:
                self.found.bodies.append(Span(line_end + 1, body_end))
            return min(body_end + 1, len(self.text)) if body_end > line_end else line_end + 1
        m = _DEFINITION.match(line)
        if not m or not self._term_before(line_start):
            return -1
        self._found(line_start, line_start + m.end())
        self.found.markers.append(Span(line_start, line_start + m.end()))
        body_end = max(line_end, self._body_end(line_end + 1, 4))
        self.found.bodies.append(Span(line_start, body_end))
        self.last_definition = body_end
        return body_end + 1

    def _body_end(self, start: int, indent: int) -> int:
        """The end of the last line, from ``start``, of a body indented ``indent`` columns
        (blank lines inside it included, trailing ones not); ``start - 1`` when none is."""
        text = self.text
        end = start - 1
        pos = start
        while pos < len(text):
            newline = text.find("\n", pos)
            line_end = len(text) if newline < 0 else newline
            line = text[pos:line_end]
            if line.strip():
                if len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip()) < indent:
                    break
                end = line_end
            pos = line_end + 1
        return end

    def _term_before(self, line_start: int) -> bool:
        """Whether the lines before a ``:`` line are a definition's term (or an earlier
        definition of the same term); the term lines are hidden (a term is not a sentence)."""
        text = self.text
        end = line_start - 1
        if end <= 0:
            return False
        if self.last_definition >= end - 1 and self.last_definition > 0:
            return not text[self.last_definition : line_start].strip()
        previous = text.rfind("\n", 0, end) + 1
        if not text[previous:end].strip() and previous > 0:  # one blank line may stand between
            end = previous - 1
            previous = text.rfind("\n", 0, end) + 1
        if not text[previous:end].strip():
            return False
        first = previous
        while first > 0:
            before = text.rfind("\n", 0, first - 1) + 1
            if not text[before : first - 1].strip():
                break
            first = before
        terms = text[first:end]
        if any(_NOT_TERM.match(t) for t in terms.split("\n")):
            return False
        self.found.spans.append(Span(first, len(text[:end].rstrip())))
        return True

    def _paragraph_start(self, at: int) -> bool:
        """Whether the line at ``at`` starts a block: ESM stands after a blank line (or the
        start, or another ESM block), never inside a paragraph."""
        spans = self.found.spans
        if at == 0 or (spans and not self.text[spans[-1].end : at].strip()):
            return True
        previous = self.text.rfind("\n", 0, at - 1) + 1
        return not self.text[previous : at - 1].strip()

    def _inline(self, start: int, line_end: int) -> int:
        """Scan one line from ``start``; a tag or expression may run past its end. Returns the
        offset of the newline that ends the last line scanned."""
        text = self.text
        i = start
        marks = _MDX_INLINE_MARKS if self.mdx else _INLINE_MARKS
        while i < line_end:
            # Skip to the next character that can begin a construct: most of a line is prose.
            mark = marks.search(text, i, line_end)
            if mark is None:
                break
            i = mark.start()
            c = text[i]
            if c == "\\":
                end = math_end(text, i, line_end)
                i = self._found(i, end) if end > 0 else i + 2
            elif c == "`":
                i = self._code_span_end(i)
            elif c == "{":
                i = self._brace(i)
            elif c == "<" and self.mdx:
                end = tag_end(text, i, self.braces)
                i = self._found(i, end) if end > 0 else i + 1
            else:
                i += 1
            if i > line_end:
                newline = text.find("\n", i)
                line_end = len(text) if newline < 0 else newline
        return line_end

    def _brace(self, i: int) -> int:
        text = self.text
        tag = template_tag(text, i)
        if tag is not None:
            self._pair(i, tag)
            return self._found(i, tag.end)
        if self.mdx:
            # Look back a bounded way: a line of many braces stays linear.
            before = text[max(0, i - 200) : i]
            newline = before.rfind("\n")
            opens_line = (newline >= 0 or i <= 200) and not before[newline + 1 :].strip(" \t")
            limit = min(len(text), i + MAX_FLOW_SPAN) if opens_line else None
            end = closing_brace(text, i, limit, memo=self.braces)
            if end > 0 and COMMENT_EXPRESSION.fullmatch(text, i, end):
                self.found.comments.append(Span(i, end))
            return self._found(i, end) if end > 0 else i + 1
        end = attribute_list_end(text, i)
        return self._found(i, end) if end > 0 else i + 1

    def _pair(self, start: int, tag) -> None:
        """Match a closing shortcode or block with its opening one; their content is hidden
        unless it reads as prose or the project names it as prose (``PairedContent``)."""
        if not tag.name or tag.self_closing or not self.text.startswith(_PAIRED, start):
            return
        if not tag.closing:
            self.opened.append(_Open(tag.name, tag.end, len(self.found.spans)))
            return
        for k in range(len(self.opened) - 1, -1, -1):
            if self.opened[k].name == tag.name:
                content = Span(self.opened[k].end, start)
                inner = self.found.spans[self.opened[k].found :]
                del self.opened[k:]
                if self.pairs.masks(tag.name, _visible(self.text, content, inner)):
                    self.found.spans.append(content)
                return

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
        self.found.spans.append(Span(start, end))
        return end


def _visible(text: str, content: Span, hidden: list[Span]) -> str:
    """The text of ``content`` with the spans already hidden inside it (nested tags, the
    content of nested pairs that hold code, code spans) left out: ``{{< tabs >}}`` holding
    ``{{% tab %}}`` pairs of prose is judged by that prose, not by the tags' attributes."""
    parts, at = [], content.start
    for span in sorted(s for s in hidden if content.start <= s.start and s.end <= content.end):
        if span.start >= at:
            parts.append(text[at : span.start])
            at = span.end
    parts.append(text[at : content.end])
    return "".join(parts)


@cache
def _closing_run(run: int) -> regex.Pattern[str]:
    return regex.compile(r"(?<!`)`{%d}(?!`)" % run)


def _closes(run: str, fence: str) -> bool:
    return run[0] == fence[0] and len(run) >= len(fence)


def prepass(text: str, *, mdx: bool, pairs: PairedContent = DEFAULT_PAIRS) -> Found:
    """What the Markdown parser must not see in ``text`` (MDX syntax too when ``mdx``)."""
    scanner = _Scanner(text, mdx=mdx, pairs=pairs)
    scanner.scan()
    return scanner.found


def mdx_syntax(text: str) -> tuple[list[Span], list[Span]]:
    """The spans of MDX syntax (and template tags) in ``text``, and of the MDX comments among
    them (where suppression directives may stand)."""
    found = prepass(text, mdx=True)
    return found.spans, found.comments
