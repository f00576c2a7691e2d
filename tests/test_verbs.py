"""English verb forms (copyfix.text.verbs) and synopsis lines (copyfix.text.lines)."""

from __future__ import annotations

import pytest

from copyfix.text.lines import synopsis_lines
from copyfix.text.verbs import verb_bases


@pytest.mark.parametrize(
    ("form", "base"),
    [
        ("rushed", "rush"), ("logging", "log"), ("plugged", "plug"), ("moving", "move"),
        ("carried", "carry"), ("carries", "carry"), ("came", "come"), ("gone", "go"),
        ("took", "take"), ("built", "build"), ("turns", "turn"), ("turn", "turn"),
    ],
)
def test_verb_bases_include_the_base_form(form, base):
    assert base in verb_bases(form)


def test_synopsis_lines_name_their_placeholders():
    text = (
        "       bind [class] key [command [args]]\n\n       Bind a key.\n\n"
        "       source file\n\n       Read commands from file file.\n\n"
        "       This line ends a sentence.\n"
    )
    lines = synopsis_lines(text)
    assert sorted(text[start : text.index("\n", start)] for start in lines) == [
        "bind [class] key [command [args]]",
        "source file",
    ]
    assert frozenset().union(*lines.values()) == {"class", "key", "command", "args", "file"}


def test_a_line_inside_a_paragraph_is_not_a_synopsis():
    assert synopsis_lines("It reads\nsource file\nand stops.\n") == {}
