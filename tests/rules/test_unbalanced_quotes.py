"""unbalanced-quotes (QT002): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


def test_examples(rule_run):
    rule_run.examples("QT002")


@pytest.mark.parametrize(
    "text",
    [
        '"02" will sort before "10" as expected so it will have size of 10".',
        '"The screen is 20" wide."',
        "A sentence with “nested ‘quotes’”.",
        "»Correct«, he said. »This is the next sentence.«",
        "This is «correct».",
        "“One paragraph of a speech.\n\n“And the next one, which ends it.”",
        "Isn’t it funny? It was acceptable in the ’80s. Mr. Jones’ golf clubs.",
    ],
)
def test_balanced_texts(rule_run, text):
    assert rule_run.lint("QT002", text) == []


@pytest.mark.parametrize(
    "text",
    ["“That is true.", "I said That is true”.", "This is »not correct.", '"He is making them feel comfortable.'],
)
def test_unbalanced_texts(rule_run, text):
    assert rule_run.lint("QT002", text)


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("We have a new playground: [try it out! »][playground].\n\n[playground]: https://x.y\n",
         True),
        ("See [more »](https://example.com) for the details.", True),
        ("Next page »\n\nThe end of the chapter.", False),
    ],
)
def test_a_lone_guillemet_apart_from_words_is_an_arrow(rule_run, text, markdown):
    """``read more »``: a single guillemet with a space, a line's edge or link syntax on both
    sides, and none facing the other way in the paragraph, points; it does not quote."""
    assert rule_run.lint("QT002", text, markdown=markdown) == []


def test_a_lone_guillemet_touching_a_word_is_still_unbalanced(rule_run):
    assert rule_run.lint("QT002", "This is »not closed, and »this« is.")
    assert rule_run.lint("QT002", "This is »not correct.")


# A quotation that ends (or opens) inside code the prose is masked from: the code holds the
# partner mark, so the prose's mark is not unpaired. Balanced code does not excuse a slip.
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ('It provides the mapping from "your-login-\nname@hostname.localdomain" to it.\n', False),
        ("Do not use them (see Section 5.18, “{pre,post}\n{inst,rm}”) as a novice.\n", False),
        ('It maps "your name to `x = "a"` and more.\n', True),
    ],
)
def test_a_partner_in_masked_code(rule_run, text, flagged):
    assert bool(rule_run.lint("QT002", text)) is flagged


@pytest.mark.parametrize(
    "text",
    [
        # Texinfo's quoted names, then their plural or possessive.
        "Automake generates ‘Makefile.in’s from files called ‘Makefile.am’. The generated "
        "‘Makefile.in’s are compliant.",
        # Texinfo's double quotation written with two single marks.
        "The rule looks both in ‘srcdir’ and ‘‘..’’. For the rest, see below.",
    ],
)
def test_texinfo_quoting_is_balanced(rule_run, text):
    assert rule_run.lint("QT002", text) == []
    assert rule_run.lint("QT001", text) == []


def test_a_note_number_after_a_closing_quote_in_html_closes_it(rule_run):
    text = "It is ‘the distribution of health-related states’<sup>1</sup> in short.\n"
    assert rule_run.lint("QT002", text, markdown=True) == []


def test_a_curly_quote_after_a_number_with_no_quotation_open_is_an_inch_mark(rule_run):
    text = "The MacBook Air 13” in AR, the 15” display and the 8”x10” mat."
    assert rule_run.lint("QT002", text) == []
    assert rule_run.lint("QT002", "He said “go to room 10” and left.") == []
