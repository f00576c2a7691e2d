"""missing-space-after-comma (SP001): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


def test_examples(rule_run):
    rule_run.examples("SP001")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2019,the plan changed.", "In 2019, the plan changed."),
        ("A,2", "A, 2"),
        ("2,A", "2, A"),
        ("This ,is a test.", "This, is a test."),
        ("industrial,supply,and value", "industrial, supply, and value"),
        # clean: numbers, NBSP, decimals, money, URLs, quotes after commas
        ("1,234,567 and 3,14 and €2,45 and 50,- Euro", None),
        ("This is,\u00a0really,\u00a0fine.", None),
        ("“Hello world,” said Michael.", None),
        ("See https://example.com/a,b for it.", None),
    ],
)
def test_comma_spacing(rule_run, text, expected):
    rule_run.check("SP001", text, expected)
