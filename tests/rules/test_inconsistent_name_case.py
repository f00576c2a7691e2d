"""inconsistent-name-case (CP002): the rule's examples and its own cases."""

from __future__ import annotations


def test_examples(rule_run):
    rule_run.examples("CP002")


def test_minority_lowercase_name_is_flagged_with_an_unsafe_fix(rule_run):
    text = (
        "Trade between China and its neighbours rose. Exports from China grew. "
        "Ties with China deepened. Yet china and ASEAN still differ."
    )
    [finding] = rule_run.lint("CP002", text)
    assert text[finding.span.start : finding.span.end] == "china"
    assert rule_run.fix("CP002", text) == text
    assert "Yet China and ASEAN" in rule_run.fix("CP002", text, unsafe=True)


def test_title_lines_do_not_count_as_names(rule_run):
    text = "Urban Openness and Cooperation\n\nUrban Growth in Asia\n\nThe urban plan is open."
    assert rule_run.lint("CP002", text) == []


def test_a_capital_after_a_list_label_is_not_a_name(rule_run):
    text = (
        "To get it: (1) Download the archive. (2) Download the key. (3) Download the notes.\n\n"
        "After you download them, check the key."
    )
    assert rule_run.lint("CP002", text) == []
