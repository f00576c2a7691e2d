"""repeated-word (RP001): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


def test_examples(rule_run):
    rule_run.examples("RP001")


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
    text = "We ran the kubectl kubectl command."
    assert rule_run.lint("RP001", text)
    assert rule_run.fix("RP001", text) == text


def test_verb_then_noun_after_to_is_not_a_slip(rule_run):
    # After "to" the first copy is a verb and the second the noun it takes, as Harper's own
    # tests say: "To address address problems.", "To record record profits."
    assert rule_run.lint("RP001", "To address address problems.") == []
    assert rule_run.lint("RP001", "To record record profits.") == []


def test_a_word_alone_on_its_line_that_starts_the_next_is_a_list(rule_run):
    text = "With all packages you just have to do\n\n    ./configure\n    make\n    make check\n"
    assert rule_run.lint("RP001", text) == []
    # Across a line break inside a sentence it is still a slip.
    assert rule_run.fix("RP001", "It was the\nthe end.") == "It was the\nend."


@pytest.mark.parametrize(
    "text",
    ["Fixed x86 long double and long long return support.", "It was a long long time ago."],
)
def test_long_long_is_a_type_and_an_idiom(rule_run, text):
    assert rule_run.lint("RP001", text) == []


# After a verb of running, a repeated lowercase word is a command and its argument; a
# repeated function word there is still a slip.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("To read the manual, execute man man for more information.", False),
        ("Then type info info and press Enter.", False),
        ("Then run the the tests again.", True),
        ("The cat cat sat on the mat.", True),
    ],
)
def test_a_command_named_twice_after_a_verb_of_running(rule_run, text, flagged):
    assert bool(rule_run.lint("RP001", text)) is flagged


_WRAPPED = (
    "The tool moves content between three places, and each command below moves it one step\n"
    "along that path, in the order the chapter describes them, from the first to the last.\n\n"
)


def test_a_word_ending_one_row_and_opening_the_next_is_not_repeated(rule_run):
    text = _WRAPPED + "    working tree → index\n    index → object store\n"
    assert rule_run.lint("RP001", text) == []


def test_a_word_repeated_across_a_wrapped_line_is_still_found(rule_run):
    text = (
        "The tool moves content between three places, and each command below moves the\n"
        "the content one step along that path, in the order the chapter describes them.\n"
    )
    [finding] = rule_run.lint("RP001", text)
    assert finding.message == "Repeated word 'the'"
