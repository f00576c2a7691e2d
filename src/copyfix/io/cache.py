"""A result cache in ``.copyfix_cache/``: one index file per linter fingerprint, holding an
entry per (content, settings, mode) key.

A lint entry holds the diagnostics of one file. A fix entry is written only when the file was
already clean (fixing it changed nothing and refused nothing), so a hit means "leave it alone,
these findings remain". The index is read once per run and written once at its end, merged
with what other runs wrote meanwhile, through a temporary file and ``os.replace``, so two runs
sharing the cache never see half an index; an index or entry that cannot be read or decoded is
ignored and recomputed. One file per run, not one per checked file: a cached run over a tree
of 2,000 files opened 2,000 entries, and writing them was a quarter of a first run's time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copyfix.model import Applicability, Diagnostic, Edit, Fix, Severity, Span
from copyfix.version import __version__

if TYPE_CHECKING:
    from copyfix.rules.base import Rule

CACHE_DIR = ".copyfix_cache"
#: Bumped when the entry layout changes, so old entries simply miss.
FORMAT = 2
#: An index that no run has written for this long (30 days) is deleted by the next write.
STALE_SECONDS = 30 * 24 * 3600


#: The copyfix package folder (this file is in its ``io`` stage).
_PACKAGE = Path(__file__).resolve().parents[1]


def code_fingerprint(package: Path = _PACKAGE) -> str:
    """copyfix's version plus the size and mtime of every source and pack file of the package
    (all its stages, walked recursively), so an edited development checkout never serves
    results computed by older code."""
    parts = [__version__, str(FORMAT)]
    for folder, dirnames, filenames in os.walk(package):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".py", ".toml")):
                path = os.path.join(folder, name)
                st = os.stat(path)
                rel = os.path.relpath(path, package)
                parts.append(f"{rel}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def linter_fingerprint(
    rules: Iterable[Rule], severities: Mapping[str, Severity], settings_key: str
) -> str:
    """Everything besides the text that decides a file's findings: the rules in effect (with
    their options and, for pack rules, their patterns), severities and the settings."""
    digest = hashlib.sha256()
    digest.update(code_fingerprint().encode())
    digest.update(settings_key.encode("utf-8", "surrogatepass"))
    for rule in rules:
        cls = type(rule)
        digest.update(f"\0{cls.__module__}.{cls.__qualname__}:{rule.code}".encode())
        state = getattr(rule, "__dict__", None)
        if state:
            digest.update(repr(sorted((k, repr(v)) for k, v in state.items())).encode())
    for code, severity in sorted(severities.items()):
        digest.update(f"\0{code}={int(severity)}".encode())
    return digest.hexdigest()


class Cache:
    """The entries of one linter fingerprint, in ``root/.copyfix_cache/<fingerprint>.json``:
    ``{"format": FORMAT, "entries": {key: [path, slot, [diagnostic, ...]]}}``. ``slot`` names
    the mode an entry was made in; per path and slot only the newest entry is kept, so the
    index holds an entry per file and mode however often the files change."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        self.folder = Path(root) / CACHE_DIR
        self.index = self.folder / f"{fingerprint[:32]}.json"
        self.fingerprint = fingerprint
        self._entries: dict[str, Any] | None = None
        self._new: dict[str, list[Any]] = {}

    def key(self, raw: bytes, display: str, mode: str, unsafe: bool, kind: str | None) -> str:
        digest = hashlib.sha256(raw)
        digest.update(
            f"\0{self.fingerprint}\0{display}\0{mode}\0{int(unsafe)}\0{kind or ''}".encode(
                "utf-8", "surrogatepass"
            )
        )
        return digest.hexdigest()

    def load(self, key: str) -> list[Diagnostic] | None:
        """The cached diagnostics for ``key``, or None on a miss or an unreadable entry."""
        if self._entries is None:
            self._entries = self._read_index()
        entry = self._new.get(key) or self._entries.get(key)
        try:
            path, _slot, items = entry  # type: ignore[misc]
            return [_decode(path, item) for item in items]
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None

    def store(self, key: str, path: str, diagnostics: Iterable[Diagnostic], slot: str = "") -> None:
        """Keep an entry for ``flush`` to write."""
        self._new[key] = [path, slot, [_encode(d) for d in diagnostics]]

    def flush(self) -> None:
        """Write the entries stored since the last flush into the index, atomically; a cache
        that cannot be written is silently skipped."""
        if not self._new:
            return
        replaced = {(entry[0], entry[1]) for entry in self._new.values()}
        entries = {
            key: entry
            for key, entry in self._read_index().items()  # with what other runs wrote meanwhile
            if isinstance(entry, list) and len(entry) == 3 and (entry[0], entry[1]) not in replaced
        }
        entries.update(self._new)
        self._entries, self._new = entries, {}
        payload = json.dumps(
            {"format": FORMAT, "entries": entries}, ensure_ascii=False, separators=(",", ":")
        ).encode("utf-8", "surrogatepass")
        import tempfile  # imports ``random``; only a run that writes entries pays for it

        try:
            self._ensure_folder()
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.folder)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(payload)
                os.replace(tmp, self.index)
            except BaseException:
                _unlink(tmp)
                raise
            self._prune()
        except OSError:
            return

    def _prune(self) -> None:
        """Delete the indexes of other fingerprints unused for ``STALE_SECONDS``: settings and
        copyfix's code change, and each change starts a new index."""
        cutoff = time.time() - STALE_SECONDS
        for entry in os.scandir(self.folder):
            if entry.name.endswith(".json") and entry.path != str(self.index):
                with contextlib.suppress(OSError):
                    if entry.stat().st_mtime < cutoff:
                        os.unlink(entry.path)

    def _read_index(self) -> dict[str, Any]:
        try:
            with open(self.index, "rb") as fh:
                data = json.loads(fh.read())
            entries = data["entries"] if data.get("format") == FORMAT else {}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def _ensure_folder(self) -> None:
        if not self.folder.is_dir():
            self.folder.mkdir(parents=True, exist_ok=True)
            # Keep the cache out of version control without asking the user to.
            gitignore = self.folder / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("*\n", encoding="utf-8")


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _encode(d: Diagnostic) -> list[Any]:
    fix = None
    if d.fix is not None:
        fix = [
            int(d.fix.applicability),
            d.fix.title,
            [[e.span.start, e.span.end, e.replacement] for e in d.fix.edits],
        ]
    return [
        d.code, d.name, int(d.severity), d.span.start, d.span.end, d.message, fix,
        d.line, d.column, d.end_line, d.end_column, d.family,
    ]


def _decode(path: str, item: list[Any]) -> Diagnostic:
    code, name, severity, start, end, message, fix, line, column, end_line, end_column, family = (
        item
    )
    decoded_fix = None
    if fix is not None:
        applicability, title, edits = fix
        decoded_fix = Fix(
            tuple(Edit(Span(s, e), str(r)) for s, e, r in edits),
            Applicability(applicability),
            str(title),
        )
    return Diagnostic(
        path=path,
        code=str(code),
        name=str(name),
        severity=Severity(severity),
        span=Span(start, end),
        message=str(message),
        fix=decoded_fix,
        line=int(line),
        column=int(column),
        end_line=int(end_line),
        end_column=int(end_column),
        family=str(family),
    )
