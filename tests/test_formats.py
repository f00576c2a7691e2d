"""Formats are chosen per file: by extension, by a ``formats`` glob in config, by
``--format-type``; ``copyfix config FILE`` shows the format and the summary counts files by it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from copyfix.cli import main
from copyfix.io.files import discover
from copyfix.model import DocumentKind
from copyfix.text.load import kind_for_path

# A comma slip in prose, and code that plain-text reading would "fix".
MDX_SOURCE = (
    "import { getCollection } from 'astro:content'\n"
    "\n"
    "In 2019,the plan changed.\n"
)


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("a.md", DocumentKind.MARKDOWN),
        ("a.markdown", DocumentKind.MARKDOWN),
        ("docs/page.mdx", DocumentKind.MDX),
        ("PAGE.MDX", DocumentKind.MDX),
        ("notes.txt", DocumentKind.TEXT),
        ("README", DocumentKind.TEXT),
        (None, DocumentKind.TEXT),
    ],
)
def test_kind_by_extension(path: str | None, kind: DocumentKind) -> None:
    assert kind_for_path(path) is kind


def test_mdx_override() -> None:
    assert kind_for_path("a.md", "mdx") is DocumentKind.MDX
    assert kind_for_path("a.mdx", "text") is DocumentKind.TEXT


def test_mdx_files_are_found_in_a_folder_walk(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "intro.mdx").write_text("Hello.\n")
    (tmp_path / "docs" / "app.js").write_text("x\n")
    found = [p.name for p in discover([str(tmp_path)])]
    assert found == ["intro.mdx"]


def _project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str = "") -> CliRunner:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "copyfix.toml").write_text(config)
    (tmp_path / "docs").mkdir()
    return CliRunner()


def test_a_folder_of_mdx_is_checked_not_skipped(tmp_path, monkeypatch) -> None:
    runner = _project(tmp_path, monkeypatch)
    (tmp_path / "docs" / "page.mdx").write_text(MDX_SOURCE)
    result = runner.invoke(main, ["lint", "--no-cache", "--format", "concise", "docs"])
    assert result.exit_code == 1
    assert "docs/page.mdx:3:8: error SP001" in result.stdout
    assert "All checks passed" not in result.stdout
    assert result.stdout.rstrip().endswith("1 file checked (1 mdx).")


def test_formats_glob_reads_md_as_mdx(tmp_path, monkeypatch) -> None:
    runner = _project(tmp_path, monkeypatch, '[formats]\n"docs/**/*.md" = "mdx"\n')
    (tmp_path / "docs" / "intro.md").write_text("Hello.\n")
    (tmp_path / "notes.md").write_text("Hello.\n")
    result = runner.invoke(main, ["lint", "--no-cache", "-v", "."])
    assert result.exit_code == 0, result.output
    assert "copyfix: checked docs/intro.md as mdx" in result.stderr
    assert "copyfix: checked notes.md as markdown" in result.stderr
    assert result.stdout.splitlines() == [
        "All checks passed!", "2 files checked (1 markdown, 1 mdx).",
    ]


def test_fix_lists_the_formats_too(tmp_path, monkeypatch) -> None:
    runner = _project(tmp_path, monkeypatch, '[formats]\n"docs/**/*.md" = "mdx"\n')
    (tmp_path / "docs" / "intro.md").write_text("Hello,world.\n")
    result = runner.invoke(main, ["fix", "--no-cache", "-v", "--diff", "."])
    assert "copyfix: checked docs/intro.md as mdx" in result.stderr
    assert "+Hello, world." in result.stdout


def test_format_type_beats_the_formats_glob(tmp_path, monkeypatch) -> None:
    runner = _project(tmp_path, monkeypatch, '[formats]\n"*.md" = "mdx"\n')
    (tmp_path / "a.md").write_text("Hello.\n")
    result = runner.invoke(main, ["lint", "--no-cache", "-v", "--format-type", "text", "a.md"])
    assert "copyfix: checked a.md as text" in result.stderr
    assert "1 file checked (1 text)." in result.stdout


def test_stdin_takes_the_format_of_its_filename_glob(tmp_path, monkeypatch) -> None:
    runner = _project(tmp_path, monkeypatch, '[formats]\n"docs/*.md" = "mdx"\n')
    args = ["lint", "--no-cache", "-v", "--stdin-filename", "docs/x.md", "-"]
    result = runner.invoke(main, args, input=MDX_SOURCE)
    assert "copyfix: checked docs/x.md as mdx" in result.stderr


def test_config_shows_the_format(tmp_path, monkeypatch) -> None:
    runner = _project(tmp_path, monkeypatch, '[formats]\n"docs/**/*.md" = "mdx"\n')
    (tmp_path / "docs" / "a.md").write_text("Hello.\n")
    (tmp_path / "b.md").write_text("Hello.\n")
    (tmp_path / "c.mdx").write_text("Hello.\n")
    (tmp_path / "d.txt").write_text("Hello.\n")
    shown = {}
    for name in ("docs/a.md", "b.md", "c.mdx", "d.txt", "docs"):
        result = runner.invoke(main, ["config", name])
        assert result.exit_code == 0, result.output
        shown[name] = json.loads(result.stdout)["format"]
    assert shown == {"docs/a.md": "mdx", "b.md": "markdown", "c.mdx": "mdx", "d.txt": "text",
                     "docs": None}
    assert json.loads(runner.invoke(main, ["config", "b.md"]).stdout)["formats"] == {
        "docs/**/*.md": "mdx"
    }


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('[formats]\n"*.md" = "asciidoc"\n', "'formats.\"*.md\"': expected one of"),
        ('formats = ["*.md"]\n', 'expected a table of "glob" = "format"'),
    ],
)
def test_a_bad_formats_table_is_an_error(tmp_path, monkeypatch, config, message) -> None:
    runner = _project(tmp_path, monkeypatch, config)
    (tmp_path / "a.md").write_text("Hello.\n")
    result = runner.invoke(main, ["lint", "--no-cache", "a.md"])
    assert result.exit_code == 2
    assert message in result.stderr


def test_summary_counts_formats_when_nothing_was_found(tmp_path, monkeypatch) -> None:
    runner = _project(tmp_path, monkeypatch)
    for name in ("a.md", "b.mdx", "c.txt", "d.txt"):
        (tmp_path / "docs" / name).write_text("Hello.\n")
    result = runner.invoke(main, ["lint", "--no-cache", "docs"])
    assert result.stdout.splitlines()[-1] == "4 files checked (1 markdown, 1 mdx, 2 text)."


def test_cached_outcomes_keep_their_format(tmp_path, monkeypatch) -> None:
    runner = _project(tmp_path, monkeypatch)
    (tmp_path / "docs" / "a.mdx").write_text("Hello.\n")
    first = runner.invoke(main, ["lint", "docs"])
    second = runner.invoke(main, ["lint", "docs"])
    assert first.stdout == second.stdout
    assert "1 file checked (1 mdx)." in second.stdout
