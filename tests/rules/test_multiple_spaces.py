"""multiple-spaces (SP004): the rule's examples and its own cases."""

from __future__ import annotations

import pytest

import copyfix


def test_examples(rule_run):
    rule_run.examples("SP004")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This is  a test.", "This is a test."),
        ("A space\u00a0 and a no-break space.", "A space and a no-break space."),
        ("    Indented lines keep their indentation.", None),
        ("Tabs\tseparate\tcolumns.", None),
        ("Name    Age\nAnn     31\nBob     42", None),
        # A renderer's footnote or link number keeps its own spacing; a word does not.
        ("The archive is split\ninto areas  [1] based on their licenses.", None),
        ("The archive is split into  areas [1] based on them.",
         "The archive is split into areas [1] based on them."),
    ],
)
def test_runs_of_spaces(rule_run, text, expected):
    rule_run.check("SP004", text, expected)


def test_markdown_table_padding_is_not_flagged(rule_run):
    table = "| Name  | Age |\n|-------|-----|\n| Ann   | 31  |\n"
    assert rule_run.lint("SP004", table, markdown=True) == []


def test_two_spaces_after_a_sentence_are_a_style_fixed_only_when_unsafe(rule_run):
    text = "The end.  Next sentence."
    assert rule_run.lint("SP004", text)
    assert rule_run.fix("SP004", text) == text
    assert rule_run.fix("SP004", text, unsafe=True) == "The end. Next sentence."


def test_a_day_padded_to_two_columns_is_left_alone(rule_run):
    text = "It typically looks like\n\n     Wed Nov  2 00:42:36 1994\n\nin the output.\n"
    assert rule_run.lint("SP004", text) == []
    assert rule_run.fix("SP004", "We met in  Nov 2 days later.") == "We met in Nov 2 days later."


@pytest.mark.parametrize("path", ["page.md", "page.mdx", "page.rst"])
def test_sentence_gaps_in_markup_are_not_flagged(path):
    """Markdown, MDX and reST renderers collapse spaces between sentences: a source that mixes
    one and two spaces after a full stop shows none of it. Doubled spaces between words are
    still fixed."""
    text = (
        "Flask can do that as well.  Just create a folder called static in your package.\n"
        "It is available at the root of the application. Ideally your web server is configured\n"
        "to serve them for you.  During development the server does it, but in production it\n"
        "should not. This is the default  behaviour of the server.\n"
    )
    assert [d.code for d in copyfix.lint_text(text, path=path)] == ["SP004"]
    assert copyfix.fix_text(text, path=path) == text.replace("default  behaviour", "default behaviour")
    assert [d.code for d in copyfix.lint_text(text, path="notes.txt")].count("SP004") == 3


JUSTIFIED = (
    "It  is  written  in  C,   designed  to  be  small,  efficient,  highly\n"
    "customizable,  and portable  while capable  of producing  high-quality\n"
    "output (glyph images) of most vector and bitmap font formats.\n"
    "\n"
    "The preferred  way of  communication with the  FreeType team  is using\n"
    "e-mail lists.\n"
)
PROSE = (
    "The function returns the count of chunks that it read from the file, and\n"
    "fills the array that the caller passes in.\n\n"
    "A second paragraph says more about the array and who frees it later.\n\n"
)


# Fully justified text pads its lines with spaces to one width: the padding is layout, and
# collapsing some of it leaves the file ragged. A doubled space elsewhere is still a slip.
def test_justified_text_is_left_alone(rule_run):
    assert rule_run.lint("SP004", JUSTIFIED) == []
    assert rule_run.lint("SP004", JUSTIFIED + "\nA short  slip here.\n")


# An indented block below the document's prose is a display (an example, a table, sample
# input or a list of terms): its spacing is the author's. A list item is prose.
@pytest.mark.parametrize(
    ("display", "flagged"),
    [
        ("    num_spalettes  - number of sPLT chunks read.\n", False),
        (
            (
                "    palette_ptr    - array of palette structures holding\n"
                "                     contents of one or more sPLT chunks\n"
            ),
            False,
        ),
        ("       start\n       stop  start\n       stop\n", False),
        (
            (
                "       sed-BR mailing list:    http://example.org/sed-br/\n"
                "       sed-users mailing list: http://example.org/sed-users/\n"
            ),
            False,
        ),
        ("    * An item  with a slip in it.\n", True),
        ("    1. A numbered item  with a slip.\n", True),
    ],
)
def test_displays_keep_their_spacing(rule_run, display, flagged):
    text = PROSE + display + "\n" + PROSE
    assert bool(rule_run.lint("SP004", text)) is flagged
    assert bool(rule_run.lint("SP004", PROSE + "A prose line  with a slip.\n")) is True


def test_a_table_drawn_with_box_characters_keeps_its_padding(rule_run):
    table = (
        "┌────────────┬─────────────┐\n"
        "│Install Type│RAM (minimum)│\n"
        "├────────────┼─────────────┤\n"
        "│No desktop  │256 megabytes│\n"
        "└────────────┴─────────────┘\n"
    )
    assert rule_run.lint("SP004", table) == []


# Markdown and reST that put two spaces after their sentences keep them, and a wider gap there
# too: the renderer shows one space for each, and cutting only the widest would mix the gaps a
# writer leaves by habit (SQLAlchemy's docs: 2 to 4 spaces after a sentence, 180 gaps of 3+).
def test_a_wide_sentence_gap_in_two_space_markup_is_left_alone(rule_run):
    text = "One.  Two.  Three.   Four.  Five.\n"
    assert rule_run.lint("SP004", text, markdown=True) == []
    assert rule_run.lint("SP004", text) != []  # plain text shows the gap
    single = "One. Two. Three.   Four. Five. Six.\n"
    assert rule_run.fix("SP004", single, markdown=True) == "One. Two. Three. Four. Five. Six.\n"


def test_spaces_after_a_check_box_line_up_a_menu(rule_run):
    text = "Say yes here:\n\n[*]   netfilter support (NEW)\n[ ]   Network packet filtering\n<M>   A module\n"
    assert rule_run.lint("SP004", text) == []


@pytest.mark.parametrize(
    "listing",
    [
        # Configuration with a quoted path, set in columns.
        "Configure the module like this:\n\nCacheDir   \"/var/cache/demo/\"\nCacheOn disk /\n",
        "For example,\n\nRedirect permanent \"/old/\"   \"http://www.example.com/new/\"\n",
        # A command after a prompt, and its output.
        "$ tool ls-tree 92b8b694\n100644 blob 3b18e512dba79e4c8300dd08aeb37f8e728b8dad    file.txt\n",
        # Quoted values set in columns, a regular expression among them.
        'AliasMatch "^/pages/([a-z]+)/(.*)$"   "/home/$1/site/$2"\n',
        'RedirectMatch permanent "^/$"    "http://www.example.com/start.html"\n',
        # The output after a prompt, even when the paragraph opens with a note.
        "(edit the file)\n$ tool list --all\nfirst  second  third\n",
    ],
)
def test_aligned_columns_of_config_and_output_are_kept(rule_run, listing):
    text = listing + "\nThis is what the example shows.\n"
    assert rule_run.lint("SP004", text) == []


@pytest.mark.parametrize("label", ["(1)", "[2]", "3.", "4)"])
def test_spaces_after_a_note_or_item_number_keep_the_text_aligned(rule_run, label):
    text = f"The operator is explained below.\n\n{label}  The operator matches a pattern.\n"
    assert rule_run.lint("SP004", text) == []


def test_the_code_and_result_of_an_example_are_kept(rule_run):
    text = "For example,\n\necho(arg1,    arg2, arg3 , arg4)\n⇒arg1,arg2,arg3 ,arg4\n"
    assert rule_run.lint("SP004", text) == []
    assert rule_run.lint("SP003", text) == []


@pytest.mark.parametrize(
    "text",
    [
        # An option or term whose description starts at the hanging indent of the entries.
        "       -D -R   Attach here and now. In detail this means: If a session is\n"
        "               running, then reattach.\n\n"
        "       -D -RR  Attach here and now. Whatever that means, just do it.\n",
        # An Info menu whose descriptions line up, one of its rows read as a listing.
        "* Menu:\n\n* Temperature Conversions::  Conversion between temperature scales\n"
        "* Other Nonlinear Units::    Ring size, wire gauge, abrasive grit size\n",
    ],
)
def test_padding_up_to_a_column_of_the_entries_is_layout(rule_run, text):
    assert rule_run.lint("SP004", text) == []


def test_a_gap_in_running_text_is_still_a_slip(rule_run):
    text = "This is a sentence with  a double space.\nAnd another line follows it here.\n"
    assert rule_run.fix("SP004", text) == text.replace("with  a", "with a")
