"""Build the evaluation corpus from the sources listed in the manifest.

    python evaluation/build_corpus.py                 # build evaluation/.corpus/clean from the manifest
    python evaluation/build_corpus.py --update-manifest   # re-select files from the sources
    python evaluation/build_corpus.py --update-manifest --only flask-docs   # just these sources

GitHub sources are read from a mirror folder of bare repositories (``--mirror`` or
``$COPYFIX_EVAL_MIRROR``, default ``/work/.mirror``), laid out as ``<owner>+<name>/repo``; see
evaluation/README.md for how to obtain it. Debian sources are downloaded into
``evaluation/.cache/debs`` with ``apt-get download``. Every raw file is verified against the
sha256 in the manifest, and every built text against its recorded sha256 too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sources import SOURCES, Source, iter_json_records, words  # noqa: E402

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.json"
CORPUS = HERE / ".corpus"
CACHE = HERE / ".cache"
DEFAULT_MIRROR = "/work/.mirror"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def split_of(file_id: str) -> str:
    """Tuning or held-out, decided by the file id alone so that it never moves."""
    return "tuning" if hashlib.sha256(file_id.encode()).digest()[0] % 2 == 0 else "heldout"


class Reader:
    """Raw bytes of a source's files: git objects from the mirror, or files from a Debian package."""

    def __init__(self, mirror: Path) -> None:
        self.mirror = mirror

    def git_dir(self, source: Source) -> Path:
        owner, name = source.repo.split("/")
        path = self.mirror / f"{owner}+{name}" / "repo"
        if not path.exists():
            raise SystemExit(
                f"missing mirror of {source.repo} at {path}: see evaluation/README.md"
            )
        return path

    def head(self, source: Source) -> str:
        out = subprocess.run(
            ["git", "--git-dir", str(self.git_dir(source)), "rev-parse", "HEAD"],
            check=True, capture_output=True, text=True,
        )
        return out.stdout.strip()

    def list_paths(self, source: Source, version: str) -> list[str]:
        if source.kind == "github":
            out = subprocess.run(
                ["git", "--git-dir", str(self.git_dir(source)), "ls-tree", "-r", "--name-only", version],
                check=True, capture_output=True, text=True,
            )
            return sorted(p for p in out.stdout.splitlines() if source.select(p))
        root = self.debian_root(source, version)
        return sorted(
            str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and source.select(str(p))
        )

    def read(self, source: Source, version: str, path: str) -> bytes:
        if source.kind == "github":
            out = subprocess.run(
                ["git", "--git-dir", str(self.git_dir(source)), "show", f"{version}:{path}"],
                check=True, capture_output=True,
            )
            return out.stdout
        return (self.debian_root(source, version) / path).read_bytes()

    def debian_root(self, source: Source, version: str) -> Path:
        root = CACHE / "debs" / f"{source.package}_{version}"
        if root.exists():
            return root
        debs = CACHE / "debs"
        debs.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["apt-get", "download", f"{source.package}={version}"], cwd=debs, check=True,
            capture_output=True,
        )
        (deb,) = debs.glob(f"{source.package}_*.deb")
        tmp = root.with_suffix(".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp)], check=True)
        tmp.rename(root)
        return root


def texts_of(source: Source, path: str, raw: bytes) -> list[tuple[str, str]]:
    """(part name, text) pairs for one raw file."""
    if "records" in source.extra:
        return list(iter_json_records(raw, source.extra["records"]))
    parts = source.convert(raw)
    if len(parts) == 1:
        return [("", parts[0])]
    return [(f"part{i + 1:03d}", text) for i, text in enumerate(parts)]


def file_id(source: Source, path: str, part: str) -> str:
    stem = Path(path).with_suffix("").as_posix().replace("/", "__")
    if stem.endswith(".txt"):  # .txt.gz
        stem = stem[:-4]
    return f"{source.genre}/{source.id}/{stem}" + (f"__{part}" if part else "")


def source_entry(reader: Reader, source: Source) -> tuple[dict, list[dict]]:
    """The manifest entry of ``source`` and of each file taken from it, at the mirror's HEAD."""
    version = reader.head(source) if source.kind == "github" else source.version
    entry = {
        "id": source.id, "genre": source.genre, "kind": source.kind, "licence": source.licence,
        "description": source.description, "format": source.ext or "as the file's extension",
    }
    entry.update({"repo": source.repo, "commit": version} if source.kind == "github"
                 else {"package": source.package, "version": version})
    if source.notes:
        entry["notes"] = source.notes
    entry.update(source.extra)
    files, total = [], 0
    for path in reader.list_paths(source, version):
        if source.limit_words and total >= source.limit_words:
            break
        raw = reader.read(source, version, path)
        for part, text in texts_of(source, path, raw):
            fid = file_id(source, path, part)
            n = words(text)
            total += n
            files.append({
                "id": fid, "source": source.id, "genre": source.genre, "path": path,
                "part": part, "sha256": sha256(raw), "text_sha256": sha256(text.encode()),
                "words": n, "split": split_of(fid),
                "out": fid + (source.ext or PurePosixPath(path).suffix),
            })
    entry["words"] = total
    print(f"{source.id:30} {total:>9,} words", file=sys.stderr)
    return entry, files


def update_manifest(reader: Reader, only: list[str] | None = None) -> dict:
    """Select the files of every source again (or of the sources named in ``only``, keeping the
    others' entries as they are) and rewrite the manifest. Sources no longer listed in
    ``SOURCES`` are dropped, with their files and known slips."""
    old = json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {}
    listed = {s.id for s in SOURCES}
    unknown = set(only or ()) - listed
    if unknown:
        raise SystemExit(f"unknown source ids: {', '.join(sorted(unknown))}")
    kept_sources = {s["id"]: s for s in old.get("sources", []) if s["id"] in listed}
    kept_files: dict[str, list[dict]] = {}
    for f in old.get("files", []):
        kept_files.setdefault(f["source"], []).append(f)
    sources, files = [], []
    for source in SOURCES:
        if only is not None and source.id not in only and source.id in kept_sources:
            sources.append(kept_sources[source.id])
            files.extend(kept_files.get(source.id, []))
            continue
        entry, selected = source_entry(reader, source)
        sources.append(entry)
        files.extend(selected)
    outs = {f["out"] for f in files}
    known_slips = [k for k in old.get("known_slips", []) if k["file"] in outs]
    manifest = {
        "about": "Evaluation corpus of copyfix: sources, files, split and known slips. "
                 "Built by evaluation/build_corpus.py; the text itself is not committed.",
        "sources": sources, "files": files, "known_slips": known_slips,
    }
    MANIFEST.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    return manifest


def add_sources(reader: Reader, ids: list[str]) -> dict:
    """Select the files of the named sources and put them into the manifest, leaving every
    other source pinned where it is (a new source does not move the old ones' commits)."""
    manifest = json.loads(MANIFEST.read_text())
    by_id = {s.id: s for s in SOURCES}
    for source_id in ids:
        entry, selected = source_entry(reader, by_id[source_id])
        manifest["sources"] = [s for s in manifest["sources"] if s["id"] != source_id] + [entry]
        manifest["files"] = [f for f in manifest["files"] if f["source"] != source_id] + selected
    MANIFEST.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    return manifest


def build(reader: Reader, manifest: dict, out: Path) -> None:
    by_id = {s.id: s for s in SOURCES}
    versions = {s["id"]: s.get("commit") or s.get("version") for s in manifest["sources"]}
    wanted: dict[tuple[str, str], list[dict]] = {}
    for entry in manifest["files"]:
        wanted.setdefault((entry["source"], entry["path"]), []).append(entry)
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    problems = 0
    for (source_id, path), entries in wanted.items():
        source = by_id[source_id]
        raw = reader.read(source, versions[source_id], path)
        if sha256(raw) != entries[0]["sha256"]:
            print(f"sha256 mismatch: {source_id} {path}", file=sys.stderr)
            problems += 1
            continue
        texts = dict(texts_of(source, path, raw))
        for entry in entries:
            text = texts.get(entry["part"])
            if text is None or sha256(text.encode()) != entry["text_sha256"]:
                print(f"converted text differs: {entry['id']}", file=sys.stderr)
                problems += 1
                continue
            target = tmp / entry["out"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    if problems:
        raise SystemExit(f"{problems} files failed verification; corpus not written")
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    (out / ".stamp").write_text(sha256(MANIFEST.read_bytes()))


def is_built(out: Path) -> bool:
    stamp = out / ".stamp"
    return stamp.exists() and stamp.read_text() == sha256(MANIFEST.read_bytes())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mirror", default=os.environ.get("COPYFIX_EVAL_MIRROR", DEFAULT_MIRROR))
    parser.add_argument("--update-manifest", action="store_true",
                        help="select files again from the sources (mirror HEADs) and rewrite the manifest")
    parser.add_argument("--add-source", action="append", default=[], metavar="ID",
                        help="select the files of this source (see sources.py) into the manifest")
    parser.add_argument("--only", nargs="+", metavar="SOURCE_ID",
                        help="with --update-manifest: select these sources again, keep the others")
    parser.add_argument("--if-needed", action="store_true", help="do nothing if the corpus is built")
    args = parser.parse_args()
    reader = Reader(Path(args.mirror))
    out = CORPUS / "clean"
    if args.update_manifest:
        manifest = update_manifest(reader, args.only)
    elif args.add_source:
        manifest = add_sources(reader, args.add_source)
    else:
        if args.if_needed and is_built(out):
            return
        manifest = json.loads(MANIFEST.read_text())
    build(reader, manifest, out)
    totals: dict[str, int] = {}
    for entry in manifest["files"]:
        totals[entry["genre"]] = totals.get(entry["genre"], 0) + entry["words"]
    for genre, n in totals.items():
        print(f"{genre:14} {n:>10,} words", file=sys.stderr)
    print(f"{'total':14} {sum(totals.values()):>10,} words in {len(manifest['files'])} files -> {out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
