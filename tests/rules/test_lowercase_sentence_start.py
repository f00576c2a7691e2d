"""lowercase-sentence-start (CP001): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


def test_examples(rule_run):
    rule_run.examples("CP001")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is a pressing issue. to shed light on it, we met.",
         "It is a pressing issue. To shed light on it, we met."),
        ("this is a test sentence.", "This is a test sentence."),
        ("i have complete conviction in this. she is absolutely guilty",
         "I have complete conviction in this. She is absolutely guilty"),
        ("“this is a sentence.”", "“This is a sentence.”"),
        ("«this is a sentence.", "«This is a sentence."),
    ],
)
def test_flags_and_capitalises(rule_run, text, expected):
    assert rule_run.lint("CP001", text)
    assert rule_run.fix("CP001", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I'll go, esp. if it's a free event.",
        "I asked the Prof. what to do",
        "In Nov. next year.",
        "npm is the world's largest software registry.",
        "eBay can be at sentence start in lowercase. macOS 16 too. mRNA is made.",
        "a) This is a test sentence.",
        "1. an item in a list\n2. another item.",
        "This is a sentence: <https://google.com//search?q=something>",
        "“Where?” he asked. “Home!” she said.",
        "He waited... and waited.",
        "this",
    ],
)
def test_leaves_alone(rule_run, text):
    assert rule_run.lint("CP001", text) == []


def test_paragraph_after_a_code_block_continues_its_sentence(rule_run):
    text = "Run this:\n\n```sh\nmake\n```\n\nthen open the page.\n"
    assert rule_run.lint("CP001", text, markdown=True) == []


def test_heading_and_list_items_are_fragments(rule_run):
    text = "# getting started\n\n- install the tool\n- run it\n"
    assert rule_run.lint("CP001", text, markdown=True) == []


def test_admonition_labels_come_from_the_lexicon():
    from copyfix.lint.linter import Linter
    from copyfix.lint.registry import default_registry
    from copyfix.model import DocumentKind
    from copyfix.text.lexicon import Lexicon

    registry = default_registry()
    text = "Aside: this runs on.\n\nAside: that does too."
    plain = Linter(registry, [registry.get("CP001")])
    assert [d.code for d in plain.lint(text, kind=DocumentKind.TEXT)] == ["CP001", "CP001"]
    lexicon = Lexicon().adjusted(extend={"admonitions": ["Aside"]})
    taught = Linter(registry, [registry.get("CP001")], lexicon=lexicon)
    assert taught.lint(text, kind=DocumentKind.TEXT) == []


@pytest.mark.parametrize(
    "text",
    [
        # Greek letters and other scripts are symbols here, not English words.
        "α Arietis is bright. β Arietis is a blue-white star.",
        "The test used α = 0.05. μ is the mean of the sample.",
        "Set the angle. θ is measured in radians.",
        # After ! or ? inside dialogue, or after an interjection, older and spoken English runs on.
        "“Why! a letter from home?” she cried.",
        "“Oh dear! how late it is!” said the Rabbit.",
        "She looked up. Alas! the ship had gone.",
        "‘What is it? a ghost?’ he whispered.",
        # Abbreviations that do not end a sentence.
        "Use it (aka. packages are fine) and (ie. with care).",
        "Pick one (eg. the first) and go.",
        # A block that continues the sentence of the one before it.
        "The kit holds:\n\nthe key, the lock and the door.",
        "Bring a tent,\n\na stove and a map.",
        "- the first item;\n- the second item;\n\nand the last one.",
    ],
)
def test_not_a_sentence_start(rule_run, text):
    assert rule_run.lint("CP001", text) == []


def test_after_a_question_outside_dialogue_the_capital_is_unsafe(rule_run):
    text = "Is it done? yes, it is."
    assert rule_run.lint("CP001", text)
    assert rule_run.fix("CP001", text) == text
    assert rule_run.fix("CP001", text, unsafe=True) == "Is it done? Yes, it is."


@pytest.mark.parametrize(
    "text",
    [
        "It was their present acquaintance! and yet, she could not help it.",
        "I asked if there were many clerks? to which he replied at once.",
    ],
)
def test_older_prose_runs_on_after_exclamations(rule_run, text):
    assert rule_run.fix("CP001", text) == text


def test_after_a_word_english_does_not_know_the_capital_is_unsafe(rule_run):
    # "crim." may be an abbreviation the lexicon does not list.
    text = "It alluded to a recent crim. con. case, wherein a man was sued."
    assert rule_run.fix("CP001", text) == text


def test_a_paragraph_after_a_displayed_command_continues_its_sentence(rule_run):
    text = (
        "    To see how this is useful for you, run\n\n    apt-get build-dep foo\n\n"
        "    before building the source.\n\n    For checking the status of it, run\n\n"
        "    systemctl status package.service\n\n    to get the same information.\n"
    )
    assert rule_run.lint("CP001", text) == []
    # After a heading, a lowercase paragraph is still a slip.
    assert rule_run.fix("CP001", "1.2. Shell loops\n\nthere are several loop idioms.\n") == (
        "1.2. Shell loops\n\nThere are several loop idioms.\n"
    )


def test_a_paragraph_of_lowercase_sentence_starts_is_written_that_way(rule_run):
    text = (
        "I thank you for the letter on the Missouri question. it is a perfect justification"
        " to them. but this momentous question awakened me. it is hushed indeed.\n\n"
        "The next paragraph is ordinary. the capital is missing here.\n"
    )
    assert len(rule_run.lint("CP001", text)) == 4
    assert rule_run.fix("CP001", text) == text.replace("the capital", "The capital")


def test_three_slips_in_a_long_paragraph_are_still_slips(rule_run):
    sentences = ["The whale rose.", "it dived.", "The sea was calm.", "We watched.",
                 "the boat turned.", "Night fell.", "The crew slept.", "it was cold.", "Dawn came."]
    text = " ".join(sentences) + "\n"
    assert rule_run.fix("CP001", text) == text.replace(" it", " It").replace(" the", " The")


def test_a_lowercase_label_after_a_sentence_is_capitalised_only_when_unsafe(rule_run):
    text = "The project was completed in 1653. note: The Great Pyramid is older.\n"
    assert rule_run.lint("CP001", text)
    assert rule_run.fix("CP001", text) == text
    assert rule_run.fix("CP001", text, unsafe=True) == text.replace("note:", "Note:")


def test_a_lowercase_aside_after_a_sentence_is_capitalised_only_when_unsafe(rule_run):
    text = "It contains the system manual pages. (see Section 5.9 for more.)\n"
    assert rule_run.lint("CP001", text)
    assert rule_run.fix("CP001", text) == text
    assert rule_run.fix("CP001", text, unsafe=True) == text.replace("(see", "(See")


@pytest.mark.parametrize(
    "text",
    [
        "Fixed a crash.\nfind now accepts several types, as in find -type f,d and find -name x.\n",
        "It is done. tar now packs faster: run tar --create or tar -x to see.\n",
    ],
)
def test_a_command_the_document_runs_with_options_keeps_its_case(rule_run, text):
    # A word followed by an option twice or more is a command; its lowercase is its name.
    assert rule_run.fix("CP001", text) == text


def test_a_word_followed_by_an_option_once_is_still_a_word(rule_run):
    text = "It is done. use -v to see more.\n"
    assert rule_run.fix("CP001", text) == text.replace(". use", ". Use")


def test_a_clipped_abbreviation_does_not_end_the_sentence(rule_run):
    text = "Sources to HTML documentation avail. online here.\n"
    assert rule_run.fix("CP001", text) == text


# A lowercase word English does not know, opening a sentence, is a name or a symbol written in
# its own case (a library, a package, an identifier): not a slip.
@pytest.mark.parametrize(
    "text",
    [
        "The package is installed. libcurl is the library behind it.",
        "Parsing is strict. tzinfo may be None, or an instance of a subclass.",
        "It ships two sections. contrib and non-free were removed.",
        "Plain strings are merged. f-strings will not be merged.",
        "The grid is fixed. x-coordinates grow to the right.",
    ],
)
def test_a_lowercase_name_or_symbol_opening_a_sentence_is_kept(rule_run, text):
    assert rule_run.lint("CP001", text) == []


def test_a_lowercase_english_word_opening_a_sentence_is_still_flagged(rule_run):
    text = "The package is installed. the library is behind it."
    assert rule_run.fix("CP001", text) == "The package is installed. The library is behind it."


def test_an_item_of_a_list_run_into_the_sentence_is_not_a_sentence_end(rule_run):
    text = (
        "This usually happens on two conditions: 1. using PostgreSQL, which is strict about "
        "locks, and 2. you have a connection still open."
    )
    assert rule_run.lint("CP001", text) == []
    assert rule_run.lint("CP001", "It has 2 parts. the second is long.")


def test_a_paragraph_after_a_line_introduced_by_a_colon_continues_its_sentence(rule_run):
    text = (
        "To stop it, you can prevent the module from loading by creating a file containing "
        "the line:\n\nblacklist tulip\n\nin the modprobe directory. See the manual page.\n"
    )
    assert rule_run.lint("CP001", text) == []


@pytest.mark.parametrize(
    "text",
    [
        # A glossary: each term on its own line, its definition indented below it.
        "dirty\n    A working tree is dirty when it holds changes.\n"
        "evil merge\n    An evil merge brings changes that no parent has.\n",
        "Terms used here.\n\nshallow clone\n    A clone with part of the history only.\n",
        # A docstring's parameter list.
        "Move the position.\n\n  offset\n    The new position, in bytes.\n",
        # A sentence that goes on after the output it displays.
        "Create it:\n\n$ mkdir demo\n$ cd demo\n\nto which it will reply\n\n"
        "Created an empty store in demo/\n\nwhich means that all went well.\n",
        # ... and after a command that ends the paragraph before.
        "Change it on the main line:\n\n(edit the file)\n$ tool commit -a\n\n"
        "at this point the two lines have gone apart.\n",
    ],
)
def test_terms_and_continued_sentences_are_not_sentence_starts(rule_run, text):
    assert rule_run.lint("CP001", text) == []


def test_a_lowercase_start_after_a_full_stop_in_a_definition_is_still_found(rule_run):
    text = "dirty\n    A tree is dirty when it holds changes. it is not clean.\n"
    assert rule_run.fix("CP001", text) == text.replace(". it", ". It")


@pytest.mark.parametrize(
    "text",
    [
        # A program's diagnostic, as the program prints it.
        "If the tool is missing you will see:\n\ndemodb: command not found\n\nThen install it.\n",
        "Another reply could be this:\n\n"
        'demodb: error: connection to server on socket "/tmp/.s.DB.5432" failed\n\n'
        "where your own name is given.\n",
        "The second one fails with\n\nERROR:  could not serialize access\n\nand stops.\n",
        # The input of a Texinfo example, its result, then the sentence going on.
        "For example,\n\ndefine(`foo', `bar')\nfoo(`x')\n⇒bar\n\nis the result of the call.\n",
    ],
)
def test_program_messages_and_examples_are_not_sentences(rule_run, text):
    assert rule_run.lint("CP001", text) == []


def test_a_displayed_example_is_verbatim(rule_run):
    prose = (
        "The editor deletes up to the place where the motion takes the cursor, and no further.\n"
        "It keeps the rest of the line as it was, so you can go on from there at once.\n\n"
    )
    text = prose + "        To err is human. you need a computer.\n\n" + prose
    [finding] = rule_run.lint("CP001", text)
    assert rule_run.fix("CP001", text) == text  # found, but not changed unattended
    assert rule_run.fix("CP001", text, unsafe=True) != text


@pytest.mark.parametrize(
    "text",
    [
        'Smith, Ann (2010). "A Study". The Daily Record. para. 15. Retrieved 2 May 2010.',
        "The firm was later bought by Yahoo! and renamed. It sold shares to Yahoo! in exchange.",
    ],
)
def test_citation_abbreviations_and_names_with_a_mark_do_not_end_sentences(rule_run, text):
    assert rule_run.lint("CP001", text) == []


def test_a_quotation_that_opens_in_lowercase_is_not_fixed_unattended(rule_run):
    text = 'Retrieved 12 February 2010. "we are glad to announce that we bought the firm."'
    [finding] = rule_run.lint("CP001", text)
    assert rule_run.fix("CP001", text) == text


def test_a_single_repeated_label_is_a_field_not_a_speaker(rule_run):
    text = "Copyright: see the manual.\n\nThe text.\n\nCopyright: see the manual.\n"
    assert len(rule_run.lint("CP001", text)) == 2
    assert rule_run.fix("CP001", text) == text


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        # A Markdown blockquote quotes someone's words as they were written.
        ("Readers wrote:\n\n> I think he is fine. he has worked hard for it.\n", True),
        ("> I think he is fine. he has worked hard for it.\n\nThat was all.\n", True),
    ],
)
def test_quoted_words_are_not_capitalised_unattended(rule_run, text, markdown):
    [finding] = rule_run.lint("CP001", text, markdown=markdown)
    assert rule_run.fix("CP001", text, markdown=markdown) == text


@pytest.mark.parametrize(
    "text",
    [
        # A sentence spelt out word by word, for emphasis.
        "Good on you, Dev Guy, good. on. you. Still, she plays nice.",
        "All of you, all. of. you… had a chance to live by your words.",
        # A quotation set apart continues the sentence that stopped mid-way before it.
        "I look up from my book and see some tall pine which has winged its way here; going\n\n"
        "“to be the mast\nOf some great ammiral.”\n\nAnd here comes the train.\n",
    ],
)
def test_emphasis_and_sentences_running_on_are_left_alone(rule_run, text):
    assert rule_run.lint("CP001", text) == []


def test_a_one_word_sentence_alone_is_still_a_slip(rule_run):
    assert rule_run.fix("CP001", "It was late. the end came. We went home.") == (
        "It was late. The end came. We went home."
    )


def test_running_on_after_marks_three_times_is_the_documents_style(rule_run):
    text = (
        "What news! how much had changed since then. The result? a profound conviction.\n\n"
        "But courage! there is good cheer in store for you, and the day is long.\n"
    )
    assert rule_run.lint("CP001", text) == []
    once = "What news! how much had changed since then. The result was plain."
    [finding] = rule_run.lint("CP001", once)
    assert rule_run.fix("CP001", once) == once


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("## Event Overview\n\nby [Steve](https://example.com/steve)\n\nThe team met.\n", True),
        ("The spill was 4.9 million bbl. of oil, of which 392,000 bbl. were burned.", False),
        ("Mix 1 tsp. olive oil and 2 Tbsp. pumpkin seeds (or 1 Tbsp. dressing).", False),
    ],
)
def test_bylines_and_unit_abbreviations_are_not_sentences(rule_run, text, markdown):
    assert rule_run.lint("CP001", text, markdown=markdown) == []


def test_a_paragraph_after_what_a_colon_introduced_goes_on_with_the_sentence(rule_run):
    """A song, a letter or an example shown after a colon: the lowercase paragraph after it
    continues the sentence that introduced it (Treasure Island, chapter 1)."""
    text = (
        "He broke out in that old sea-song that he sang so often afterwards:\n\n"
        "“Fifteen men on the dead man’s chest,\nYo-ho-ho and a bottle of rum!”\n\n"
        "in the high, old tottering voice that seemed to have been tuned at the capstan bars.\n"
    )
    assert rule_run.lint("CP001", text) == []
    no_colon = text.replace("afterwards:", "afterwards.")
    assert rule_run.lint("CP001", no_colon) != []


def test_a_letter_that_labels_an_item_at_a_line_start_is_no_sentence(rule_run):
    text = (
        "1. Steps to follow when the alert fires:\n"
        "    a. Find the owner of the alert.\n    b. Escalate to the right party.\n"
    )
    assert rule_run.lint("CP001", text, markdown=True) == []
    assert rule_run.lint("CP001", text) == []
    mid_line = "Find the owner of the alert. b. Escalate to the right party."
    assert rule_run.lint("CP001", mid_line) != []


@pytest.mark.parametrize(
    "text",
    [
        # Scholarly abbreviations go on with the sentence (the 1911 Britannica).
        "It is found in most Greek MSS. also they are rare. From Syr. abba, father.",
        "See Ann. and Mag. Nat. Hist. for the list, and Lat. cithara for the name.",
        # A figure's key: its letters are labels whose case is the drawing's.
        "B, Ventral valve. e, Heart. p, Peduncle.",
    ],
)
def test_reference_works_abbreviations_and_keys_are_not_sentence_starts(rule_run, text):
    assert rule_run.lint("CP001", text) == []
