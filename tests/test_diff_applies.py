"""Every diff ``copyfix fix --diff`` prints is accepted by ``git apply`` and by ``patch``, and
applying it gives the very bytes ``copyfix fix`` writes.

The diff is made from the bytes on disk and the bytes a fix would write: CRLF lines keep their
CR, a BOM stays on the first line, a file without a final newline gets ``\\ No newline at end of
file``, and a file with CR newlines is one line, as the patch tools see it. A UTF-16 file gets a
note on stderr instead of a diff no patch tool could apply.
"""

from __future__ import annotations

import codecs
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from copyfix.cli import main

HAS_PATCH = shutil.which("patch") is not None
HAS_GIT = shutil.which("git") is not None

CASES: dict[str, dict[str, bytes]] = {
    "no final newline": {"a.md": b"Hello,world.\nline two\nEnd,here."},
    "no final newline, last line unchanged": {"a.md": b"Hello,world.\nThe end"},
    "no final newline, change in the middle only": {
        "a.md": b"One.\n" * 5 + b"Hello,world.\n" + b"Two.\n" * 5 + b"Last"
    },
    "last line gains nothing but loses a copy": {
        "a.md": b"Intro here.\n\nSame paragraph here.\n\nSame paragraph here."
    },
    "CRLF": {"a.md": b"Hello,world.\r\nok then\r\nEnd,here.\r\n"},
    "CRLF without final newline": {"a.md": b"Hello,world.\r\nEnd,here."},
    "CR only": {"a.md": b"Hello,world.\rok then\rEnd,here.\r"},
    "mixed newlines": {"a.md": b"Hello,world.\r\nok then\nEnd,here.\r"},
    "UTF-8 BOM": {"a.md": codecs.BOM_UTF8 + b"Hello,world.\nEnd,here.\n"},
    "UTF-8 BOM on the changed first line, CRLF": {"a.md": codecs.BOM_UTF8 + b"a,b c.\r\nok.\r\n"},
    "non-ASCII text": {"a.md": "Caf\u00e9,cr\u00e8me \u201cquoted\u201d.\n".encode()},
    "multiple files and a subfolder": {
        "a.md": b"Hello,world.\n",
        "docs/b.txt": b"It was late.We left.\n",
        "docs/deeper/c.md": b"Fine here.\n\nNo,no.\n",
        "docs/clean.md": b"Nothing to fix here.\n",
    },
    "name with a space": {"my notes.md": b"Hello,world.\n"},
    "name with a quote, a backslash and a tab": {'say "hi"\\\tnow.md': b"Hello,world.\n"},
    "non-ASCII name": {"caf\u00e9 notes.md": b"Hello,world.\n"},
}


def write_tree(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".copyfix_cache" not in p.parts and p.name != "fix.diff"
    }


def copyfix(cwd: Path, *args: str):
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [*args, "--isolated", "--no-cache"])
    finally:
        os.chdir(old)


def diff_and_fixed(tmp_path: Path, files: dict[str, bytes], *paths: str):
    """The diff ``fix --diff`` prints in one copy of the tree, and the tree ``fix`` leaves in
    another."""
    shown, fixed = tmp_path / "shown", tmp_path / "fixed"
    for root in (shown, fixed):
        root.mkdir()
        write_tree(root, files)
    result = copyfix(shown, "fix", "--diff", *paths)
    assert result.exit_code == 1, result.output
    assert tree(shown) == files  # --diff writes nothing
    copyfix(fixed, "fix", *paths)
    return result.stdout_bytes, tree(fixed)


APPLY = {
    "git apply": (HAS_GIT, [["git", "apply", "--check", "fix.diff"], ["git", "apply", "fix.diff"]]),
    "patch": (
        HAS_PATCH,
        [["patch", "-p1", "--dry-run", "-i", "fix.diff"], ["patch", "-p1", "-s", "-i", "fix.diff"]],
    ),
}


@pytest.mark.parametrize("tool", list(APPLY))
@pytest.mark.parametrize("files", CASES.values(), ids=list(CASES))
def test_diff_applies_and_gives_what_fix_writes(tmp_path: Path, tool: str, files) -> None:
    available, commands = APPLY[tool]
    if not available:
        pytest.skip(f"{tool.split()[0]} is not installed")
    diff, expected = diff_and_fixed(tmp_path, files, ".")
    assert diff
    target = tmp_path / "target"
    target.mkdir()
    write_tree(target, files)
    (target / "fix.diff").write_bytes(diff)
    for command in commands:
        proc = subprocess.run(command, cwd=target, capture_output=True, check=False)
        assert proc.returncode == 0, (proc.stdout + proc.stderr).decode(errors="replace")
    assert tree(target) == expected


@pytest.mark.skipif(not HAS_GIT, reason="git is not installed")
@pytest.mark.parametrize("how", ["relative", "absolute", "dotted"])
def test_diff_of_a_named_file_applies_from_the_current_folder(tmp_path: Path, how: str) -> None:
    before = b"Hello,world.\nEnd,here."
    write_tree(tmp_path, {"docs/a.md": before})
    names = {
        "relative": "docs/a.md",
        "absolute": str(tmp_path / "docs" / "a.md"),
        "dotted": "./docs/../docs/a.md",
    }
    result = copyfix(tmp_path, "fix", "--diff", names[how])
    assert result.stdout_bytes.startswith(b"--- a/docs/a.md\n+++ b/docs/a.md\n")
    (tmp_path / "fix.diff").write_bytes(result.stdout_bytes)
    proc = subprocess.run(
        ["git", "apply", "fix.diff"], cwd=tmp_path, capture_output=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "docs" / "a.md").read_bytes() == b"Hello, world.\nEnd, here."


def test_no_final_newline_is_marked() -> None:
    from copyfix.output.report import patch_diff

    assert patch_diff("x.md", b"a,b", b"a, b") == (
        b"--- a/x.md\n+++ b/x.md\n@@ -1 +1 @@\n-a,b\n\\ No newline at end of file\n"
        b"+a, b\n\\ No newline at end of file\n"
    )


def test_utf16_file_gets_a_note_not_an_unappliable_diff(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "Hello,world.\n".encode("utf-16-le")
    (tmp_path / "u.txt").write_bytes(data)
    (tmp_path / "a.md").write_bytes(b"Hello,world.\n")
    result = copyfix(tmp_path, "fix", "--diff", "u.txt", "a.md")
    assert result.exit_code == 1
    assert result.stdout_bytes.startswith(b"--- a/a.md\n")
    assert b"u.txt" not in result.stdout_bytes
    assert "u.txt: UTF-16-LE file, no diff shown" in result.stderr
    assert (tmp_path / "u.txt").read_bytes() == data


def test_stdin_diff_applies_to_the_text(tmp_path: Path) -> None:
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(
            main,
            ["fix", "--diff", "--isolated", "--stdin-filename", "a.md", "-"],
            input="Hello,world.\nEnd,here.",
        )
    finally:
        os.chdir(old)
    assert result.exit_code == 1
    if not HAS_PATCH:
        pytest.skip("patch is not installed")
    (tmp_path / "a.md").write_bytes(b"Hello,world.\nEnd,here.")
    (tmp_path / "fix.diff").write_bytes(result.stdout_bytes)
    proc = subprocess.run(
        ["patch", "-p1", "-s", "-i", "fix.diff"], cwd=tmp_path, capture_output=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "a.md").read_bytes() == b"Hello, world.\nEnd, here."
