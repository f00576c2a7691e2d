"""Markdown documents: only prose is linted, offsets point into the original file, fixes keep
every code, HTML and link region byte-identical, and a fix that would break the structure is
refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import copyfix
from copyfix.cli import main
from copyfix.lint.linter import Linter, make_linter
from copyfix.lint.registry import Registry, default_registry
from copyfix.model import DocumentKind, Edit, Severity, Violation
from copyfix.rules.base import Rule, violation
from copyfix.text.blocks import MASK_CHAR, BlockKind
from copyfix.text.load import build_document, kind_for_path
from copyfix.text.markdown import fingerprint, parse

CORPUS = Path(__file__).parent / "corpus" / "markdown"
CORPUS_FILES = sorted(CORPUS.glob("*.md"))
MD = DocumentKind.MARKDOWN
TEXT = DocumentKind.TEXT


def lint(text: str, kind: DocumentKind = MD) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in copyfix.lint_text(text, kind=kind.value)]


def literal_texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in parse(text).literal]


def check_invariants(text: str) -> str:
    """Lint and fix ``text``; assert the Markdown guarantees; return the fixed text."""
    linter = make_linter()
    doc = build_document(text, kind=MD)
    for d in linter.lint(text, kind=MD):
        if d.family == "CX":
            continue  # a report about a suppression comment points at the comment itself
        assert not doc.literal.overlaps(d.span), (d.code, text[d.span.start : d.span.end])
    fixed = linter.fix(text, kind=MD, unsafe=True).text
    assert literal_texts(fixed) == literal_texts(text)
    assert fingerprint(fixed) == fingerprint(text)
    assert linter.fix(fixed, kind=MD, unsafe=True).text == fixed
    return fixed


# --- The corpus -------------------------------------------------------------------------------

#: What each corpus file must report, as (code, line, column): the defects written into its prose
#: and nothing from its code, HTML, links, front matter, tables' padding or hard breaks.
EXPECTED = {
    "blog_post.md": {
        ("RP001", 10, 27), ("SP002", 10, 46), ("SP004", 13, 11), ("SP001", 17, 26),
        ("SP001", 20, 28),
    },
    "changelog.md": {("SP001", 4, 57), ("SP001", 11, 27), ("SP001", 30, 32)},
    "math_footnotes.md": {
        ("SP004", 6, 9), ("SP002", 8, 48), ("SP002", 14, 32), ("SP001", 18, 34), ("SP001", 22, 38)
    },
    "readme_project.md": {
        ("SP004", 7, 17), ("SP002", 12, 45), ("SP002", 30, 39), ("SP001", 12, 82), ("RP001", 40, 8),
        ("SP001", 43, 22), ("SP004", 45, 20), ("SP001", 53, 34),
    },
}


def test_corpus_is_complete() -> None:
    assert {p.name for p in CORPUS_FILES} == set(EXPECTED)


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_findings_are_the_prose_defects(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert set(lint(text)) == EXPECTED[path.name]


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_fix_keeps_markdown_intact(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fixed = check_invariants(text)
    assert fixed != text
    assert lint(fixed) == []


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_positions_point_at_the_flagged_characters(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    for d in copyfix.lint_text(text, kind="markdown"):
        assert lines[d.line - 1][d.column - 1] == text[d.span.start]


# --- What is prose and what is masked ---------------------------------------------------------


@pytest.mark.parametrize(
    "fragment",
    [
        "```\nab,cd the the end.Next\n```",
        "~~~python\nx  = f(ab,cd)\n~~~",
        "    indented ab,cd  code\n    more.Code",
        "Text `ab,cd` and `end.Next` here.",
        "<div>\nab,cd  end.Next\n</div>",
        "Text <span title='ab,cd'>inline</span> here.",
        "See [docs](https://a.b/c,d?e=f:g.h \"Title,with: comma\").",
        "See ![alt](https://img.example/x,y.png?w=3,4).",
        "See <https://example.com/ab,cd?c=d.e> and <me@example.com>.",
        "[ref,x]: https://example.com/ab,cd?c=d.e 'Title,here'",
        "Math $ab,cd$ inline.",
        "$$\nx,y  end.Next\n$$",
        "A note[^ab,cd].\n\n[^ab,cd]: Some note.",
        "Copyright &copy;2024 and &amp;more.",
        "- [ ] task item",
    ],
)
def test_masked_regions_are_never_linted(fragment: str) -> None:
    text = f"Intro paragraph.\n\n{fragment}\n\nClosing paragraph.\n"
    doc = build_document(text, kind=MD)
    assert doc.literal, "the fragment must contain a literal region"
    for d in copyfix.lint_text(text, kind="markdown"):
        assert not doc.literal.overlaps(d.span)
    check_invariants(text)


@pytest.mark.parametrize(
    ("front_matter", "style"),
    [("---\ntitle: a,b  c\ntags: [x,y]\n---\n", "yaml"), ('+++\ntitle = "a,b  c"\n+++\n', "toml")],
)
def test_front_matter_is_masked(front_matter: str, style: str) -> None:
    text = f"{front_matter}\nIt was late.We left,early.\n"
    doc = build_document(text, kind=MD)
    assert text[: len(front_matter) - 1] in literal_texts(text)
    assert set(doc.view[: len(front_matter) - 1]) <= {MASK_CHAR, "\n"}
    line = front_matter.count("\n") + 2
    assert lint(text) == [("SP002", line, 12), ("SP001", line, 20)]


def test_link_text_and_alt_text_are_prose_but_destinations_are_not() -> None:
    text = "See [the docs,here](https://a.b/c,d) and ![a chart,bars](x,y.png).\n"
    assert lint(text) == [("SP001", 1, 14), ("SP001", 1, 51)]
    assert literal_texts(text) == ["](https://a.b/c,d)", "](x,y.png)"]


def test_reference_definitions_footnote_labels_and_task_markers_are_literal() -> None:
    text = (
        "- [x] done\n\n> [quoted]: https://q.example/a,b\n\nText[^n].\n\n"
        "[^n]: The note.\n\n[site]: https://example.com/a,b?c=d.e \"T,t\"\n"
    )
    literals = literal_texts(text)
    assert "[x]" in literals
    assert "[quoted]: https://q.example/a,b" in literals
    assert "[^n]:" in literals
    assert '[site]: https://example.com/a,b?c=d.e "T,t"' in literals


def test_directive_shown_in_code_is_only_an_example() -> None:
    text = "```markdown\n<!-- copyfix: disable-file -->\n```\n\nA,b here.\n"
    assert lint(text) == [("SP001", 5, 2)]


# --- Structure --------------------------------------------------------------------------------


def test_headings_items_and_cells_are_their_own_units() -> None:
    text = (
        "# A heading\nA paragraph\nwith two lines.\n\n- first item\n- second item\n"
        "  - nested item\n\n| head | cell |\n|------|------|\n| one  | two  |\n"
    )
    doc = build_document(text, kind=MD)
    units = [(b.kind, text[b.span.start : b.span.end]) for b in doc.blocks]
    assert units == [
        (BlockKind.HEADING, "A heading"),
        (BlockKind.PARAGRAPH, "A paragraph\nwith two lines."),
        (BlockKind.ITEM, "first item"),
        (BlockKind.ITEM, "second item"),
        (BlockKind.ITEM, "nested item"),
        (BlockKind.TABLE_CELL, "head"),
        (BlockKind.TABLE_CELL, "cell"),
        (BlockKind.TABLE_CELL, "one"),
        (BlockKind.TABLE_CELL, "two"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "- install the package\n- run the tests\n",
        "| name | value |\n|------|-------|\n| the key | a value |\n",
        "## getting started\n",
    ],
)
def test_fragments_in_items_cells_and_headings_are_not_sentences(text: str) -> None:
    assert [c for c, _, _ in lint(text) if c == "CP001"] == []


def test_heading_is_not_glued_to_the_next_paragraph() -> None:
    # Without the heading as a unit, "Setup It" would read as one sentence running on.
    text = "# Setup\nIt was late.We left.\n"
    assert lint(text) == [("SP002", 2, 12)]


@pytest.mark.parametrize(
    "text",
    [
        "First line  \nsecond line.\n",
        "First line   \nsecond line.\n",
        "First line\\\nsecond line.\n",
        "> Quoted line  \n> second line.\n",
        "- Item line  \n  second line.\n",
    ],
)
def test_hard_break_is_not_trailing_whitespace(text: str) -> None:
    assert lint(text) == []
    assert copyfix.fix_text(text, kind="markdown") == text


def test_trailing_space_that_is_no_hard_break_is_flagged() -> None:
    assert lint("Last line of a paragraph  \n\nNext paragraph.\n") == [("SP005", 1, 25)]


def test_hard_break_reads_as_white_space_to_rules() -> None:
    text = "It was late.  \nthe end came.\n"
    doc = build_document(text, kind=MD)
    assert doc.view == text
    assert lint(text) == lint("It was late.\nthe end came.\n", TEXT)


def test_block_quote_continuation_reads_as_one_paragraph() -> None:
    assert lint("> It was late.\n> the end came.\n") == [("CP001", 2, 3)]
    assert lint("It was late.\nthe end came.\n", TEXT) == [("CP001", 2, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "| Name   | Age |\n|--------|----:|\n| Ann    |  31 |\n| Bob    |  42 |\n",
        "Name | Value\n---- | -----\nx    | y\n",
        "| a |  b  |\n|:-:|:---:|\n| c |  d  |\n",
    ],
)
def test_table_padding_is_not_multiple_spaces(text: str) -> None:
    assert lint(text) == []


def test_multiple_spaces_inside_a_cell_are_found() -> None:
    assert lint("| a | b |\n|---|---|\n| one  two | c |\n") == [("SP004", 3, 6)]


# --- Same findings as plain text, at the right positions --------------------------------------

DEFECTS = [
    "In 2019,the team met.",
    "It was late.We left.",
    "We saw the the cat.",
    "This is  a test.",
    "He said ”Hello,” she said.",
    "She said,“Come here.”",
    "An issue. to shed light.",
    "Space before , comma.",
    "Double,, comma.",
    "Héllo wörld,naïve café.Zürich",
    "Emoji 🎉 first,then text.",
]

PREFIXES = {
    "nothing": "",
    "front matter": "---\ntitle: Ünïcode, “quotes” 🎉\n---\n\n",
    "code block": "```python\nprint('héllo, wörld 🎉')\n```\n\n",
    "indented code": "Intro.\n\n    code  é,ü 🎉\n\n",
    "table": "| Ä | B 🎉 |\n|---|---|\n| ö | ü |\n\n",
    "html block": "<div>\nhé,llo 🎉\n</div>\n\n",
    "list": "- one 🎉\n- two\n\n",
}


@pytest.mark.parametrize("defect", DEFECTS)
@pytest.mark.parametrize("prefix", PREFIXES.values(), ids=list(PREFIXES))
def test_same_findings_as_plain_text(prefix: str, defect: str) -> None:
    plain = lint(defect, TEXT)
    assert plain, "every sample has a defect"
    shift = prefix.count("\n")
    expected = [(code, line + shift, col) for code, line, col in plain]
    assert lint(prefix + defect + "\n") == expected


@pytest.mark.parametrize("defect", DEFECTS)
def test_crlf_text_positions(defect: str) -> None:
    prefix = "```\ncode, é\n```\r\n\r\n| a | b |\r\n|---|---|\r\n| c | d |\r\n\r\n"
    text = prefix.replace("\r\n", "\n").replace("\n", "\r\n") + defect + "\r\n"
    expected = [(c, line + 8, col) for c, line, col in lint(defect, TEXT)]
    assert lint(text) == expected


def test_crlf_file_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    body = "---\ntitle: a,b\n---\n\n```\nx,y\n```\n\n| a | b |\n|---|---|\n| c | d |\n\n"
    body += "Café is late.We go,now.\n"
    path = tmp_path / "notes.md"
    path.write_bytes(body.replace("\n", "\r\n").encode("utf-8"))
    result = CliRunner().invoke(main, ["lint", "--isolated", "notes.md"])
    headers = [line for line in result.output.splitlines() if line.startswith("notes.md:")]
    assert [h.split(" ")[:3] for h in headers] == [
        ["notes.md:13:13:", "error", "SP002"],
        ["notes.md:13:19:", "error", "SP001"],
    ]
    result = CliRunner().invoke(main, ["fix", "--isolated", "notes.md"])
    assert result.exit_code == 0
    expected = body.replace("late.We go,now", "late. We go, now").replace("\n", "\r\n")
    assert path.read_bytes() == expected.encode("utf-8")


# --- Format choice ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "override", "kind"),
    [
        ("README.md", None, MD),
        ("notes.markdown", None, MD),
        ("notes.MDOWN", None, MD),
        ("notes.mkd", None, MD),
        ("notes.txt", None, TEXT),
        ("-", None, TEXT),
        (None, None, TEXT),
        ("README.md", "text", TEXT),
        ("notes.txt", "markdown", MD),
        (None, "markdown", MD),
    ],
)
def test_kind_for_path(path: str | None, override: str | None, kind: DocumentKind) -> None:
    assert kind_for_path(path, override) is kind


def test_unknown_format_type_is_an_error() -> None:
    with pytest.raises(ValueError, match="asciidoc"):
        kind_for_path("a.md", "asciidoc")


def test_format_type_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("Use `f(ab,cd)` here.\n")
    (tmp_path / "b.txt").write_text("Use `f(ab,cd)` here.\n")
    runner = CliRunner()
    assert runner.invoke(main, ["lint", "--isolated", "a.md"]).exit_code == 0
    assert runner.invoke(main, ["lint", "--isolated", "b.txt"]).exit_code == 1
    assert runner.invoke(main, ["lint", "--isolated", "--format-type", "text", "a.md"]).exit_code == 1
    args = ["lint", "--isolated", "--format-type", "markdown", "b.txt"]
    assert runner.invoke(main, args).exit_code == 0
    stdin = runner.invoke(main, ["lint", "--isolated", "--stdin-filename", "x.md", "-"],
                          input="Use `f(a,b)` here.\n")
    assert stdin.exit_code == 0


# --- Fixes that would break the document are refused -------------------------------------------


class _UnHeading(Rule):
    """Deletes the marker of a heading, which a real rule must never do.

    ## What it does
    Test only.

    ## Why is this bad?
    Test only.

    ## Fix safety
    Test only.

    ## Options
    None.
    """

    code = "ZZ901"
    name = "un-heading"
    summary = "Test rule that breaks a heading"
    severity = Severity.WARNING

    def check(self, doc) -> Iterator[Violation]:
        if doc.text.startswith("# "):
            yield violation(0, 2, "Heading marker", Edit.delete(0, 2), title="Delete")


class _RowEater(Rule):
    """Deletes a table's delimiter row, which turns the table into a paragraph.

    ## What it does
    Test only.

    ## Why is this bad?
    Test only.

    ## Fix safety
    Test only.

    ## Options
    None.
    """

    code = "ZZ902"
    name = "row-eater"
    summary = "Test rule that breaks a table"
    severity = Severity.WARNING
    guarded = False

    def check(self, doc) -> Iterator[Violation]:
        # The literal regions stay as they are; only the structure check can catch this.
        i = doc.text.find("|---")
        if i >= 0:
            j = doc.text.index("\n", i) + 1
            yield violation(i, j, "Delimiter row", Edit.delete(i, j), title="Delete")


def test_fix_that_breaks_structure_is_refused_with_the_rule_named() -> None:
    rules = [_UnHeading(), _RowEater(), *default_registry()]
    registry = Registry(rules)
    linter = Linter(registry, [registry.get("ZZ901"), registry.get("ZZ902"), registry.get("SP001")])
    text = "# Title\n\nSome text,here.\n\n| a | b |\n|---|---|\n| c | d |\n"
    result = linter.fix(text, kind=MD, unsafe=True)
    assert result.text == text.replace("text,here", "text, here")
    assert len(set(result.refused)) == 2
    assert any("ZZ901 (un-heading)" in note for note in result.refused)
    assert any("ZZ902 (row-eater)" in note for note in result.refused)
    # The same edits are fine in plain text, where there is no structure to keep.
    assert linter.fix(text, kind=TEXT, unsafe=True).refused == []


def test_fingerprint_allows_removing_a_duplicated_paragraph() -> None:
    text = "Same words here.\n\nSame words here.\n\nOther `code`.\n"
    assert fingerprint(text) == fingerprint("Same words here.\n\nOther `code`.\n")
    assert fingerprint(text) != fingerprint("Same words here.\n\nOther code.\n")
    assert fingerprint("# A\n") != fingerprint("## A\n")
    assert fingerprint("- a\n- b\n") != fingerprint("1. a\n2. b\n")


def test_surrogates_from_a_library_caller_do_not_crash() -> None:
    text = "Bad \udce9 byte,here.\n"
    assert lint(text) == [("SP001", 1, 11)]


# --- Property test over generated documents ---------------------------------------------------

_WORDS = st.sampled_from(
    ["the", "cat", "Zürich", "naïve", "2019", "e.g.", "U.S.", "v2.0.1", "3,500", "10:30", "🎉"]
)
_DEFECTS = st.sampled_from(
    ["a,b", "the the", "end.Next", "word  word", "said,“Hi.”", "”Hello,”", "x ,y", "end. next",
     "(open", "trail ", "ok.", "It is", "Done!", "wait...what"]
)
_URL = st.sampled_from(
    ["https://a.b/c,d?e=f:g.h", "x,y.png", "https://example.com/a.b?c=1,2#x:y", "../docs/a,b.md",
     "<https://x.y/a b>"]
)
_INLINE = st.one_of(
    _WORDS,
    _DEFECTS,
    st.builds(lambda w: f"`{w}`", _DEFECTS),
    st.builds(lambda w, u: f"[{w}]({u})", _DEFECTS, _URL),
    st.builds(lambda w, u: f'![{w}]({u} "T,t: x.y")', _DEFECTS, _URL),
    st.builds(lambda u: f"<{u}>", st.sampled_from(["https://a.b/c,d?e=f", "me@example.com"])),
    st.sampled_from(["<span class='a,b'>", "</span>", "<br/>", "<!-- note,here -->",
                     "$a,b$", "&amp;", "&nbsp;", "[^1]", "*em,ph*", "**strong.Text**", "\\*"]),
)
_PARAGRAPH = st.builds(
    lambda parts, breaks: "".join(
        p + ("  \n" if b == 1 else "\\\n" if b == 2 else "\n" if b == 3 else " ")
        for p, b in zip(parts, breaks, strict=False)
    ).rstrip(" \\\n") + ".",
    st.lists(_INLINE, min_size=1, max_size=8),
    st.lists(st.integers(0, 6), min_size=8, max_size=8),
)
_BLOCK = st.one_of(
    _PARAGRAPH,
    st.builds(lambda p: f"# {p}", _PARAGRAPH),
    st.builds(lambda p: f"> {p}\n> {p}", _PARAGRAPH),
    st.builds(lambda a, b: f"- {a}\n  - {b}\n- [ ] {a}", _PARAGRAPH, _PARAGRAPH),
    st.builds(lambda a, b: f"1. {a}\n2. {b}", _PARAGRAPH, _PARAGRAPH),
    st.builds(lambda d: f"```\n{d}  {d}\n```", _DEFECTS),
    st.builds(lambda d: f"    {d} {d}", _DEFECTS),
    st.builds(lambda a, b: f"| {a} |  {b}  |\n|---|:--:|\n| {b}  | {a} |", _DEFECTS, _DEFECTS),
    st.builds(lambda d: f"<div>\n{d}  {d}\n</div>", _DEFECTS),
    st.builds(lambda d, u: f"[{d}]: {u} \"{d}\"", _DEFECTS, _URL),
    st.builds(lambda d: f"$$\n{d}\n$$", _DEFECTS),
    st.builds(lambda p: f"[^1]: {p}", _PARAGRAPH),
)
_DOCUMENT = st.builds(
    lambda front, blocks: front + "\n\n".join(blocks) + "\n",
    st.sampled_from(["", "---\ntitle: a,b  c\n---\n\n", '+++\nx = "a,b"\n+++\n\n']),
    st.lists(_BLOCK, min_size=1, max_size=6),
)


@settings(max_examples=150)
@given(_DOCUMENT)
def test_generated_documents_keep_their_literal_regions(text: str) -> None:
    check_invariants(text)


@pytest.mark.parametrize(
    "text",
    [
        "For merging, see [lang.Merge].\n\n[lang.Merge]: /functions/lang/merge/\n",
        "For merging, see [lang.Merge][].\n\n[lang.Merge]: /functions/lang/merge/\n",
    ],
)
def test_the_label_of_a_shortcut_reference_link_is_not_prose(text: str) -> None:
    assert copyfix.lint_text(text, kind=DocumentKind.MARKDOWN) == []


def test_the_text_of_a_full_reference_link_is_still_prose() -> None:
    text = "See [the guide,here][g].\n\n[g]: /guide/\n"
    fixed = copyfix.fix_text(text, kind=DocumentKind.MARKDOWN)
    assert fixed == text.replace("guide,here", "guide, here")


@pytest.mark.parametrize(
    "text",
    [
        "Use the **‘Reformat Code’** action.",
        "Select **On ‘Reformat Code’** then save.",
        "A __‘bold’__ word, ~~‘gone’~~ and *‘Open’* too.",
        "See [‘Save’](#save) and [‘Load’][load] here.\n\n[load]: https://example.com",
        "Press <kbd>‘K’</kbd> twice.",
    ],
)
def test_quote_marks_read_through_inline_markup(text: str) -> None:
    """Emphasis delimiters, link brackets and tags next to a mark are neither letters nor
    spaces: the mark opens or closes as the text beyond them says (a wrong-direction fix here
    turned an opening mark into an apostrophe)."""
    assert [c for c, _, _ in lint(text) if c.startswith("QT")] == []


def test_a_mark_after_inline_code_is_still_read_as_after_a_word() -> None:
    assert [c for c, _, _ in lint("The `x`‘s flag is set.") if c.startswith("QT")] == ["QT001"]
