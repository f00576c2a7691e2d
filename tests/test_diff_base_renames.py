"""``lint --diff-base`` follows renames: a file moved with ``git mv`` (or moved and added) reports
only the lines that changed, not every line of its new name."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

TEXT = "Legacy,text one.\nLegacy,text two.\nLegacy,text three.\nLegacy,text four.\n"


def git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "old.md").write_text(TEXT)
    (tmp_path / "other.md").write_text("Other,file.\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    return tmp_path


def lines_found(run, *paths: str) -> list[tuple[str, int]]:
    result = run("lint", "--no-cache", "--format", "json", "--diff-base", "HEAD", *paths)
    assert result.exit_code in (0, 1), result.output
    return sorted({(d["path"], d["line"]) for d in json.loads(result.output)})


@pytest.mark.parametrize("new_name", ["docs/new.md", "moved/old.md", "renamed.markdown"])
def test_git_mv_reports_only_edited_lines(run, repo: Path, new_name: str) -> None:
    (repo / new_name).parent.mkdir(exist_ok=True)
    git(repo, "mv", "docs/old.md", new_name)
    (repo / new_name).write_text(TEXT.replace("text three", "Edited,three"))
    assert lines_found(run, new_name) == [(new_name, 3)]


def test_pure_rename_reports_nothing(run, repo: Path) -> None:
    git(repo, "mv", "docs/old.md", "docs/new.md")
    assert lines_found(run, ".") == []


def test_moved_by_hand_and_added_is_a_rename_too(run, repo: Path) -> None:
    (repo / "docs" / "old.md").rename(repo / "docs" / "moved.md")
    git(repo, "add", "-A")
    assert lines_found(run, "docs") == []


def test_renamed_but_not_added_is_new(run, repo: Path) -> None:
    """Git cannot know a move it has not been told about: every line of the new file counts."""
    (repo / "docs" / "old.md").rename(repo / "docs" / "moved.md")
    assert lines_found(run, "docs") == [("docs/moved.md", n) for n in range(1, 5)]
