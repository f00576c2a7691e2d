"""Knowledge of English words: which tokens are ordinary words, and which are not.

A safe fix needs ordinary English around it (``late.We``, ``issue. to``, ``the the``); a token
that English does not know (``systemd``, ``Minify``, ``pkg``, ``β``) is a name, a command or an
identifier, and a fix next to it is at most unsafe.

The word list is the English frequency list of ``pyspellchecker`` (Tyler Barrus,
https://github.com/barrust/pyspellchecker, MIT): about 160,000 words checked against a
dictionary, with counts from the OpenSubtitles corpus (a word of the dictionary never seen there
counts 50). It was chosen over ``wordfreq`` after measuring both on this task:

- ``wordfreq`` counts tokens of the web, so technical tokens are frequent there (``git`` Zipf
  3.4, ``html`` 3.7, ``foo`` 3.3) while literary words are rare (``hissed`` 2.5, ``glimmered``
  1.5): no threshold separates ``hissed`` from ``npm`` (2.4). Importing it also costs 190 ms.
- ``pyspellchecker``'s list is a dictionary: ``systemd``, ``chmod``, ``npm``, ``kwargs``,
  ``stdout``, ``yaml`` are absent, ``hissed`` and ``glimmered`` present. It is American, so
  British spellings (``colour``, ``organise``, ``centre``) are matched through their American
  forms (``variants``). Reading it takes about 180 ms and 35 MB, once per process, and only when
  a decision needs it.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import unicodedata
from functools import cache
from pathlib import Path

import regex


@cache
def _counts() -> dict[str, int]:
    """Every listed word, lowercase, with its count (50 for a dictionary word never counted)."""
    spec = importlib.util.find_spec("spellchecker")
    for location in list(spec.submodule_search_locations or []) if spec else []:
        path = Path(location) / "resources" / "en.json.gz"
        if path.is_file():
            with gzip.open(path, "rb") as handle:
                return json.loads(handle.read())
    from spellchecker import SpellChecker  # the documented way, if the layout ever changes

    return dict(SpellChecker(language="en").word_frequency.dictionary)


# British spellings and their American forms, tried in order (Oxford and Cambridge spelling
# guides; the endings the list is missing in practice).
_VARIANTS = [
    (regex.compile(r"our(s|ed|ing|ite|ites|able|er|ers)?$"), r"or\1"),
    (regex.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (regex.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (regex.compile(r"tre(s)?$"), r"ter\1"),
    (regex.compile(r"ogue(s)?$"), r"og\1"),
    (regex.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
    (regex.compile(r"mme(s)?$"), r"m\1"),
    (regex.compile(r"ence(s)?$"), r"ense\1"),
    (regex.compile(r"(?<=\w)ae(?=\w)"), "e"),
    (regex.compile(r"(?<=\w)oe(?=\w)"), "e"),
]


def variants(word: str) -> list[str]:
    """American forms of a British spelling: ``colour`` -> ``color``, ``centres`` -> ``centers``."""
    return [pattern.sub(repl, word) for pattern, repl in _VARIANTS if pattern.search(word)]


def is_english_word(word: str) -> bool:
    """True when ``word`` (any case; ``’`` read as ``'``) is an English word of the list, in
    American or British spelling. Letters only: digits, underscores and other scripts
    (``β``) are never English words."""
    lower = word.lower().replace("’", "'")
    counts = _counts()
    if lower in counts:
        return True
    if not lower.isascii():
        lower = _unaccented(lower)  # "crème", "naïve", "café": listed without accents
        if lower in counts:
            return True
    return any(v in counts for v in variants(lower))


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def count(word: str) -> int:
    """How often ``word`` (any case) occurs in the list's subtitle corpus (about 1.4 billion
    words): 0 if unknown, 50 for a dictionary word never seen there, 76 million for ``the``."""
    lower = word.lower().replace("’", "'")
    counts = _counts()
    found = counts.get(lower)
    if found is None:
        found = max((counts.get(v, 0) for v in variants(lower)), default=0)
    return found
