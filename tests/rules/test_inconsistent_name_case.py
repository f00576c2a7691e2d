"""inconsistent-name-case (CP002): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


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


_CHINA = "Trade with China rose. Ties to China held. We met China. "


@pytest.mark.parametrize(
    ("tail", "flagged"),
    [
        ("So china's ports and India met.", ["china"]),  # before an apostrophe: a whole word
        ("So china’s ports and India met.", ["china"]),
        ("So china-made goods sold.", []),  # before a hyphen and a letter: one token
        ("So chinaware and porcelain sold.", []),  # inside a longer word
        ("So Indochina and India met.", []),
        ("So machina and India met.", []),
        ("See china.example.org for more.", []),  # part of a dotted name
        ("Mail china@example.org now.", []),
        ("So china_ports and india_ports met.", []),
        ("So china2 and India met.", []),
        ("So in china, and in china again.", []),  # as often lowercase as a third of the caps
        ("So china and India met. Then china again.", []),
    ],
)
def test_lowercase_spellings_are_whole_words(rule_run, tail, flagged):
    text = _CHINA + tail
    found = [text[f.span.start : f.span.end] for f in rule_run.lint("CP002", text)]
    assert found == flagged


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        # A definition list whose definitions open with the same word after a type in code.
        ('Start with "Returns", or for booleans, "Reports whether".\n\n'
         "`copy`\n: (`bool`) Whether to show a button.\n\n"
         "`fm`\n: (`bool`) Whether to render front matter.\n\n"
         "`omit`\n: (`bool`) Whether to omit the keys.\n", True),
        # Numbered questions of a FAQ, each opening with the same verb.
        ("3.6. Tell me more about buffers!\n3.7. Tell me more about input!\n\n"
         "3.6. Tell me more about buffers!\n\n    Each file gets a buffer.\n\n"
         "    The easiest way is to tell urxvt to send xterm keys.\n", False),
    ],
)
def test_a_capital_after_a_lines_markers_is_not_a_name(rule_run, text, markdown):
    assert rule_run.lint("CP002", text, markdown=markdown) == []
