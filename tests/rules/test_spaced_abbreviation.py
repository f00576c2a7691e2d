"""spaced-abbreviation (TY003): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


def test_examples(rule_run):
    rule_run.examples("TY003")


@pytest.mark.parametrize(
    ("text", "expected", "unsafe"),
    [
        ("Checkers, e. g. LanguageTool.", "Checkers, e.g. LanguageTool.", False),
    ],
)
def test_typography_fixes(rule_run, text, expected, unsafe):
    assert rule_run.lint("TY003", text)
    assert rule_run.fix("TY003", text, unsafe=unsafe) == expected
