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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A particle after a word that does not take it: the repeat is a slip, removed safely.
        ("Four were killed in in border clashes.", "Four were killed in border clashes."),
        ("The base in in the Indian Ocean.", "The base in the Indian Ocean."),
        ("It is visible on on ship-tracking data.", "It is visible on ship-tracking data."),
        ("It is interrupted except by by the system.", "It is interrupted except by the system."),
        # A pronoun after a word that cannot take it as an object.
        ("Iran announced that it it was halting.", "Iran announced that it was halting."),
        ("It fails because it it expects a proxy.", "It fails because it expects a proxy."),
        # A doubled verb whose subject opens the clause.
        ("You could could create a response.", "You could create a response."),
        ("As this would would disable it, stop.", "As this would disable it, stop."),
        # Any word of the word list, common or rare, written twice in lower case.
        ("It exacerbated exacerbated the uncertainty.", "It exacerbated the uncertainty."),
        ("Place it in a subdirectory subdirectory of it.", "Place it in a subdirectory of it."),
        ("The law to which which men are bound.", "The law to which men are bound."),
    ],
)
def test_certain_repeats_are_removed_safely(rule_run, text, expected):
    assert rule_run.fix("RP001", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A verb that makes one word with its particle, in any tense, then a phrase.
        "She came back and logged in in the morning.",
        "Once you have signed in in the app, open it.",
        # An object, then the next clause's subject.
        "I told you you might meddle.",
        "He sat on it it most mashed his teeth.",
        "Tell you you don't get it.",
        # A synopsis placeholder after the same word, and the synopsis itself.
        "source file\n\nRead and execute commands from file file.",
        "term term\n\nIn each window the variable is set.",
        # A doubled word quoted as an example of one.
        'Doubled words, like "the the", are common.',
    ],
)
def test_grammatical_or_meant_repeats_are_left_alone(rule_run, text):
    assert rule_run.lint("RP001", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Turn the lights on on Monday.",  # the verb that takes "on" is three words back
        # A verb that takes the particle, in any tense, then the particle's preposition.
        "They rushed in in such a crowd.",
        "He put in in the missionary line.",
        "Go in in the house.",  # LanguageTool's case: a slip, or a meant phrase?
        "Carry on on your own.",
        "We drove by by the lake.",
        "The sun went down down there.",
        "Many functions we have have been annotated.",  # a relative clause may end at "have"
        "It is the comfort that I should should have derived.",  # a clause opener before it
        "We ran the kubectl kubectl command.",  # a word the word list does not know
        "Add the toolchain toolchain here.",
    ],
)
def test_uncertain_repeats_are_flagged_unsafe(rule_run, text):
    assert rule_run.lint("RP001", text)
    assert rule_run.fix("RP001", text) == text


def test_a_repeat_that_closes_its_sentence_is_not_removed_unattended(rule_run):
    """"it was done done.": contrastive reduplication stresses the word at the sentence's
    end as often as a slip doubles it there."""
    text = "Once it was in production, it was done done."
    assert rule_run.lint("RP001", text)
    assert rule_run.fix("RP001", text) == text


def test_a_word_ending_a_token_then_opening_the_next_cell_is_no_repeat(rule_run):
    """screen's status flags: each row is a flag and its description, two columns."""
    text = "The flags:\n\n-(+)flow  flow control disabled.\n+(-)flow  flow control enabled.\n"
    assert rule_run.lint("RP001", text) == []
