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


@pytest.mark.parametrize(
    "text",
    [
        # A renderer that leaves a space after a link's URL or a cross-reference's title.
        "See the page (https://example.org/) .\nOr (https://example.com/) .\n",
        "See the page (https://example.org/) . It helps.",
        "See Section 9.2.3, “Recording the shell activities cleanly” .\n",
        # A scraped page whose extractor dropped the links before the marks, again and again.
        "It is known as AI Mode . It answers questions in the SERP .\n\n"
        "For $2000 , it really is the best camera for the money .\n",
        "Sign up for my Patreon ! Get access to my YouTube videos , plus photos .\n"
        "Contact me here , or leave a comment below.\n",
    ],
)
def test_a_spacing_the_document_keeps_is_fixed_only_when_unsafe(rule_run, text):
    assert rule_run.lint("SP003", text)
    assert rule_run.fix("SP003", text) == text


def test_shell_syntax_quoted_in_prose_is_notation(rule_run):
    text = (
        '* "while condition ; do command ; done" repeats "command".\n'
        '* "until condition ; do command ; done" repeats it too.\n'
    )
    assert rule_run.lint("SP003", text) == []
    assert rule_run.lint("SP003", 'He said "stop ; now" and left ; then came back.') != []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Once or twice is a slip.
        ("Note : this matters ; that too.", "Note: this matters; that too."),
        # Three slips in a page of ordinary punctuation are still slips.
        (
            "The plan changed , and so did the team. " + "It worked, and it was fine. " * 50
            + "The budget grew . The staff grew too , and the work went on.",
            "The plan changed, and so did the team. " + "It worked, and it was fine. " * 50
            + "The budget grew. The staff grew too, and the work went on.",
        ),
    ],
)
def test_an_occasional_space_before_a_mark_is_fixed(rule_run, text, expected):
    assert rule_run.fix("SP003", text) == expected


def test_a_doubled_colon_or_semicolon_is_an_operator(rule_run):
    text = "To name the package, change all occurrences of :: to -, and append -perl."
    assert rule_run.lint("SP003", text) == []


# A run of "?" or "!" that the sentence goes on past is a token (a placeholder, a key), and a
# mark after an option is the command's argument ("black --no-cache ."): not punctuation.
@pytest.mark.parametrize(
    "text",
    [
        "The error message will be full of ??? entries. If you see them, rebuild.",
        "Press !! to repeat the command.",
        "Example:\n\npython -m black --no-cache .\n",
        "Run ls -a . to see them.",
    ],
)
def test_tokens_and_arguments_are_not_punctuation(rule_run, text):
    assert rule_run.lint("SP003", text) == []


def test_a_spaced_off_question_mark_at_a_sentence_end_is_still_fixed(rule_run):
    assert rule_run.fix("SP003", "Is it done ? Yes.") == "Is it done? Yes."


def test_a_mark_followed_by_its_name_in_brackets_is_named(rule_run):
    text = "You can put a single . (dot) in a column, or a , (comma) between."
    assert rule_run.lint("SP003", text) == []


@pytest.mark.parametrize(
    "text",
    [
        # A lone full stop with the sentence going on in lowercase is an argument or a name.
        "Make them owned by root:\n\nchown 0 . lib data\n",
        "The pull command can also be given . as the remote, in which case it merges.",
        "Then run git add . once more.",
        "The script runs tool pull . $1 to merge the branch.",
        # A mark after its own name, or inside brackets or quotes around the sentence.
        "A path that begins with a colon : is special, and a second colon : ends it.",
        "Take a snapshot of every file here (note the .), then commit.",
        "The quantifiers are '+ and ?' in that dialect.",
    ],
)
def test_a_mark_being_named_or_passed_is_not_a_slip(rule_run, text):
    assert rule_run.lint("SP003", text) == []
    assert rule_run.fix("SP003", text) == text


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("This is the end . Then we left.", "This is the end. Then we left."),
        ("It was late .\nWe left.", "It was late.\nWe left."),
        ("Apples , pears and plums.", "Apples, pears and plums."),
    ],
)
def test_a_space_before_a_sentence_end_is_still_fixed(rule_run, text, fixed):
    assert rule_run.fix("SP003", text) == fixed


def test_a_mark_named_after_an_adjective_is_mentioned_not_used(rule_run):
    text = "It changed so a trailing , in a list forces one item per line."
    assert rule_run.lint("SP003", text) == []


@pytest.mark.parametrize(
    "text",
    [
        # A list of "Label : value" lines.
        "Tickets\n\nVIP : 60,000₩\nR : 50,000₩\nS : 40,000₩\n",
        # French spacing of the high marks.
        "Attention : le train part ! Vraiment ? Oui.\n",
    ],
)
def test_high_marks_spaced_off_for_the_most_part_are_the_documents_convention(rule_run, text):
    assert rule_run.lint("SP003", text) == []
    # Three spaced among many attached: slips, reported, fixed only when asked.
    mixed = "Note : one. And : two. Also : three.\n" + "We write: this, and: that.\n" * 3
    assert rule_run.lint("SP003", mixed)
    assert rule_run.fix("SP003", mixed) == mixed


def test_a_reference_that_sets_its_codes_apart_is_not_closed_up_unattended(rule_run):
    """xterm's ctlseqs: `. , ;` are codes there, so the text spaces its own marks off from the
    codes before them (`same as LF .`), again and again."""
    text = (
        "The cursor moves as with LF . It is listed with Ps . Use CSI , then SS3 , and ST .\n"
    )
    assert len(rule_run.lint("SP003", text)) == 5
    assert rule_run.fix("SP003", text) == text
    once = "The cursor moves as with LF . " + "It is plain, with commas. " * 30 + "A slip , once."
    assert rule_run.fix("SP003", once) == once.replace("LF .", "LF.").replace("slip ,", "slip,")
