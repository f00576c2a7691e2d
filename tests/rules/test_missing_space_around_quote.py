"""missing-space-around-quote (SP006): the rule's examples and its own cases."""

from __future__ import annotations


def test_examples(rule_run):
    rule_run.examples("SP006")


def test_an_empty_quotation_is_a_stray_mark_not_a_quotation(rule_run):
    text = "Then he spoke. “”This is unfair,” he said."
    assert rule_run.lint("SP006", text) == []
