"""Which lines of a corpus file are prose, decided without copyfix (the tool under test must not
choose where it is tested): fenced and indented code, tables, headings, HTML, front matter,
listings and command output are not; inside a prose line, code spans, links, URLs, e-mail
addresses, paths, template syntax and math are masked.

Formats (``fmt``): ``text``; ``markdown`` (also Hugo and MkDocs documentation: TOML front
matter, the bodies of paired shortcodes and template blocks, ``$$`` and ``\\[ \\]`` math
blocks are skipped); ``mdx`` (Markdown, and also ESM statements, JSX tags over several lines
and ``{expressions}`` over several lines); ``rst`` (``prose_rst``). The rules are conservative:
a line that might be syntax is skipped, since a slip injected into code would be counted as a
miss that no correct tool can restore."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"^\s*(```+|~~~+)")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE_MARK = re.compile(r"^\s*(?:>\s*)+")
_WORD = re.compile(r"[A-Za-z][A-Za-z’']*")

# Spans inside a line that are not prose.
_MASK_PATTERN = (
    r"`[^`]*`"  # code span
    r"|!?\[[^\]]*\]\([^)]*\)"  # Markdown link or image: the whole of it
    r"|\[[^\]]*\]\[[^\]]*\]"  # reference link
    r"|<[^>]*>"  # HTML tag or autolink
    r"|\{[^}]*\}"  # template or attribute syntax
    r"|\b(?:https?|ftp)://\S+"  # URL
    r"|\bwww\.\S+"
    r"|\S+@\S+\.\S+"  # e-mail
    r"|\S*[/\\]\S*"  # paths and anything with a slash
    r"|\S*[_=#$%&|~^]\S*"  # identifiers, options, variables
    r"|(?!(?:e\.g|i\.e)\.\s)\S*\w\.\w\S*"  # dotted names: config.yaml, v2.0, U.S. (not e.g. or i.e.)
    r"|\S*\d\S*"  # numbers and anything with digits
    r"|\b[A-Z]{2,}\b"  # acronyms and shouting
    r"|\b\w*[a-z][A-Z]\w*\b"  # camelCase, iPhone
)
_MASKS = re.compile(_MASK_PATTERN)
# Documentation formats add syntax that plain text never has; these go first so that, say, a
# double-backtick literal is masked whole. (Kept apart so that the plain-text genres' slips
# stay the same.)
DOC_MASK_PATTERN = (
    r"``.*?``"  # code span or reST literal with double backticks
    r"|\$[^$\n]+\$"  # TeX math
    r"|\\\(.*?\\\)|\\\[.*?\\\]"
    r"|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}"  # template tags
)
_DOC_MASKS = re.compile(DOC_MASK_PATTERN + "|" + _MASK_PATTERN)


@dataclass(frozen=True)
class ProseLine:
    start: int  # offset of the line in the file
    text: str  # the line without its newline
    mask: tuple[tuple[int, int], ...]  # masked spans, offsets within the line

    def free(self, a: int, b: int, margin: int = 1) -> bool:
        """Whether [a, b) (offsets in the line) is clear of every masked span."""
        return all(b + margin <= s or a - margin >= e for s, e in self.mask)


_FILLER = re.compile(r"\b(?:[Ll]orem|ipsum|dolor|amet|consectetur|adipiscing|Phasellus|Nulla|Aenean|Curabitur|Vestibulum|Pellentesque|Sed|eget|elit)\b")


def _looks_like_prose(line: str) -> bool:
    if _FILLER.search(line):
        return False
    body = _QUOTE_MARK.sub("", _LIST_MARK.sub("", line)).strip()
    if len(body) < 20:
        return False
    if body[0] in "|<#![{:=+$%;/\\@*-" or body.startswith(("!!!", "???", "===", "{%", "---")):
        return False
    tokens = body.split()
    if len(tokens) < 5:
        return False
    wordy = sum(1 for t in tokens if _WORD.fullmatch(t.strip("“”‘’\"'.,;:!?()—–-")))
    if wordy / len(tokens) < 0.7:
        return False
    if re.search(r"[{}=<>|\\]|\s{3,}\S|\t", body):
        return False
    return True


def prose_lines(text: str, fmt: str | bool) -> list[ProseLine]:
    """The prose lines of ``text`` read as ``fmt`` (``text``, ``markdown``, ``mdx``, ``rst``;
    True and False stand for ``markdown`` and ``text``)."""
    if fmt is True or fmt is False:
        fmt = "markdown" if fmt else "text"
    if fmt == "rst":
        from prose_rst import rst_prose_lines

        return rst_prose_lines(text)
    markdown = fmt in ("markdown", "mdx")
    lines = text.split("\n")
    skip = doc_skipped_lines(lines, fmt) if markdown else set()
    masks = _DOC_MASKS if markdown else _MASKS
    result: list[ProseLine] = []
    offset = 0
    in_fence = False
    fence = ""
    in_front = markdown and text.startswith(("---\n", "+++\n"))
    in_indented = False
    prev_blank = True
    block: list[tuple[int, str]] = []

    def flush() -> None:
        # A paragraph is prose only if most of its lines are.
        if block and sum(_looks_like_prose(t) for _, t in block) * 2 >= len(block) + 1:
            for start, line in block:
                if _looks_like_prose(line) or (
                    len(line.split()) >= 2
                    and not re.search(r"[{}=<>|\\$]", line)
                    and not _FILLER.search(line)
                ):
                    result.append(ProseLine(start, line, _mask(line, masks)))
        block.clear()

    for index, line in enumerate(lines):
        start = offset
        offset += len(line) + 1
        if in_front:
            if index > 0 and line.strip() in ("---", "...", "+++"):
                in_front = False
            continue
        if markdown:
            match = _FENCE.match(line)
            if match:
                if not in_fence:
                    in_fence, fence = True, match.group(1)[:3]
                elif line.strip().startswith(fence):
                    in_fence = False
                flush()
                continue
            if in_fence:
                continue
            if index in skip:
                flush()
                prev_blank = not line.strip()
                continue
            indented = bool(re.match(r"^( {4,}|\t)", line))
            if in_indented:
                if indented or not line.strip():
                    prev_blank = not line.strip()
                    continue
                in_indented = False
            # Indented code: indented by 4+ after a blank line, outside lists and admonitions.
            if prev_blank and indented and not result_context_allows(lines, index):
                flush()
                in_indented = True
                prev_blank = False
                continue
        if not line.strip():
            flush()
            prev_blank = True
            continue
        prev_blank = False
        if not markdown and re.match(r"^\s{0,12}\S", line) is None:
            flush()
            continue
        block.append((start, line))
    flush()
    return result


def result_context_allows(lines: list[str], index: int) -> bool:
    """An indented line continues a list item or an admonition (MkDocs ``!!! note``) when the
    nearest non-blank line above it at a smaller indent is one; then it is prose, not code."""
    indent = len(lines[index]) - len(lines[index].lstrip())
    for j in range(index - 1, -1, -1):
        line = lines[j]
        if not line.strip():
            continue
        own = len(line) - len(line.lstrip())
        if own < indent:
            stripped = line.strip()
            return bool(_LIST_MARK.match(line)) or stripped.startswith(("!!!", "???", "===", ">"))
    return False


def _mask(line: str, masks: re.Pattern = _MASKS) -> tuple[tuple[int, int], ...]:
    spans = [(m.start(), m.end()) for m in masks.finditer(line)]
    # The list or quote marker at the start is not prose either.
    lead = _LIST_MARK.match(line) or _QUOTE_MARK.match(line)
    if lead:
        spans.append((0, lead.end()))
    indent = len(line) - len(line.lstrip())
    if indent:
        spans.append((0, indent))
    return tuple(sorted(spans))


def prose_words(lines: list[ProseLine]) -> int:
    return sum(len(p.text.split()) for p in lines)


# --------------------------------------------------------------------------------------------
# Markdown documentation: lines that are syntax over several lines


# Shortcodes and template blocks whose body is prose (a callout); every other paired
# shortcode's body is skipped, since it may be a sample of code or data.
PROSE_SHORTCODES = frozenset(
    {"alert", "pageinfo", "note", "tip", "warning", "caution", "callout", "notice"}
)
_OPEN_TAG = re.compile(r"\{\{[<%]\s*([\w./-]+)[^\n]*?[>%]\}\}|\{%-?\s*(\w+)[^\n]*?%\}")
_MATH_OPEN = re.compile(r"^\s*(\$\$|\\\[)")
_ESM = re.compile(r"^(?:import|export)\b")
_JSX_OPEN = re.compile(r"^\s*</?[A-Za-z]")


def _paired_bodies(lines: list[str], skip: set[int]) -> None:
    """Skip the lines between a paired shortcode's or block's tags (and the tag lines)."""
    text = "\n".join(lines)
    for index, line in enumerate(lines):
        for m in _OPEN_TAG.finditer(line):
            name = m.group(1) or m.group(2)
            if name.startswith("/") or name.startswith("end") or name in PROSE_SHORTCODES:
                continue
            if m.group(0).rstrip("}>%").rstrip().endswith("/"):
                continue  # self-closing
            closer = re.compile(
                r"\{\{[<%]\s*/\s*" + re.escape(name) + r"\s*[>%]\}\}|\{%-?\s*end"
                + re.escape(name) + r"\b"
            )
            after = closer.search(text, sum(len(x) + 1 for x in lines[:index]) + m.end())
            if after is None:
                continue
            last = text.count("\n", 0, after.start())
            skip.update(range(index, last + 1))


def _math_blocks(lines: list[str], skip: set[int]) -> None:
    """Skip ``$$`` ... ``$$`` and ``\\[`` ... ``\\]`` blocks."""
    index = 0
    while index < len(lines):
        m = _MATH_OPEN.match(lines[index])
        if m:
            closer = "$$" if m.group(1) == "$$" else "\\]"
            rest = lines[index].strip()[2:]
            end = index
            if closer not in rest:
                end = index + 1
                while end < len(lines) and closer not in lines[end]:
                    end += 1
            skip.update(range(index, min(end, len(lines) - 1) + 1))
            index = end
        index += 1


def _mdx_syntax(lines: list[str], skip: set[int]) -> None:
    """Skip ESM statements (to the next blank line), JSX tags that run over several lines and
    lines inside an ``{expression}`` that runs over several lines."""
    depth = 0
    in_esm = False
    in_tag = False
    fence = ""
    for index, line in enumerate(lines):
        # Braces in a code fence are code, not MDX expressions.
        m = _FENCE.match(line)
        if fence or m:
            if not fence:
                fence = m.group(1)[:3]
            elif line.strip().startswith(fence):
                fence = ""
            continue
        code_free = re.sub(r"`[^`]*`", "", line)
        starts_inside = depth > 0
        if in_esm and not line.strip():
            in_esm = False
        if _ESM.match(line):
            in_esm = True
        opened_tag = bool(_JSX_OPEN.match(line)) and ">" not in line
        if in_tag or opened_tag or in_esm or starts_inside:
            skip.add(index)
        if opened_tag:
            in_tag = True
        elif in_tag and ">" in line:
            in_tag = False
        depth = max(0, depth + code_free.count("{") - code_free.count("}"))
        if depth > 0:
            skip.add(index)


def doc_skipped_lines(lines: list[str], fmt: str) -> set[int]:
    """Lines of a Markdown or MDX document that are syntax, whatever they look like."""
    skip: set[int] = set()
    _paired_bodies(lines, skip)
    _math_blocks(lines, skip)
    if fmt == "mdx":
        _mdx_syntax(lines, skip)
    return skip
