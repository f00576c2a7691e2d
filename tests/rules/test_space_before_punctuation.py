"""space-before-punctuation (SP003): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


def test_examples(rule_run):
    rule_run.examples("SP003")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There is a space at the end of this sentence .", "There is a space at the end of this sentence."),
        ("Fantastic, we closed the deal !", "Fantastic, we closed the deal!"),
        ("Were the visitors shown the new pictures ?", "Were the visitors shown the new pictures?"),
        ("This , is a test.", "This, is a test."),
        # clean
        ("I'd recommend resaving the .DOC as a PDF and the .mp3 as a WAV.", None),
        ("This is a figure: .5 and it's correct.", None),
        ("A sentence with ellipsis ...", None),
        ("- [ ] A checkbox", None),
    ],
)
def test_space_before(rule_run, text, expected):
    rule_run.check("SP003", text, expected)


def test_chicago_spaced_ellipsis_is_a_style_not_a_defect(rule_run):
    # LanguageTool flags "Ellipsis . . . as suggested by The Chicago Manual of Style"; the
    # spaced ellipsis is the Chicago Manual's own recommendation, so copyfix leaves it alone.
    assert rule_run.lint("SP003", "Ellipsis . . . as suggested by Chicago, and . . . . too.") == []


def test_stray_full_stop_is_reported_without_a_fix(rule_run):
    [finding] = rule_run.lint("SP003", "I live in .Los Angeles")
    assert finding.fix is None
