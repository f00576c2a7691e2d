"""Plain-text lines that do not read as prose (listings, program output, configuration, table
rows) get no findings and no fixes; the prose around them still does."""

from __future__ import annotations

import pytest

import copyfix

LISTINGS = [
    "    # chown -R foo:bar .\n    # chmod -R ug+rwX,o=rX .",
    "    $ [ 1 = 1 ] ; echo $?",
    "    drwxr-xr-x 10 root root  4096 Oct 11 00:28 /usr/src",
    "    -rw-r--r-- 1 root root 2761 Aug 30 10:38 /etc/passwd",
    "    Distributor ID:  Debian\n    Description:    Debian GNU/Linux 7.4 (wheezy)",
    "    wtmp    record of all logins and logouts\n    lastlog  record of last logins",
    "UUID=1234 /home ext4 rw,nosuid 0 0",
    "    set root=(hd0,msdos2)",
    "    -rw-r--r-- 1 penguin penguin 0 Oct 16 21:39 bar",
    "    $ [ 1 = 1 ] ; echo $?\n    0",
    "    apt-mark hold package_name",
    "    $ ls -li foo bar\n    1449840 -rw-rw-r-- 2 penguin penguin 17 Oct 16 21:42 bar\n"
    "    1450180 lrwxrwxrwx 1 penguin penguin  3 Oct 16 21:47 baz -> foo",
    "    $ grep bozo /etc/passwd\n    bozo's ID is 1000 and bozo's group is bozo bozo\n    $ exit",
    "   Directory Description\n   printer   Spools for a specific printer (optional)",
    "    $ oldIFS=\"$IFS\"   # save old value\n    $ IFS=':'",
    "    libc6                                          install",
    "Name      Size   Date\nfoo.txt   12 kB  2020-01-02",
    # Indented with no-break spaces, as text renderers do.
    "\u00a0\u00a0\u00a0 perl -ne '@f=split; print $f[2] if ( $f[1]==1957 )' |",
    "    #!/bin/sh -e\n\u00a0 \u00a0 \u00a0  if ( test -f \"$F\" ) ; then\n"
    "      ( echo \"E: no file\" >&2 ; exit 1 )\n    fi",
    # A shell case statement in the paragraph that introduces it.
    "A postinst script could look like this:\n   case \" $2 \" in\n"
    "   *\" trigger-name-a \"*)  process-trigger-a ;;\n   esac",
    # A record of fields, as in a package's control data or a mail header.
    "   Package: bar-clone\n   Provides: bar",
    "From: root\nTo: penguin\nSubject: Re: disk full",
    # RFC 822 stanzas with a long description under the short one.
    " Template: hostname\n Type: string\n Description: unqualified hostname\n"
    "  This is the name of the computer.\n\n"
    " Template: domain\n Type: string\n Description: domain for this computer\n"
    "   This is the domain your computer is a member of.",
    # A shell script indented by three spaces: its keywords make it code.
    "   for i in /usr/bin/foo /usr/sbin/bar; do\n       # only when no setting exists\n"
    "       if ! dpkg-statoverride --list $i >/dev/null 2>&1; then\n"
    "           if [ \"$RET\" = \"true\" ] ; then\n"
    "               dpkg-statoverride --update --add sysuser root 4755 $i\n"
    "           fi\n       fi\n   done",
    # Rows of a table whose cells are set off by bars, as scraped pages and plain text type
    # them.
    "Cost for one… | Public, in-state | Private\nCredit Hour | $337 | $516\n"
    "Standard Semester (15 Cr.Hr.) | $5,055 | $7,740",
    "Plan | Price | Notes\nBasic | $5 | one user,no support",
    # A script whose long line a renderer wrapped to the margin; a short command whose quoted
    # argument holds a run of spaces.
    "        if [ \"$Y\" = \"\" ]; then\n                echo \"$FILE\" >>NOCHECK\n"
    "                return\n        fi\n"
    "        X=\"`md5sum < /var/lib/apt/lists/$FILE | cut -d\\  -f1` `wc -c < /var/lib\n"
    "/apt/lists/$FILE`\"\n        X=\"`echo \"$X\" | sed 's/^ *//;s/  */ /g'`\"\n"
    "        if [ \"$X\" != \"$Y\" ]; then\n                echo \"$FILE\" >>BAD\n"
    "                return\n        fi\n        echo \"$FILE\" >>OK",
    "    echo\n    sed 's/^/    /' < UNVALIDATED\n    echo",
    # A Makefile rule at the prose's own indentation: its Make variables make it code.
    "    install: gentoo\n            install ./gentoo $(BIN)\n"
    "            install icons/* ${ICONS}",
]


@pytest.mark.parametrize("listing", LISTINGS)
def test_listing_lines_get_no_findings(listing):
    text = f"Run the following commands as root.\n\n{listing}\n\nThen log out.\n"
    assert copyfix.lint_text(text) == []
    assert copyfix.fix_text(text, unsafe=True) == text


@pytest.mark.parametrize(
    "text",
    [
        "Call f(a,1.0.0) and boot from (hd0,msdos2) today.",
        "Own it as root:root and install pkg:any.",
        "Read the TL;DR first.",
        "Support for .Net Framework is limited.",
    ],
)
def test_identifiers_in_prose_are_not_fixed_safely(text):
    assert copyfix.fix_text(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Prose lines around and between listings are still checked.
        ("Run this:\n\n    $ ls -l /etc\n\nIt lists the files.We are done.\n",
         "Run this:\n\n    $ ls -l /etc\n\nIt lists the files. We are done.\n"),
        # A glued comma or full stop is what a slip looks like, not a listing.
        ("We met in Paris,France,and then left.It was late.\n",
         "We met in Paris, France, and then left. It was late.\n"),
        ("    The powerful design of Debian comes from Unix,i.e. a multiuser system.\n",
         "    The powerful design of Debian comes from Unix, i.e. a multiuser system.\n"),
        # Where every paragraph is indented, one code-like character does not make a paragraph
        # of prose an example.
        ("    When testing is mature, the manager starts `freezing' it.\n"
         "\u00a0\u00a0\u00a0 This mode is for experts.We are done.\n"
         "    It is a mode for experts.\n",
         "    When testing is mature, the manager starts `freezing' it.\n"
         "\u00a0\u00a0\u00a0 This mode is for experts. We are done.\n"
         "    It is a mode for experts.\n"),
        ("    There is a numeric mode.We use it.\n    This mode uses octal (radix=8)\n"
         "    numbers.\n",
         "    There is a numeric mode. We use it.\n    This mode uses octal (radix=8)\n"
         "    numbers.\n"),
        # A list after "See:" is a list, not an example the colon introduces.
        ("    See:\n\n      * How to Change It in Chrome, Firefox,Safari, and more\n"
         "      * How to change the agent\n",
         "    See:\n\n      * How to Change It in Chrome, Firefox, Safari, and more\n"
         "      * How to change the agent\n"),
        # Prose lines that open with "for" or "if" are not shell.
        ("   For the packages you are interested in\n   if you want them; then\n"
         "   do it.We are done.\n",
         "   For the packages you are interested in\n   if you want them; then\n"
         "   do it. We are done.\n"),
        # Labelled lines that are sentences are prose.
        ("Q: How did it start?\nA: With a slip,and it was late.\n",
         "Q: How did it start?\nA: With a slip, and it was late.\n"),
        # A paragraph indented with no-break spaces is prose like any other.
        ("\u00a0\u00a0\u00a0 It lists the files.We are done.\n",
         "\u00a0\u00a0\u00a0 It lists the files. We are done.\n"),
    ],
)
def test_prose_next_to_listings_is_still_fixed(text, expected):
    assert copyfix.fix_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One line with a wide gap is a slip, not a table: a table has rows.
        ("This is a test   sentence.", "This is a test sentence."),
        ("20 %", "20%"),
    ],
)
def test_a_single_line_is_not_a_table(text, expected):
    assert copyfix.fix_text(text, unsafe=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Info cross-references: the full stop after the node name is the reference's own.
        "They can be used in both *note basic: BRE syntax. and\n"
        "*note extended: ERE syntax. regular expressions.\n",
        "See *note addresses: Regexp Addresses. and the ‘s’ command.\n",
        "For more, see *note Extended\nRegular Expression (ERE): ERE syntax. syntax.\n"
        "*Note BRE vs ERE::.\n",
        # Code quoted as GNU manuals quote it.
        "To skip AU files, you can use ‘wget -R mpg,mpeg,au’.\n",
        "The command ‘s/a,b/c/g’ replaces it,and ‘sed -n 2p’ prints.\n",
    ],
    ids=["xref-dot", "xref-and", "xref-wrapped", "quoted-option", "quoted-script"],
)
def test_info_references_and_quoted_code_are_literal(text):
    fixed = copyfix.fix_text(text)
    for literal in ("*note basic: BRE syntax. and", "mpg,mpeg,au", "‘s/a,b/c/g’", "syntax. syntax."):
        if literal in text:
            assert literal in fixed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Prose quoted with ‘ and ’ stays prose, and a note that is not a reference is text.
        ("He said ‘that is true,and fine’ again.\n", "He said ‘that is true, and fine’ again.\n"),
        ("Take *note* of it.The rest follows.\n", "Take *note* of it. The rest follows.\n"),
        ("It is a | b,and c.\n", "It is a | b, and c.\n"),
    ],
)
def test_prose_around_literals_is_still_fixed(text, expected):
    assert copyfix.fix_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "  - Java:\n    o xgettext finds strings.  They are marked.\n    o xgettext now reads it.\n",
        "Changes:\n\no the parser is faster.\no the cache is smaller.\n",
    ],
)
def test_a_lowercase_o_opening_a_line_is_a_bullet_not_a_word(text):
    assert not [d for d in copyfix.lint_text(text, path="NEWS.txt") if d.code == "CP001"]
    fixed = copyfix.fix_text(text, path="NEWS.txt")
    assert [line.lstrip()[:2] for line in fixed.splitlines() if line.lstrip()[:2] == "o "] == [
        "o ", "o "
    ]


def test_no_break_spaces_pad_a_column_as_spaces_do():
    text = (
        "                Chapter\u00a04.\u00a0Common tasks\n"
        "Prev\u00a0" + " " * 30 + "\u00a0" + " " * 30 + "\u00a0Next\n\nThe chapter starts here.\n"
    )
    assert copyfix.lint_text(text) == []
    assert copyfix.fix_text(text) == text


def test_a_bare_row_of_words_set_two_spaces_apart_is_output():
    text = "The root holds these folders:\n\nbin  dev  etc  lib  proc  sbin  usr\n\nand more.\n"
    assert copyfix.fix_text(text) == text
    prose = "A slip  here and  there and  again in one line of prose.\n"
    assert len([d for d in copyfix.lint_text(prose) if d.code == "SP004"]) == 3


_RUNNING_TEXT = (
    "Listing ounces before pounds gives a result that is correct but not very useful, and\n"
    "the program prints it as it is asked to.\n\n"
)


@pytest.mark.parametrize(
    "display",
    [
        "     You have: 3 kg\n     You want: lb;oz\n             6 lb + 9.8 oz\n",
        "     You want: hr;min;sec\n",
        "     You have: 7.2319 hr\n     You want: hr;min;sec\n         7 hr + 13 min + 54.84 sec\n",
    ],
)
def test_a_display_of_no_sentence_is_reported_but_not_fixed_unattended(display):
    text = _RUNNING_TEXT + display + "\n" + _RUNNING_TEXT
    assert copyfix.lint_text(text)
    assert copyfix.fix_text(text) == text


def test_a_display_of_sentences_is_prose_and_fixed():
    text = _RUNNING_TEXT + "     He wrote back,at once, and left.\n" + "\n" + _RUNNING_TEXT
    assert copyfix.fix_text(text) == text.replace("back,at", "back, at")


def test_trailing_white_space_in_a_display_is_still_removed():
    text = _RUNNING_TEXT + "     You have: 3 kg   \n" + "\n" + _RUNNING_TEXT
    assert copyfix.fix_text(text) == text.replace("kg   \n", "kg\n")


@pytest.mark.parametrize(
    "text",
    [
        # A command's synopsis: brackets and bars are its syntax, not prose's.
        "       windowlist [ -b ] [ -m ] [ -g ]\n\n       Display all windows in a table.\n",
        # A quoted token with punctuation inside it is a literal, whatever quotes it.
        '"/World/", "m!World!", and "m{World}" all represent the same thing.\n',
        "Type \u201clb;oz\u201d at the prompt, and it answers.\n",
    ],
)
def test_synopses_and_quoted_literals_get_no_findings(text):
    assert copyfix.lint_text(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # A command shown alone between paragraphs, and an example with its results.
        "It can be enabled by a setting.\n\nset my_name = (or $ENV_NAME \"Test User\")\n\n"
        "The result is assigned as the argument.\n",
        "This matches known aliases.\n\n@~f .\n\nIt is simple.\n",
        "It compares its arguments.\n\necho (equal one one)\n  ==> \"t\"\n\nIt stops early.\n",
    ],
)
def test_a_command_on_a_line_of_its_own_is_a_listing(text):
    assert copyfix.lint_text(text) == []


def test_a_bullet_line_of_words_is_still_prose():
    text = (
        "The sections below cover the packages.\n\n    * 11.8.2. Packages providing a server\n\n"
        "    * 11.8.3. Packages providing a a terminal emulator\n"
    )
    assert copyfix.fix_text(text) == text.replace("a a terminal", "a terminal")


@pytest.mark.parametrize(
    "text",
    [
        # A link wrapped at the line's end: the line after it starts with the link's rest, and
        # both lines are prose whose brackets and quotes pair across the break.
        "    ^[1] The Linux Standard Base (https://wiki.linuxfoundation.org/\n"
        "    lsb/start/) is a specification for sharing one binary package.\n",
        "    It was dropped. See this message from Didier Raboud (https://lists.debian.org/\n"
        "    4526217.myWFlvm1rM@gyllingar) and the following discussion.\n",
        "    Debian abandoned (https://\n    sources.debian.org/src/lsb/9.20170808/debian/) the\n"
        "    pursuit of LSB compatibility.\n",
        '    It is named in quotes, such as "/usr/\n    share/doc/base-passwd/users.txt.gz" and'
        ' "/usr/share/\n    doc/base-passwd/users.html"; or by its URL.\n',
    ],
)
def test_a_link_wrapped_at_a_line_break_is_prose(text):
    assert copyfix.lint_text(text) == []
    slip = (
        text.replace("is a specification", "is a a specification")
        .replace("the following", "the the following")
        .replace("the\n", "the the\n")
        .replace("or by", "or by by")
    )
    assert copyfix.lint_text(slip) != []


def test_overstruck_words_are_left_alone_and_the_prose_around_them_is_checked():
    """nroff's bold (``R\\bRe\\be``) in a README: its letters are doubled, so no rule reads it,
    and no fix lands between a character and its backspace."""
    bold = "".join(f"{c}\b{c}" for c in "Rewriting")
    text = f"{bold}\n\nThe lo of it. Lo and behold, the the end.\n"
    assert [d.code for d in copyfix.lint_text(text)] == ["RP001"]
    assert copyfix.fix_text(text) == text.replace("the the", "the")
    assert copyfix.lint_text("L\bLo\bo, and the lo of it.\n") == []
