"""doubled-punctuation (TY001): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


def test_examples(rule_run):
    rule_run.examples("TY001")


@pytest.mark.parametrize(
    ("text", "expected", "unsafe"),
    [
        ("Apples,, pears.", "Apples, pears.", False),
        ("Bread, milk, etc..", "Bread, milk, etc.", False),
    ],
)
def test_typography_fixes(rule_run, text, expected, unsafe):
    assert rule_run.lint("TY001", text)
    assert rule_run.fix("TY001", text, unsafe=unsafe) == expected


def test_ellipses_are_not_doubled_punctuation(rule_run):
    # Harper flags "....." as a wrong ellipsis length and LanguageTool accepts it; a run of
    # dots is left to the writer.
    assert rule_run.lint("TY001", "Wait... what..... really....") == []
