"""missing-space-after-punctuation (SP002): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


def test_examples(rule_run):
    rule_run.examples("SP002")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This is a text.And more.", "This is a text. And more."),
        ("Are you coming?Elijah is waiting.", "Are you coming? Elijah is waiting."),
        ("The door slammed!Everyone jumped.", "The door slammed! Everyone jumped."),
        ("He wanted to leave;however, he stayed.", "He wanted to leave; however, he stayed."),
        ("The kettle hissed.A ribbon rose.", "The kettle hissed. A ribbon rose."),
        # clean
        ("A cat sleeps 20.5 hours; see example.org and file.txt.", None),
        ("Use Node.js, .NET, ASP.NET and std::vector at 10:30.", None),
        ("The U.S. and e.g. apples; Ph.D. holders.", None),
        ("Don;t is a wrong apostrophe, not a missing space.", None),
        ("Call ctypes.OleDLL or idleConf.CurrentTheme.", None),
    ],
)
def test_sentence_glue(rule_run, text, expected):
    rule_run.check("SP002", text, expected)
