"""Code-point offsets to LSP positions and back, in each encoding, and the one-edit diff the
server sends for fix-all. Runs without pygls: these modules need only lsprotocol."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("lsprotocol")

from copyfix.cli.server.convert import whole_edit  # noqa: E402
from copyfix.cli.server.positions import UTF8, UTF16, UTF32, LineIndex  # noqa: E402

ALPHABET = st.sampled_from(list("ab ,.\n\r\t") + ["😀", "漢", "e\u0301", "\u200d", "𝒜"])
TEXTS = st.lists(ALPHABET, max_size=40).map("".join)


def _units(text: str, encoding: str) -> int:
    if encoding == UTF8:
        return len(text.encode("utf-8"))
    if encoding == UTF16:
        return len(text.encode("utf-16-le")) // 2
    return len(text)


@given(TEXTS, st.sampled_from([UTF8, UTF16, UTF32]))
def test_offsets_round_trip(text, encoding):
    index = LineIndex(text, encoding)
    for offset in range(len(text) + 1):
        if 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n":
            continue  # inside a line break: no position names it
        line, character = index.position(offset)
        assert index.offset(line, character) == offset
        start = index.line_start(line)
        assert character == _units(text[start:offset], encoding)


def test_positions_after_astral_and_combining_characters():
    text = "a😀b\r\ne\u0301,x\n漢 ,"
    comma = text.index(" ,")
    assert LineIndex(text, UTF16).position(comma) == (2, 1)
    assert LineIndex(text, UTF16).position(text.index("b")) == (0, 3)
    assert LineIndex(text, UTF8).position(text.index("b")) == (0, 5)
    assert LineIndex(text, UTF32).position(text.index("b")) == (0, 2)
    assert LineIndex(text, UTF16).position(text.index(",x")) == (1, 2)


def _apply(text: str, index: LineIndex, edits) -> str:
    for edit in reversed(edits):
        start = index.offset(edit.range.start.line, edit.range.start.character)
        end = index.offset(edit.range.end.line, edit.range.end.character)
        text = text[:start] + edit.new_text + text[end:]
    return text


@given(TEXTS, TEXTS)
def test_whole_edit_turns_the_text_into_the_fixed_one(old, new):
    index = LineIndex(old, UTF16)
    edits = whole_edit(index, new)
    assert len(edits) == (0 if old == new else 1)
    assert _apply(old, index, edits) == new


@pytest.mark.parametrize(
    ("old", "new"), [("a\r\n", "ab\n"), ("a\r\nb", "a\nb"), ("x\r\n", "x\r"), ("\r\n", "\n")]
)
def test_whole_edit_never_splits_a_crlf(old, new):
    index = LineIndex(old, UTF16)
    assert _apply(old, index, whole_edit(index, new)) == new


def test_editor_options_keep_what_a_change_leaves_out():
    from copyfix.cli.server.state import EditorOptions

    first = EditorOptions.parse({"select": ["SP"], "unsafeFixes": True, "debounce": 10})
    assert (first.select, first.unsafe_fixes, first.debounce_ms) == (["SP"], True, 10)
    assert EditorOptions.parse({}, base=first) == first
    assert EditorOptions.parse(None, base=first) == first
    changed = EditorOptions.parse({"copyfix": {"ignore": "SP001, SP002"}}, base=first)
    assert changed.ignore == ["SP001", "SP002"] and changed.select == ["SP"]


@pytest.mark.parametrize(
    ("name", "language_id", "expected"),
    [
        ("page.mdx", "mdx", "mdx"),  # the path decides: MDX, not Markdown
        ("page.mdx", "markdown", "mdx"),
        ("index.rst", "restructuredtext", "rst"),
        ("notes.md", "plaintext", "markdown"),
        ("untitled", "mdx", "mdx"),  # no extension: the editor's language decides
        ("untitled", "restructuredtext", "rst"),
        ("untitled", "markdown", "markdown"),
        ("untitled", "plaintext", "text"),
        ("notes.txt", None, "text"),
    ],
)
def test_document_format_from_path_then_language(name, language_id, expected):
    from pathlib import Path

    from copyfix.cli.server.checks import Snapshot

    snapshot = Snapshot("file:///" + name, Path("/tmp") / name, 1, "", language_id)
    assert snapshot.kind().value == expected
