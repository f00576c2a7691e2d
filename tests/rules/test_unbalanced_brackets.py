"""unbalanced-brackets (QT003): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


def test_examples(rule_run):
    rule_run.examples("QT003")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("This is not so (neither a nor b", True),
        ("This is not so neither a nor b)", True),
        ("This is not so (neither a nor b)", False),
        ("We discussed this in section 1a).", False),
        ("Some text (and a smiley :-) with more text) to follow", False),
        ("a) first, b) second", False),
    ],
)
def test_brackets(rule_run, text, flagged):
    assert bool(rule_run.lint("QT003", text)) is flagged


# A bracket whose partner sits in code that the prose is masked around: a line of code inside
# a plain-text paragraph, a code span in Markdown. The code's brackets are never reported, but
# they pair with the prose's; a bracket with no partner anywhere is still reported.
@pytest.mark.parametrize(
    ("text", "markdown", "flagged"),
    [
        (
            (
                "Suppose that the nominal image dimensions (cinfo->image_width and\n"
                "cinfo->image_height) are 101x101 pixels.\n"
            ),
            False,
            False,
        ),
        (
            (
                "Suspension can happen if the end was reached (as can be tested by\n"
                "calling jpeg_input_complete()).\n"
            ),
            False,
            False,
        ),
        (
            (
                "In such a case, the option\n--soname-synonyms=somalloc=zzzz (where zzzz is the\n"
                "soname of the alternative malloc library) will allow it.\n"
            ),
            False,
            False,
        ),
        (
            (
                "    interlace_type - (PNG_INTERLACE_NONE or\n"
                "                     PNG_INTERLACE_ADAM7)\n"
            ),
            False,
            False,
        ),
        ("Call it (the `f(x)` form) here (or `g(x` there.", True, True),
        ("Write the call (see `run()` and `stop(x)` for more.", True, True),
        ("Set the flag (see `--all)` for more.", True, False),
    ],
)
def test_partner_in_masked_code(rule_run, text, markdown, flagged):
    assert bool(rule_run.lint("QT003", text, markdown=markdown)) is flagged


# A mark glued to the word before it is code, not a smiley: the bracket after it pairs.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Fix Router(default=) argument.", False),
        ("Match [[:graph:]] and [[:alpha:]] classes.", False),
        ("Fix Router(default= argument.", True),
        ("Nice :) and (a [nested] aside).", False),
    ],
)
def test_glued_marks_are_not_smileys(rule_run, text, flagged):
    assert bool(rule_run.lint("QT003", text)) is flagged
