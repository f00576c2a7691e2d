"""A result cache in ``.copyfix_cache/``: one small JSON file per (content, settings, mode) key.

A lint entry holds the diagnostics of one file. A fix entry is written only when the file was
already clean (fixing it changed nothing and refused nothing), so a hit means "leave it alone,
these findings remain". Entries are written through a temporary file and ``os.replace``, so two
runs sharing the cache never see half an entry; an entry that cannot be read or decoded is
ignored and recomputed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copyfix.model import Applicability, Diagnostic, Edit, Fix, Severity, Span
from copyfix.version import __version__

if TYPE_CHECKING:
    from copyfix.rules.base import Rule

CACHE_DIR = ".copyfix_cache"
#: Bumped when the entry layout changes, so old entries simply miss.
FORMAT = 1


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
    """Entries live under ``root/.copyfix_cache/<first two hex digits>/<key>.json``."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        self.folder = Path(root) / CACHE_DIR
        self._folder = str(self.folder)
        self.fingerprint = fingerprint
        self._made: set[Path] = set()

    def key(self, raw: bytes, display: str, mode: str, unsafe: bool, kind: str | None) -> str:
        digest = hashlib.sha256(raw)
        digest.update(
            f"\0{self.fingerprint}\0{display}\0{mode}\0{int(unsafe)}\0{kind or ''}".encode(
                "utf-8", "surrogatepass"
            )
        )
        return digest.hexdigest()

    def _path(self, key: str) -> str:
        # A string, not a Path: a cached run looks up every file of a tree here.
        return os.path.join(self._folder, key[:2], f"{key}.json")

    def load(self, key: str) -> list[Diagnostic] | None:
        """The cached diagnostics for ``key``, or None on a miss or an unreadable entry."""
        try:
            with open(self._path(key), "rb") as entry:
                data = json.loads(entry.read())
            if data.get("format") != FORMAT or data.get("key") != key:
                return None
            path = data["path"]
            return [_decode(path, item) for item in data["diagnostics"]]
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None

    def store(self, key: str, path: str, diagnostics: Iterable[Diagnostic]) -> None:
        """Write an entry atomically; a cache that cannot be written is silently skipped."""
        target = Path(self._path(key))
        payload = json.dumps(
            {
                "format": FORMAT,
                "key": key,
                "path": path,
                "diagnostics": [_encode(d) for d in diagnostics],
            },
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8", "surrogatepass")
        import tempfile  # imports ``random``; only a run that writes entries pays for it

        try:
            if target.parent not in self._made:
                self._ensure_folder(target.parent)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(payload)
                os.replace(tmp, target)
            except BaseException:
                _unlink(tmp)
                raise
        except OSError:
            return

    def _ensure_folder(self, folder: Path) -> None:
        if not self.folder.is_dir():
            self.folder.mkdir(parents=True, exist_ok=True)
            # Keep the cache out of version control without asking the user to.
            gitignore = self.folder / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("*\n", encoding="utf-8")
        folder.mkdir(exist_ok=True)
        self._made.add(folder)


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
