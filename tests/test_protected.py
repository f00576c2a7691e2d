"""Protected tokens judged paragraph by paragraph, with a memo (``document_tokens``), are the
tokens of the whole text judged at once (``protected_tokens``)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from copyfix.text.lexicon import DOTTED_SUFFIXES
from copyfix.text.protected import _unit_tokens, document_tokens, protected_tokens

_PIECES = st.sampled_from(
    [
        "word",
        "Node.js",
        "e.g.",
        "(the",
        "a,b,c",
        "-perm",
        "/usr/bin",
        "x=1,2",
        "--type",
        "l,d",
        "https://a.org/x.",
        "user@example.org",
        ":)",
        "snake_case",
        "f(a,1)",
        "%(x)s",
        "${HOME}",
        '"a,b"',
        'r"x"',
        " ",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\n \n",
        "\t",
        ".",
        ",",
    ]
)


def _spans(spans) -> list[tuple[int, int]]:
    return sorted({(s.start, s.end) for s in spans})


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=60).map("".join))
@example("--type l,d\n\nl,d and --exclude\n\na,b")
@example("\n\nfile.txt\n\n")
def test_paragraph_by_paragraph_is_the_whole_text(text):
    whole = protected_tokens(text, 0, len(text), DOTTED_SUFFIXES)
    _unit_tokens.cache_clear()
    assert _spans(document_tokens(text, DOTTED_SUFFIXES)) == _spans(whole)
    # A second pass, from the memo, gives the same.
    assert _spans(document_tokens(text, DOTTED_SUFFIXES)) == _spans(whole)
