"""Score copyfix on the evaluation corpus: run the safe fixer on the injected text and on the
clean text, align each output with its input, and count per genre, split and kind what was
restored, fixed wrongly or missed, and every other change (collateral).

    python evaluation/score.py [--dump FILE] [--json FILE]

``--dump`` writes every collateral change and every clean-text finding of the TUNING half, with
context, for engineers to read. The held-out half is only ever counted.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from regions import regions_of, touched  # noqa: E402

CORPUS = HERE / ".corpus"
MANIFEST = HERE / "manifest.json"

GENRES = ["fiction", "news", "encyclopedic", "technical", "web", "mdx", "hugo", "mkdocs", "rst"]
SPLITS = ["tuning", "heldout"]


# --------------------------------------------------------------------------------------------
# Running copyfix


class Copyfix:
    """The safe fixer and the linter, in-process, exactly as ``copyfix.fix_text(text, path=...)``
    and ``copyfix.lint_text`` run them, but with one registry for the whole run and with the
    diagnostics of the first pass kept (they are the findings on the input text)."""

    def __init__(self) -> None:
        from copyfix.lint.linter import make_linter

        self.linter = make_linter()

    def run(self, text: str, path: str) -> tuple[str, list]:
        from copyfix.lint.fixer import fix_loop
        from copyfix.lint.linter import structure_check
        from copyfix.text.load import kind_for_path

        kind = kind_for_path(path, None)
        first: list = []

        def lint(t: str) -> list:
            found = self.linter.lint(t, path=path, kind=kind)
            if not first:
                first.append(found)
            return found

        verify = structure_check(kind)
        result = fix_loop(text, lint, unsafe=False, verify=verify)
        return result.text, first[0] if first else []


# --------------------------------------------------------------------------------------------
# Alignment


@dataclass
class Change:
    start: int  # span in the input text
    end: int
    replacement: str


def diff(a: str, b: str) -> list[Change]:
    """Character edits turning ``a`` into ``b``: lines first, then characters inside changed lines."""
    if a == b:
        return []
    al, bl = a.splitlines(keepends=True), b.splitlines(keepends=True)
    aoff = [0]
    for line in al:
        aoff.append(aoff[-1] + len(line))
    changes: list[Change] = []
    matcher = difflib.SequenceMatcher(None, al, bl, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        sa, sb = "".join(al[i1:i2]), "".join(bl[j1:j2])
        base = aoff[i1]
        inner = difflib.SequenceMatcher(None, sa, sb, autojunk=False)
        for t, x1, x2, y1, y2 in inner.get_opcodes():
            if t != "equal":
                changes.append(Change(base + x1, base + x2, sb[y1:y2]))
    return _merge(changes, a)


def _merge(changes: list[Change], a: str, gap: int = 2) -> list[Change]:
    """Join edits a couple of characters apart: one slip fixed is one change."""
    merged: list[Change] = []
    for c in changes:
        if merged and c.start - merged[-1].end <= gap:
            last = merged[-1]
            last.replacement += a[last.end : c.start] + c.replacement
            last.end = c.end
        else:
            merged.append(Change(c.start, c.end, c.replacement))
    return merged


def apply(text: str, changes: list[Change], offset: int = 0) -> str:
    out, pos = [], 0
    for c in changes:
        out.append(text[pos : c.start - offset])
        out.append(c.replacement)
        pos = c.end - offset
    out.append(text[pos:])
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Scoring


@dataclass
class Tally:
    words: int = 0
    files: int = 0
    kinds: dict = field(default_factory=lambda: defaultdict(Counter))  # kind -> outcome -> n
    collateral: int = 0
    known: int = 0
    clean_changes: int = 0
    clean_findings: int = 0
    clean_findings_by_code: Counter = field(default_factory=Counter)
    clean_changes_by_code: Counter = field(default_factory=Counter)
    collateral_by_code: Counter = field(default_factory=Counter)
    region_edits: int = 0  # edits inside code, markup, math, links (regions.py), both runs
    region_edits_by_kind: Counter = field(default_factory=Counter)


def _rule_at(diagnostics: list, start: int, end: int) -> str:
    codes = []
    for d in diagnostics:
        if d.fix is None:
            continue
        for e in d.fix.edits:
            if e.span.start <= end + 1 and e.span.end >= start - 1:
                codes.append(d.code)
                break
    return "+".join(sorted(set(codes))) or "?"


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    a = max(0, start - width)
    b = min(len(text), end + width)
    return text[a:b].replace("\n", "⏎")


def _around(text: str, start: int, end: int, width: int = 40) -> dict:
    return {"context": _context(text, start, end, width),
            "prefix": text[max(0, start - width) : start].replace("\n", "⏎"),
            "suffix": text[end : end + width].replace("\n", "⏎")}


def _known(slips: list[dict], rel: str, text: str, change: Change) -> bool:
    for slip in slips:
        if slip["file"] != rel:
            continue
        before = slip["before"]
        lo = max(0, change.start - len(before))
        if before in text[lo : change.end + len(before)]:
            return True
    return False


def score_file(
    rel: str, clean: str, injected: str, gold: list[dict], cf: Copyfix, slips: list[dict],
    tally: Tally, dump: list | None,
) -> None:
    fixed_i, diags_i = cf.run(injected, rel)
    fixed_c, diags_c = cf.run(clean, rel)
    _check_regions(rel, [(injected, fixed_i, "injected"), (clean, fixed_c, "clean")], tally, dump)

    # Injected run: attach each change to the injection it touches.
    changes = diff(injected, fixed_i)
    owner: dict[int, list[Change]] = defaultdict(list)
    free: list[Change] = []
    for c in changes:
        for k, g in enumerate(gold):
            if c.start <= g["iend"] + 1 and c.end >= g["istart"] - 1:
                owner[k].append(c)
                break
        else:
            free.append(c)
    for k, g in enumerate(gold):
        mine = owner.get(k, [])
        if not mine:
            outcome = "missed"
            if dump is not None:
                dump.append({"type": "missed", "file": rel, "kind": g["kind"], "line": g["line"],
                             "old": g["injected"], "new": g["original"],
                             **_around(injected, g["istart"], g["iend"])})
        else:
            r0 = min([g["istart"]] + [c.start for c in mine])
            r1 = max([g["iend"]] + [c.end for c in mine])
            got = apply(injected[r0:r1], mine, r0)
            want = injected[r0 : g["istart"]] + g["original"] + injected[g["iend"] : r1]
            outcome = "restored" if got == want else "wrong"
            if outcome == "wrong" and dump is not None:
                dump.append({"type": "wrong-fix", "file": rel, "kind": g["kind"],
                             "line": g["line"], "rule": _rule_at(diags_i, r0, r1),
                             "before": injected[r0 - 30 : r1 + 30].replace("\n", "⏎"),
                             "after": got, "want": want})
        tally.kinds[g["kind"]][outcome] += 1
    for c in free:
        # A change to a real slip of the source is not collateral. Offsets before the first
        # injection are the same in both texts; elsewhere, look the change up by its context.
        if _known(slips, rel, injected, c):
            tally.known += 1
            continue
        tally.collateral += 1
        code = _rule_at(diags_i, c.start, c.end)
        tally.collateral_by_code[code] += 1
        if dump is not None:
            line, col = _line_col(injected, c.start)
            dump.append({"type": "collateral", "file": rel, "line": line, "column": col,
                         "rule": code, "old": injected[c.start:c.end], "new": c.replacement,
                         **_around(injected, c.start, c.end)})

    # Clean run.
    for c in diff(clean, fixed_c):
        if _known(slips, rel, clean, c):
            continue
        tally.clean_changes += 1
        code = _rule_at(diags_c, c.start, c.end)
        tally.clean_changes_by_code[code] += 1
        if dump is not None:
            line, col = _line_col(clean, c.start)
            dump.append({"type": "clean-change", "file": rel, "line": line, "column": col,
                         "rule": code, "old": clean[c.start:c.end], "new": c.replacement,
                         **_around(clean, c.start, c.end)})
    tally.clean_findings += len(diags_c)
    for d in diags_c:
        tally.clean_findings_by_code[d.code] += 1
        if dump is not None:
            fix = ""
            if d.fix is not None:
                fix = d.fix.applicability.name.lower()
            dump.append({"type": "clean-finding", "file": rel, "line": d.line, "column": d.column,
                         "rule": d.code, "severity": d.severity.name.lower(), "fix": fix,
                         "message": d.message, **_around(clean, d.span.start, d.span.end)})


def _check_regions(rel: str, runs: list[tuple[str, str, str]], tally: Tally,
                   dump: list | None) -> None:
    """Count the edits that change a protected region of a documentation file (regions.py)."""
    suffix = Path(rel).suffix
    if suffix not in (".md", ".mdx", ".rst"):
        return
    for before, after, run in runs:
        if before == after:
            continue
        for edit in touched(before, after, regions_of(before, suffix)):
            tally.region_edits += 1
            tally.region_edits_by_kind[edit["kind"]] += 1
            if dump is not None:
                line, col = _line_col(before, edit["start"])
                dump.append({"type": "region-edit", "run": run, "file": rel, "line": line,
                             "column": col, **edit, **_around(before, edit["start"], edit["end"])})


def per10k(n: int, words: int) -> float:
    return 10_000 * n / words if words else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--dump", type=Path, help="write tuning-half collateral and findings here (JSON lines)")
    parser.add_argument("--json", type=Path, default=CORPUS / "results.json", help="write figures here")
    parser.add_argument("--genre", action="append", help="score only these genres")
    parser.add_argument("--split", choices=SPLITS, help="score only this half")
    args = parser.parse_args()

    manifest = json.loads(MANIFEST.read_text())
    split_of = {f["out"]: f["split"] for f in manifest["files"]}
    genre_of = {f["out"]: f["genre"] for f in manifest["files"]}
    slips = manifest.get("known_slips", [])
    gold_by_file: dict[str, list[dict]] = defaultdict(list)
    for line in (args.corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        gold_by_file[g["file"]].append(g)
    info = json.loads((args.corpus / "injection-files.json").read_text())["files"]

    cf = Copyfix()
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    dump: list[dict] = []
    started = time.time()
    for rel in sorted(info):
        genre, split = genre_of[rel], split_of[rel]
        if (args.genre and genre not in args.genre) or (args.split and split != args.split):
            continue
        clean = (args.corpus / "clean" / rel).read_text(encoding="utf-8")
        injected = (args.corpus / "injected" / rel).read_text(encoding="utf-8")
        tally = tallies[(genre, split)]
        tally.words += info[rel]["prose_words"]
        tally.files += 1
        want_dump = args.dump is not None and split == "tuning"
        score_file(rel, clean, injected, gold_by_file.get(rel, []), cf, slips, tally,
                   dump if want_dump else None)
    elapsed = time.time() - started

    results = report(tallies)
    print(f"\n{sum(t.words for t in tallies.values()):,} prose words scored in {elapsed:.0f} s")
    args.json.write_text(json.dumps(results, indent=1))
    if args.dump is not None:
        with args.dump.open("w", encoding="utf-8") as fh:
            for item in dump:
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
        print(f"tuning-half details: {args.dump} ({len(dump)} records)")


def _figures(t: Tally) -> dict:
    kinds = {k: dict(v) for k, v in sorted(t.kinds.items())}
    restored = sum(v["restored"] for v in t.kinds.values())
    wrong = sum(v["wrong"] for v in t.kinds.values())
    total = sum(sum(v.values()) for v in t.kinds.values())
    doubled = [t.kinds[k] for k in ("doubled-function-word", "doubled-content-word")]
    return {
        "files": t.files, "prose_words": t.words, "injections": total, "restored": restored,
        "wrong": wrong, "missed": total - restored - wrong, "collateral": t.collateral,
        "known_slips_fixed": t.known,
        "recall": restored / total if total else 0.0,
        "precision": restored / (restored + wrong + t.collateral) if restored + wrong + t.collateral else 1.0,
        "collateral_per_10k": per10k(t.collateral, t.words),
        "clean_changes_per_10k": per10k(t.clean_changes, t.words),
        "clean_findings_per_10k": per10k(t.clean_findings, t.words),
        "doubled_word_recall": (sum(d["restored"] for d in doubled) / sum(sum(d.values()) for d in doubled))
        if sum(sum(d.values()) for d in doubled) else 0.0,
        "region_edits": t.region_edits,
        "region_edits_by_kind": dict(t.region_edits_by_kind.most_common()),
        "kinds": kinds,
        "clean_changes_by_rule": dict(t.clean_changes_by_code.most_common()),
        "clean_findings_by_rule": dict(t.clean_findings_by_code.most_common()),
        "collateral_by_rule": dict(t.collateral_by_code.most_common()),
    }


def _merge_tallies(items: list[Tally]) -> Tally:
    out = Tally()
    for t in items:
        out.words += t.words
        out.files += t.files
        for k, v in t.kinds.items():
            out.kinds[k].update(v)
        out.collateral += t.collateral
        out.known += t.known
        out.clean_changes += t.clean_changes
        out.clean_findings += t.clean_findings
        out.clean_findings_by_code.update(t.clean_findings_by_code)
        out.clean_changes_by_code.update(t.clean_changes_by_code)
        out.collateral_by_code.update(t.collateral_by_code)
        out.region_edits += t.region_edits
        out.region_edits_by_kind.update(t.region_edits_by_kind)
    return out


def report(tallies: dict[tuple[str, str], Tally]) -> dict:
    results: dict = {}
    genres = [g for g in GENRES if any((g, s) in tallies for s in SPLITS)]
    for genre in genres + ["ALL"]:
        figs = {}
        for split in SPLITS:
            if genre == "ALL":
                t = _merge_tallies([v for (g, s), v in tallies.items() if s == split])
            else:
                t = tallies.get((genre, split), Tally())
            figs[split] = _figures(t)
        results[genre] = figs
        print_table(genre, figs)
    return results


def print_table(genre: str, figs: dict) -> None:
    tu, ho = figs["tuning"], figs["heldout"]
    print(f"\n== {genre}  (tuning: {tu['files']} files, {tu['prose_words']:,} prose words; "
          f"held-out: {ho['files']} files, {ho['prose_words']:,} prose words)")
    print(f"{'':30}{'tuning':>16}{'held-out':>16}")
    rows = [
        ("slips restored / injected", lambda f: f"{f['restored']}/{f['injections']} {100 * f['recall']:.0f}%"),
        ("fixed wrongly", lambda f: str(f["wrong"])),
        ("precision of fix", lambda f: f"{100 * f['precision']:.1f}%"),
        ("collateral edits", lambda f: str(f["collateral"])),
        ("collateral / 10k words", lambda f: f"{f['collateral_per_10k']:.2f}"),
        ("clean: safe changes / 10k", lambda f: f"{f['clean_changes_per_10k']:.2f}"),
        ("clean: findings / 10k", lambda f: f"{f['clean_findings_per_10k']:.1f}"),
        ("edits in protected regions", lambda f: str(f["region_edits"])),
        ("doubled words removed (safe)", lambda f: f"{100 * f['doubled_word_recall']:.0f}%"),
    ]
    for label, fmt in rows:
        print(f"{label:30}{fmt(tu):>16}{fmt(ho):>16}")
    kinds = sorted(set(tu["kinds"]) | set(ho["kinds"]))
    print(f"{'  restored by kind':30}{'':>16}{'':>16}")
    for kind in kinds:
        def cell(f: dict) -> str:
            v = f["kinds"].get(kind, {})
            n = sum(v.values())
            if not n:
                return "-"
            return f"{v.get('restored', 0)}/{n} w{v.get('wrong', 0)}"
        print(f"    {kind:26}{cell(tu):>16}{cell(ho):>16}")


if __name__ == "__main__":
    main()
