"""duplicated-paragraph (RP002): the rule's examples and its own cases."""

from __future__ import annotations


def test_examples(rule_run):
    rule_run.examples("RP002")


def test_title_pasted_twice_is_removed(rule_run):
    text = "A Title Here\n\nA Title Here\n\nBody text follows."
    assert rule_run.fix("RP002", text) == "A Title Here\n\nBody text follows."


def test_refrain_lines_need_unsafe_fixes(rule_run):
    text = "Row the boat along\nRow the boat along\nGently down the stream."
    assert rule_run.lint("RP002", text)
    assert rule_run.fix("RP002", text) == text


def test_separated_repeats_and_tables_are_fine(rule_run):
    assert rule_run.lint("RP002", "Chorus line here\n\nVerse.\n\nChorus line here") == []
    assert rule_run.lint("RP002", "| a | b |\n| a | b |") == []
