"""inconsistent-label-case (CP003): the rule's examples and its own cases."""

from __future__ import annotations


def test_examples(rule_run):
    rule_run.examples("CP003")


def test_label_case_follows_the_majority(rule_run):
    text = "Archyde: Hello.\n\nGuest: Hi.\n\nArchyde: Why?\n\nGuest: Because.\n\narchyde: Thanks."
    fixed = rule_run.fix("CP003", text)
    assert fixed.endswith("Archyde: Thanks.")
