"""One document's check: its text linted with the settings for its path, and what the code
actions, hover and fix-all need from it. Runs off the event loop, one check at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from copyfix.cli.server.positions import LineIndex
from copyfix.cli.server.state import Configuration, Resolved
from copyfix.io.runner import describe_crash
from copyfix.model import Diagnostic, DocumentKind
from copyfix.text.load import kind_for_path

#: Editor language ids read as Markdown whatever the file's extension.
# The format an editor's language id names, for a document whose path does not say (an
# untitled buffer, an odd extension).
_LANGUAGE_KINDS = {
    "markdown": DocumentKind.MARKDOWN,
    "quarto": DocumentKind.MARKDOWN,
    "rmd": DocumentKind.MARKDOWN,
    "mdx": DocumentKind.MDX,
    "restructuredtext": DocumentKind.RST,
    "rst": DocumentKind.RST,
}


@dataclass(slots=True)
class Snapshot:
    """A document's text at one version, as the editor sent it."""

    uri: str
    path: Path
    version: int | None
    text: str
    language_id: str | None = None

    def kind(self, configured: DocumentKind | None = None) -> DocumentKind:
        """The format the document is read as, in the order ``copyfix lint`` uses: the
        ``formats`` glob of its configuration (``configured``), its extension, then, for a path
        that says plain text (an untitled buffer, an odd extension), the editor's language id."""
        if configured is not None:
            return configured
        kind = kind_for_path(str(self.path))
        if kind is DocumentKind.TEXT:
            return _LANGUAGE_KINDS.get((self.language_id or "").lower(), kind)
        return kind


@dataclass(slots=True)
class Result:
    """The findings for one version of a document; ``crash`` says why there are none."""

    snapshot: Snapshot
    index: LineIndex
    diagnostics: list[Diagnostic] = field(default_factory=list)
    resolved: Resolved | None = None
    crash: str | None = None
    #: Why the document was not checked (too large), if it was not.
    skipped: str | None = None

    @property
    def version(self) -> int | None:
        return self.snapshot.version

    @property
    def kind(self) -> DocumentKind:
        """The format the document was read as."""
        return self.snapshot.kind(self.resolved.format if self.resolved else None)


def check(config: Configuration, snapshot: Snapshot, encoding: str) -> Result:
    """Lint a snapshot. A rule that raises gives a result with ``crash`` set and no findings."""
    index = LineIndex(snapshot.text, encoding)
    resolved = config.resolve(snapshot.path)
    result = Result(snapshot, index, resolved=resolved)
    if resolved.excluded:
        return result
    size = len(snapshot.text.encode("utf-8", "surrogatepass"))
    if resolved.max_bytes is not None and size > resolved.max_bytes:
        result.skipped = (
            f"{snapshot.path.name} is not checked: {size:,} bytes, over max-file-size "
            f"({resolved.max_bytes:,} bytes)"
        )
        return result
    try:
        result.diagnostics = resolved.linter.lint(
            snapshot.text, path=str(snapshot.path), kind=result.kind
        )
    except Exception as exc:  # a crashing rule must not take the server down
        result.crash = describe_crash(str(snapshot.path), exc)
    return result


def fix_all(result: Result, unsafe: bool | None = None) -> str | None:
    """The text ``copyfix fix`` would write for this snapshot (safe fixes, or unsafe ones too
    as configured), or None if the fixer crashed or the document is excluded."""
    resolved = result.resolved
    if resolved is None or resolved.excluded or result.crash or result.skipped:
        return None
    snapshot = result.snapshot
    try:
        fixed = resolved.linter.fix(
            snapshot.text,
            path=str(snapshot.path),
            kind=result.kind,
            unsafe=resolved.unsafe if unsafe is None else unsafe,
        )
    except Exception:
        return None
    return fixed.text


def rule_doc(result: Result, code: str, cache: dict[str, str]) -> str | None:
    """The rule's page as ``copyfix rule CODE`` renders it (Markdown)."""
    if code in cache:
        return cache[code]
    if result.resolved is None:
        return None
    from copyfix.output.docs import render_rule_doc

    registry = result.resolved.linter.registry
    rule = registry.get(code)
    if rule is None:
        return None
    cache[code] = render_rule_doc(rule.info(), registry)
    return cache[code]
