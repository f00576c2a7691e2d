"""Region protection: the parts of a documentation file that ``copyfix fix`` must never change,
found by a scanner of its own (not copyfix's masks, so that a gap in those shows up here), and
the edits of a fix that touch them.

    python evaluation/regions.py [--genre mdx] [--split tuning] [--details]

What the scanner protects, by format:

- Markdown (and Hugo, MkDocs) and MDX: fenced code blocks (``` and ~~~, at any indentation,
  ``math`` fences included), code spans, front matter (``---`` or ``+++``), template tags
  (``{{< >}}``, ``{{% %}}``, ``{{ }}``, ``{% %}``, ``{# #}``) and the bodies of paired
  shortcodes and blocks that hold code (named ``highlight``, ``code``, ``raw`` and the like, or
  whose lines are mostly not sentences), math (``$$…$$``, ``$…$`` with no space inside its
  delimiters, ``\\(…\\)``, ``\\[…\\]``), link and image destinations (inline, reference
  definitions, autolinks), HTML tags, Python-Markdown attribute lists; in MDX also ESM
  ``import``/``export`` statements, JSX tags with their attributes, and ``{expressions}``.
  Indented code blocks are not looked for (MkDocs bodies are indented prose).
- reStructuredText: literal blocks (after ``::``), doctest blocks, directive lines with their
  options, the bodies of code directives (``code-block``, ``literalinclude``, ``math``,
  ``raw``, Sphinx's ``auto*`` and domain directives, ...), comments and targets, inline
  literals, roles and interpreted text, hyperlink references and substitutions.

An edit touches a region when it replaces or deletes a character inside it, or inserts text
strictly inside it (an insertion at a region's edge, such as a space before a code span, does
not change the region).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

Region = tuple[int, int, str]  # start, end, kind

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})", re.MULTILINE)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_FRONT = re.compile(
    r"\A(---|\+\+\+)[ \t]*\n.*?^(?:---|\+\+\+|\.\.\.)[ \t]*$", re.MULTILINE | re.DOTALL
)
_TEMPLATE = re.compile(r"\{\{<.*?>\}\}|\{\{%.*?%\}\}|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_SHORTCODE_NAME = re.compile(r"\{\{[<%]\s*(/?)\s*([\w./-]+)|\{%-?\s*(end)?(\w+)")
CODE_SHORTCODES = frozenset(
    ["highlight", "code", "codeblock", "raw", "verbatim", "mermaid", "math", "katex", "chart"]
)
_MATH = re.compile(
    r"\$\$.+?\$\$|(?<![\\$\w])\$(?=\S)[^$\n]+?(?<=\S)\$(?![\d$])|\\\(.+?\\\)|\\\[.+?\\\]", re.DOTALL
)
_LINK_DEST = re.compile(r"\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\)")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*(\S+)", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]+>")
_HTML = re.compile(r"</?[A-Za-z][\w-]*(?:\s+[^<>]*?)?/?>", re.DOTALL)
_ATTR_LIST = re.compile(r"\{:?[ \t]*[.#][^}\n]*\}")
_ESM = re.compile(r"^(?:import|export)\b.*?(?=\n[ \t]*\n|\Z)", re.MULTILINE | re.DOTALL)
_JSX_START = re.compile(r"</?[A-Za-z][\w.:-]*|<>|</>")
_WORDISH = re.compile(r"[A-Za-z][a-z’']*[,.;:!?)]*")


def _fenced(text: str) -> list[Region]:
    regions, open_at, fence = [], -1, ""
    for m in _FENCE.finditer(text):
        marker = m.group(1)
        if open_at < 0:
            open_at, fence = m.start(), marker
        elif marker[0] == fence[0] and len(marker) >= len(fence):
            line_end = text.find("\n", m.end())
            regions.append((open_at, len(text) if line_end < 0 else line_end, "code fence"))
            open_at = -1
    if open_at >= 0:
        regions.append((open_at, len(text), "code fence"))
    return regions


def _inside(pos: int, regions: list[Region]) -> bool:
    return any(a <= pos < b for a, b, _ in regions)


def _balanced(text: str, start: int, open_c: str = "{", close_c: str = "}") -> int:
    depth, i, quote = 0, start, ""
    limit = min(len(text), start + 4000)
    while i < limit:
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = ""
        elif c in "\"'`" and depth:
            quote = c
        elif c == open_c:
            depth += 1
        elif c == close_c:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _jsx_tags(text: str, code: list[Region]) -> list[Region]:
    regions = []
    for m in _JSX_START.finditer(text):
        if _inside(m.start(), code):
            continue
        i = m.end()
        while i < len(text) and i - m.start() < 4000:
            c = text[i]
            if c == "{":
                end = _balanced(text, i)
                if end < 0:
                    break
                i = end
                continue
            if c in "\"'":
                close = text.find(c, i + 1)
                if close < 0:
                    break
                i = close + 1
                continue
            if c == ">":
                regions.append((m.start(), i + 1, "JSX tag"))
                break
            if c == "<":
                break
            i += 1
    return regions


def _paired_code_bodies(text: str) -> list[Region]:
    regions = []
    tags = [(m, _SHORTCODE_NAME.match(m.group(0))) for m in _TEMPLATE.finditer(text)]
    for k, (m, name_m) in enumerate(tags):
        if not name_m or name_m.group(1) or name_m.group(3):
            continue
        name = name_m.group(2) or name_m.group(4)
        for m2, n2 in tags[k + 1 :]:
            if n2 and (n2.group(1) or n2.group(3)) and (n2.group(2) or n2.group(4)) == name:
                body = text[m.end() : m2.start()]
                lines = [line for line in body.splitlines() if line.strip()]
                sentences = sum(map(_prose_like, lines))
                # Docsy's ``{{< tab >}}`` (not ``{{% tab %}}``) holds a code sample.
                as_code = name == "tab" and m.group(0).startswith("{{<")
                if as_code or name.split("/")[-1] in CODE_SHORTCODES or 2 * sentences < len(lines):
                    regions.append((m.end(), m2.start(), f"body of {name}"))
                break
    return regions


def _prose_like(line: str) -> bool:
    """Four words or more, most tokens plain words: a line of prose rather than code or data."""
    tokens = line.split()
    return len(tokens) >= 4 and sum(map(bool, map(_WORDISH.fullmatch, tokens))) >= 0.7 * len(tokens)


def markdown_regions(text: str, mdx: bool) -> list[Region]:
    """Regions of a Markdown or MDX document that a fix must not change."""
    regions = _fenced(text)
    code = list(regions)
    front = _FRONT.match(text)
    if front:
        regions.append((0, front.end(), "front matter"))
        code.append((0, front.end(), "front matter"))

    def add(pattern: re.Pattern, kind: str, group: int = 0) -> None:
        for m in pattern.finditer(text):
            if not _inside(m.start(), code):
                regions.append((m.start(group), m.end(group), kind))

    add(_CODE_SPAN, "code span")
    code += [r for r in regions if r[2] == "code span"]
    add(_TEMPLATE, "template tag")
    regions += _paired_code_bodies(text)
    add(_MATH, "math")
    add(_LINK_DEST, "link destination", 1)
    add(_REF_DEF, "link destination", 1)
    add(_AUTOLINK, "link destination")
    if mdx:
        add(_ESM, "ESM")
        regions += _jsx_tags(text, code)
        for m in re.finditer(r"\{", text):
            if not _inside(m.start(), code) and not _inside(m.start(), regions):
                end = _balanced(text, m.start())
                if end > 0:
                    regions.append((m.start(), end, "expression"))
    else:
        add(_HTML, "HTML tag")
        add(_ATTR_LIST, "attribute list")
    return regions


def regions_of(text: str, suffix: str) -> list[Region]:
    """The protected regions of a corpus file, by its extension."""
    if suffix == ".rst":
        from regions_rst import rst_regions

        return rst_regions(text)
    if suffix in (".md", ".mdx"):
        return markdown_regions(text, mdx=suffix == ".mdx")
    return []


def char_edits(a: str, b: str) -> list[tuple[int, int, str]]:
    """Character edits turning ``a`` into ``b`` (lines first, then characters), not merged."""
    al, bl = a.splitlines(keepends=True), b.splitlines(keepends=True)
    offsets = [0]
    for line in al:
        offsets.append(offsets[-1] + len(line))
    edits = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, al, bl, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        sa, sb = "".join(al[i1:i2]), "".join(bl[j1:j2])
        inner = difflib.SequenceMatcher(None, sa, sb, autojunk=False)
        for t, x1, x2, y1, y2 in inner.get_opcodes():
            if t != "equal":
                edits.append((offsets[i1] + x1, offsets[i1] + x2, sb[y1:y2]))
    return edits


def touched(before: str, after: str, regions: list[Region]) -> list[dict]:
    """The edits turning ``before`` into ``after`` that change a protected region."""
    found = []
    for s, e, rep in char_edits(before, after) if before != after else []:
        for a, b, kind in regions:
            if (s < b and e > a) if s < e else a < s < b:
                found.append(
                    {
                        "kind": kind,
                        "start": s,
                        "end": e,
                        "old": before[s:e],
                        "new": rep,
                        "region": before[a:b][:120],
                    }
                )
                break
    return found


def main() -> None:
    from score import CORPUS, MANIFEST, SPLITS, Copyfix

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--genre", action="append", help="only these genres")
    parser.add_argument("--split", choices=SPLITS)
    parser.add_argument(
        "--details",
        action="store_true",
        help="print each region edit of the tuning half (held-out: counts only)",
    )
    args = parser.parse_args()
    manifest = json.loads(MANIFEST.read_text())
    cf = Copyfix()
    counts: Counter = Counter()
    regions_seen: Counter = Counter()
    for f in manifest["files"]:
        suffix = Path(f["out"]).suffix
        if suffix not in (".md", ".mdx", ".rst"):
            continue
        if (args.genre and f["genre"] not in args.genre) or (
            args.split and f["split"] != args.split
        ):
            continue
        text = (CORPUS / "clean" / f["out"]).read_text(encoding="utf-8")
        regions = regions_of(text, suffix)
        regions_seen[(f["genre"], f["split"])] += len(regions)
        fixed, _ = cf.run(text, f["out"])
        for edit in touched(text, fixed, regions):
            counts[(f["genre"], f["split"])] += 1
            if args.details and f["split"] == "tuning":
                print(json.dumps({"file": f["out"], **edit}, ensure_ascii=False))
    for key in sorted(regions_seen):
        print(
            f"{key[0]:8} {key[1]:8} regions {regions_seen[key]:6}  edits touching them "
            f"{counts[key]}"
        )


if __name__ == "__main__":
    main()
