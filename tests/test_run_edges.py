"""What a run reports at its edges: files named twice, binary files met in a walk, standard input
among other paths, writes that are refused, output that cannot be written, a working folder that
is gone, leftovers of a killed run, and errors copyfix did not expect. Each ends in one honest line
and the exit code that says what happened (2 for usage and file errors, 3 for a bug)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from copyfix.io.files import TEMP_SUFFIX

BROKEN = "Hello,world.\n"


def copyfix(
    *args: str, cwd: Path, stdin: bytes | None = None, **streams
) -> subprocess.CompletedProcess:
    """Run the CLI in a child process (real file descriptors: /dev/full, pipes, deleted folders)."""
    command = [sys.executable, "-c", "from copyfix.cli import main; main()", *args]
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **streams}
    return subprocess.run(command, cwd=cwd, input=stdin, timeout=120, check=False, **streams)


def codes(result: subprocess.CompletedProcess) -> list[str]:
    # A finding line is "path:line:col: severity CODE message".
    lines = result.stdout.decode().splitlines()
    return [line.split(" ")[0] for line in lines if " ".join(line.split(" ")[2:3]).startswith("SP")]


# -- each real file once -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "names",
    [
        ["a.md", "a.md"],  # the same path twice
        ["a.md", "."],  # a file and the folder it is in
        [".", "a.md"],
        ["./a.md", "a.md"],  # two spellings of one path
        ["a.md", "link.md"],  # a symlink and its target
        ["a.md", "hard.md"],  # two hard links
    ],
)
def test_each_real_file_is_checked_once(tmp_path: Path, names: list[str]) -> None:
    (tmp_path / "a.md").write_text(BROKEN)
    (tmp_path / "link.md").symlink_to("a.md")
    os.link(tmp_path / "a.md", tmp_path / "hard.md")
    result = copyfix(
        "lint", "--no-cache", "--isolated", "--format", "concise", *names, cwd=tmp_path
    )
    assert len(codes(result)) == 1, result.stdout.decode()
    assert "Found 1 problem." in result.stdout.decode()


def test_fixing_a_file_named_twice_counts_it_once(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(BROKEN)
    result = copyfix("fix", "--no-cache", "--isolated", "a.md", "a.md", ".", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Fixed 1 problem in 1 file; 0 remaining." in result.stdout.decode()
    assert (tmp_path / "a.md").read_text() == "Hello, world.\n"


# -- binary files ------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"a\x00b", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"])
def test_binary_file_met_in_a_walk_is_skipped_and_counted(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "image.txt").write_bytes(data)
    (tmp_path / "docs" / "ok.md").write_text("All good here.\n")
    result = copyfix("lint", "--no-cache", "--isolated", "docs", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.decode() == "copyfix: skipped 1 binary file found in folders\n"


def test_binary_file_named_on_the_command_line_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"a\x00b")
    result = copyfix("lint", "--no-cache", "--isolated", "image.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "image.txt: binary file" in result.stderr.decode()


# -- standard input ----------------------------------------------------------------------------


@pytest.mark.parametrize("paths", [["a.md", "-"], ["-", "a.md"], ["-", "-"]])
@pytest.mark.parametrize("command", ["lint", "fix"])
def test_dash_among_other_paths_is_a_usage_error(tmp_path: Path, paths, command) -> None:
    (tmp_path / "a.md").write_text(BROKEN)
    result = copyfix(command, "--no-cache", *paths, cwd=tmp_path, stdin=BROKEN.encode())
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "copyfix: '-' (standard input) cannot be combined with other paths\n"
    )
    assert (tmp_path / "a.md").read_text() == BROKEN


# -- writes that are refused -------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_refused_write_is_not_counted_as_fixed(tmp_path: Path) -> None:
    locked = tmp_path / "locked.md"
    locked.write_text(BROKEN)
    locked.chmod(0o444)
    (tmp_path / "ok.md").write_text("Hi,there.\n")
    try:
        result = copyfix("fix", "--no-cache", "--isolated", "locked.md", "ok.md", cwd=tmp_path)
    finally:
        locked.chmod(0o644)
    out = result.stdout.decode()
    assert result.returncode == 2
    assert "Fixed 1 problem in 1 file; 1 remaining. (SP001: 1) 1 file could not be written" in out
    assert "locked.md: cannot write" in result.stderr.decode()
    assert locked.read_text() == BROKEN


# -- output that cannot be written -------------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ["lint", "a.md"],
        ["lint", "--format", "json", "a.md"],
        ["fix", "--diff", "a.md"],
        ["rules"],
        ["rule", "SP001"],
        ["config", "a.md"],
        ["config", "--keys"],
    ],
)
def test_full_disk_on_stdout_is_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "a.md").write_text(BROKEN)
    with open("/dev/full", "wb") as full:
        result = copyfix(*args, cwd=tmp_path, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "copyfix: cannot write standard output: No space left on device\n"
    )


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(BROKEN * 20_000)
    reader = subprocess.Popen(
        ["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL
    )
    result = copyfix(
        "lint", "--no-cache", "a.md", cwd=tmp_path, stdout=reader.stdin, stderr=subprocess.PIPE
    )
    reader.stdin.close()
    reader.wait()
    assert "Traceback" not in result.stderr.decode()
    assert result.returncode in (1, 2)


def test_report_file_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(BROKEN)
    result = copyfix("lint", "-o", "missing/report.txt", "a.md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode().startswith("copyfix: cannot write missing/report.txt: ")


# -- the working folder ------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["lint", "a.md"], ["fix", "."], ["test-rules"], ["rules"]])
def test_deleted_working_folder_is_one_line_and_exit_2(tmp_path: Path, args) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    # The child starts in the folder and the folder is removed before copyfix looks at it.
    script = (
        "import os, sys; os.rmdir(os.getcwd()); "
        "from copyfix.cli import main; sys.argv = ['copyfix', *sys.argv[1:]]; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=gone,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.decode() == "copyfix: the current folder no longer exists\n"


# -- leftovers of a killed run -----------------------------------------------------------------


def test_fix_walking_a_folder_removes_leftover_temporaries(tmp_path: Path) -> None:
    """Even when nothing in that folder needs a fix, so nothing is written there."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "clean.md").write_text("Nothing to fix here.\n")
    # A dead writer's temporary file: pid 2**22 + 1 is above Linux's default pid_max of 2**22.
    leftover = docs / f".clean.md.{2**22 + 1}.abc{TEMP_SUFFIX}"
    leftover.write_text("half a file")
    result = copyfix("fix", "--no-cache", "--isolated", "docs", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not leftover.exists()
    assert (docs / "clean.md").read_text() == "Nothing to fix here.\n"


def test_lint_leaves_temporaries_alone(tmp_path: Path) -> None:
    (tmp_path / "clean.md").write_text("Nothing to fix here.\n")
    leftover = tmp_path / f".clean.md.{2**22 + 1}.abc{TEMP_SUFFIX}"
    leftover.write_text("half a file")
    copyfix("lint", "--no-cache", "--isolated", ".", cwd=tmp_path)
    assert leftover.exists()


# -- errors copyfix did not expect -------------------------------------------------------------


def test_unexpected_error_is_one_line_and_exit_3(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(BROKEN)
    script = (
        "import sys; import copyfix.cli.lint as lint\n"
        "def boom(*a, **k): raise RuntimeError('boom')\n"
        "lint.process_paths = boom\n"
        "from copyfix.cli import main; sys.argv = ['copyfix', 'lint', 'a.md']; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, timeout=60, check=False
    )
    assert result.returncode == 3
    err = result.stderr.decode()
    assert err.startswith("copyfix: internal error (RuntimeError: boom); this is a bug")
    assert "Traceback" not in err
    debug = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, "COPYFIX_DEBUG": "1"},
    )
    assert "Traceback" in debug.stderr.decode() and debug.returncode == 3
