"""wrong-direction-quote (QT001): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


def test_examples(rule_run):
    rule_run.examples("QT001")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("”Hello,” she said.", "“Hello,” she said."),
        ("I said “that is true.“", "I said “that is true.”"),
        ("I said ‘that is true‘.", "I said ‘that is true’."),
        ("He further added,”The two sides agree,” he said.", "He further added,“The two sides agree,” he said."),
    ],
)
def test_wrong_direction_is_fixed(rule_run, text, expected):
    assert rule_run.lint("QT001", text)
    assert rule_run.fix("QT001", text) == expected


def test_closing_quote_glued_to_the_next_word_stays_a_closing_quote(rule_run):
    # LanguageTool expects “Good morning, Frank,” said Hal. — a missing space, not a wrong mark.
    text = "“Good morning, Frank,”said Hal."
    assert rule_run.lint("QT001", text) == []
    assert rule_run.fix("SP006", text) == "“Good morning, Frank,” said Hal."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A closing single mark opens a quotation that a later mark closes.
        ("The neighbours said, ’You want me to watch what?’ and left.",
         "The neighbours said, ‘You want me to watch what?’ and left."),
        ("She cried ’never again!’ and left.", "She cried ‘never again!’ and left."),
        # Elisions the lexicon does not list, and an apostrophe after a letter, are not a
        # quotation: a closing mark counts only after the punctuation that ends quoted words.
        ("Prison ships, right ’cross th’ meshes. We always went.", None),
        ("He bought a lot of ’balmed heads, goin’ on and on.", None),
        # The apostrophe of an elision written as an opening mark.
        ("In the early ‘60s he drove an old car.", "In the early ’60s he drove an old car."),
        ("It was ‘tis the season, he said.", "It was ’tis the season, he said."),
        ("Give ‘em a chance.", "Give ’em a chance."),
        # Elisions and possessives with the right mark stay as they are.
        ("’Tis the season for rock ’n’ roll in the ’90s.", None),
        ("The students’ work was good; the ’60s were loud.", None),
        ("‘Go on,’ she said, ‘the ’60s are over.’", None),
    ],
)
def test_single_quote_direction(rule_run, text, expected):
    rule_run.check("QT001", text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "[Markdown](https://example.com)‘s popularity grew.",
        "The `id`‘s value changed.",
    ],
)
def test_apostrophe_after_a_link_or_code_faces_the_right_way(rule_run, text):
    assert rule_run.lint("QT001", text, markdown=True)
    assert "’s" in rule_run.fix("QT001", text, markdown=True)


@pytest.mark.parametrize(
    "text",
    [
        # Curly and straight marks mixed in one quotation: the straight ones do not pair.
        "“When all is said and done,\" he said, \"maybe you’ll see it.”",
        "\"But does it mean that?” he asked. “Ten years of law,\" he said, \"has shown me.”",
    ],
)
def test_straight_quotes_that_do_not_take_turns_are_not_paired(rule_run, text):
    for code in ("SP006", "TY002"):
        assert rule_run.fix(code, text, unsafe=True) == text


def test_straight_quotes_that_take_turns_are_still_paired(rule_run):
    assert rule_run.fix("SP006", 'He said"hello" and she said "bye"too.') == (
        'He said "hello" and she said "bye" too.'
    )


def test_an_opening_mark_inside_a_polynesian_name_may_be_an_okina(rule_run):
    text = "He was succeeded by Crown Prince Tupouto‘a Lavaka, born on Savai‘i."
    assert rule_run.lint("QT001", text)
    assert rule_run.fix("QT001", text) == text
    # In English words and endings it is an apostrophe.
    assert rule_run.fix("QT001", "I don‘t know Lavaka‘s plan.") == "I don’t know Lavaka’s plan."


@pytest.mark.parametrize(
    "text",
    [
        # Manuals quote one token (a command letter, a number, an address, a character) with
        # ‘ and ’: the token is not an elision such as ’n’ or ’50s, whatever it looks like.
        "Use two ‘n’ commands here.",
        "The ‘N’ command reads a line and ‘q’ quits.",
        "Use ‘10~5’; and ‘50~0’ is just an obscure way of saying ‘50’.",
        "‘30,35’ is an address range.",
        "The hexadecimal values of ‘[’,‘]’, respectively.",
        "‘n’\n     (next) If auto-print is not disabled, print the pattern space.",
        "Exit with ‘q [EXIT-CODE]’ or ‘Q’.",
    ],
)
def test_a_quoted_token_is_not_an_elision(rule_run, text):
    assert rule_run.lint("QT001", text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the early ‘60s he drove an old car.", "In the early ’60s he drove an old car."),
        ("‘Tis the season.", "’Tis the season."),
        ("I don‘t know, said ‘n’ twice.", "I don’t know, said ‘n’ twice."),
    ],
)
def test_an_elision_not_closed_by_its_own_mark_is_still_fixed(rule_run, text, expected):
    assert rule_run.fix("QT001", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "## ‘Freeze-thaws’ linked to climate change\n\nThe swings add to the work.\n",
        "### ‘Quoted’ words open this heading\n\nText.\n",
    ],
)
def test_a_quote_that_opens_a_heading_follows_markup_not_a_word(rule_run, text):
    findings = rule_run.lint("QT001", text, markdown=True)
    assert all(f.span.start > text.index("\n") for f in findings)


def test_a_german_quotation_closes_with_the_high_mark(rule_run):
    """„Vivy“ is German typography (Duden): after a low opening mark the closing one is “."""
    text = "Die App „Vivy“ und „Take C.A.R.E“ sind gut. He said “no“ loudly."
    [finding] = rule_run.lint("QT001", text)
    assert text[finding.span.start] == "“" and finding.span.start > text.index("no")


def test_the_turned_comma_of_mac_is_left_alone(rule_run):
    assert rule_run.lint("QT001", "See the works of M‘Cook and J. M‘Queen.") == []
    assert rule_run.lint("QT001", "He didn‘t see it.")
