"""Which lines of a corpus file are prose, decided without copyfix (the tool under test must not
choose where it is tested): fenced and indented code, tables, headings, HTML, front matter,
listings and command output are not; inside a prose line, code spans, links, URLs, e-mail
addresses, paths and template syntax are masked."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"^\s*(```+|~~~+)")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE_MARK = re.compile(r"^\s*(?:>\s*)+")
_WORD = re.compile(r"[A-Za-z][A-Za-z’']*")

# Spans inside a line that are not prose.
_MASKS = re.compile(
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


def prose_lines(text: str, markdown: bool) -> list[ProseLine]:
    lines = text.split("\n")
    result: list[ProseLine] = []
    offset = 0
    in_fence = False
    fence = ""
    in_front = markdown and text.startswith("---\n")
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
                    result.append(ProseLine(start, line, _mask(line)))
        block.clear()

    for index, line in enumerate(lines):
        start = offset
        offset += len(line) + 1
        if in_front:
            if index > 0 and line.strip() in ("---", "..."):
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


def _mask(line: str) -> tuple[tuple[int, int], ...]:
    spans = [(m.start(), m.end()) for m in _MASKS.finditer(line)]
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
