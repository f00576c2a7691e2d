"""Inline suppression: the same directives in Markdown and plain text, ``[sic]``, and the report of
a directive that silences nothing or names an unknown rule."""

from __future__ import annotations

import pytest

import copyfix

KINDS = ["text", "markdown"]


def lint(text: str, kind: str, **kwargs) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in copyfix.lint_text(text, kind=kind, **kwargs)]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("selector", ["SP001", "missing-space-after-comma", "SP", "sp001", ""])
def test_disable_and_enable(kind: str, selector: str) -> None:
    text = (
        "A,b before.\n\n"
        f"<!-- copyfix: disable {selector} -->\n"
        "C,d inside.\n\nE,f inside.\n"
        "<!-- copyfix: enable -->\n\n"
        "G,h after.\n"
    )
    assert lint(text, kind) == [("SP001", 1), ("SP001", 9)]


@pytest.mark.parametrize("kind", KINDS)
def test_disable_without_enable_runs_to_the_end(kind: str) -> None:
    text = "A,b before.\n\n<!-- copyfix: disable SP001 -->\n\nC,d.\n\nE,f.\n"
    assert lint(text, kind) == [("SP001", 1)]


@pytest.mark.parametrize("kind", KINDS)
def test_disable_leaves_other_rules_alone(kind: str) -> None:
    text = "<!-- copyfix: disable SP001 -->\nThe the cat,sat.\n"
    assert lint(text, kind) == [("RP001", 2)]


@pytest.mark.parametrize("kind", KINDS)
def test_disable_several_rules_comma_or_space_separated(kind: str) -> None:
    for selectors in ("SP001, RP001", "SP001 repeated-word"):
        text = f"<!-- copyfix: disable {selectors} -->\nThe the cat,sat.\n"
        assert lint(text, kind) == []


@pytest.mark.parametrize("kind", KINDS)
def test_enable_with_a_list_closes_only_those_rules(kind: str) -> None:
    text = (
        "<!-- copyfix: disable SP001 RP001 -->\n"
        "The the cat,sat.\n"
        "<!-- copyfix: enable SP001 -->\n"
        "The the dog,ran.\n"
        "<!-- copyfix: enable -->\n"
        "The the cow,ate.\n"
    )
    assert lint(text, kind) == [("SP001", 4), ("RP001", 6), ("SP001", 6)]


@pytest.mark.parametrize("kind", KINDS)
def test_enable_one_rule_after_disabling_all(kind: str) -> None:
    text = (
        "<!-- copyfix: disable -->\n"
        "The the cat,sat.\n"
        "<!-- copyfix: enable SP001 -->\n"
        "The the dog,ran.\n"
        "<!-- copyfix: enable -->\n"
    )
    assert lint(text, kind) == [("SP001", 4)]


@pytest.mark.parametrize("kind", KINDS)
def test_disable_next_line(kind: str) -> None:
    text = "<!-- copyfix: disable-next-line SP001 -->\nA,b here.\nC,d here.\n"
    assert lint(text, kind) == [("SP001", 3)]


@pytest.mark.parametrize("kind", KINDS)
def test_disable_next_line_without_list_silences_every_rule(kind: str) -> None:
    text = "<!-- copyfix: disable-next-line -->\nThe the cat,sat.\n"
    assert lint(text, kind) == []


@pytest.mark.parametrize("kind", KINDS)
def test_disable_file_anywhere(kind: str) -> None:
    text = "A,b here.\n\nThe the cat.\n\n<!-- copyfix: disable-file -->\n"
    assert lint(text, kind) == []
    text = "A,b here.\n\nThe the cat.\n\n<!-- copyfix: disable-file RP001 -->\n"
    assert lint(text, kind) == [("SP001", 1)]


@pytest.mark.parametrize("kind", KINDS)
def test_unused_suppression_is_reported(kind: str) -> None:
    text = "<!-- copyfix: disable-next-line SP001 -->\nA clean line.\n"
    diagnostics = copyfix.lint_text(text, kind=kind)
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("CX001", 1, 1)]
    assert "SP001" in diagnostics[0].message
    assert "silences nothing" in diagnostics[0].message


@pytest.mark.parametrize("kind", KINDS)
def test_used_suppression_is_not_reported(kind: str) -> None:
    text = "<!-- copyfix: disable SP001 -->\nA,b here.\n<!-- copyfix: enable -->\n"
    assert lint(text, kind) == []


@pytest.mark.parametrize("kind", KINDS)
def test_enable_that_closes_nothing_is_reported(kind: str) -> None:
    text = "A clean line.\n<!-- copyfix: enable -->\n"
    diagnostics = copyfix.lint_text(text, kind=kind)
    assert [(d.code, d.line) for d in diagnostics] == [("CX001", 2)]
    assert "closes no open disable" in diagnostics[0].message


@pytest.mark.parametrize("kind", KINDS)
def test_unknown_rule_in_a_directive_is_reported(kind: str) -> None:
    text = "<!-- copyfix: disable-next-line NOPE999 -->\nA,b here.\n"
    diagnostics = copyfix.lint_text(text, kind=kind)
    assert [(d.code, d.line) for d in diagnostics] == [("CX001", 1), ("SP001", 2)]
    assert "NOPE999" in diagnostics[0].message and "unknown" in diagnostics[0].message


@pytest.mark.parametrize("kind", KINDS)
def test_known_and_unknown_rule_in_one_directive(kind: str) -> None:
    text = "<!-- copyfix: disable-next-line SP001 no-such-rule -->\nA,b here.\n"
    diagnostics = copyfix.lint_text(text, kind=kind)
    assert [(d.code, d.line) for d in diagnostics] == [("CX001", 1)]
    assert "no-such-rule" in diagnostics[0].message


def test_directive_for_a_rule_not_in_this_run_is_idle_not_stale() -> None:
    text = "<!-- copyfix: disable-next-line RP001 -->\nA clean line.\n"
    assert lint(text, "markdown", select=["SP", "CX"]) == []


def test_unused_suppression_can_be_ignored() -> None:
    text = "<!-- copyfix: disable-next-line -->\nA clean line.\n"
    assert lint(text, "markdown", ignore=["CX001"]) == []


@pytest.mark.parametrize("kind", KINDS)
def test_directive_must_stand_on_its_own_line(kind: str) -> None:
    text = "Words <!-- copyfix: disable-file --> here.\nA,b here.\n"
    assert ("SP001", 2) in lint(text, kind)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("```\n<!-- copyfix: disable-file -->\n```\n\nA,b here.\n", 5),
        ("Code:\n\n    <!-- copyfix: disable-file -->\n\nA,b here.\n", 5),
        ("Text `<!-- copyfix: disable-file -->`.\n\nA,b here.\n", 3),
        ("---\nx: <!-- copyfix: disable-file -->\n---\n\nA,b here.\n", 5),
    ],
)
def test_directive_inside_markdown_code_is_not_a_directive(text: str, line: int) -> None:
    assert lint(text, "markdown") == [("SP001", line)]


def test_directive_in_a_markdown_block_quote() -> None:
    text = "> <!-- copyfix: disable-next-line -->\n> A,b here.\n> C,d here.\n"
    assert lint(text, "markdown") == [("SP001", 3)]


def test_directive_with_crlf_newlines() -> None:
    text = "A,b here.\r\n<!-- copyfix: disable-next-line -->\r\nC,d here.\r\n"
    assert lint(text, "text") == [("SP001", 1)]


@pytest.mark.parametrize("kind", KINDS)
def test_directives_are_not_prose_and_survive_fixing(kind: str) -> None:
    text = "<!-- copyfix: disable-next-line RP001,SP004 -->\nThe the cat  sat,here.\n"
    assert lint(text, kind) == [("SP001", 2)]
    fixed = copyfix.fix_text(text, kind=kind, unsafe=True)
    assert fixed == "<!-- copyfix: disable-next-line RP001,SP004 -->\nThe the cat  sat, here.\n"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was teh [sic] best.", []),
        ("It was teh teh [sic] day.", []),
        ("He wrote,“hello” [sic] to us.", []),
        ("A,b [SIC] and cc,dd here.", [("SP001", 1)]),
        ("The the [sic] cat sat,here.", [("SP001", 1)]),
    ],
)
def test_sic_silences_the_word_before_it(kind: str, text: str, expected: list) -> None:
    assert lint(text, kind) == expected


@pytest.mark.parametrize("kind", KINDS)
def test_sic_does_not_silence_other_words(kind: str) -> None:
    assert lint("The the cat said teh [sic] once.", kind) == [("RP001", 1)]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "action", ["disable-nextline", "disabled", "disable_file", "ignore", "enable-all"]
)
def test_misspelt_action_is_reported_and_silences_nothing(kind: str, action: str) -> None:
    """A typo in the action is not ``disable`` plus a rule named after the rest of the word."""
    text = f"<!-- copyfix: {action} SP001 -->\nHello,world.\n\nAgain,world.\n"
    diagnostics = copyfix.lint_text(text, kind=kind)
    assert [(d.code, d.line) for d in diagnostics] == [("CX001", 1), ("SP001", 2), ("SP001", 4)]
    assert f"Unknown suppression directive {action!r}" in diagnostics[0].message
    assert "disable-next-line" in diagnostics[0].message  # the expected actions are listed


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "line",
    [
        "<!-- copyfix: disable SP001",  # never closed
        "<!-- copyfix: disable SP001 --> and then prose",  # not alone on its line
        "> <!-- copyfix: disable SP001 --> text",
    ],
)
def test_directive_that_does_not_parse_is_reported_and_silences_nothing(kind, line) -> None:
    text = f"{line}\n\nHello,world.\n"
    diagnostics = copyfix.lint_text(text, kind=kind, select=["CX001", "SP001"])
    assert ("CX001", 1) in [(d.code, d.line) for d in diagnostics]
    assert "Malformed suppression directive" in diagnostics[0].message
    if kind == "text" or "-->" in line:
        assert ("SP001", 3) in [(d.code, d.line) for d in diagnostics]
    # In Markdown an unclosed comment hides the rest of its HTML block, as CommonMark says.


def test_directive_shown_in_a_code_span_is_neither_obeyed_nor_reported() -> None:
    text = "Write `<!-- copyfix: disable-nextline SP001 -->` to try.\n\nHello,world.\n"
    assert lint(text, "markdown") == [("SP001", 3)]


def test_misspelt_action_on_a_long_line_is_linear() -> None:
    """The action is read possessively: a long word without ``-->`` cannot backtrack."""
    text = "<!-- copyfix: " + "a" * 200_000 + "\n"
    assert [d.code for d in copyfix.lint_text(text, kind="text", select=["CX001"])] == ["CX001"]
