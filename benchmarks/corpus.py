"""Build benchmark inputs at run time from the standard library's docstrings and the seeds.

Nothing large is committed: every input is regenerated deterministically on the machine that
runs the benchmark, so figures from two machines are measured on the same shapes of text.
"""

from __future__ import annotations

import importlib
import inspect
import random
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Modules whose docstrings are mostly English prose; importing them has no side effects.
_MODULES = (
    "abc argparse ast asyncio base64 bisect calendar collections concurrent.futures configparser "
    "contextlib copy csv dataclasses datetime decimal difflib email enum fractions functools "
    "gettext glob gzip hashlib heapq hmac html http.client http.server imaplib inspect io "
    "ipaddress itertools json locale logging mailbox math mimetypes multiprocessing numbers "
    "operator optparse os pathlib pickle pkgutil platform plistlib poplib pprint queue random "
    "re shlex shutil signal smtplib socket socketserver sqlite3 ssl statistics string struct "
    "subprocess tarfile tempfile textwrap threading timeit tokenize traceback types typing "
    "unittest urllib.parse urllib.request uuid warnings weakref xml.dom.minidom zipfile zoneinfo"
).split()


def _docstrings() -> list[str]:
    docs: list[str] = []
    seen: set[int] = set()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in _MODULES:
            try:
                module = importlib.import_module(name)
            except Exception:  # a platform without the module still benchmarks the rest
                continue
            objects = [module]
            for _, obj in sorted(vars(module).items()):
                if inspect.isclass(obj) or inspect.isfunction(obj):
                    if getattr(obj, "__module__", None) == module.__name__:
                        objects.append(obj)
                        if inspect.isclass(obj):
                            objects += [
                                m for _, m in sorted(vars(obj).items()) if inspect.isfunction(m)
                            ]
            for obj in objects:
                doc = inspect.getdoc(obj)
                if doc and id(doc) not in seen and len(doc) > 80:
                    seen.add(id(doc))
                    docs.append(doc.strip())
    return docs


def _is_prose(block: str) -> bool:
    """Keep paragraphs of sentences; drop code samples, tables and option lists."""
    lines = block.splitlines()
    if any(line[:1].isspace() or line.startswith((">>>", "...", "-", "*", "|")) for line in lines):
        return False
    letters = sum(c.isalpha() or c == " " for c in block)
    return letters / len(block) > 0.85 and block.rstrip()[-1:] in ".:)"


def _paragraphs() -> list[str]:
    paras: list[str] = []
    for doc in _docstrings():
        for block in doc.split("\n\n"):
            block = block.strip()
            if len(block) > 60 and _is_prose(block):
                paras.append(block)
    for seed in sorted(SEEDS.glob("*.txt")):
        if not seed.name.endswith(".fixed.txt"):
            paras += [p for p in seed.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return paras


def _fill(pieces: list[str], size: int, sep: str) -> str:
    out: list[str] = []
    total = 0
    i = 0
    while total < size:
        piece = pieces[i % len(pieces)]
        out.append(piece)
        total += len(piece.encode("utf-8")) + len(sep)
        i += 1
    return sep.join(out)[:size].rsplit("\n", 1)[0] + "\n"


def _mixed_paragraphs(seed: int, count: int) -> list[str]:
    """Paragraphs of three to six sentences drawn from the whole corpus, so that a long input
    is not one block of text repeated (which RP002,
    duplicated-paragraph-line-or-sentence, would flag)."""
    rng = random.Random(seed)
    sentences = [
        s.strip().replace("\n", " ") + "."
        for p in _paragraphs()
        for s in p.split(". ")
        if len(s.strip()) > 20
    ]
    out = []
    for _ in range(count):
        picked = rng.sample(sentences, rng.randint(3, 6))
        out.append(" ".join(s.rstrip(".") + "." for s in picked))
    return out


def plain_text(size: int = 1_000_000) -> str:
    paras = _paragraphs() + _mixed_paragraphs(3, max(1, size // 400))
    return _fill(paras, size, "\n\n")


def plain_text_scaled(size: int, base: int = 1_000_000) -> str:
    """``size`` bytes made of copies of ``plain_text(base)``, each with its paragraphs in a
    different order: the same kind of text as the base, so time against the base measures how
    the linter scales, not how the mix of text changes (``plain_text`` of 50 MB is mostly
    generated paragraphs, with far more findings per megabyte than its first megabyte).

    In copy ``i`` the sentences of each paragraph are also rotated by ``i``, so that copyfix's
    memo of paragraphs seen before does not make the larger inputs cheaper than the base; the
    paragraphs of one sentence (about 13% of the text) do repeat from copy to copy."""
    paras = plain_text(base).split("\n\n")
    copies = []
    for i in range(max(1, size // base)):
        shuffled = [_rotated(p.strip("\n"), i) for p in paras]
        random.Random(i).shuffle(shuffled)
        copies.append("\n\n".join(shuffled))
    return "\n\n".join(copies) + "\n"


def _rotated(paragraph: str, by: int) -> str:
    """The paragraph with its sentences (split at ". ") rotated by ``by``, keeping its end."""
    end = "." if paragraph.endswith(".") else ""
    sentences = paragraph.removesuffix(end).split(". ")
    if len(sentences) < 2 or by % len(sentences) == 0:
        return paragraph
    k = by % len(sentences)
    return ". ".join(sentences[k:] + sentences[:k]) + end


def _md_section(rng: random.Random, paras: list[str], i: int) -> str:
    title = paras[i % len(paras)].split(".")[0][:50].replace("\n", " ").strip("#*`[] ")
    body = [f"## {title or 'Section'} {i}", ""]
    for j in range(rng.randint(2, 4)):
        body += [paras[(i * 7 + j) % len(paras)], ""]
    kind = i % 4
    if kind == 0:
        body += ["```python", "def f(a,b):", "    return a.b,c  # end.Next", "```", ""]
    elif kind == 1:
        body += [
            "| Option | Meaning |",
            "| --- | --- |",
            "| `-j` | the number of worker processes , one per core |",
            "| `--no-cache` | ignore the cache.It is kept in `.copyfix_cache/` |",
            "",
        ]
    elif kind == 2:
        body += [
            f"See [the docs](https://docs.python.org/3/library/m{i}.html?a=1,b=2) and "
            "<https://example.com/x.y> for details, or `config.yaml`.",
            "",
            "- first item,with a missing space",
            "- second item with `inline.code`",
            "",
        ]
    else:
        body += ["> A quoted paragraph ,with a stray space. and a lowercase start.", ""]
    return "\n".join(body)


def markdown(size: int = 1_000_000) -> str:
    rng = random.Random(7)
    paras = _paragraphs()
    sections = [_md_section(rng, paras, i) for i in range(400)]
    return "---\ntitle: Benchmark\n---\n\n# Benchmark document\n\n" + _fill(sections, size, "\n")


def tree(root: Path, files: int = 2000) -> int:
    """Write ``files`` small Markdown files under ``root``; return their total size in bytes."""
    rng = random.Random(11)
    paras = _paragraphs()
    total = 0
    for i in range(files):
        folder = root / f"d{i // 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        parts = [f"# Note {i}", ""]
        parts += [_md_section(rng, paras, i + k) for k in range(rng.randint(1, 3))]
        data = "\n".join(parts).encode("utf-8")
        (folder / f"note{i:04d}.md").write_bytes(data)
        total += len(data)
    return total


LICENSES = Path("/usr/share/common-licenses")


def licence_text(size: int = 1_000_000) -> str:
    """Licence texts and standard-library docstrings, whole and in order, as they ship: wrapped
    lines, numbered clauses, capitalised disclaimers, code samples and option lists included.
    Where /usr/share/common-licenses is missing, licence-style text is generated instead."""
    pieces: list[str] = []
    if LICENSES.is_dir():
        for path in sorted(p for p in LICENSES.iterdir() if p.is_file() and not p.is_symlink()):
            pieces.append(path.read_text(encoding="utf-8", errors="replace"))
    if not pieces:
        sys.path.insert(0, str(ROOT / "tests"))
        from scaling_shapes import licence

        pieces.append(licence(200_000))
    docs = _docstrings()
    out: list[str] = []
    total = 0
    i = 0
    while total < size:
        # One licence, then a run of docstrings, so both kinds of text are spread over the file.
        piece = pieces[i % len(pieces)] if i % 2 == 0 else "\n\n".join(
            docs[(i * 20) % len(docs) : (i * 20) % len(docs) + 40]
        )
        out.append(piece)
        total += len(piece.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(out)[:size].rsplit("\n", 1)[0] + "\n"


def pathological() -> dict[str, str]:
    return {
        "1M commas": "," * 1_000_000,
        "10 MB single line": ("word, another.word and the the " * 400_000)[:10_000_000],
        "1 MB 'a a a'": "a " * 500_000,
        "10k quotes": "\u201d\u201c\"' " * 10_000,
    }


if __name__ == "__main__":
    text = plain_text()
    sys.stdout.write(text[:2000])
