"""Split the inputs into parts (a file, or a set of a Parquet file's row groups) and name each
part's output. Planning reads only Parquet footers: the client never holds the corpus."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

SUFFIXES = (".jsonl.gz", ".jsonl", ".parquet", ".txt")


class CorpusError(Exception):
    """A problem with the inputs or the output folder: one line, exit code 2."""


@dataclass(frozen=True, slots=True)
class Part:
    """One task's work: read ``source`` (only ``row_groups`` of a Parquet file), write ``output``."""

    source: str
    format: str  # one of SUFFIXES without the dot: "jsonl", "jsonl.gz", "parquet", "txt"
    output: str | None
    row_groups: tuple[int, ...] | None = None
    first_row: int = 0

    @property
    def display(self) -> str:
        if self.row_groups is None:
            return self.source
        return f"{self.source}[row groups {self.row_groups[0]}-{self.row_groups[-1]}]"


def format_of(name: str) -> str | None:
    lower = name.lower()
    for suffix in SUFFIXES:
        if lower.endswith(suffix):
            return suffix[1:]
    return None


def expand_inputs(inputs: list[str]) -> list[tuple[str, str]]:
    """(file, name relative to what was named) for each input file, a folder's matching files
    in sorted order, and a glob's matches; a local path or any fsspec URL."""
    import fsspec

    found: list[tuple[str, str]] = []
    for given in inputs:
        fs, path = fsspec.core.url_to_fs(given)
        protocol = _protocol_prefix(given)
        if any(ch in path for ch in "*?["):
            matches = sorted(fs.glob(path))
            base = posixpath.dirname(path.split("*")[0].split("?")[0].split("[")[0])
        elif fs.isdir(path):
            matches = sorted(fs.find(path))
            base = path
        elif fs.exists(path):
            matches, base = [path], posixpath.dirname(path)
        else:
            raise CorpusError(f"{given}: no such file or directory")
        for match in matches:
            name = posixpath.basename(match)
            if name.startswith(".") or format_of(name) is None:
                continue
            found.append((protocol + match, posixpath.relpath(match, base or "/")))
    return found


def _protocol_prefix(url: str) -> str:
    return url.split("://", 1)[0] + "://" if "://" in url else ""


def plan(inputs: list[str], output_dir: str | None, *, row_groups_per_part: int = 1) -> list[Part]:
    """The parts of a run, in input order; two inputs that would write the same output are an
    error, as is an input inside the output folder."""
    parts: list[Part] = []
    seen: dict[str, str] = {}
    for source, relative in expand_inputs(inputs):
        fmt = format_of(relative)
        output = posixpath.join(output_dir, relative) if output_dir else None
        if output is not None:
            if output in seen:
                raise CorpusError(f"{source} and {seen[output]} would both write {output}")
            if _same(output, source):
                raise CorpusError(f"{source}: the output would overwrite the input")
            seen[output] = source
        if fmt == "parquet":
            parts.extend(_parquet_parts(source, output, row_groups_per_part))
        else:
            parts.append(Part(source, fmt, output))
    if not parts:
        raise CorpusError("no .jsonl, .jsonl.gz, .parquet or .txt files in " + ", ".join(inputs))
    return parts


def _same(output: str, source: str) -> bool:
    import os

    return os.path.abspath(output) == os.path.abspath(source)


def _parquet_parts(source: str, output: str | None, per_part: int) -> list[Part]:
    import fsspec
    import pyarrow.parquet as pq

    try:
        with fsspec.open(source, "rb") as fh:
            meta = pq.ParquetFile(fh).metadata
    except Exception:  # noqa: BLE001 - its task reports why it cannot be read
        return [Part(source, "parquet", output)]
    groups = meta.num_row_groups
    if groups <= per_part:
        return [Part(source, "parquet", output)]
    parts: list[Part] = []
    first_row = 0
    for index, start in enumerate(range(0, groups, per_part)):
        chosen = tuple(range(start, min(start + per_part, groups)))
        target = posixpath.join(output, f"part-{index:05d}.parquet") if output else None
        parts.append(Part(source, "parquet", target, chosen, first_row))
        first_row += sum(meta.row_group(g).num_rows for g in chosen)
    return parts
