"""Generated datasets for the corpus-mode tests: paragraphs of the seed and of the test prose
(written for these tests), with slips injected the way scraped text has them."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "seeds" / "china-asean-mayors-dialogue.txt"] + sorted(
    (ROOT / "tests" / "corpus" / "prose").glob("clean_*.txt")
)

SLIPS = [
    (", ", ","),  # glued comma
    (". ", ".  "),  # doubled space
    (" the ", " the the "),  # repeated word
    (", ", " , "),  # space before comma
    ("(", "( "),  # space inside brackets
]


def paragraphs() -> list[str]:
    found: list[str] = []
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        found += [p.strip() for p in text.split("\n\n") if len(p.strip()) > 40]
    return found


def records(count: int, seed: int = 16) -> list[dict]:
    """``count`` records with mixed field types; most have a slip or two, some are bad."""
    rng = random.Random(seed)
    paras = paragraphs()
    out: list[dict] = []
    for number in range(count):
        text = rng.choice(paras)
        for _ in range(rng.randint(0, 2)):
            old, new = rng.choice(SLIPS)
            places = [i for i in range(len(text)) if text.startswith(old, i)]
            if places:
                at = rng.choice(places)
                text = text[:at] + new + text[at + len(old) :]
        if number % 7 == 3:
            text = text.replace("\n", "\r\n")
        record = {
            "id": f"doc-{number:05d}",
            "url": f"https://example.org/{number}",
            "text": text,
            "score": number / 7,
            "lang": "en",
            "tags": ["news", str(number % 3)],
        }
        if number % 97 == 5:
            del record["text"]
        elif number % 89 == 7:
            record["text"] = None
        elif number % 83 == 11:
            record["text"] = 42
        out.append(record)
    return out


def write_jsonl(path: Path, rows: list[dict]) -> None:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    if path.name.endswith(".gz"):
        data = gzip.compress(data, mtime=0)
    path.write_bytes(data)


def read_jsonl(path: Path) -> list[dict]:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]


def write_parquet(path: Path, rows: list[dict], row_group_size: int) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # Parquet needs one type per column: records whose text is not a string keep a null.
    clean = [{**r, "text": r.get("text") if isinstance(r.get("text"), str) else None} for r in rows]
    pq.write_table(pa.Table.from_pylist(clean), path, row_group_size=row_group_size)
