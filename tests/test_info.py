"""GNU Info documents read as plain text: node headers, definition lines and single-quoted code
are the format's syntax, which no rule touches (``copyfix.text.info``)."""

from __future__ import annotations

import pytest

from copyfix import fix_text, lint_text
from copyfix.text.info import info_spans, is_info_document

_HEADER = "File: demo.info,  Node: Basics,  Next: Options,  Prev: Top,  Up: Top\n\n"


def _codes(text: str) -> list[str]:
    return [d.code for d in lint_text(text, path="demo.txt")]


def test_a_node_header_keeps_its_two_space_separators():
    text = (
        _HEADER + "1 Basics\n********\n\n"
        "The program reads a stream and writes it back.  It stops at the end.\n\n"
        "File: demo.info,  Node: Options,  Prev: Basics,  Up: Top\n\n"
        "Each node has a name.  A node may list others.  The name of a node is short.\n"
    )
    assert _codes(text) == []
    assert fix_text(text, path="demo.txt") == text


@pytest.mark.parametrize(
    "quoted",
    [
        "'HOURS:MINUTES:SECONDS'",  # a format: its colons are not a sentence's
        "'-mode /u+w,g+w'",  # an option and its value
        "'TEST1 , TEST2'",  # an operator standing alone
        "'* and ?'",  # operators named
        "‘x ; y’",
    ],
)
def test_single_quoted_code_in_an_info_document_is_left_alone(quoted):
    text = _HEADER + f"The argument may be written as {quoted}, as the next node shows.\n"
    assert _codes(text) == []
    assert fix_text(text, path="demo.txt") == text


def test_the_same_quotation_outside_an_info_document_is_still_checked():
    text = "The argument may be written as 'TEST1 , TEST2', as the next page shows.\n"
    assert "SP003" in _codes(text)
    assert not is_info_document(text)


def test_a_definition_line_is_a_signature():
    text = _HEADER + " -- Action: -run command ;\n     Run the command; true if it succeeds.\n"
    assert _codes(text) == []


def test_info_spans_cover_headers_definitions_and_quotes():
    text = _HEADER + " -- Test: -size N\nSee 'demo -x' and ‘demo -y’, but don't stop.\n"
    found = [text[s.start : s.end] for s in info_spans(text)]
    assert found == [_HEADER.strip(), " -- Test: -size N", "'demo -x'", "‘demo -y’"]
    assert info_spans(text.replace("File: ", "Fyle: ")) == []


def test_a_footnote_marker_after_a_sentence_keeps_the_two_space_gap():
    text = (
        "The pattern is matched against the name.  It is case-sensitive.  With\n"
        "the other test, the match ignores case.(1)  To skip a whole directory, use\n"
        "the prune action.  See below.  It is simple.\n"
    )
    assert "SP004" not in _codes(text)


@pytest.mark.parametrize(
    "navigation",
    [
        "Next: Macro arguments, Previous: Invocation, Up: Using macros   [Contents][Index]\n",
        "Next: Macro arguments, Previous: Invocation, Up: Using macros   [\nContents][Index]\n",
        "Previous: Quoting, Up: Using macros   [Contents]\n[Index]\n",
    ],
)
def test_the_navigation_of_a_rendered_manual_is_left_alone(navigation):
    text = navigation + "\nA macro is called by its name. Its arguments follow it.\n"
    assert _codes(text) == []
    assert fix_text(text, path="demo.txt") == text


def test_a_line_that_only_starts_like_navigation_is_prose():
    text = "Up: the road  goes on.\n"
    assert _codes(text) == ["SP004"]


def test_a_quoted_pattern_keeps_its_edge_space():
    text = _HEADER + "So the values 'aab', ' aaab' and 'xab' all match the pattern.\n"
    assert _codes(text) == []
