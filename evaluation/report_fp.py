"""Group the tuning-half dump of score.py by rule and by the shape of the change, most frequent
first, with a few examples each: a starting point for reading false positives.

    python evaluation/report_fp.py evaluation/.corpus/tuning-dump.jsonl [--examples 3]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from categories import categorise  # noqa: E402

QUOTES = set("'\"‘’“”´`")


def shape(old: str, new: str) -> str:
    if not old and new.strip() == "":
        return "insert space"
    if old.strip() == "" and not new:
        return "delete whitespace"
    if old.strip() == "" and new.strip() == "":
        return "change whitespace"
    if old.lower() == new.lower():
        return "recase " + ("to upper" if new[:1].isupper() else "to lower")
    if set(old) <= QUOTES and set(new) <= QUOTES:
        return f"{old} -> {new}"
    if not new and old.strip():
        return "delete " + ("word" if old.strip().isalpha() else repr(old.strip()))
    return f"{old!r} -> {new!r}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dump", type=Path)
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--types", default="collateral,clean-change,wrong-fix",
                        help="record types to group (clean-finding is also possible)")
    parser.add_argument("--categorise", action="store_true",
                        help="group changes to clean text by the named patterns of categories.py, as Markdown")
    args = parser.parse_args()
    if args.categorise:
        categorised(args.dump, args.examples)
        return
    types = set(args.types.split(","))
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for line in args.dump.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["type"] not in types:
            continue
        if item["type"] == "clean-finding":
            key = (item["type"], item["rule"], item.get("fix") or "no fix")
        elif item["type"] == "wrong-fix":
            key = (item["type"], item["rule"], item["kind"])
        else:
            key = (item["type"], item["rule"], shape(item["old"], item["new"]))
        groups[key].append(item)
    for (kind, rule, pattern), items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        genres = sorted({i["file"].split("/")[0] for i in items})
        print(f"{len(items):5}  {kind:13} {rule:12} {pattern}   [{', '.join(genres)}]")
        for item in items[: args.examples]:
            where = f"{item['file']}:{item['line']}"
            text = item.get("context") or item.get("before")
            print(f"         {where}\n           {text}")


def _example(item: dict) -> str:
    before = item.get("prefix", "")[-28:]
    after = item.get("suffix", "")[:28]
    old, new = item.get("old", ""), item.get("new", "")
    return f"`{before}[{old}→{new}]{after}`".replace("\xa0", "·")


def categorised(dump: Path, n_examples: int) -> None:
    items = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
    clean = defaultdict(list)
    collateral = Counter()
    for item in items:
        if item["type"] == "clean-change":
            clean[categorise(item)].append(item)
        elif item["type"] == "collateral":
            collateral[categorise(item)] += 1
    total = sum(len(v) for v in clean.values())
    print(f"Safe-fix changes to the clean tuning text: {total} "
          f"(collateral edits in the injected tuning run: {sum(collateral.values())})\n")
    print("| # | changes to clean text | collateral in injected run | genres | pattern |")
    print("|---:|---:|---:|---|---|")
    ranked = sorted(clean.items(), key=lambda kv: -len(kv[1]))
    for rank, (label, group) in enumerate(ranked, 1):
        genres = Counter(i["file"].split("/")[0] for i in group)
        where = ", ".join(f"{g} {n}" for g, n in genres.most_common())
        print(f"| {rank} | {len(group)} | {collateral[label]} | {where} | {label} |")
    print()
    for rank, (label, group) in enumerate(ranked, 1):
        print(f"{rank}. **{label}** ({len(group)})")
        seen = set()
        shown = 0
        # One example per source first, so that a pattern shows where it occurs.
        by_source: dict[str, list[dict]] = defaultdict(list)
        for item in group:
            by_source[item["file"].split("/")[1]].append(item)
        order = [items_[0] for items_ in by_source.values()] + group
        for item in order:
            example = _example(item)
            if example in seen:
                continue
            seen.add(example)
            print(f"   - {example} ({item['file'].split('/')[1]})")
            shown += 1
            if shown >= n_examples:
                break


if __name__ == "__main__":
    main()
