"""unbalanced-brackets (QT003): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


def test_examples(rule_run):
    rule_run.examples("QT003")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("This is not so (neither a nor b", True),
        ("This is not so neither a nor b)", True),
        ("This is not so (neither a nor b)", False),
        ("We discussed this in section 1a).", False),
        ("Some text (and a smiley :-) with more text) to follow", False),
        ("a) first, b) second", False),
    ],
)
def test_brackets(rule_run, text, flagged):
    assert bool(rule_run.lint("QT003", text)) is flagged
