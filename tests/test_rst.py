"""reStructuredText through docutils: prose of paragraphs, titles, lists, tables, admonitions
and footnotes is checked; literal blocks, code-block, unknown directives, inline literals, roles
(Sphinx's included), substitutions, targets, comments and field names are masked; offsets point
into the source; suppressions are reST comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import copyfix
from copyfix.cli import main
from copyfix.io.files import discover
from copyfix.model import DocumentKind
from copyfix.text.load import build_document, kind_for_path
from copyfix.text.rst import parse_rst

RST = DocumentKind.RST

SPHINX_PAGE = """\
Installation,here
=================

Call :func:`os.path.join` or :py:meth:`Path.open` ,then read :ref:`the guide <guide>`.
Use ``a,b`` and :kbd:`Ctrl+C`.

.. code-block:: python

   print(a,b)
   x.y,z

.. literalinclude:: ../src/app.py
   :lines: 1-10

.. toctree::
   :maxdepth: 2

   intro,here

.. note::

   A note body,with a slip.

.. versionadded:: 2.0
   The flag was added,here.

- first item,here
- second item

:param name,x: the name,here.

.. _guide:

.. |version| replace:: 1.2,3

Version |version| is out [#]_.

.. [#] A footnote,here.

.. this comment,here is masked

=====  =====
x y    c
=====  =====

Literal::

    a.b,c
"""


def lint(text: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in copyfix.lint_text(text, kind="rst")]


def fixed(text: str) -> str:
    return copyfix.fix_text(text, kind="rst")


def prose(text: str) -> list[str]:
    return [text[s.start : s.end] for s in parse_rst(text).prose]


@pytest.mark.parametrize(("path", "kind"), [("a.rst", RST), ("b.REST", RST), ("c.txt", None)])
def test_rst_by_extension(path: str, kind) -> None:
    assert kind_for_path(path) is (kind or DocumentKind.TEXT)


def test_rst_files_are_found_in_a_folder_walk(tmp_path: Path) -> None:
    (tmp_path / "index.rst").write_text("Hello.\n")
    assert [p.name for p in discover([str(tmp_path)])] == ["index.rst"]


def test_sphinx_page_lint() -> None:
    assert lint(SPHINX_PAGE) == [
        ("SP001", 1, 13),  # a title
        ("SP001", 22, 15),  # a note
        ("SP001", 25, 22),  # versionadded, a Sphinx directive docutils does not know
        ("SP001", 27, 13),  # a list item
        ("SP001", 30, 24),  # a field body (its name is masked)
        ("SP001", 38, 18),  # a footnote
    ]


def test_sphinx_page_fix_touches_only_prose() -> None:
    # The title is fixed and its underline widened with it (a shorter underline is an error).
    assert fixed(SPHINX_PAGE) == (
        SPHINX_PAGE.replace("Installation,here\n" + "=" * 17, "Installation, here\n" + "=" * 18)
        .replace("body,with", "body, with")
        .replace("added,here", "added, here")
        .replace("item,here", "item, here")
        .replace("name,here", "name, here")
        .replace("footnote,here", "footnote, here")
    )


def test_masked_constructs_are_not_prose() -> None:
    found = " ".join(prose(SPHINX_PAGE))
    for masked in ("os.path", "Path.open", "a,b", "Ctrl", "print", "x.y,z", "lines",
                   "maxdepth", "intro,here", "1.2,3", "this comment", "name,x", "a.b,c",
                   "guide:", "version|"):
        assert masked not in found, masked
    for checked in ("A note body,with a slip.", "The flag was added,here.",
                    "first item,here", "A footnote,here.", "Version ", " is out ", "Literal:"):
        assert checked in found, checked


def test_blocks_have_their_kinds() -> None:
    doc = build_document(SPHINX_PAGE, kind=RST)
    kinds = {SPHINX_PAGE[b.span.start : b.span.end]: b.kind.value for b in doc.blocks}
    assert kinds["Installation,here"] == "heading"
    assert kinds["first item,here"] == "item"
    assert kinds["A note body,with a slip."] == "paragraph"


def test_table_cells_are_prose() -> None:
    text = "+--------------+-----+\n| late.We went | ok  |\n+--------------+-----+\n"
    assert lint(text) == [("SP002", 2, 7)]
    assert fixed(text) == text  # a fix would break the grid: refused


def test_suppression_is_an_rst_comment() -> None:
    text = ".. copyfix: disable-next-line SP001\nIn 2019,the plan changed.\n"
    assert lint(text) == []
    text = ".. copyfix: disable SP001\n\nIn 2019,the plan changed.\n"
    assert lint(text) == []
    shown = "Example::\n\n   .. copyfix: disable SP001\n\nIn 2019,the plan changed.\n"
    assert lint(shown) == [("SP001", 5, 8)]


def test_two_spaces_after_sentences_are_kept_when_consistent() -> None:
    text = "It ends.  Then it goes on.  And on.\n\nThis is fine.  So is this.\n"
    assert fixed(text) == text


def test_unknown_directives_and_roles_are_no_errors(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.rst").write_text(".. autofunction:: x\n\nSee :unknown:`x,y` here.\n")
    result = CliRunner().invoke(main, ["lint", "--no-cache", "-v", "a.rst"])
    assert result.exit_code == 0, result.output
    assert "checked a.rst as rst" in result.stderr
    assert result.stdout.splitlines() == ["All checks passed!", "1 file checked (1 rst)."]


_PIECES = [
    "In 2019,the plan changed.", "It was late.We left.", "Use ``a,b`` here.",
    "Call :func:`x.y,z` now.", ".. code-block:: python\n\n   a,b = 1,2",
    ".. note::\n\n   Note body,here.", "- item,one\n- item two", "Title,x\n=======",
    "Term,x\n   Definition,here.", "Text::\n\n   lit.eral,x",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6))
def test_fixes_never_change_literals(parts: list[str]) -> None:
    # Only a title's adornment may change, and only by growing with its title.
    from copyfix.text.rst_titles import normalise_adornments

    text = "\n\n".join(parts) + "\n"
    out = fixed(text)
    literal = [text[s.start : s.end] for s in parse_rst(text).literal]
    changed = [out[s.start : s.end] for s in parse_rst(out).literal]
    assert [normalise_adornments(x) for x in changed] == [normalise_adornments(x) for x in literal]
    assert all(len(b) >= len(a) for a, b in zip(literal, changed, strict=True))
    assert fixed(out) == out


def _docutils_warnings(text: str) -> str:
    import io

    import docutils.core

    stream = io.StringIO()
    docutils.core.publish_doctree(
        text, settings_overrides={"warning_stream": stream, "report_level": 1}
    )
    return stream.getvalue()


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # The underline is widened with the title.
        ("Hello,world\n===========\n\nText.\n", "Hello, world\n============\n\nText.\n"),
        # An overline too, by the same character.
        (
            "-----------\nHello,world\n-----------\n\nText.\n",
            "------------\nHello, world\n------------\n\nText.\n",
        ),
        # An underline already wide enough is left alone.
        ("Hello,world\n==============\n\nText.\n", "Hello, world\n==============\n\nText.\n"),
        # Widths are columns, as docutils counts them: a CJK character takes two.
        ("漢字,text\n=========\n\nText.\n", "漢字, text\n==========\n\nText.\n"),
        # A fix that makes the title shorter leaves the underline as it is.
        ("The the plan\n============\n\nText.\n", "The plan\n============\n\nText.\n"),
        # Several slips in one title, and a title further down.
        (
            "Intro\n=====\n\nText.\n\nOne,two,three\n-------------\n\nMore.\n",
            "Intro\n=====\n\nText.\n\nOne, two, three\n---------------\n\nMore.\n",
        ),
    ],
)
def test_a_fix_that_widens_a_title_widens_its_adornments(before, after):
    assert fixed(before) == after
    assert _docutils_warnings(after) == ""


def test_lint_offers_the_title_fix_with_its_underline_edit():
    text = "Hello,world\n===========\n\nText.\n"
    (d,) = copyfix.lint_text(text, kind="rst")
    assert d.code == "SP001" and d.line == 1
    assert [(e.span.start, e.span.end, e.replacement) for e in d.fix.edits] == [
        (6, 6, " "),
        (23, 23, "="),
    ]


SPHINX_API = """\
API
===

.. py:function:: spam(eggs,ham)
   :noindex:

   Return the the spam ,with eggs.

   :param eggs: the eggs,to use.

.. option:: -v,--verbose

   Print more ,please.

.. class:: Foo(a,b)

   .. method:: bar(x,y)

      Bar it,now.

.. c:function:: int f(int a,int b)

   Add them,quickly.
"""


def test_sphinx_object_descriptions_have_prose_bodies_and_code_signatures():
    assert lint(SPHINX_API) == [
        ("RP001", 7, 11), ("SP001", 7, 23), ("SP001", 9, 25), ("SP001", 13, 14),
        ("SP001", 19, 13), ("SP001", 23, 12),
    ]
    out = fixed(SPHINX_API)
    for signature in ("spam(eggs,ham)", "-v,--verbose", "Foo(a,b)", "bar(x,y)", "f(int a,int b)"):
        assert signature in out
    assert "Return the spam, with eggs." in out and "Bar it, now." in out
    assert _docutils_warnings(out) == _docutils_warnings(SPHINX_API)


def test_the_text_of_a_named_reference_is_its_target_name_and_is_left_alone():
    text = (
        "Read `the the`_ page and `Foo,Bar`_ too, or `the the <https://x.org>`_ here.\n\n"
        ".. _the the: https://example.com/x\n.. _Foo,Bar: https://example.com/y\n"
    )
    assert [code for code, _, _ in lint(text)] == ["RP001"]  # only the embedded link's text
    assert fixed(text) == text  # and that fix is refused: its text names a target too


# reST is hard-wrapped: a slip across a line break of a paragraph (or of a list item, or
# before a reference) is found and fixed as in Markdown; the line break itself stays.
@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "The attribute refers to a\na connection object.\n",
            "The attribute refers to a\nconnection object.\n",
        ),
        (
            (
                "It is described in detail in the\nthe `Locale Data`_ specification.\n\n"
                ".. _Locale Data: https://example.org/\n"
            ),
            (
                "It is described in detail in the\n`Locale Data`_ specification.\n\n"
                ".. _Locale Data: https://example.org/\n"
            ),
        ),
        (
            "* An item that goes on for a\n  a second line.\n",
            "* An item that goes on for a\n  second line.\n",
        ),
    ],
)
def test_a_slip_across_a_line_break_is_fixed(text, fixed):
    assert copyfix.fix_text(text, kind=RST) == fixed


def test_a_glossary_is_prose_and_its_terms_are_not_sentences():
    text = (
        "Glossary\n========\n\n.. glossary::\n   :sorted:\n\n   ORM\n"
        "      An object relational mapper. It maps the the rows.\n\n   lazy load\n"
        "      loading on first access.\n"
    )
    codes = [d.code for d in copyfix.lint_text(text, kind=RST)]
    assert codes.count("RP001") == 1
    assert copyfix.fix_text(text, kind=RST) == text.replace("the the", "the")


# A backslash escape renders as nothing, and so does the space it escapes: "url\  on" is a link,
# an invisible separator and a space. Collapsing the two spaces would join link and word.
@pytest.mark.parametrize(
    "text",
    [
        "See https://wiki.debian.org/HowToGetABacktrace\\  on how to do that.\n",
        "This is version |VERSION|\\ , the latest one.\n",
        "Use a\\ b\\ c to join them, and \\*stars\\* to show them.\n",
        "See the FAQ at https://wiki.debian.org/DebianMentorsFaq\\ \nfor more.\n",
    ],
)
def test_escapes_are_markup(text):
    assert copyfix.fix_text(text, kind=RST) == text
    assert copyfix.lint_text(text, kind=RST) == []


def test_the_space_after_an_explicit_markup_start_is_markup():
    """`.. ` over an indented block is a comment; `..` alone would make the block a quotation,
    so the space is not trailing white space (a fix that lint offered and fix refused)."""
    text = ".. \n   Originally part of the wiki, available from the old site.\n\nText.\n"
    assert copyfix.lint_text(text, kind=RST) == []
    assert copyfix.lint_text("Text. \n", kind=RST) != []


def test_wider_sentence_gaps_of_a_two_space_writer_are_left_alone():
    """The renderer collapses the gaps between sentences; a writer who leaves two or more
    there holds a habit, and cutting the widest gaps would only mix them."""
    text = (
        "What if we commit?   We can.  The data goes.  It is there.    Done.\n\n"
        "One.  Two.  Three.  Four.\n"
    )
    assert copyfix.fix_text(text, kind=RST) == text


def test_two_spaces_after_a_sentence_and_its_footnote_reference_are_kept():
    text = (
        "Run ``python get-pip.py``. [2]_  This will install pip.  It is quick.  Then go on.\n\n"
        ".. [2] A note.\n"
    )
    assert copyfix.lint_text(text, kind=RST) == []
