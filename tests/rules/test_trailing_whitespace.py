"""trailing-whitespace (SP005): the rule's examples and its own cases."""

from __future__ import annotations


def test_examples(rule_run):
    rule_run.examples("SP005")


def test_trailing_spaces_on_many_lines_are_a_habit_fixed_only_when_unsafe(rule_run):
    text = "".join(f"Line number {i} of the text. \n" for i in range(3))
    assert len(rule_run.lint("SP005", text)) == 3
    assert rule_run.fix("SP005", text) == text
    assert " \n" not in rule_run.fix("SP005", text, unsafe=True)
    assert rule_run.fix("SP005", "One line. \nTwo lines.\n") == "One line.\nTwo lines.\n"


def test_a_line_of_no_break_spaces_is_a_spacer_removed_only_when_unsafe(rule_run):
    text = "* Protect against known issues,\n\u00a0\u00a0\u00a0\n* Improve the defaults.\n"
    assert rule_run.lint("SP005", text)
    assert rule_run.fix("SP005", text) == text
    assert rule_run.fix("SP005", text, unsafe=True) == text.replace("\u00a0", "")
    # No-break spaces after text are trailing white space like any other.
    assert rule_run.fix("SP005", "One line.\u00a0\nTwo lines.\n") == "One line.\nTwo lines.\n"
