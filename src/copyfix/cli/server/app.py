"""``copyfix server``: the language server. Diagnostics are pushed after each change (debounced,
and only for the version they were computed on) or pulled by clients that support
``textDocument/diagnostic``; code actions, hover and the fix-all command reuse the last check
of the current version."""

from __future__ import annotations

import asyncio
import gc
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from copyfix.cli.server import convert
from copyfix.cli.server.checks import Result, Snapshot, check
from copyfix.cli.server.positions import encoding_name
from copyfix.cli.server.state import Configuration
from copyfix.patterns import lazy_compile
from copyfix.version import __version__

# The protocol's lines end at \n, \r\n or \r only; str.splitlines also breaks at form feeds,
# U+2028 and other separators that prose may hold, which would misplace incremental edits.
_LINES = lazy_compile(r"[^\r\n]*+(?:\r\n|\r|\n)|[^\r\n]++$")


class ProseDocument(TextDocument):
    """pygls's document, with the protocol's line breaks."""

    @property
    def lines(self):
        return tuple(_LINES.findall(self.source))


def use_protocol_lines(workspace) -> None:
    """Make ``workspace`` create ``ProseDocument``s (pygls has no public hook for this)."""

    def create(doc_uri, source=None, version=None, language_id=None):
        return ProseDocument(
            doc_uri,
            source=source,
            version=version,
            language_id=language_id,
            sync_kind=workspace._sync_kind,
            position_codec=workspace._position_codec,
        )

    workspace._create_text_document = create


class CopyfixServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("copyfix", __version__)
        self.config = Configuration()
        # One check at a time, off the event loop: the loop keeps reading messages (changes,
        # cancellations) while a long document is linted.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copyfix-check")
        self.results: dict[str, Result] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.crashed: set[str] = set()
        self.skipped: set[str] = set()
        self.changed_at: dict[str, float] = {}
        self.last_check: Future | None = None
        self.docs_cache: dict[str, str] = {}
        self.push = True
        self.frozen = False

    # -- documents ---------------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        return encoding_name(self.workspace.position_encoding)

    def snapshot(self, uri: str) -> Snapshot | None:
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return None
        return Snapshot(
            uri, document_path(uri), document.version, document.source, document.language_id
        )

    async def current(self, uri: str) -> Result | None:
        """The check of the document as it is now: the last one if it is for this version,
        else a new one."""
        snapshot = self.snapshot(uri)
        if snapshot is None:
            return None
        cached = self.results.get(uri)
        if (
            cached is not None
            and cached.version == snapshot.version
            and cached.snapshot.text == snapshot.text
        ):
            return cached
        # The thread's own future, not asyncio's wrapper: the wrapper is done as soon as the
        # awaiting request is cancelled, the check itself only when it returns.
        future = self.executor.submit(check, self.config, snapshot, self.encoding)
        self.last_check = future
        result = await asyncio.wrap_future(future)
        self.after_check(result)
        return result

    @property
    def busy(self) -> bool:
        """Whether a check is still running or queued (one runs at a time, so the last one
        submitted says; a cancelled request's check runs on)."""
        return self.last_check is not None and not self.last_check.done()

    def after_check(self, result: Result) -> None:
        """Report new configuration errors and crashes; keep the result if still current."""
        if not self.frozen:
            # What the first check loaded (the rules, the word list, pygls's types) lives as
            # long as the server: leave it out of the cyclic collector's full passes, which
            # would otherwise walk it all, 40 to 70 ms at a time, in the middle of a check.
            # Documents hold no cycles, so they are still freed as soon as they are dropped.
            gc.freeze()
            self.frozen = True
        for message in self.config.take_errors():
            self.show_error(
                f"copyfix: configuration error: {message}; using the last good settings"
            )
        uri = result.snapshot.uri
        if result.crash:
            if uri not in self.crashed:
                self.crashed.add(uri)
                self.show_error(f"copyfix: {result.crash}")
        else:
            self.crashed.discard(uri)
        if result.skipped and uri not in self.skipped:
            self.skipped.add(uri)
            self.window_show_message(
                types.ShowMessageParams(
                    type=types.MessageType.Warning, message=f"copyfix: {result.skipped}"
                )
            )
        now = self.snapshot(uri)
        if now is not None and now.version == result.version and now.text == result.snapshot.text:
            self.results[uri] = result

    def show_error(self, message: str) -> None:
        self.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Error, message=message)
        )

    def schedule(self, uri: str, delay: float) -> None:
        """Check the document after ``delay`` seconds of quiet; a newer change restarts it.
        A change after a quiet spell, with no check running, is checked at once: the wait
        only holds back the keystrokes of a burst."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        now = time.monotonic()
        last, self.changed_at[uri] = self.changed_at.get(uri), now
        if task is None and not self.busy and (last is None or now - last >= delay):
            delay = 0
        if self.push:
            self.pending[uri] = asyncio.ensure_future(self._publish_later(uri, delay))

    async def _publish_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        result = await self.current(uri)
        if result is None:
            return
        now = self.snapshot(uri)
        if now is None or now.version != result.version:
            return  # stale: a newer version is on its way
        if self.pending.get(uri) is asyncio.current_task():
            del self.pending[uri]
        self.publish(result)

    def publish(self, result: Result) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=result.snapshot.uri,
                version=result.version,
                diagnostics=[convert.lsp_diagnostic(result.index, d) for d in result.diagnostics],
            )
        )

    def recheck_all(self) -> None:
        self.results.clear()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)

    def versioned_edits(self) -> bool:
        caps = self.client_capabilities.workspace
        edit = caps.workspace_edit if caps else None
        return bool(edit and edit.document_changes)


def document_path(uri: str) -> Path:
    """The file a document URI names; a document that is not a file (``untitled:``) is read
    with the settings of the current folder."""
    if uri.startswith("file:"):
        path = to_fs_path(uri)
        if path:
            return Path(path)
    return Path.cwd() / Path(uri.rsplit("/", 1)[-1] or "untitled").name
