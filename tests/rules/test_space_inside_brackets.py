"""space-inside-brackets (TY002): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


def test_examples(rule_run):
    rule_run.examples("TY002")


@pytest.mark.parametrize(
    ("text", "expected", "unsafe"),
    [
        ("It is ( maybe) later.", "It is (maybe) later.", False),
        ("It is ( maybe ) later.", "It is (maybe) later.", True),  # padded: a style
        ('You " fixed" it.', 'You "fixed" it.', True),  # straight quotes may quote a literal: unsafe
    ],
)
def test_typography_fixes(rule_run, text, expected, unsafe):
    assert rule_run.lint("TY002", text)
    assert rule_run.fix("TY002", text, unsafe=unsafe) == expected


def test_spaces_inside_quotes_that_a_document_keeps_are_its_style(rule_run):
    # A scraped page pads its quotations again and again: flagged, but only an unsafe fix.
    text = "It is called “ bird lung. ” Or “ duvet lung ” by some.\n"
    assert len(rule_run.lint("TY002", text)) == 4
    assert rule_run.fix("TY002", text) == text
    assert rule_run.fix("TY002", text, unsafe=True) == (
        "It is called “bird lung.” Or “duvet lung” by some.\n"
    )
    # One slip in a document that does not do it is still fixed safely.
    assert rule_run.fix("TY002", "He said “ hello” to us.") == "He said “hello” to us."


@pytest.mark.parametrize(
    "text",
    [
        "“She said, ‘Go,’ ” he said.",
        "“ ‘Now’ is the word,” she said.",
        "He told me, “They called it ‘attention,’ ” Hege said.",
    ],
)
def test_a_space_between_nested_quotes_is_not_flagged(rule_run, text):
    assert rule_run.lint("TY002", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Can Jay-Z Perform Her Own Songs? It’s Complicated [ Bloomberg ]\n",
        "The former “ Dawson’s Creek ” star, 42, was voted off.\n",
        "Call it ( maybe ) later.\n",
    ],
)
def test_a_pair_padded_on_both_sides_is_a_style_fixed_only_when_unsafe(rule_run, text):
    assert rule_run.lint("TY002", text)
    assert rule_run.fix("TY002", text) == text


@pytest.mark.parametrize(
    "text",
    [
        "The report cited “cost increases and schedule delays ”. The report went on.\n",
        "“It is hard for businesses who are having difficulty with that. ”\n",
    ],
)
def test_a_space_before_a_closing_curly_quote_was_placed_by_software(rule_run, text):
    assert rule_run.lint("TY002", text)
    assert rule_run.fix("TY002", text) == text
