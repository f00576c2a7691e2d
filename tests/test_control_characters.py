"""No fix inserts a control character, and a pack whose replacement could is refused at load.

Pack replacement templates are expanded once when the pack is loaded: a bad escape, an unclosed
group reference or a trailing backslash is an error naming the file, line, rule and key (exit 2
for ``lint``, ``fix`` and ``test-rules`` alike, no traceback), and a template or a literal
replacement that holds a C0 or C1 control character (tab and newline aside) is refused. The fixer
also refuses such an edit from any rule, built-in or not, before it is applied.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from copyfix.lint.fixer import CONTROL_CHARACTERS, inserts_control
from copyfix.lint.linter import Linter
from copyfix.lint.registry import default_registry
from copyfix.model import DocumentKind, Edit, Span, Violation
from copyfix.packs import PackError, parse_pack_text
from copyfix.rules.base import Rule, violation

TEXT = DocumentKind.TEXT


def swap_pack(table: str, key: str = "pattern-swap", kind: str = "substitution") -> str:
    return (
        '[pack]\nname = "bad"\nprefix = "BD"\n\n[[rule]]\ncode = "BD001"\nname = "bad-swap"\n'
        f'kind = "{kind}"\n{key} = {table}\n[[rule.test]]\ntext = "Nothing."\n'
    )


# TOML literal strings ('...') keep backslashes as written, as a user would type a template.
BAD_TEMPLATES = {
    "unknown escape": "{ 'email' = '\\q' }",
    "unclosed group reference": "{ '(e)mail' = '\\g<1' }",
    "trailing backslash": "{ 'email' = 'mail\\' }",
    "group that does not exist": "{ 'email' = '\\g<name>' }",
    "unknown character name": "{ 'email' = '\\N{NO SUCH CHARACTER}' }",
    "NUL by octal escape": "{ 'email' = '\\0' }",
    "NUL by three-digit octal": "{ 'email' = 'a\\000b' }",
    "bell": "{ 'email' = '\\a' }",
    "carriage return": "{ 'email' = 'e\\rmail' }",
    "vertical tab": "{ 'email' = '\\v' }",
    "escape by hex": "{ 'email' = '\\x1b[31m' }",
    "C1 control by unicode escape": "{ 'email' = '\\u0085' }",
    "DEL": "{ 'email' = '\\x7f' }",
}
BAD_LITERALS = {
    "NUL in a swap": ("swap", "substitution", '{ "email" = "e\\u0000mail" }'),
    "form feed in a swap": ("swap", "substitution", '{ "email" = "\\f" }'),
    "C1 in a consistency group": ("groups", "consistency", '[["email", "e\\u009bmail"]]'),
}


@pytest.mark.parametrize("table", BAD_TEMPLATES.values(), ids=list(BAD_TEMPLATES))
def test_bad_template_is_refused_at_load_naming_line_rule_and_key(table: str) -> None:
    with pytest.raises(PackError) as caught:
        parse_pack_text(swap_pack(table), "rules/bad.toml")
    message = str(caught.value)
    assert message.startswith("rules/bad.toml:9: rule BD001: key 'pattern-swap': ")
    assert "Traceback" not in message


@pytest.mark.parametrize(("key", "kind", "table"), BAD_LITERALS.values(), ids=list(BAD_LITERALS))
def test_control_character_in_a_literal_replacement_is_refused(
    key: str, kind: str, table: str
) -> None:
    with pytest.raises(PackError, match=rf"rule BD001: key '{key}': .*control character U\+"):
        parse_pack_text(swap_pack(table, key, kind), "bad.toml")


@pytest.mark.parametrize(
    "table",
    [
        "{ '(e)-?mail' = '\\1mail' }",
        "{ '(?P<w>e)-mail' = '\\g<w>mail' }",
        "{ 'e-mail' = 'email\\n' }",  # a newline is prose's own separator
        "{ 'e-mail' = 'e\\tmail' }",
        "{ 'e-mail' = 'e\\-mail' }",  # kept as written, as in re.sub
        "{ 'e-mail' = 'e\\\\mail' }",
    ],
)
def test_good_templates_still_load(table: str) -> None:
    assert parse_pack_text(swap_pack(table), "good.toml")


@pytest.mark.parametrize("command", [["lint", "a.md"], ["fix", "a.md"], ["test-rules"]])
@pytest.mark.parametrize("table", ["{ 'email' = '\\q' }", "{ 'email' = '\\0' }"])
def test_cli_exits_2_on_a_bad_template(tmp_path: Path, run, command: list[str], table: str):
    (tmp_path / "bad.toml").write_text(swap_pack(table), encoding="utf-8")
    (tmp_path / "copyfix.toml").write_text('packs = ["bad.toml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_bytes(b"Send an email.\n")
    result = run(*command)
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "bad.toml:9: rule BD001: key 'pattern-swap'" in result.stderr
    assert (tmp_path / "a.md").read_bytes() == b"Send an email.\n"


# -- the fixer refuses control characters from any rule ------------------------------------------


class InsertsCharacter(Rule):
    """A rule gone wrong: it "fixes" every ``x`` into a replacement holding ``char``."""

    code = "ZZ901"
    name = "inserts-character"
    summary = "Test rule"

    def __init__(self, char: str) -> None:
        self.char = char

    def check(self, doc) -> Iterator[Violation]:
        for i, c in enumerate(doc.text):
            if c == "x":
                yield violation(i, i + 1, "x", Edit(Span(i, i + 1), f"y{self.char}"))


CONTROLS = [
    "\x00",
    "\x01",
    "\x07",
    "\x0b",
    "\x0c",
    "\r",
    "\x1b",
    "\x1f",
    "\x7f",
    "\x80",
    "\x85",
    "\x9f",
]


@pytest.mark.parametrize("char", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_fixer_refuses_to_insert_a_control_character(char: str) -> None:
    registry = default_registry()
    rule = InsertsCharacter(char)
    registry.add(rule)
    result = Linter(registry, [rule]).fix("a x b,c\n", kind=TEXT, unsafe=True)
    assert result.text == "a x b,c\n"
    assert result.refused == [
        (
            f"ZZ901 (inserts-character) fix at line 1 refused: it would insert the control "
            f"character U+{ord(char):04X}"
        )
    ]


@pytest.mark.parametrize("char", ["\t", "\n", " ", "\u00a0", "é"])
def test_fixer_allows_tab_newline_and_ordinary_characters(char: str) -> None:
    registry = default_registry()
    rule = InsertsCharacter(char)
    registry.add(rule)
    result = Linter(registry, [rule]).fix("a x b\n", kind=TEXT, unsafe=True)
    assert result.text == f"a y{char} b\n"


@pytest.mark.parametrize(
    ("text", "edit", "expected"),
    [
        ("a\x00b", Edit(Span(1, 2), ""), None),  # removing one is fine
        ("a\x1bb", Edit(Span(0, 3), "A\x1bB"), None),  # keeping one in place is fine
        ("a\x1bb", Edit(Span(0, 3), "\x1b\x1b"), "\x1b"),  # a second copy is inserted
        ("ab", Edit(Span(1, 1), "\x00"), "\x00"),
        ("ab", Edit(Span(1, 1), "\t\n"), None),
    ],
)
def test_inserts_control_counts_what_is_added(text: str, edit: Edit, expected: str | None):
    assert inserts_control(text, edit) == expected


def test_control_class_is_c0_c1_and_del_without_tab_and_newline() -> None:
    found = {chr(c) for c in range(0x110000) if CONTROL_CHARACTERS.fullmatch(chr(c))}
    expected = {chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]} - {"\t", "\n"}
    assert found == expected
