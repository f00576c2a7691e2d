"""missing-space-after-comma (SP001): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


def test_examples(rule_run):
    rule_run.examples("SP001")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2019,the plan changed.", "In 2019, the plan changed."),
        ("A,2", "A, 2"),
        ("2,A", "2, A"),
        ("This ,is a test.", "This, is a test."),
        ("industrial,supply,and value", "industrial, supply, and value"),
        # clean: numbers, NBSP, decimals, money, URLs, quotes after commas
        ("1,234,567 and 3,14 and €2,45 and 50,- Euro", None),
        ("This is,\u00a0really,\u00a0fine.", None),
        ("“Hello world,” said Michael.", None),
        ("See https://example.com/a,b for it.", None),
    ],
)
def test_comma_spacing(rule_run, text, expected):
    rule_run.check("SP001", text, expected)


# A compact list of one- or two-character items, and a line of comma-separated values, are
# written without spaces on purpose; a glued comma between words of prose is a slip.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Samples are stored as R,G,B,R,G,B,... in each row.", None),
        ("Use the B,G,R order, or x,y,z for points.", None),
        ("The header lists en,fr,de and nothing else.", None),
        ("Items are numbered 1,2,3 and so on.", None),
        ("Data:\n\n    1001,John Smith,PO Box 123,Chicago,IL,60699\n", None),
        ('Quoted:\n\n    "1003","John Smith","PO Box 123","Chicago"\n', None),
        ('Commas inside:\n\n    "1005","Tom Hall, Jr.","61 Ash Ct.","Niles","OH"\n', None),
        ("We met in Paris,France, and then in Rome.", "We met in Paris, France, and then in Rome."),
        ("Use red,green,blue and more.", "Use red, green, blue and more."),
    ],
)
def test_compact_lists_and_records(rule_run, text, expected):
    rule_run.check("SP001", text, expected)


def test_a_comma_inside_a_quoted_rule_with_a_file_name_is_code(rule_run):
    text = 'For example, "dir-merge,e .rules" works like "dir-merge .rules" here.'
    assert rule_run.lint("SP001", text) == []


def test_coordinates_and_parameter_lists_in_square_brackets_are_notation(rule_run):
    text = "Move it (default = [row,1]) and report [row;column] or [top;left;bottom;right]."
    assert rule_run.lint("SP001", text) == []
    assert rule_run.lint("SP002", text) == []
