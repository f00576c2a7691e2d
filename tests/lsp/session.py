"""A real LSP client (pytest-lsp's, over pygls) driving ``copyfix server`` over stdio, and
what a client does with the edits it gets back."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from pathlib import Path

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER = [sys.executable, "-c", "from copyfix.cli.main import main; main()", "server"]
CRASHING = [sys.executable, str(Path(__file__).with_name("crashing_server.py"))]


class Client(LanguageClient):
    """pytest-lsp's client, also keeping every publication in order and answering
    ``workspace/applyEdit``."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.published: list[types.PublishDiagnosticsParams] = []
        self.applied: list[types.WorkspaceEdit] = []
        self.texts: dict[str, str] = {}

    async def publication(self, uri: str, version: int, timeout: float = 20):
        """Wait for diagnostics published for ``uri`` at ``version``."""

        async def wait():
            while True:
                for params in self.published:
                    if params.uri == uri and params.version == version:
                        return list(params.diagnostics)
                await asyncio.sleep(0.02)

        return await asyncio.wait_for(wait(), timeout)

    async def republication(self, uri: str, seen: int, timeout: float = 20):
        """Wait for diagnostics for ``uri`` published after the first ``seen`` publications."""

        async def wait():
            while True:
                for params in self.published[seen:]:
                    if params.uri == uri:
                        return list(params.diagnostics)
                await asyncio.sleep(0.02)

        return await asyncio.wait_for(wait(), timeout)


def _record(client: Client, params: types.PublishDiagnosticsParams) -> None:
    client.published.append(params)
    client.diagnostics[params.uri] = params.diagnostics


def _apply_edit(client: Client, params: types.ApplyWorkspaceEditParams):
    client.applied.append(params.edit)
    return types.ApplyWorkspaceEditResult(applied=True)


def make_client() -> Client:
    client = Client(converter_factory=default_converter)
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = _record
    features[types.WORKSPACE_APPLY_EDIT] = _apply_edit
    register_lsp_features(client, features)
    return client


def capabilities(*, encodings: list[str] | None = None, pull: bool = False):
    caps = client_capabilities("neovim")
    caps.text_document.diagnostic = (
        types.DiagnosticClientCapabilities(dynamic_registration=False) if pull else None
    )
    # Neovim offers UTF-8 first; without an offer the protocol's default, UTF-16, applies.
    caps.general = types.GeneralClientCapabilities(position_encodings=encodings)
    return caps


@contextlib.asynccontextmanager
async def session(root: Path, *, options=None, caps=None, command=None):
    """An initialized server for a workspace at ``root``; on leaving, ``shutdown`` and
    ``exit``, and the server must have ended with code 0."""
    client = make_client()
    await client.start_io(*(command or SERVER), cwd=str(root))
    try:
        await client.initialize_session(
            types.InitializeParams(
                capabilities=caps or capabilities(),
                root_uri=root.as_uri(),
                initialization_options=options,
            )
        )
        yield client
        await client.shutdown_session()
        assert client._server.returncode == 0
    finally:
        # A failed test leaves the server running: end it, or stopping the client waits.
        if client._server is not None and client._server.returncode is None:
            client._server.kill()
        await client.stop()


def open_document(client: Client, path: Path, text: str, language: str = "markdown") -> str:
    uri = path.as_uri()
    client.texts[uri] = text
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        )
    )
    return uri


def utf16_offset(text: str, position: types.Position) -> int:
    """The code-point offset of a UTF-16 position, as an editor would read it."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for i, char in enumerate(line):
        if units >= position.character:
            return start + i
        units += 2 if ord(char) > 0xFFFF else 1
    return start + len(line)


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply text edits the way the protocol says: all ranges refer to the original text."""
    spans = [
        (utf16_offset(text, e.range.start), utf16_offset(text, e.range.end), e.new_text)
        for e in edits
    ]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def edits_of(edit: types.WorkspaceEdit, uri: str) -> list[types.TextEdit]:
    if edit.document_changes:
        return [
            e
            for change in edit.document_changes
            if change.text_document.uri == uri
            for e in change.edits
        ]
    return list((edit.changes or {}).get(uri, []))
