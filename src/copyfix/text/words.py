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
  forms (``variants``). Parsing it takes about 180 ms, so the first use on a machine keeps a
  sorted copy in the user's cache folder that later runs read in about 3 ms (``_counts``).
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import tempfile
import unicodedata
from array import array
from functools import cache, lru_cache
from pathlib import Path

import regex


class _SortedList:
    """The word list as one sorted text (``word count`` per line) searched by bisection.

    Loading it is a read of two files, about 3 ms, where building a set of 160,000 words takes
    40 ms and parsing the package's JSON 180 ms: a run that needs one decision stays quick.
    """

    def __init__(self, text: str, offsets: array) -> None:
        self._text = text
        self._offsets = offsets  # start of each line, then the end of the text

    def get(self, word: str) -> int | None:
        text, offsets = self._text, self._offsets
        lo, hi = 0, len(offsets) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            line = text[offsets[mid] : offsets[mid + 1] - 1]
            key, _, number = line.partition(" ")
            if key == word:
                return int(number)
            if key < word:
                lo = mid + 1
            else:
                hi = mid
        return None

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None


@cache
def _counts() -> _SortedList | dict[str, int]:
    """Every listed word, lowercase, with its count (50 for a dictionary word never counted).

    The first use on a machine reads the package's JSON and writes the sorted form to the user's
    cache folder (``$XDG_CACHE_HOME/copyfix`` or ``~/.cache/copyfix``), named after the size and
    time of the package's file; later runs read that. Without a writable cache the JSON is used.
    """
    source = _json_path()
    cached = _cache_path(source)
    if cached is not None:
        try:
            text = cached.with_suffix(".txt").read_text(encoding="utf-8")
            offsets = array("I")
            offsets.frombytes(cached.with_suffix(".idx").read_bytes())
            if offsets and offsets[-1] == len(text):
                return _SortedList(text, offsets)
        except (OSError, ValueError):
            pass
    counts = _read_json(source)
    if cached is not None:
        _write_cache(cached, counts)
    return counts


def _json_path() -> Path | None:
    spec = importlib.util.find_spec("spellchecker")
    for location in list(spec.submodule_search_locations or []) if spec else []:
        path = Path(location) / "resources" / "en.json.gz"
        if path.is_file():
            return path
    return None


def _read_json(path: Path | None) -> dict[str, int]:
    if path is not None:
        with gzip.open(path, "rb") as handle:
            return json.loads(handle.read())
    from spellchecker import SpellChecker  # the documented way, if the layout ever changes

    return dict(SpellChecker(language="en").word_frequency.dictionary)


def _cache_path(source: Path | None) -> Path | None:
    if source is None:
        return None
    try:
        st = source.stat()
    except OSError:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "copyfix" / f"words-en-{st.st_size}-{int(st.st_mtime)}"


def _write_cache(cached: Path, counts: dict[str, int]) -> None:
    """Write the sorted list and its line index, each through a temporary file and a rename."""
    lines = [f"{word} {number}\n" for word, number in sorted(counts.items()) if " " not in word]
    offsets = array("I", [0])
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        for suffix, data in ((".txt", "".join(lines).encode()), (".idx", offsets.tobytes())):
            fd, tmp = tempfile.mkstemp(dir=cached.parent, prefix=".words-")
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, cached.with_suffix(suffix))
    except OSError:
        pass  # no cache folder: every run reads the JSON


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


# Text repeats its words (Zipf), so the few thousand distinct words of a document are looked
# up once each instead of once per occurrence; the bound keeps a corpus run's memory flat.
_MEMO = 1 << 16


@lru_cache(maxsize=_MEMO)
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


@lru_cache(maxsize=_MEMO)
def is_english_token(token: str) -> bool:
    """True for an English word, or English words joined by hyphens or apostrophes
    (``well-known``, ``it's``, ``students'``); letters only in every part. A single letter
    joined by a hyphen names a symbol whose case is part of it (``f-strings``,
    ``x-coordinates``, ``k-means``), not a word: the compound is not ordinary English."""
    if is_english_word(token):
        return token.replace("'", "").replace("’", "").isalpha()
    parts = [p for p in regex.split(r"[-'’]", token) if p]
    if len(parts) < 2 or any(len(p) == 1 for p in token.split("-")):
        return False
    return all(p.isalpha() and is_english_word(p) for p in parts)


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=_MEMO)
def count(word: str) -> int:
    """How often ``word`` (any case) occurs in the list's subtitle corpus (about 1.4 billion
    words): 0 if unknown, 50 for a dictionary word never seen there, 76 million for ``the``."""
    lower = word.lower().replace("’", "'")
    counts = _counts()
    found = counts.get(lower)
    if found is None:
        found = max((counts.get(v) or 0 for v in variants(lower)), default=0)
    return found


#: Words that end no clause: each needs what follows it (an article, a preposition that takes
#: an object, a conjunction). A sentence mark right after one is a stray mark or marks dropped
#: words ("tools such as.Google", "lengths of and weights of ."), not a sentence's end.
NEVER_LAST = frozenset(
    "a an the of as and or nor than such with from into onto upon via per among between "
    "around at to my your our their its".split()
)
