"""Insert realistic slips into the clean corpus: about one per 400 words of prose, in prose lines
only, each of a kind that copyfix fixes. Deterministic for a given seed; every injection has a gold
record (file, offsets, kind, original, injected).

    python evaluation/inject.py [--seed 1] [--rate 400]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prose import ProseLine, prose_lines, prose_words  # noqa: E402

HERE = Path(__file__).resolve().parent
CORPUS = HERE / ".corpus"

FUNCTION_WORDS = (
    "the a an to of in and is for on with was it at be by as or from are this his her their"
).split()
# Words that can start a sentence and are never names: safe to lowercase as a slip.
SENTENCE_STARTS = set(
    "the it he she they we this there in but when as his her if a an on at for after then so "
    "one some all what these those its our you your my no not now here each many most such "
    "while although because before during with from".split()
)
ABBREVIATIONS = set(
    "mr mrs ms dr st jr sr vs etc no fig figs vol vols ed eds esq rev gen col capt lt sgt prof "
    "inc ltd co corp approx dept est ca cf al op pp ch sec".split()
)
COMMON_SHORT = set("a i o".split())
# The format each corpus extension is read as (by prose.py here, by copyfix in score.py).
FORMATS = {".txt": "text", ".md": "markdown", ".mdx": "mdx", ".rst": "rst"}


@dataclass(frozen=True)
class Site:
    start: int  # offset in the clean file
    end: int
    original: str
    injected: str


@dataclass
class Injection:
    file: str  # path relative to the corpus folder, e.g. fiction/se-emma/...txt
    kind: str
    start: int  # offset of the change in the clean text
    end: int
    original: str
    injected: str
    istart: int = 0  # offset of the change in the injected text
    iend: int = 0
    line: int = 0  # 1-based line in the injected text


def _word_before(text: str, i: int) -> str:
    m = re.search(r"([A-Za-z]+)$", text[:i])
    return m.group(1) if m else ""


def _sites(pattern: str, make: Callable[[re.Match, ProseLine], Site | None]) -> Callable[[ProseLine], Iterator[Site]]:
    compiled = re.compile(pattern)

    def find(line: ProseLine) -> Iterator[Site]:
        for m in compiled.finditer(line.text):
            site = make(m, line)
            if site is not None and line.free(site.start - line.start, site.end - line.start, 2):
                yield site

    return find


def _glued_comma(m: re.Match, line: ProseLine) -> Site | None:
    s = line.start + m.start(1)
    return Site(s, s + 2, ", ", ",")


def _glued_sentence(m: re.Match, line: ProseLine) -> Site | None:
    if m.group(1).lower() in ABBREVIATIONS:
        return None
    s = line.start + m.start(2)
    return Site(s, s + 2, m.group(2), m.group(2)[0])


def _space_before(m: re.Match, line: ProseLine) -> Site | None:
    s = line.start + m.start(2)
    return Site(s, s + 1, m.group(2), " " + m.group(2))


def _period_before(m: re.Match, line: ProseLine) -> Site | None:
    if m.group(1).lower() in ABBREVIATIONS:
        return None
    s = line.start + m.start(2)
    return Site(s, s + 1, ".", " .")


def _doubled_space(m: re.Match, line: ProseLine) -> Site | None:
    s = line.start + m.start(1)
    return Site(s, s + 1, " ", "  ")


def _lowercase_start(m: re.Match, line: ProseLine) -> Site | None:
    word = m.group(3)
    if word.lower() not in SENTENCE_STARTS or m.group(1).lower() in ABBREVIATIONS:
        return None
    if len(m.group(1)) < 3:
        return None
    s = line.start + m.start(3)
    return Site(s, s + 1, word[0], word[0].lower())


def _doubled_function(m: re.Match, line: ProseLine) -> Site | None:
    word = m.group(1)
    s = line.start + m.start(1)
    return Site(s, s + len(word), word, f"{word} {word}")


def _doubled_content(m: re.Match, line: ProseLine) -> Site | None:
    word = m.group(1)
    if word in FUNCTION_WORDS or len(word) < 5:
        return None
    s = line.start + m.start(1)
    return Site(s, s + len(word), word, f"{word} {word}")


def _wrong_open_quote(m: re.Match, line: ProseLine) -> Site | None:
    s = line.start + m.start(1)
    return Site(s, s + 1, "“", "”")


def _glued_quote(m: re.Match, line: ProseLine) -> Site | None:
    s = line.start + m.start(1)
    return Site(s, s + 3, m.group(1), m.group(1)[0] + m.group(1)[2:])


def _doubled_comma(m: re.Match, line: ProseLine) -> Site | None:
    s = line.start + m.start(1)
    return Site(s, s + 1, ",", ",,")


def _space_in_bracket(m: re.Match, line: ProseLine) -> Site | None:
    s = line.start + m.start(1)
    return Site(s, s + 1, "(", "( ")


def _wrong_apostrophe(m: re.Match, line: ProseLine) -> Site | None:
    s = line.start + m.start(1)
    return Site(s, s + 1, m.group(1), "´")


def _spaced_abbreviation(m: re.Match, line: ProseLine) -> Site | None:
    s = line.start + m.start(1)
    return Site(s, s + 4, m.group(1), m.group(1)[:2] + " " + m.group(1)[2:])


W = r"[a-z][a-z’']*"
# kind -> (weight, site finder). Masks are checked per site, so the patterns stay simple.
KINDS: dict[str, tuple[int, Callable[[ProseLine], Iterator[Site]]]] = {
    "glued-comma": (14, _sites(rf"(?<=[a-z]{{2}})(, )(?=[A-Za-z]{{2}})", _glued_comma)),
    "glued-sentence": (14, _sites(rf"\b([a-z]{{3,}})(\. )(?=[A-Z][a-z]+\b)", _glued_sentence)),
    "space-before-comma": (8, _sites(rf"([a-z]{{2,}})([,;])(?= [a-z])", _space_before)),
    "space-before-period": (4, _sites(rf"\b([a-z]{{3,}})(\.)(?= [A-Z][a-z])", _period_before)),
    "doubled-space": (10, _sites(rf"(?<=[a-z]{{2}})( )(?=[a-z]{{2}})", _doubled_space)),
    "lowercase-start": (12, _sites(rf"\b([a-z]{{3,}})([.!?] )([A-Z][a-z]*)\b", _lowercase_start)),
    "doubled-function-word": (10, _sites(
        rf"(?<= )({'|'.join(FUNCTION_WORDS)})(?= [a-z]{{3,}})", _doubled_function)),
    "doubled-content-word": (6, _sites(rf"(?<= )([a-z]{{5,}})(?=[ ,.;])", _doubled_content)),
    "wrong-open-quote": (8, _sites(r"(?<![^ —(])(“)(?=[A-Za-z])", _wrong_open_quote)),
    "glued-open-quote": (4, _sites(r"(?<=[a-z])(, [“\"])(?=[A-Z])", _glued_quote)),
    "doubled-comma": (4, _sites(rf"(?<=[a-z]{{2}})(,)(?= [a-z])", _doubled_comma)),
    "space-inside-brackets": (3, _sites(r"(?<= )(\()(?=[a-z]{3,}[ a-z]*\))", _space_in_bracket)),
    "wrong-apostrophe": (4, _sites(r"(?<=[a-z]{2})(['’])(?=(?:t|s|ll|re|ve|d|m)\b)", _wrong_apostrophe)),
    "spaced-abbreviation": (8, _sites(r"(?<= )((?:e\.g|i\.e)\.)", _spaced_abbreviation)),
}


def _masked_free(line: ProseLine, site: Site) -> bool:
    return line.free(site.start - line.start, site.end - line.start, 2)


def candidates(lines: list[ProseLine]) -> dict[str, list[Site]]:
    found: dict[str, list[Site]] = {kind: [] for kind in KINDS}
    for line in lines:
        for kind, (_, finder) in KINDS.items():
            found[kind].extend(finder(line))
    return found


def inject_file(rel: str, text: str, seed: int, rate: int) -> tuple[str, list[Injection], int]:
    lines = prose_lines(text, FORMATS.get(Path(rel).suffix, "text"))
    n_words = prose_words(lines)
    rng = random.Random(int(hashlib.sha256(f"{seed}:{rel}".encode()).hexdigest(), 16))
    # Expected one per `rate` words; the fraction is drawn so that short files get their share.
    target = int(n_words / rate + rng.random())
    if not target:
        return text, [], n_words
    found = candidates(lines)
    kinds = [k for k in KINDS if found[k]]
    weights = [KINDS[k][0] for k in kinds]
    chosen: list[tuple[str, Site]] = []
    taken: list[tuple[int, int]] = []
    attempts = 0
    while len(chosen) < target and kinds and attempts < target * 20:
        attempts += 1
        kind = rng.choices(kinds, weights)[0]
        site = rng.choice(found[kind])
        # Keep injections apart so that each fix is attributed to one of them.
        if any(site.start < e + 40 and site.end > s - 40 for s, e in taken):
            continue
        chosen.append((kind, site))
        taken.append((site.start, site.end))
    chosen.sort(key=lambda ks: ks[1].start)
    out, records, pos, shift = [], [], 0, 0
    for kind, site in chosen:
        out.append(text[pos : site.start])
        istart = site.start + shift
        out.append(site.injected)
        shift += len(site.injected) - (site.end - site.start)
        pos = site.end
        records.append(Injection(rel, kind, site.start, site.end, site.original, site.injected,
                                 istart, istart + len(site.injected)))
    out.append(text[pos:])
    injected = "".join(out)
    for record in records:
        record.line = injected.count("\n", 0, record.istart) + 1
    return injected, records, n_words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rate", type=int, default=400, help="one slip per this many prose words")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    clean = args.corpus / "clean"
    target = args.corpus / "injected"
    gold, files = [], {}
    for path in sorted(p for p in clean.rglob("*") if p.is_file() and p.suffix in FORMATS):
        rel = path.relative_to(clean).as_posix()
        text = path.read_text(encoding="utf-8")
        injected, records, n_words = inject_file(rel, text, args.seed, args.rate)
        out = target / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(injected, encoding="utf-8")
        gold.extend(asdict(r) for r in records)
        files[rel] = {"prose_words": n_words, "injections": len(records)}
    with (args.corpus / "gold.jsonl").open("w", encoding="utf-8") as fh:
        for record in gold:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    (args.corpus / "injection-files.json").write_text(json.dumps(
        {"seed": args.seed, "rate": args.rate, "files": files}, indent=0))
    counts: dict[str, int] = {}
    for record in gold:
        counts[record["kind"]] = counts.get(record["kind"], 0) + 1
    total_words = sum(f["prose_words"] for f in files.values())
    print(f"injected {len(gold)} slips into {total_words:,} prose words "
          f"({len(files)} files, seed {args.seed})", file=sys.stderr)
    for kind, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {kind:24} {n:6}", file=sys.stderr)


if __name__ == "__main__":
    main()
