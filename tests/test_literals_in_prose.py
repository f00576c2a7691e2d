"""Characters, literals and aligned text that prose about software talks about: a safe fix must
leave them as they are (found by trying copyfix on manuals it was not tuned on)."""

from __future__ import annotations

import pytest

import copyfix


@pytest.mark.parametrize(
    "text",
    [
        # A mark standing alone after an article, a conjunction or a verb of typing is named.
        "The . (dot) character matches any character.",
        "Search with / or ?, then press n.",
        "It knows the &&, ||, and ! operators.",
        "Many other : commands work too.",
        "When you type a ) it would be nice to see with which ( it matches.",
        # Straight quotes around a literal whose spaces are the point.
        'A pattern like "the ", the pattern will not match "then".',
        # Quoted values and string literals are written as they must be typed.
        'To get both, use "bold,underline".',
        # A format string keeps its spacing.
        'Only print lines that have\nthe format "Description:   %s". If you need more,',
        # A command line quoted in a plain-text manual.
        'For example, "-type f,d,l" is read as "-type f -o -type d -o -type l".',
        "Run `find -L . -type d' to see.",
        # A lone "." or ".." is a directory argument of a quoted command.
        'Try Netrw with "vim ." (a period as the argument) and "cd .." too.',
        '### r"strings" and R"strings"',
        # Spaces that set off a literal, or keep text lined up after a marker.
        "Keep the original file with a  ~  added.",
        "<    takes you to the family of CTRL-X commands",
    ],
)
def test_left_alone_by_safe_fixes(text):
    path = "a.md" if text.startswith("#") else "a.txt"
    assert copyfix.fix_text(text, path=path) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The same marks after an ordinary word are punctuation of the sentence.
        ("We closed the deal !", "We closed the deal!"),
        ("Apples , pears and plums.", "Apples, pears and plums."),
        ("He said “ hello” to us.", "He said “hello” to us."),
        ("It is ( maybe) later.", "It is (maybe) later."),
        ("We met in Paris,France.", "We met in Paris, France."),
        ('He said "-- well,no" loudly.', 'He said "-- well, no" loudly.'),
        # A quoted sentence is not a command, whatever its last mark.
        ('He said "It is late ." and left.', 'He said "It is late." and left.'),
    ],
)
def test_punctuation_of_the_sentence_is_still_fixed(text, expected):
    assert copyfix.fix_text(text) == expected


def test_the_words_that_name_a_mark_come_from_the_lexicon(tmp_path, run):
    (tmp_path / "copyfix.toml").write_text(
        '[lexicon]\nextend-symbol-introducers = ["hit"]\n', encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("To run it, hit .\n", encoding="utf-8")
    assert run("lint", "--no-cache", "a.txt").exit_code == 0
    (tmp_path / "copyfix.toml").write_text("", encoding="utf-8")
    assert "SP003" in run("lint", "--no-cache", "a.txt").output


@pytest.mark.parametrize(
    "text",
    [
        "Use the shorter '-type l,d' instead.",
        "The example '-perm -g+w,o+w' was misplaced.",
        "The mode u+w,a+X is kept.",
        "Run with --only a,b today.",
        "Use %(A=B?T:E) in the format.",
    ],
)
def test_option_values_modes_and_formats_are_not_spaced(text):
    assert copyfix.fix_text(text + "\n") == text + "\n"
