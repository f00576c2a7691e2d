"""Real-looking prose: clean text stays silent, and injected defects are found and fixed back.

The corpus in tests/corpus/prose holds fiction (dialogue, abbreviations, initials, elisions,
a quotation over several paragraphs), news and encyclopedic text, written for these tests.
Each injection below breaks one place in a copy of a clean file the way a careless edit would;
`copyfix fix` must restore the original text exactly.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

import copyfix

CORPUS = Path(__file__).parent / "corpus" / "prose"
CLEAN = sorted(CORPUS.glob("clean_*.txt"))


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_clean_prose_has_no_findings(path):
    found = copyfix.lint_text(path.read_text(encoding="utf-8"), path=str(path))
    assert [(d.line, d.code, d.message) for d in found] == []


def _inject(text: str, pattern: str, replacement: str, nth: int) -> str | None:
    matches = list(regex.finditer(pattern, text))
    if len(matches) <= nth:
        return None
    m = matches[nth]
    return text[: m.start()] + m.expand(replacement) + text[m.end() :]


# (code expected, pattern, replacement): each breaks what the pattern matches.
INJECTIONS = [
    ("SP001", r"(\p{Ll}), (\p{Ll})", r"\1,\2"),
    ("SP002", r"(\p{Ll}{3})\. (\p{Lu}\p{Ll})", r"\1.\2"),
    ("CP001", r"(\p{Ll}{3}\. )(\p{Lu})(\p{Ll}+ )", r"\1\2\3"),  # replaced below with lowercase
    ("RP001", r" the ", r" the the "),
    ("SP004", r"(\p{Ll}) (\p{Ll})", r"\1  \2"),
    ("SP003", r"(\p{Ll}),", r"\1 ,"),
    ("QT001", r"(^|\s)“(\p{L})", r"\1”\2"),
]


def _lowercase_start(text: str, nth: int) -> str | None:
    matches = list(regex.finditer(r"(?<=\p{Ll}{3}\. )(The|It|He|She|They|This|In)\b", text))
    if len(matches) <= nth:
        return None
    m = matches[nth]
    return text[: m.start()] + m.group().lower() + text[m.end() :]


def _broken(path: Path, code: str, pattern: str, replacement: str, nth: int) -> str | None:
    original = path.read_text(encoding="utf-8")
    if code == "CP001":
        return _lowercase_start(original, nth)
    return _inject(original, pattern, replacement, nth)


#: Files an injection has no place in by design: that book writes straight quotes only.
NOT_APPLICABLE = {("clean_straight_quotes_book", "QT001")}

CASES = [
    (path, code, pattern, replacement, nth)
    for path in CLEAN
    for code, pattern, replacement in INJECTIONS
    if (path.stem, code) not in NOT_APPLICABLE
    for nth in (0, 1)
]


def test_every_injection_has_its_places():
    """Each case below has a place in its file (so none of them is skipped), and each
    injection runs on at least three files."""
    missing = [f"{c[0].stem}-{c[1]}-{c[4]}" for c in CASES if _broken(*c) is None]
    assert missing == []
    for code, _, _ in INJECTIONS:
        assert len({c[0] for c in CASES if c[1] == code}) >= 3, code


@pytest.mark.parametrize(
    ("path", "code", "pattern", "replacement", "nth"),
    CASES,
    ids=[f"{c[0].stem}-{c[1]}-{c[4]}" for c in CASES],
)
def test_injected_defect_is_found_and_fixed(path, code, pattern, replacement, nth):
    original = path.read_text(encoding="utf-8")
    broken = _broken(path, code, pattern, replacement, nth)
    assert broken is not None, "no place for this injection in this file"
    found = copyfix.lint_text(broken, path=str(path))
    assert code in {d.code for d in found}, [(d.code, d.message) for d in found]
    assert copyfix.fix_text(broken, path=str(path)) == original
