"""multiple-spaces (SP004): the rule's examples and its own cases."""

from __future__ import annotations

import pytest

import copyfix


def test_examples(rule_run):
    rule_run.examples("SP004")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This is  a test.", "This is a test."),
        ("A space\u00a0 and a no-break space.", "A space and a no-break space."),
        ("    Indented lines keep their indentation.", None),
        ("Tabs\tseparate\tcolumns.", None),
        ("Name    Age\nAnn     31\nBob     42", None),
        # A renderer's footnote or link number keeps its own spacing; a word does not.
        ("The archive is split\ninto areas  [1] based on their licenses.", None),
        ("The archive is split into  areas [1] based on them.",
         "The archive is split into areas [1] based on them."),
    ],
)
def test_runs_of_spaces(rule_run, text, expected):
    rule_run.check("SP004", text, expected)


def test_markdown_table_padding_is_not_flagged(rule_run):
    table = "| Name  | Age |\n|-------|-----|\n| Ann   | 31  |\n"
    assert rule_run.lint("SP004", table, markdown=True) == []


def test_two_spaces_after_a_sentence_are_a_style_fixed_only_when_unsafe(rule_run):
    text = "The end.  Next sentence."
    assert rule_run.lint("SP004", text)
    assert rule_run.fix("SP004", text) == text
    assert rule_run.fix("SP004", text, unsafe=True) == "The end. Next sentence."


def test_a_day_padded_to_two_columns_is_left_alone(rule_run):
    text = "It typically looks like\n\n     Wed Nov  2 00:42:36 1994\n\nin the output.\n"
    assert rule_run.lint("SP004", text) == []
    assert rule_run.fix("SP004", "We met in  Nov 2 days later.") == "We met in Nov 2 days later."


@pytest.mark.parametrize("path", ["page.md", "page.mdx", "page.rst"])
def test_sentence_gaps_in_markup_are_not_flagged(path):
    """Markdown, MDX and reST renderers collapse spaces between sentences: a source that mixes
    one and two spaces after a full stop shows none of it. Doubled spaces between words are
    still fixed."""
    text = (
        "Flask can do that as well.  Just create a folder called static in your package.\n"
        "It is available at the root of the application. Ideally your web server is configured\n"
        "to serve them for you.  During development the server does it, but in production it\n"
        "should not. This is the default  behaviour of the server.\n"
    )
    assert [d.code for d in copyfix.lint_text(text, path=path)] == ["SP004"]
    assert copyfix.fix_text(text, path=path) == text.replace("default  behaviour", "default behaviour")
    assert [d.code for d in copyfix.lint_text(text, path="notes.txt")].count("SP004") == 3
