"""unused-suppression (CX001): the rule's examples and its own cases."""

from __future__ import annotations


def test_examples(rule_run):
    rule_run.examples("CX001")
