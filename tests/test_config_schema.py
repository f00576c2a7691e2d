"""The table of configuration keys: defaults, errors, ``copyfix config`` and the README."""

from __future__ import annotations

import dataclasses
import json
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from copyfix.cli import main
from copyfix.config import KEY_NAMES, SCHEMA, ConfigError, Settings, parse_settings, schema
from copyfix.config.errors import Where
from copyfix.model import Severity

README = Path(__file__).resolve().parent.parent / "README.md"

# The message for a value of the wrong type, for every key: what a user reads.
WRONG_TYPE = {
    "select": (True, "expected an array of strings, got a boolean"),
    "extend-select": ("SP", "expected an array of strings, got the string 'SP'"),
    "ignore": ([1], "expected an array of strings, got an array with non-strings"),
    "per-file-ignores": (["x"], 'expected a table of "glob" = [rules], got an array'),
    "exclude": ({}, "expected an array of strings, got a table"),
    "extend-exclude": (2, "expected an array of strings, got the number 2"),
    "include": (1.5, "expected an array of strings, got the number 1.5"),
    "unsafe-fixes": ("yes", "expected true or false, got the string 'yes'"),
    "fail-on": ("fatal", 'expected "error", "warning" or "info", got the string \'fatal\''),
    "severity": (
        "error", 'expected a table of rule = "error" | "warning" | "info", got the string \'error\''
    ),
    "packs": ([True], "expected an array of strings, got an array with non-strings"),
    "lexicon": ([], "expected a table, got an array"),
    "formats": ("mdx", 'expected a table of "glob" = "format", got the string \'mdx\''),
    "max-file-size": (
        -1, 'expected a positive number of bytes or a size such as "50MB" or "512KiB", '
        "got the number -1",
    ),
    "prose-shortcodes": ("alert", "expected an array of strings, got the string 'alert'"),
    "code-shortcodes": ([1], "expected an array of strings, got an array with non-strings"),
}


def test_every_key_has_one_entry_and_one_settings_attribute():
    assert len(set(KEY_NAMES)) == len(KEY_NAMES) == len(SCHEMA)
    attrs = [attr for key in SCHEMA for attr in key.attrs]
    assert len(set(attrs)) == len(attrs)
    fields = {f.name for f in dataclasses.fields(Settings)}
    assert fields == {"path", "root", "key_prefix", *attrs}
    assert all(key.doc and key.type for key in SCHEMA)


@pytest.mark.parametrize("key", SCHEMA, ids=KEY_NAMES)
def test_settings_default_is_the_schema_default(key):
    assert key.read(Settings()) == key.default()


@pytest.mark.parametrize("key", SCHEMA, ids=KEY_NAMES)
def test_each_key_parses_its_default_as_copyfix_config_prints_it(key):
    shown = key.to_json(key.default())
    if shown is None:  # `select`: no value means every rule, and TOML has no null
        assert key.default_doc
        return
    assert key.parse(shown, Where("copyfix.toml", key.name)) == key.default()
    assert parse_settings({key.name: shown}, Path("copyfix.toml")).as_dict()[key.name] == shown


def test_wrong_types_are_listed_for_every_key():
    assert set(WRONG_TYPE) == set(KEY_NAMES)


@pytest.mark.parametrize("prefix", ["", "tool.copyfix."])
@pytest.mark.parametrize("name", KEY_NAMES)
def test_a_value_of_the_wrong_type_names_file_key_and_expectation(name, prefix):
    value, problem = WRONG_TYPE[name]
    with pytest.raises(ConfigError) as info:
        parse_settings({name: value}, Path("d/pyproject.toml"), prefix)
    assert (info.value.path, info.value.key, info.value.problem) == (
        "d/pyproject.toml", prefix + name, problem
    )
    assert str(info.value) == f"d/pyproject.toml: key '{prefix}{name}': {problem}"


def test_unknown_key_lists_the_schema_and_suggests_the_closest():
    with pytest.raises(ConfigError) as info:
        parse_settings({"extend_select": []}, Path("pyproject.toml"), "tool.copyfix.")
    assert str(info.value) == (
        "pyproject.toml: key 'tool.copyfix.extend_select': unknown key (expected one of "
        "select, extend-select, ignore, per-file-ignores, exclude, extend-exclude, include, "
        "unsafe-fixes, fail-on, severity, packs, lexicon, max-file-size, formats, "
        "prose-shortcodes, code-shortcodes); "
        "did you mean 'tool.copyfix.extend-select'?"
    )
    with pytest.raises(ConfigError) as info:
        parse_settings({"colour": "red"}, Path("copyfix.toml"))
    assert str(info.value).endswith("formats, prose-shortcodes, code-shortcodes)")


def test_copyfix_config_output_is_itself_a_valid_configuration():
    table = {
        "select": ["SP"], "per-file-ignores": {"docs/*": ["CP"]}, "fail-on": "warning",
        "severity": {"SP004": "info"}, "lexicon": {"extend-abbreviations": ["approx"]},
        "max-file-size": "1MB",
    }
    shown = parse_settings(table, Path("/p/copyfix.toml")).as_dict()
    assert list(shown) == ["config-file", "root", *KEY_NAMES]
    del shown["config-file"], shown["root"]
    again = parse_settings(shown, Path("/p/copyfix.toml"))
    assert again.as_dict() == parse_settings(table, Path("/p/copyfix.toml")).as_dict()
    assert again.fail_on is Severity.WARNING and again.max_file_size == 1_000_000


def test_config_keys_lists_the_schema():
    result = CliRunner().invoke(main, ["config", "--keys"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    assert [entry["key"] for entry in listed] == list(KEY_NAMES)
    assert listed == schema.listing()
    by_key = {entry["key"]: entry for entry in listed}
    assert by_key["max-file-size"]["default"] == schema.MAX_FILE_BYTES
    assert by_key["fail-on"]["default"] == "info"


# --- README --------------------------------------------------------------------------------------


def _configuration_section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]


def test_readme_key_table_is_the_schema():
    section = _configuration_section()
    assert schema.markdown_table() in section, (
        "README's table of configuration keys differs from copyfix.config.schema; it should "
        "read:\n\n" + schema.markdown_table()
    )
    documented = re.findall(r"^\| `([a-z-]+)` \|", section, flags=re.MULTILINE)
    assert documented == list(KEY_NAMES)


def test_readme_example_uses_only_schema_keys():
    section = _configuration_section()
    (example,) = re.findall(r"```toml\n(.*?)```", section, flags=re.DOTALL)
    table = tomllib.loads(example)["tool"]["copyfix"]
    assert set(table) <= set(KEY_NAMES)
    parse_settings(table, Path("pyproject.toml"), "tool.copyfix.")  # every value valid too


def test_readme_limits_name_the_schema_default():
    text = README.read_text(encoding="utf-8")
    assert f"`max-file-size` (default {schema.MAX_FILE_BYTES // 10**6} MB;" in text
    assert schema.MAX_FILE_BYTES % 10**6 == 0
    named = re.search(r"`exclude` \(default: (.*?) and similar\)", text, flags=re.DOTALL)
    assert named is not None
    assert set(re.findall(r"`([^`]+)`", named.group(1))) <= set(schema.DEFAULT_EXCLUDE)
