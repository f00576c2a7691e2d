"""Protected regions of a reStructuredText document, for ``regions.py``: found line by line
and with a few inline patterns, without docutils (copyfix uses docutils; this must not)."""

from __future__ import annotations

import re

Region = tuple[int, int, str]

#: Directives whose body is code, data or a listing (Sphinx's included). An object
#: description (``.. py:data:: NAME``, ``.. function::``, ``.. option::``) is not one: its
#: signature line is a directive region, and its body is the object's prose description.
CODE_DIRECTIVES = re.compile(
    r"(?:code-block|code|sourcecode|literalinclude|highlight|doctest|testcode|testsetup|"
    r"testcleanup|testoutput|math|raw|productionlist|parsed-literal|graphviz|mermaid|csv-table|"
    r"auto\w+|(?:py:)?(?:module|currentmodule)|program|include|image|figure|toctree)$"
)
_DIRECTIVE = re.compile(r"^([ \t]*)\.\.[ \t]+([\w:-]+)::")
_EXPLICIT = re.compile(r"^([ \t]*)\.\.(?:[ \t]|$)")
_OPTION = re.compile(r"^[ \t]*:[\w-]+:")
# reST's inline markup recognition rules, simplified: a start-string follows whitespace or an
# opening punctuation mark and precedes a non-space; an end-string follows a non-space.
_START = r"(?<![^\s(\[{<'\"‘“/:-])"
_INLINE = re.compile(
    _START + r"``(?=\S).*?(?<=\S)``(?!\w)"  # inline literal
    r"|" + _START + r"(?::[\w:.+-]+:)?`(?=\S)[^`]*?(?<=\S)`(?::[\w:.+-]+:|__?)?(?!\w)"  # role
    r"|" + _START + r"\|(?=\S)[^|\n]*?(?<=\S)\|_{0,2}"  # substitution reference
    r"|\[(?:#?[\w-]*|\*|\d+)\]_",  # footnote or citation reference
    re.DOTALL,
)
_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+<>:._])\1{2,}[ \t]*$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _block_end(lines: list[str], starts: list[int], i: int, indent: int) -> int:
    """The offset after the last line of the block that follows line ``i``, indented more
    than ``indent`` (blank lines inside it included)."""
    last = i
    for j in range(i + 1, len(lines)):
        if lines[j].strip():
            if _indent(lines[j]) <= indent:
                break
            last = j
    return starts[last] + len(lines[last])


def rst_regions(text: str) -> list[Region]:
    """Regions of a reST document that a fix must not change."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    regions: list[Region] = []
    i = 0
    literal_indent = -1
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        indent = _indent(line)
        if literal_indent >= 0 and indent > literal_indent:
            end = _block_end(lines, starts, i - 1, literal_indent)
            regions.append((starts[i], end, "literal block"))
            i = _next_line(starts, end)
            literal_indent = -1
            continue
        literal_indent = -1
        directive = _DIRECTIVE.match(line)
        explicit = _EXPLICIT.match(line)
        if directive:
            options_end = starts[i] + len(line)
            j = i + 1
            while j < len(lines) and _OPTION.match(lines[j]) and _indent(lines[j]) > indent:
                options_end = starts[j] + len(lines[j])
                j += 1
            regions.append((starts[i], options_end, "directive"))
            if CODE_DIRECTIVES.match(directive.group(2)):
                end = _block_end(lines, starts, i, indent)
                regions.append((starts[i], end, f"{directive.group(2)} body"))
                i = _next_line(starts, end)
                continue
            i = j
            continue
        if explicit:
            # A comment, a target or a footnote or substitution definition: its whole block.
            end = _block_end(lines, starts, i, indent)
            regions.append((starts[i], end, "comment or target"))
            i = _next_line(starts, end)
            continue
        if line.lstrip().startswith(">>>"):
            j = i
            while j + 1 < len(lines) and lines[j + 1].strip():
                j += 1
            regions.append((starts[i], starts[j] + len(lines[j]), "doctest block"))
            i = j + 1
            continue
        if line.rstrip().endswith("::"):
            literal_indent = _paragraph_indent(lines, i)
            # ``text::`` shows as ``text:``; the ``::`` itself is markup.
            regions.append(
                (
                    starts[i] + len(line.rstrip()) - 2,
                    starts[i] + len(line.rstrip()),
                    "literal marker",
                )
            )
        i += 1
    # Inline markup, paragraph by paragraph (it never spans a blank line), outside the blocks
    # found above and title adornments.
    blocks = sorted(regions)
    for para in re.finditer(r"(?:^[ \t]*\S.*(?:\n|$))+", text, re.MULTILINE):
        if any(a <= para.start() < b for a, b, _ in blocks):
            continue
        body = "\n".join(
            " " * len(line) if _ADORNMENT.match(line.strip()) else line
            for line in para.group(0).split("\n")
        )
        for m in _INLINE.finditer(body):
            regions.append(
                (para.start() + m.start(), para.start() + m.end(), "inline literal or role")
            )
    return regions


def _paragraph_indent(lines: list[str], i: int) -> int:
    """The indentation of the paragraph that line ``i`` ends (a list item's text counts from
    its first line's marker)."""
    j = i
    while j > 0 and lines[j - 1].strip():
        j -= 1
    return min(_indent(lines[k]) for k in range(j, i + 1))


def _next_line(starts: list[int], end: int) -> int:
    """The index of the line after the one that ``end`` falls on."""
    for k, s in enumerate(starts):
        if s > end:
            return k
    return len(starts) - 1
