"""inconsistent-apostrophes (QT005): the rule's examples and its own cases."""

from __future__ import annotations


def test_examples(rule_run):
    rule_run.examples("QT005")


def test_mixed_apostrophes_are_reported(rule_run):
    assert rule_run.lint("QT005", "It's a nice idea. But it doesn’t work.")
    assert rule_run.lint("QT005", "It’s a nice idea. But it doesn’t work.") == []
