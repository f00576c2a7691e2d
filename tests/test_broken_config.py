"""A broken pyproject.toml is an error wherever copyfix would have read it, never a file to skip.

Skipping it silently meant running with the defaults, so ``fix`` applied the very fixes that the
file's ``[tool.copyfix]`` turned off. Whatever the breakage (invalid TOML anywhere in the file,
even in another tool's table, or bytes that are not UTF-8), every command that discovers
configuration exits 2 with one line naming the file, as for a broken ``copyfix.toml``, and no file
is changed. A pyproject.toml that discovery would not reach is still nobody's business.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from copyfix.config import ConfigError, find_config_file

VALID_HEAD = b'[tool.copyfix]\nignore = ["SP001"]\n\n'
BROKEN = {
    "duplicate key in another tool's table": VALID_HEAD + b"[tool.black]\nline-length = 88\n"
    b"line-length = 99\n",
    "duplicate table": VALID_HEAD + b"[tool.copyfix]\nselect = []\n",
    "unclosed table header": VALID_HEAD + b"[tool.black\n",
    "unterminated string": VALID_HEAD + b'[project]\nname = "x\n',
    "bad escape": VALID_HEAD + b'[project]\nname = "a\\qb"\n',
    "bare value": VALID_HEAD + b"[project]\nname = hello\n",
    "no copyfix table and broken": b"[project\nname = 1\n",
    "not UTF-8": VALID_HEAD + b'[project]\nname = "caf\xe9"\n',
}
COMMA = b"Hello,world.\n"


def break_project(folder: Path, content: bytes) -> Path:
    (folder / "pyproject.toml").write_bytes(content)
    (folder / "a.md").write_bytes(COMMA)
    return folder / "pyproject.toml"


@pytest.mark.parametrize("content", BROKEN.values(), ids=list(BROKEN))
@pytest.mark.parametrize(
    "command",
    [
        ["fix", "a.md"],
        ["fix", "--diff", "a.md"],
        ["fix", "."],
        ["lint", "a.md"],
        ["lint", "."],
        ["config", "a.md"],
        ["test-rules"],
        ["rules"],
    ],
    ids=" ".join,
)
def test_broken_pyproject_stops_every_command(tmp_path: Path, run, content, command) -> None:
    pyproject = break_project(tmp_path, content)
    result = run(*command)
    assert result.exit_code == 2, result.output
    reason = "invalid TOML" if b"\xe9" not in content else "cannot read"
    assert f"copyfix: {pyproject}: {reason}" in result.stderr
    assert (tmp_path / "a.md").read_bytes() == COMMA


def test_broken_pyproject_stops_fix_on_stdin(tmp_path: Path, run) -> None:
    break_project(tmp_path, BROKEN["duplicate key in another tool's table"])
    result = run("fix", "-", input="Hello,world.\n")
    assert result.exit_code == 2
    assert result.stdout == ""


def test_broken_pyproject_in_a_folder_above_is_an_error(tmp_path: Path, run) -> None:
    break_project(tmp_path, BROKEN["unclosed table header"])
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "b.md").write_bytes(COMMA)
    result = run("fix", "docs")
    assert result.exit_code == 2
    assert (tmp_path / "docs" / "b.md").read_bytes() == COMMA


@pytest.mark.parametrize("nearer", ["copyfix.toml", ".copyfix.toml", "pyproject.toml"])
def test_pyproject_that_discovery_does_not_reach_is_not_read(tmp_path: Path, run, nearer):
    """A nearer configuration wins before the broken file is looked at."""
    break_project(tmp_path, BROKEN["unclosed table header"])
    docs = tmp_path / "docs"
    docs.mkdir()
    config = b"ignore = []\n" if nearer != "pyproject.toml" else b"[tool.copyfix]\nignore = []\n"
    (docs / nearer).write_bytes(config)
    (docs / "b.md").write_bytes(COMMA)
    result = run("fix", "docs/b.md")
    assert result.exit_code == 0, result.output
    assert (docs / "b.md").read_bytes() == b"Hello, world.\n"


def test_copyfix_toml_in_the_same_folder_shadows_a_broken_pyproject(tmp_path: Path) -> None:
    break_project(tmp_path, BROKEN["unclosed table header"])
    (tmp_path / "copyfix.toml").write_bytes(b"")
    assert find_config_file(tmp_path / "a.md") == tmp_path / "copyfix.toml"


@pytest.mark.parametrize("option", [["--isolated"], ["--config", "other.toml"]])
def test_options_that_skip_discovery_skip_the_broken_file(tmp_path: Path, run, option) -> None:
    break_project(tmp_path, BROKEN["unclosed table header"])
    (tmp_path / "other.toml").write_bytes(b'ignore = ["SP001"]\n')
    result = run("fix", *option, "a.md")
    assert result.exit_code == 0, result.output


def test_unreadable_pyproject_is_an_error(tmp_path: Path, monkeypatch) -> None:
    break_project(tmp_path, VALID_HEAD)
    original = Path.read_text

    def refuse(self: Path, *args, **kwargs) -> str:
        if self.name == "pyproject.toml":
            raise PermissionError(13, "Permission denied")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", refuse)
    with pytest.raises(ConfigError, match="pyproject.toml: cannot read: Permission denied"):
        find_config_file(tmp_path / "a.md")


def test_valid_pyproject_without_a_copyfix_table_is_still_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b"[tool.black]\nline-length = 88\n")
    assert find_config_file(tmp_path) is None
