from __future__ import annotations

import pytest


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
    ("text", "expected"),
    [
        ("you don´t need it", "you don't need it"),
        ("DON;T TRY THIS AT HOME.", "DON'T TRY THIS AT HOME."),
        ("It’s here; you shouldn´t go.", "It’s here; you shouldn’t go."),
    ],
)
def test_wrong_apostrophes(rule_run, text, expected):
    assert rule_run.fix("QT004", text) == expected


def test_mixed_apostrophes_are_reported(rule_run):
    assert rule_run.lint("QT005", "It's a nice idea. But it doesn’t work.")
    assert rule_run.lint("QT005", "It’s a nice idea. But it doesn’t work.") == []
