"""wrong-apostrophe (QT004): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


def test_examples(rule_run):
    rule_run.examples("QT004")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("you don´t need it", "you don't need it"),
        ("DON;T TRY THIS AT HOME.", "DON'T TRY THIS AT HOME."),
        ("It’s here; you shouldn´t go.", "It’s here; you shouldn’t go."),
    ],
)
def test_wrong_apostrophes(rule_run, text, expected):
    assert rule_run.fix("QT004", text) == expected
