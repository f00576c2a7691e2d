"""Which lines of a reStructuredText file are prose, decided without copyfix or docutils.

Skipped: titles and their adornment, directives and their bodies (but the bodies of
admonitions and of Sphinx's ``versionadded``/``deprecated``/``seealso`` are prose), comments,
targets, footnote and substitution definitions, literal blocks (after a paragraph ending in
``::``), doctest blocks, tables, line blocks, field lists and definition-list terms. Inside a
prose line, inline literals, roles, references, substitutions and footnote references are
masked, besides what ``prose`` masks in every format.
"""

from __future__ import annotations

import re

from prose import _DOC_MASKS, ProseLine, _looks_like_prose, _mask

PROSE_DIRECTIVES = frozenset(
    [
        "note",
        "warning",
        "tip",
        "important",
        "caution",
        "attention",
        "danger",
        "error",
        "hint",
        "admonition",
        "seealso",
        "versionadded",
        "versionchanged",
        "versionremoved",
        "deprecated",
    ]
)
_DIRECTIVE = re.compile(r"^\s*\.\.\s+([\w:-]+)::")
_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+<>:._])\1{2,}\s*$")
_SIMPLE_TABLE = re.compile(r"^\s*=+(?:\s+=+)+\s*$")
_FIELD = re.compile(r"^\s*:[^:\s][^:]*:(?:\s|$)")
_RST_MASKS = re.compile(
    r"(?::[\w:.+-]+:)?`[^`]*`(?::[\w:.+-]+:|_{1,2})?"  # roles, interpreted text, references
    r"|``.*?``"  # inline literal
    r"|\|[^|\s][^|]*\|_{0,2}"  # substitution
    r"|\[[^\]\s]+\]_"  # footnote or citation reference
    r"|\b\w+__?(?=\W|$)"  # reference by name
)
_RST_ALL = re.compile(r"``.*?``|" + _RST_MASKS.pattern + "|" + _DOC_MASKS.pattern)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def rst_skipped_lines(lines: list[str]) -> set[int]:
    """The lines of a reST document that are not prose, whatever they look like."""
    skip: set[int] = set()
    block = -1  # skip every later line indented more than this (and blank lines)
    literal_after = -1  # a paragraph at this indent ended with ``::``
    table = False
    until_blank = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        indent = _indent(line)
        if block >= 0:
            if not stripped or indent > block:
                skip.add(i)
                continue
            block = -1
        if not stripped:
            until_blank = False
            continue
        if until_blank:
            skip.add(i)
            continue
        if literal_after >= 0 and indent > literal_after:
            skip.add(i)
            block = literal_after
            literal_after = -1
            continue
        literal_after = -1
        if table or _SIMPLE_TABLE.match(line):
            skip.add(i)
            ends = (
                table
                and _SIMPLE_TABLE.match(line)
                and (i + 1 == len(lines) or not lines[i + 1].strip())
            )
            table = not ends
            continue
        directive = _DIRECTIVE.match(line)
        if directive:
            skip.add(i)
            if directive.group(1) not in PROSE_DIRECTIVES:
                block = indent
            continue
        if stripped.startswith("..") or _FIELD.match(line):
            skip.add(i)
            block = indent  # comment, target, footnote, substitution; field body
            continue
        if _ADORNMENT.match(stripped):
            skip.add(i)
            if i and lines[i - 1].strip():
                skip.add(i - 1)  # the title
            continue
        if stripped.startswith((">>>", "+-", "+=", "|")):
            skip.add(i)
            until_blank = True
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if following.strip() and _indent(following) > indent and not stripped.endswith("::"):
            # A definition-list term (or a classifier): the next line is its definition.
            previous = lines[i - 1] if i else ""
            if not previous.strip() or _indent(previous) != indent:
                skip.add(i)
        if stripped.endswith("::"):
            literal_after = indent
            if stripped == "::":
                skip.add(i)
    return skip


def rst_prose_lines(text: str) -> list[ProseLine]:
    """Prose lines of a reST document: paragraphs whose lines mostly read as prose."""
    lines = text.split("\n")
    skip = rst_skipped_lines(lines)
    result: list[ProseLine] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if block and sum(_looks_like_prose(t) for _, t in block) * 2 >= len(block) + 1:
            for start, line in block:
                if _looks_like_prose(line) or (
                    len(line.split()) >= 2 and not re.search(r"[{}=<>|\\$]", line)
                ):
                    result.append(ProseLine(start, line, _mask(line, _RST_ALL)))
        block.clear()

    offset = 0
    for i, line in enumerate(lines):
        start = offset
        offset += len(line) + 1
        if i in skip or not line.strip():
            flush()
            continue
        block.append((start, line))
    flush()
    return result
