"""space-inside-brackets (TY002): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


def test_examples(rule_run):
    rule_run.examples("TY002")


@pytest.mark.parametrize(
    ("text", "expected", "unsafe"),
    [
        ("It is ( maybe ) later.", "It is (maybe) later.", False),
        ('You " fixed" it.', 'You "fixed" it.', True),  # straight quotes may quote a literal: unsafe
    ],
)
def test_typography_fixes(rule_run, text, expected, unsafe):
    assert rule_run.lint("TY002", text)
    assert rule_run.fix("TY002", text, unsafe=unsafe) == expected
