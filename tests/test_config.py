"""Configuration: discovery order, every key, and the errors for bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copyfix.config import (
    DEFAULT_EXCLUDE,
    ConfigError,
    Settings,
    find_config_file,
    load_settings,
    parse_settings,
)
from copyfix.lint.registry import default_registry
from copyfix.model import Severity

COMMA = "In 2019,the plan changed.\n"  # SP001, error, safe fix
SPACES = "The plan  changed.\n"  # SP004, warning, safe fix
REPEAT = "We ran the kubectl kubectl command.\n"  # RP001, unsafe fix
CLEAN = "The plan changed in 2019.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(run, *args: str) -> list[tuple[str, str]]:
    """(file name, code) of every finding of ``copyfix lint --format json ARGS``."""
    result = run("lint", "--format", "json", "--no-cache", *args)
    assert result.exit_code in (0, 1), result.output
    return sorted((Path(d["path"]).name, d["code"]) for d in json.loads(result.stdout))


def config_of(run, path: str, *args: str) -> dict:
    result = run("config", path, *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


# --- discovery -----------------------------------------------------------------------------------


def test_nearest_file_upward_wins(run, tmp_path):
    write(tmp_path / "copyfix.toml", 'ignore = ["SP001"]\n')
    write(tmp_path / "docs" / "copyfix.toml", 'ignore = ["SP004"]\n')
    write(tmp_path / "top.txt", COMMA + SPACES)
    write(tmp_path / "docs" / "deep" / "inner.txt", COMMA + SPACES)
    assert codes(run, ".") == [("inner.txt", "SP001"), ("top.txt", "SP004")]
    assert find_config_file(tmp_path / "docs" / "deep" / "inner.txt") == tmp_path / "docs" / "copyfix.toml"


def test_precedence_within_one_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.copyfix]\nignore = ["SP001"]\n')
    assert find_config_file(tmp_path) == tmp_path / "pyproject.toml"
    write(tmp_path / "copyfix.toml", 'ignore = ["SP002"]\n')
    assert find_config_file(tmp_path) == tmp_path / "copyfix.toml"
    write(tmp_path / ".copyfix.toml", 'ignore = ["SP003"]\n')
    assert find_config_file(tmp_path / "a.md") == tmp_path / ".copyfix.toml"


def test_pyproject_without_table_is_passed_over(run, tmp_path):
    write(tmp_path / "copyfix.toml", 'ignore = ["SP001"]\n')
    write(tmp_path / "pkg" / "pyproject.toml", '[project]\nname = "x"\n')
    write(tmp_path / "pkg" / "a.txt", COMMA)
    assert find_config_file(tmp_path / "pkg" / "a.txt") == tmp_path / "copyfix.toml"
    assert codes(run, "pkg/a.txt") == []


def test_config_option_overrides_discovery(run, tmp_path):
    write(tmp_path / ".copyfix.toml", 'ignore = ["SP001"]\n')
    write(tmp_path / "other" / "strict.toml", 'select = ["SP001"]\n')
    write(tmp_path / "a.txt", COMMA + SPACES)
    assert codes(run, "a.txt") == [("a.txt", "SP004")]
    assert codes(run, "--config", "other/strict.toml", "a.txt") == [("a.txt", "SP001")]


def test_isolated_ignores_every_file(run, tmp_path):
    write(tmp_path / ".copyfix.toml", 'ignore = ["ALL"]\n')
    write(tmp_path / "a.txt", COMMA)
    assert codes(run, "a.txt") == []
    assert codes(run, "--isolated", "a.txt") == [("a.txt", "SP001")]
    # --isolated wins over --config too, and skips a config that would not even parse.
    write(tmp_path / "broken.toml", "nonsense = [\n")
    assert codes(run, "--isolated", "--config", "broken.toml", "a.txt") == [("a.txt", "SP001")]


def test_edited_config_is_read_again(tmp_path):
    path = write(tmp_path / "copyfix.toml", 'ignore = ["SP001"]\n')
    assert load_settings(path).ignore == ["SP001"]
    write(path, 'ignore = ["SP002", "SP003"]\n')
    assert load_settings(path).ignore == ["SP002", "SP003"]


# --- every key -----------------------------------------------------------------------------------


def test_select_by_code_name_and_prefix(run, tmp_path):
    write(tmp_path / "a.txt", COMMA + SPACES + REPEAT)
    write(tmp_path / "copyfix.toml", 'select = ["missing-space-after-comma"]\n')
    assert codes(run, "a.txt") == [("a.txt", "SP001")]
    write(tmp_path / "copyfix.toml", 'select = ["SP"]\n')
    assert codes(run, "a.txt") == [("a.txt", "SP001"), ("a.txt", "SP004")]
    write(tmp_path / "copyfix.toml", 'select = ["RP001"]\n')
    assert codes(run, "a.txt") == [("a.txt", "RP001")]


def test_extend_select_and_ignore(run, tmp_path):
    write(tmp_path / "a.txt", COMMA + SPACES + REPEAT)
    write(tmp_path / "copyfix.toml", 'select = ["RP"]\nextend-select = ["SP004"]\n')
    assert codes(run, "a.txt") == [("a.txt", "RP001"), ("a.txt", "SP004")]
    # The more specific selector wins: ignoring the family keeps an extend-selected code.
    write(tmp_path / "copyfix.toml", 'ignore = ["SP", "RP001"]\nextend-select = ["SP004"]\n')
    assert codes(run, "a.txt") == [("a.txt", "SP004")]


def test_command_line_select_beats_config(run, tmp_path):
    write(tmp_path / "a.txt", COMMA + SPACES)
    write(tmp_path / "copyfix.toml", 'select = ["SP004"]\n')
    assert codes(run, "--select", "SP001", "a.txt") == [("a.txt", "SP001")]


def test_per_file_ignores(run, tmp_path):
    write(tmp_path / "copyfix.toml", '[per-file-ignores]\n"docs/*.md" = ["SP001"]\n"*.txt" = ["SP"]\n')
    write(tmp_path / "docs" / "a.md", COMMA + SPACES)
    write(tmp_path / "b.md", COMMA)
    write(tmp_path / "c.txt", COMMA + REPEAT)
    assert codes(run, ".") == [("a.md", "SP004"), ("b.md", "SP001"), ("c.txt", "RP001")]


def test_exclude_applies_to_walked_and_named_files(run, tmp_path):
    write(tmp_path / "copyfix.toml", 'extend-exclude = ["vendor", "drafts/*.md"]\n')
    write(tmp_path / "vendor" / "lib.md", COMMA)
    write(tmp_path / "drafts" / "wip.md", COMMA)
    write(tmp_path / "drafts" / "keep.txt", COMMA)
    write(tmp_path / "a.md", COMMA)
    assert codes(run, ".") == [("a.md", "SP001"), ("keep.txt", "SP001")]
    # As pre-commit names files one by one, exclusion must hold for explicit paths too.
    assert codes(run, "vendor/lib.md", "drafts/wip.md") == []
    assert codes(run, "./vendor/lib.md", "drafts/keep.txt") == [("keep.txt", "SP001")]
    assert codes(run, "--isolated", "vendor/lib.md") == [("lib.md", "SP001")]


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(run, tmp_path):
    write(tmp_path / "node_modules" / "pkg" / "readme.md", COMMA)
    write(tmp_path / "old" / "x.md", COMMA)
    assert codes(run, "node_modules/pkg/readme.md") == []  # a default exclusion
    write(tmp_path / "copyfix.toml", 'exclude = ["old"]\n')
    assert codes(run, "node_modules/pkg/readme.md", "old/x.md") == [("readme.md", "SP001")]
    write(tmp_path / "copyfix.toml", 'extend-exclude = ["old"]\n')
    assert codes(run, "node_modules/pkg/readme.md", "old/x.md") == []
    assert Settings().exclude == list(DEFAULT_EXCLUDE)


def test_include_narrows_the_files_checked(run, tmp_path):
    write(tmp_path / "copyfix.toml", 'include = ["docs/**", "*.md"]\n')
    write(tmp_path / "docs" / "a.txt", COMMA)
    write(tmp_path / "b.md", COMMA)
    write(tmp_path / "c.txt", COMMA)
    assert codes(run, ".") == [("a.txt", "SP001"), ("b.md", "SP001")]
    assert codes(run, "c.txt") == []


def test_unsafe_fixes(run, tmp_path):
    target = write(tmp_path / "a.txt", REPEAT)
    run("fix", "--no-cache", "a.txt")
    assert target.read_text() == REPEAT
    write(tmp_path / "copyfix.toml", "unsafe-fixes = true\n")
    run("fix", "--no-cache", "a.txt")
    assert target.read_text() == "We ran the kubectl command.\n"
    # The command line still has the last word.
    write(target, REPEAT)
    run("fix", "--no-cache", "--no-unsafe-fixes", "a.txt")
    assert target.read_text() == REPEAT


def test_severity_overrides_and_fail_on(run, tmp_path):
    write(tmp_path / "a.txt", SPACES)  # SP004 is a warning by default
    write(tmp_path / "copyfix.toml", 'fail-on = "error"\n')
    assert run("lint", "a.txt").exit_code == 0
    write(tmp_path / "copyfix.toml", 'fail-on = "error"\n[severity]\nSP004 = "error"\n')
    result = run("lint", "--format", "json", "a.txt")
    assert result.exit_code == 1
    assert json.loads(result.stdout)[0]["severity"] == "error"
    write(tmp_path / "copyfix.toml", '[severity]\nmultiple-spaces = "info"\nSP = "warning"\n')
    assert json.loads(run("lint", "--format", "json", "a.txt").stdout)[0]["severity"] == "info"
    write(tmp_path / "copyfix.toml", 'fail-on = "warning"\n[severity]\nSP004 = "info"\n')
    assert run("lint", "a.txt").exit_code == 0
    assert run("lint", "--fail-on", "info", "a.txt").exit_code == 1


def test_packs(run, tmp_path):
    write(tmp_path / "a.txt", "We did it in order to win.\n")
    assert codes(run, "a.txt") == []
    write(tmp_path / "copyfix.toml", 'packs = ["wordy-phrases"]\n')
    assert codes(run, "a.txt") == [("a.txt", "WP001")]
    write(tmp_path / "copyfix.toml", 'packs = ["no-such-pack"]\n')
    result = run("lint", "a.txt")
    assert result.exit_code == 2 and "no-such-pack" in result.output


def test_lexicon_extend_and_remove(run, tmp_path):
    write(tmp_path / "a.txt", "Call the dept. today about it.\nThe the cat sat.\n")
    assert codes(run, "a.txt") == [("a.txt", "RP001")]
    write(
        tmp_path / "copyfix.toml",
        '[lexicon]\nremove-abbreviations = ["dept"]\nextend-allowed-repeats = ["the"]\n',
    )
    assert codes(run, "a.txt") == [("a.txt", "CP001")]
    settings = load_settings(tmp_path / "copyfix.toml")
    lexicon = settings.lexicon()
    assert lexicon is not None
    assert "dept" not in lexicon.abbreviations and "the" in lexicon.allowed_repeats


def test_lexicon_in_pyproject(run, tmp_path):
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.copyfix]\nselect = ["RP001"]\n\n'
        '[tool.copyfix.lexicon]\nextend-allowed-repeats = ["kubectl"]\n',
    )
    write(tmp_path / "a.txt", REPEAT)
    assert codes(run, "a.txt") == []


def test_every_key_parses():
    table = {
        "select": ["SP"], "extend-select": ["RP001"], "ignore": ["SP004"],
        "per-file-ignores": {"*.txt": ["CP"]}, "exclude": ["a"], "extend-exclude": ["b"],
        "include": ["*.md"], "unsafe-fixes": True, "fail-on": "warning",
        "severity": {"SP001": "info"}, "packs": ["wordy-phrases"],
        "lexicon": {"extend-abbreviations": ["approx"], "remove-lowercase-names": ["npm"]},
    }
    settings = parse_settings(table, Path("/p/copyfix.toml"))
    assert settings.select == ["SP"] and settings.extend_select == ["RP001"]
    assert settings.ignore == ["SP004"] and settings.per_file_ignores == {"*.txt": ["CP"]}
    assert settings.exclude == ["a"] and settings.extend_exclude == ["b"]
    assert settings.include == ["*.md"] and settings.unsafe_fixes is True
    assert settings.fail_on is Severity.WARNING and settings.severity == {"SP001": Severity.INFO}
    assert settings.packs == ["wordy-phrases"]
    assert settings.lexicon_extend == {"abbreviations": ["approx"]}
    assert settings.lexicon_remove == {"lowercase_names": ["npm"]}
    assert settings.root == Path("/p")
    settings.check_rules(default_registry())


# --- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "key", "expected"),
    [
        ("copyfix.toml", 'selcet = ["SP"]\n', "selcet", "did you mean 'select'"),
        ("copyfix.toml", 'colour = "red"\n', "colour", "unknown key (expected one of select"),
        ("pyproject.toml", '[tool.copyfix]\nignores = ["SP"]\n', "tool.copyfix.ignores", "unknown key"),
        ("copyfix.toml", 'select = "SP001"\n', "select", "expected an array of strings, got the string 'SP001'"),
        ("copyfix.toml", "exclude = [1, 2]\n", "exclude", "expected an array of strings, got an array"),
        ("copyfix.toml", 'unsafe-fixes = "yes"\n', "unsafe-fixes", "expected true or false"),
        ("copyfix.toml", 'fail-on = "fatal"\n', "fail-on", 'expected "error", "warning" or "info"'),
        ("copyfix.toml", "fail-on = 2\n", "fail-on", "got the number 2"),
        ("copyfix.toml", 'severity = "error"\n', "severity", "expected a table of rule"),
        ("copyfix.toml", '[severity]\nSP001 = "loud"\n', "severity.SP001", 'expected "error"'),
        ("copyfix.toml", 'per-file-ignores = ["x"]\n', "per-file-ignores", 'expected a table of "glob"'),
        ("copyfix.toml", '[per-file-ignores]\n"*.md" = "SP001"\n', 'per-file-ignores."*.md"', "expected an array"),
        ("copyfix.toml", "[lexicon]\nextend-words = []\n", "lexicon.extend-words", "extend-abbreviations"),
        ("copyfix.toml", '[lexicon]\nremove-abbreviations = "etc"\n', "lexicon.remove-abbreviations", "expected an array"),
        ("pyproject.toml", '[tool]\ncopyfix = 3\n', "tool.copyfix", "expected a table"),
    ],
)
def test_bad_values_exit_2_naming_file_and_key(run, tmp_path, name, text, key, expected):
    write(tmp_path / name, text)
    write(tmp_path / "a.txt", COMMA)
    for command in (("lint", "a.txt"), ("fix", "a.txt"), ("config", "a.txt")):
        result = run(*command)
        assert result.exit_code == 2, (command, result.output)
        message = result.output.strip()
        assert "\n" not in message, message
        assert message.startswith(f"copyfix: {tmp_path / name}: key '{key}': "), message
        assert expected in message, message
    assert (tmp_path / "a.txt").read_text() == COMMA


@pytest.mark.parametrize(
    ("text", "key", "selector"),
    [
        ('select = ["SP001", "XX999"]\n', "select", "XX999"),
        ('extend-select = ["no-such-rule"]\n', "extend-select", "no-such-rule"),
        ('ignore = ["ZZ"]\n', "ignore", "ZZ"),
        ('[per-file-ignores]\n"never/*.md" = ["QQ001"]\n', 'per-file-ignores."never/*.md"', "QQ001"),
        ('[severity]\nXY123 = "info"\n', "severity.XY123", "XY123"),
    ],
)
def test_unknown_rules_exit_2_naming_file_and_key(run, tmp_path, text, key, selector):
    write(tmp_path / "copyfix.toml", text)
    write(tmp_path / "a.txt", COMMA)
    result = run("lint", "a.txt")
    assert result.exit_code == 2, result.output
    assert result.output.strip() == (
        f"copyfix: {tmp_path / 'copyfix.toml'}: key '{key}': unknown rule or prefix "
        f"{selector!r} (expected a rule code, a rule name, a code prefix or ALL)"
    )


def test_invalid_toml_and_missing_config(run, tmp_path):
    write(tmp_path / ".copyfix.toml", "select = [\n")
    write(tmp_path / "a.txt", COMMA)
    result = run("lint", "a.txt")
    assert result.exit_code == 2
    assert f"{tmp_path / '.copyfix.toml'}: invalid TOML" in result.output
    result = run("lint", "--isolated", "a.txt")
    assert result.exit_code == 1
    result = run("lint", "--config", "missing.toml", "a.txt")
    assert result.exit_code == 2 and "missing.toml: file not found" in result.output


def test_config_error_carries_parts():
    with pytest.raises(ConfigError) as info:
        parse_settings({"select": 3}, Path("x/copyfix.toml"))
    assert info.value.key == "select" and info.value.path == "x/copyfix.toml"
    assert str(info.value) == "x/copyfix.toml: key 'select': expected an array of strings, got the number 3"


# --- copyfix config ------------------------------------------------------------------------------


def test_config_command_prints_resolved_settings(run, tmp_path):
    write(
        tmp_path / "pyproject.toml",
        '[tool.copyfix]\nselect = ["SP"]\nignore = ["SP004"]\nfail-on = "warning"\n'
        'extend-exclude = ["vendor"]\n[tool.copyfix.per-file-ignores]\n"docs/*" = ["SP002"]\n'
        '[tool.copyfix.severity]\nSP001 = "warning"\n',
    )
    write(tmp_path / "docs" / "a.md", COMMA)
    write(tmp_path / "vendor" / "b.md", COMMA)
    data = config_of(run, "docs/a.md")
    assert data["config-file"] == str(tmp_path / "pyproject.toml")
    assert data["root"] == str(tmp_path)
    assert data["fail-on"] == "warning"
    assert data["excluded"] is False
    assert data["per-file-ignores-in-effect"] == ["SP002"]
    assert "SP001" in data["rules-in-effect"]
    assert "SP002" not in data["rules-in-effect"] and "SP004" not in data["rules-in-effect"]
    assert all(code.startswith("SP") for code in data["rules-in-effect"])
    assert data["severity-in-effect"] == {"SP001": "warning"}
    assert config_of(run, "vendor/b.md")["excluded"] is True
    isolated = config_of(run, "docs/a.md", "--isolated")
    assert isolated["config-file"] is None and "RP001" in isolated["rules-in-effect"]
    assert config_of(run, ".")["per-file-ignores"] == {"docs/*": ["SP002"]}
