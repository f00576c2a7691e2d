"""The real pre-commit, run in a throwaway git repository against this project's hooks.

pre-commit installs a hook repository from a git revision, so the test commits a snapshot of
this working tree (the package, pyproject.toml and .pre-commit-hooks.yaml) to a temporary
repository and points ``.pre-commit-config.yaml`` at it: the hooks tested are the code as it
is on disk, committed or not. Building the hook's environment installs copyfix and its
dependencies from the package index, so the test is slow.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from copyfix.io.files import DEFAULT_SUFFIXES

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

DEFECT = "In 2019,the plan changed.\n"
FIXED = "In 2019, the plan changed.\n"
SPACES = "The plan  changed.\n"
SPACES_FIXED = "The plan changed.\n"
UNFIXABLE = "We ran the kubectl kubectl command.\n"  # its only fix is unsafe


def _env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(home / "pre-commit-cache"),
        "PRE_COMMIT_COLOR": "never",
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def _snapshot(dest: Path, env: dict[str, str]) -> str:
    """Commit the installable part of this working tree to ``dest``; return the commit."""
    dest.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(ROOT / name, dest / name)
    shutil.copytree(
        ROOT / "src", dest / "src", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    _git(dest, env, "init", "-q")
    _git(dest, env, "add", ".")
    _git(dest, env, "commit", "-q", "-m", "snapshot")
    return _git(dest, env, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    base = tmp_path_factory.mktemp("precommit")
    env = _env(base)
    rev = _snapshot(base / "hooks", env)
    repo = base / "project"
    repo.mkdir()
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {base / 'hooks'}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: copyfix\n"
        "      - id: copyfix-fix\n",
        encoding="utf-8",
    )
    (repo / "pyproject.toml").write_text(
        '[tool.copyfix]\nextend-exclude = ["vendor"]\n', encoding="utf-8"
    )
    return repo, env


def _pre_commit(repo: Path, env: dict[str, str], hook: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", hook, "--all-files"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900,
    )


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_hooks_lint_fix_and_respect_exclude(project):
    repo, env = project
    guide = _write(repo / "docs" / "guide.md", "# Guide\n\n" + DEFECT)
    notes = _write(repo / "notes.txt", SPACES)
    vendored = _write(repo / "vendor" / "third-party.md", DEFECT)
    script = _write(repo / "tool.py", "x = 1  # In 2019,the plan changed.\n")
    _git(repo, env, "init", "-q")
    _git(repo, env, "add", ".")

    lint = _pre_commit(repo, env, "copyfix")
    assert lint.returncode == 1, lint.stdout + lint.stderr
    assert "docs/guide.md:3:8: error SP001" in lint.stdout
    assert "notes.txt:1:9: warning SP004" in lint.stdout
    assert "vendor" not in lint.stdout and "tool.py" not in lint.stdout

    fix = _pre_commit(repo, env, "copyfix-fix")
    # pre-commit fails a hook that changed files, so the user sees and stages the fixes.
    assert fix.returncode == 1, fix.stdout + fix.stderr
    assert "files were modified by this hook" in fix.stdout
    assert guide.read_text(encoding="utf-8") == "# Guide\n\n" + FIXED
    assert notes.read_text(encoding="utf-8") == SPACES_FIXED
    assert vendored.read_text(encoding="utf-8") == DEFECT
    assert script.read_text(encoding="utf-8") == "x = 1  # In 2019,the plan changed.\n"

    again = _pre_commit(repo, env, "copyfix-fix")
    assert again.returncode == 0, again.stdout + again.stderr
    lint = _pre_commit(repo, env, "copyfix")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    assert vendored.read_text(encoding="utf-8") == DEFECT


def test_fix_hook_applies_safe_fixes_only(project):
    repo, env = project
    _write(repo / ".copyfix.toml", 'extend-exclude = ["vendor"]\nunsafe-fixes = true\n')
    story = _write(repo / "story.md", UNFIXABLE)
    _git(repo, env, "init", "-q")
    _git(repo, env, "add", ".")
    fix = _pre_commit(repo, env, "copyfix-fix")
    # The repeated word stays (its fix is unsafe). The fix hook changed nothing, so it passes
    # (it used to fail and repeat the lint hook's report); the lint hook reports the word.
    assert fix.returncode == 0, fix.stdout + fix.stderr
    assert "RP001" not in fix.stdout
    assert story.read_text(encoding="utf-8") == UNFIXABLE
    lint = _pre_commit(repo, env, "copyfix")
    assert lint.returncode == 1
    assert "story.md:1:" in lint.stdout and "RP001" in lint.stdout


def test_hooks_run_on_every_extension_copyfix_checks(project):
    repo, env = project
    names = [f"doc{suffix}" for suffix in sorted(DEFAULT_SUFFIXES)] + ["SHOUT.MD", "Notes.Mkdn"]
    for name in names:
        _write(repo / "every" / name, DEFECT)
    _write(repo / "every" / "script.sh", "echo 'In 2019,the plan changed.'\n")
    _git(repo, env, "init", "-q")
    _git(repo, env, "add", ".")
    lint = _pre_commit(repo, env, "copyfix")
    assert lint.returncode == 1, lint.stdout + lint.stderr
    for name in names:
        assert f"every/{name}:1:8: error SP001" in lint.stdout, name
    assert "script.sh" not in lint.stdout

    fix = _pre_commit(repo, env, "copyfix-fix")
    assert fix.returncode == 1 and "files were modified by this hook" in fix.stdout
    for name in names:
        assert (repo / "every" / name).read_text(encoding="utf-8") == FIXED, name
