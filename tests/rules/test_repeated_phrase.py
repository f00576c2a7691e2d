"""repeated-phrase (RP003): the rule's examples and its own cases."""

from __future__ import annotations


def test_examples(rule_run):
    rule_run.examples("RP003")
