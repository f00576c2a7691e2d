"""space-around-symbol (TY004): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


def test_examples(rule_run):
    rule_run.examples("TY004")


@pytest.mark.parametrize(
    ("text", "expected", "unsafe"),
    [
        ("You owe me $ 100.", "You owe me $100.", False),
        ("It rose 20 %.", "It rose 20%.", True),
    ],
)
def test_typography_fixes(rule_run, text, expected, unsafe):
    assert rule_run.lint("TY004", text)
    assert rule_run.fix("TY004", text, unsafe=unsafe) == expected
