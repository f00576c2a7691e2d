from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected", "unsafe"),
    [
        ("I wanted the the banana.", "I wanted the banana.", False),
        ("LIKE A FISH IN THE\nTHE SEA.", "LIKE A FISH IN THE\nSEA.", False),
        ("But I i was not sure.", "But I was not sure.", False),
        ("This test test should match.", "This test should match.", True),
        ("You should know that that that was wrong.", "You should know that that was wrong.", False),
    ],
)
def test_flags_and_removes(rule_run, text, expected, unsafe):
    assert rule_run.lint("RP001", text)
    assert rule_run.fix("RP001", text, unsafe=unsafe) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He had had enough.",
        "He gave her her phone back.",
        "You need to log in in the morning.",
        "Do what you have to to take care of yourself.",
        "May may come, and Will will help.",
        "They shouted hip hip hooray!",
        "In the wild wild west, there were many outlaws.",
        "They said yadda yadda and left.",
        "Wait wait!",
        "Contact E.ON on their website.",
        "Duran Duran played in Walla Walla.",
    ],
)
def test_legitimate_repeats(rule_run, text):
    assert rule_run.lint("RP001", text) == []


def test_content_word_repeat_needs_unsafe_fixes(rule_run):
    # Harper treats "To address address problems." as correct (verb then noun); that reading is
    # rare, so copyfix reports it, but only --unsafe-fixes removes a repeated content word.
    text = "To address address problems."
    assert rule_run.lint("RP001", text)
    assert rule_run.fix("RP001", text) == text
