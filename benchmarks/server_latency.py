"""How long `copyfix server` takes from an edit to the diagnostics for it.

A real LSP client (pygls's) starts the server over stdio, opens a generated Markdown document
(200 KB by default, the benchmark corpus), then makes small incremental edits one at a time and
times each from the didChange notification to the publishDiagnostics for that version. The
figure is the median. Each edit comes after a quiet spell, so the server checks it at once; the
debounce (--debounce, 50 ms by default) only holds back the keystrokes of a burst.

    .venv/bin/python benchmarks/server_latency.py [--size 200000] [--runs 15] [--debounce 50]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

SERVER = [sys.executable, "-c", "from copyfix.cli.main import main; main()", "server"]


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("copyfix-bench", "1")
        self.arrived: dict[int, float] = {}
        self.counts: dict[int, int] = {}

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            if params.version is not None:
                self.arrived[params.version] = time.perf_counter()
                self.counts[params.version] = len(params.diagnostics)

    async def until(self, version: int, timeout: float = 60) -> float:
        deadline = time.perf_counter() + timeout
        while version not in self.arrived:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"no diagnostics for version {version}")
            await asyncio.sleep(0.002)
        return self.arrived[version]


def _change(uri: str, version: int, line: int, text: str) -> types.DidChangeTextDocumentParams:
    at = types.Position(line, 0)
    return types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[
            types.TextDocumentContentChangePartial(range=types.Range(at, at), text=text)
        ],
    )


async def measure(size: int, runs: int, debounce: int) -> tuple[list[float], int, int]:
    text = corpus.markdown(size)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.md"
        path.write_text(text, encoding="utf-8")
        client = Client()
        await client.start_io(*SERVER, cwd=tmp)
        await client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                root_uri=Path(tmp).as_uri(),
                initialization_options={"debounce": debounce},
            )
        )
        client.initialized(types.InitializedParams())
        uri = path.as_uri()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
            )
        )
        await client.until(1)
        latencies = []
        lines = text.count("\n")
        for version in range(2, runs + 2):
            # A slip typed somewhere in the document: a space before a comma.
            edit = _change(uri, version, (version * 97) % lines, "Word ,word.\n\n")
            sent = time.perf_counter()
            client.text_document_did_change(edit)
            latencies.append(await client.until(version) - sent)
        findings = client.counts[runs + 1]
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    return latencies, len(text.encode("utf-8")), findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000, help="document size in bytes")
    parser.add_argument("--runs", type=int, default=15, help="edits to time")
    parser.add_argument("--debounce", type=int, default=50, help="server debounce in ms")
    args = parser.parse_args(argv)
    latencies, size, findings = asyncio.run(measure(args.size, args.runs, args.debounce))
    median = statistics.median(latencies)
    print(
        f"copyfix server: {size / 1000:.0f} KB Markdown, {findings} findings, debounce "
        f"{args.debounce} ms: edit to diagnostics median {median * 1000:.0f} ms "
        f"(min {min(latencies) * 1000:.0f}, max {max(latencies) * 1000:.0f}, {len(latencies)} edits)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
