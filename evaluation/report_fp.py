"""Group the tuning-half dump of score.py by rule and by the shape of the change, most frequent
first, with a few examples each: a starting point for reading false positives.

    python evaluation/report_fp.py evaluation/.corpus/tuning-dump.jsonl [--examples 3]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

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
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
