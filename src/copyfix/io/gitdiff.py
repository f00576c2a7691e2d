"""Which lines changed since a git ref, for ``copyfix lint --diff-base REF``.

A team adopting copyfix on a large corpus wants findings only where it is writing now. The
changed lines of a file are the added or rewritten lines of ``git diff -U0 -M REF`` (the working
tree against REF, staged or not); a file git does not track yet counts as wholly changed.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from copyfix.model import Diagnostic

# Enough paths per git call to be quick, few enough to stay under any command-line limit.
_BATCH = 200
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class GitDiffError(Exception):
    """Why the changed lines cannot be known: one line, shown with exit code 2."""


@dataclass(frozen=True, slots=True)
class ChangedLines:
    """Changed line numbers per display path; ``None`` means the whole file is new."""

    by_path: dict[str, frozenset[int] | None]

    def covers(self, path: str, first: int, last: int) -> bool:
        if path not in self.by_path:
            # Not something we asked git about (stdin, say): nothing to compare, keep it.
            return True
        lines = self.by_path[path]
        return lines is None or any(n in lines for n in range(first, last + 1))


def _git(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        # Paths are file names, never globs or magic pathspecs, whatever characters they hold.
        "GIT_LITERAL_PATHSPECS": "1",
        "GIT_OPTIONAL_LOCKS": "0",
        "LC_ALL": "C",
    }
    try:
        return subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            env=env,
            check=False,
        )
    except FileNotFoundError:
        raise GitDiffError("--diff-base needs git, and git is not installed") from None


def _toplevel(cwd: Path) -> Path:
    proc = _git(["rev-parse", "--show-toplevel"], cwd)
    if proc.returncode != 0:
        raise GitDiffError(f"--diff-base needs a git repository, and {cwd} is not inside one")
    return Path(proc.stdout.strip())


def _resolve_ref(ref: str, top: Path) -> str:
    proc = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], top)
    if proc.returncode != 0 or not proc.stdout.strip():
        raise GitDiffError(
            f"--diff-base: {ref!r} is not a commit, branch or tag in this repository"
        )
    return proc.stdout.strip()


def changed_lines(ref: str, paths: Iterable[str], cwd: Path | None = None) -> ChangedLines:
    """The lines of each of ``paths`` (as displayed) that differ from ``ref``."""
    here = Path(cwd or Path.cwd())
    top = _toplevel(here)
    real_top = Path(os.path.realpath(top))
    commit = _resolve_ref(ref, top)

    by_path: dict[str, frozenset[int] | None] = {}
    rel_of: dict[str, str] = {}
    for display in paths:
        target = Path(display) if Path(display).is_absolute() else here / display
        if not target.is_file():
            continue
        try:
            rel = Path(os.path.realpath(target)).relative_to(real_top).as_posix()
        except ValueError:
            # Outside the repository there is no history to compare with: all of it is new.
            by_path[display] = None
            continue
        rel_of[display] = rel

    rels = sorted(set(rel_of.values()))
    tracked = _tracked(rels, top)
    added = _added_lines(commit, [r for r in rels if r in tracked], top)
    for display, rel in rel_of.items():
        by_path[display] = frozenset(added.get(rel, ())) if rel in tracked else None
    return ChangedLines(by_path)


def _batches(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]


def _tracked(rels: list[str], top: Path) -> set[str]:
    found: set[str] = set()
    for batch in _batches(rels):
        proc = _git(["ls-files", "-z", "--full-name", "--", *batch], top)
        if proc.returncode != 0:
            raise GitDiffError(f"git ls-files failed: {_first_line(proc.stderr)}")
        found.update(name for name in proc.stdout.split("\0") if name)
    return found


def _added_lines(commit: str, rels: list[str], top: Path) -> dict[str, set[int]]:
    """Added lines of ``rels`` since ``commit``. The diff covers the whole tree, not just
    ``rels``: git finds a rename (``git mv``) only when it sees both the old and the new path,
    and a renamed file's unchanged lines must not count as new."""
    proc = _git(
        ["diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--find-renames",
         "--src-prefix=a/", "--dst-prefix=b/", commit],
        top,
    )
    if proc.returncode != 0:
        raise GitDiffError(f"git diff failed: {_first_line(proc.stderr)}")
    added = parse_unified_diff(proc.stdout)
    return {rel: added[rel] for rel in rels if rel in added}


def parse_unified_diff(text: str) -> dict[str, set[int]]:
    """New-side line numbers of every added line, per file, from ``git diff -U0`` output."""
    added: dict[str, set[int]] = {}
    current: str | None = None
    for line in text.split("\n"):
        if line.startswith("+++ "):
            # git ends the name with a tab when it holds a space, so that patch can parse it.
            name = line[4:].removesuffix("\t")
            if name.startswith('"'):
                name = _unquote(name)
            current = name[2:] if name.startswith("b/") else None  # "/dev/null": deleted
            if current is not None:
                added.setdefault(current, set())
        elif line.startswith("@@") and current is not None:
            match = _HUNK.match(line)
            if match:
                start = int(match.group(1))
                count = 1 if match.group(2) is None else int(match.group(2))
                # A count of zero is a pure deletion: no line of the new file changed.
                added[current].update(range(start, start + count))
    return added


_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


def _unquote(quoted: str) -> str:
    """Undo git's C-style quoting of a path (``"b/caf\\303\\251.md"``)."""
    body = quoted[1:-1] if quoted.endswith('"') else quoted[1:]
    out = bytearray()
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            octal = body[i + 1 : i + 4]
            if len(octal) == 3 and all(c in "01234567" for c in octal):
                out.append(int(octal, 8) & 0xFF)
                i += 4
                continue
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
                i += 2
                continue
        out += ch.encode("utf-8", "surrogateescape")
        i += 1
    return out.decode("utf-8", "surrogateescape")


def _first_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else "unknown error"


def keep_changed(diagnostics: Iterable[Diagnostic], changed: ChangedLines) -> list[Diagnostic]:
    """The findings that touch at least one changed line."""
    return [d for d in diagnostics if changed.covers(d.path, d.line, d.end_line)]
