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


# A label glued to its text opens its line or sentence ("Note:This"); mid-sentence a capitalised
# pair joined by a colon is a notation ("a Name:Value pair"): the space is then only a guess.
# A shell or template variable (${name?value}, ${shlibs:Depends}) is code.
@pytest.mark.parametrize(
    ("text", "safe_fix"),
    [
        ("Note:This is important.", "Note: This is important."),
        ("- Warning:Do not run it twice.", "- Warning: Do not run it twice."),
        ("Give the header as a Name:Value pair.", None),
        ("Send a Content-Type:Text header.", None),
    ],
)
def test_a_colon_label_opens_its_line(rule_run, text, safe_fix):
    assert rule_run.fix("SP002", text) == (safe_fix or text)
    assert rule_run.lint("SP002", text)


@pytest.mark.parametrize(
    "text",
    [
        "Use the older form ${stress?x}${stress:y} instead.",
        "It substitutes ${shlibs:Depends} and ${misc:Depends} here.",
    ],
)
def test_variable_expansions_are_code(rule_run, text):
    assert rule_run.lint("SP002", text) == []
