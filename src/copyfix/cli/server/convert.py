"""copyfix's findings and fixes as LSP values: diagnostics, text edits, code actions."""

from __future__ import annotations

from lsprotocol import types

from copyfix.cli.server.positions import LineIndex
from copyfix.model import Applicability, Diagnostic, DocumentKind, Edit, Severity
from copyfix.patterns import lazy_compile

SOURCE = "copyfix"
FIX_ALL_KIND = "source.fixAll.copyfix"
APPLY_AUTOFIX = "copyfix.applyAutofix"

_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
# What may stand before a directive on its line: indentation and block-quote markers.
_PREFIX = lazy_compile(r"[ \t>]*")


def lsp_range(index: LineIndex, start: int, end: int) -> types.Range:
    (sl, sc), (el, ec) = index.position(start), index.position(end)
    return types.Range(types.Position(sl, sc), types.Position(el, ec))


def lsp_diagnostic(index: LineIndex, diagnostic: Diagnostic) -> types.Diagnostic:
    return types.Diagnostic(
        range=lsp_range(index, diagnostic.span.start, diagnostic.span.end),
        message=diagnostic.message,
        severity=_SEVERITIES.get(diagnostic.severity, types.DiagnosticSeverity.Warning),
        code=diagnostic.code,
        source=SOURCE,
    )


def text_edits(index: LineIndex, edits: tuple[Edit, ...] | list[Edit]) -> list[types.TextEdit]:
    return [
        types.TextEdit(lsp_range(index, e.span.start, e.span.end), e.replacement)
        for e in sorted(edits, key=lambda e: (e.span.start, e.span.end))
    ]


def whole_edit(index: LineIndex, fixed: str) -> list[types.TextEdit]:
    """One edit turning the indexed text into ``fixed``: the changed middle only, so the
    client keeps its cursor and marks outside it."""
    old = index.text
    if old == fixed:
        return []
    limit = min(len(old), len(fixed))
    head = 0
    while head < limit and old[head] == fixed[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == fixed[-1 - tail]:
        tail += 1
    # Never split a \r\n pair: no position names the point between its two characters.
    while head > 0 and old[head - 1] == "\r":
        head -= 1
    while tail > 0 and old[-tail] == "\n" and len(old) > tail and old[-tail - 1] == "\r":
        tail -= 1
    return [
        types.TextEdit(lsp_range(index, head, len(old) - tail), fixed[head : len(fixed) - tail])
    ]


def fix_title(diagnostic: Diagnostic) -> str:
    assert diagnostic.fix is not None
    title = f"{diagnostic.code}: {diagnostic.fix.title}"
    if diagnostic.fix.applicability is Applicability.UNSAFE:
        title += " (unsafe)"
    return title


def disable_edits(
    index: LineIndex, diagnostic: Diagnostic, kind: DocumentKind = DocumentKind.MARKDOWN
) -> list[types.TextEdit]:
    """The edits that silence ``diagnostic``'s rule on its first line, in the format's comment
    syntax (the directives of ``copyfix.text.directives``):

    - Markdown and plain text: ``<!-- copyfix: disable-next-line CODE -->`` on a line of its own
      above the finding's line, with that line's indentation and block-quote markers;
    - MDX, which has no HTML comments: ``{/* copyfix: disable-next-line CODE */}`` there;
    - reStructuredText: a comment is only a comment at the start of a block, and one inside a
      paragraph would be read as its text, so ``.. copyfix: disable CODE`` goes before the
      finding's block and ``.. copyfix: enable CODE`` after it, each set off by a blank line.
    """
    code = diagnostic.code
    line, _ = index.position(diagnostic.span.start)
    if kind is DocumentKind.RST:
        return _rst_disable(index, line, code)
    start = index.line_start(line)
    prefix = _PREFIX.match(index.text, start).group()
    newline = _newline_of(index.text)
    if kind is DocumentKind.MDX:
        comment = f"{prefix}{{/* copyfix: disable-next-line {code} */}}{newline}"
    else:
        comment = f"{prefix}<!-- copyfix: disable-next-line {code} -->{newline}"
    position = types.Position(line, 0)
    return [types.TextEdit(types.Range(position, position), comment)]


def _rst_disable(index: LineIndex, line: int, code: str) -> list[types.TextEdit]:
    text, newline = index.text, _newline_of(index.text)

    def blank(n: int) -> bool:
        return not text[index.starts[n] : index.ends[n]].strip()

    first = line
    while first > 0 and not blank(first - 1):
        first -= 1
    last = line
    while last + 1 < len(index.starts) and not blank(last + 1):
        last += 1
    indent = _PREFIX.match(text, index.starts[first]).group().replace(">", "")
    opening = types.Position(first, 0)
    end = types.Position(last, index.position(index.ends[last])[1])
    closing = f"{newline}{newline}{indent}.. copyfix: enable {code}"
    return [
        types.TextEdit(
            types.Range(opening, opening), f"{indent}.. copyfix: disable {code}{newline}{newline}"
        ),
        types.TextEdit(types.Range(end, end), closing),
    ]


def _newline_of(text: str) -> str:
    at = text.find("\n")
    return "\r\n" if at > 0 and text[at - 1] == "\r" else "\n"


def workspace_edit(
    uri: str, version: int | None, edits: list[types.TextEdit], versioned: bool
) -> types.WorkspaceEdit:
    """Edits for one document, tied to its version when the client supports that, so a client
    does not apply them to a newer text."""
    if versioned:
        document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
        return types.WorkspaceEdit(
            document_changes=[types.TextDocumentEdit(text_document=document, edits=edits)]
        )
    return types.WorkspaceEdit(changes={uri: edits})
