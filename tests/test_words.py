"""Word knowledge: which tokens are ordinary English, and the on-disk copy of the word list."""

from __future__ import annotations

import pytest

from copyfix.text import words


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("hissed", True), ("glimmered", True), ("committee", True), ("The", True),
        # British spellings through their American forms, accents through plain letters.
        ("colour", True), ("organised", True), ("centre", True), ("travelled", True),
        ("crème", True), ("naïve", True),
        # Names of commands and identifiers, other scripts.
        ("systemd", False), ("chmod", False), ("kwargs", False), ("stdout", False),
        ("yaml", False), ("β", False), ("Cao", False),
    ],
)
def test_english_words(word, known):
    assert words.is_english_word(word) is known


def test_the_sorted_copy_answers_as_the_package_list(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    words._counts.cache_clear()
    try:
        first = words._counts()  # parses the package's list and writes the copy
        assert isinstance(first, dict)
        assert list((tmp_path / "copyfix").glob("words-en-*.txt"))
        words._counts.cache_clear()
        second = words._counts()  # reads the copy
        assert isinstance(second, words._SortedList)
        sample = sorted(first)[:: max(1, len(first) // 2000)] + ["zzzz-not-a-word", "", "a"]
        assert [second.get(w) for w in sample] == [first.get(w) for w in sample]
    finally:
        words._counts.cache_clear()


def test_a_broken_copy_is_not_trusted(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    words._counts.cache_clear()
    try:
        words._counts()
        for idx in (tmp_path / "copyfix").glob("*.idx"):
            idx.write_bytes(idx.read_bytes()[:-8])  # truncated by a crash
        words._counts.cache_clear()
        assert isinstance(words._counts(), dict)
    finally:
        words._counts.cache_clear()


# Hyphenated compounds are English when every part is a word of two letters or more; a single
# letter joined by a hyphen is a symbol whose case belongs to it.
@pytest.mark.parametrize(
    ("token", "english"),
    [
        ("well-known", True), ("it's", True), ("up-to-date", True),
        ("f-strings", False), ("x-coordinates", False), ("k-means", False), ("e-mail", False),
    ],
)
def test_english_tokens(token, english):
    assert words.is_english_token(token) is english
