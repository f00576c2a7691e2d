"""A real editor's client: Neovim (headless, its built-in LSP client) starts ``copyfix server``
on a Markdown file and the diagnostics it received are read back."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

NVIM = shutil.which("nvim")
SCRIPT = Path(__file__).parent / "lsp" / "neovim_client.lua"

pytestmark = pytest.mark.skipif(
    NVIM is None, reason="Neovim (nvim) is not installed; .ci/run installs Debian's neovim"
)


def test_neovim_receives_the_diagnostics(tmp_path):
    doc = tmp_path / "notes.md"
    # The slip after the emoji: Neovim stores columns as byte offsets in the line, converted
    # from the UTF-16 positions the server sent.
    doc.write_text("# Notes\n\nHello 😀 world ,this is fine.\n", encoding="utf-8")
    out = tmp_path / "diagnostics.json"
    server = [sys.executable, "-c", "from copyfix.cli.main import main; main()", "server"]
    subprocess.run(
        [
            NVIM,
            "--headless",
            "--clean",
            "-u",
            "NONE",
            "-c",
            f"luafile {SCRIPT}",
            "--",
            str(doc),
            str(out),
            *server,
        ],
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["ok"], result
    found = [
        (d["code"], d["source"], d["lnum"], d["col"], d["end_col"]) for d in result["diagnostics"]
    ]
    line = "Hello 😀 world ,this is fine."
    start = len(line[: line.index(" ,")].encode("utf-8"))
    assert found == [("SP001", "copyfix", 2, start, start + 2)]
