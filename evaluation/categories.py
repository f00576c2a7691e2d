"""Patterns of false positives seen on the tuning half, so that each collateral change of a run
can be put in a named group and the groups counted from one run to the next.

A pattern is a rule code, a test on the change (its context, the text it replaced, the genre) and
a label. The first pattern that matches wins; a change that matches none is "other <rule>".
The context is the 40 characters before the change, the changed text and 40 after.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Pattern:
    rule: str
    label: str
    test: Callable[[dict], bool]


def _before(item: dict) -> str:
    return item.get("prefix", "")


def _after(item: dict) -> str:
    return item.get("old", "") + item.get("suffix", "")


def _genre(item: dict) -> str:
    return item["file"].split("/")[0]


def _source(item: dict) -> str:
    return item["file"].split("/")[1]


PATTERNS: list[Pattern] = [
    # CP001
    Pattern("CP001", "CP001 capitalises a title or name that ends in `!` mid-sentence",
            lambda i: _genre(i) != "fiction" and re.search(r"[A-Z]\w*!\s$", _before(i)) is not None),
    Pattern("CP001", "CP001 capitalises the word after a mid-sentence `!` or `?` (older prose, dialogue)",
            lambda i: re.search(r"[!?][”’\"]?\s\(?$", _before(i)) is not None),
    Pattern("CP001", "CP001 capitalises a Factbook `note:` label after a sentence",
            lambda i: _after(i).startswith("note:")),
    Pattern("CP001", "CP001 capitalises a lowercase paragraph that continues a sentence after a listing",
            lambda i: _genre(i) == "technical" and re.search(r"⏎[\s\xa0]*$", _before(i)) is not None),
    Pattern("CP001", "CP001 capitalises the lowercase sentence starts of a quoted historical letter (Jefferson)",
            lambda i: _source(i) == "openstax-us-history"),
    Pattern("CP001", "CP001 capitalises a value in a `Field: value` listing",
            lambda i: re.search(r"\b[A-Z][a-z]+: $", _before(i)) is not None),
    Pattern("CP001", "CP001 capitalises a lowercase name or identifier that starts a sentence",
            lambda i: _genre(i) == "technical"),
    Pattern("CP001", "CP001 after an abbreviation (`crim. con.`) or stylised full stops (`on. meth. dot. com.`)",
            lambda i: True),
    # SP004
    Pattern("SP004", "SP004 collapses two spaces after a sentence (the Debian manuals mix one and two)",
            lambda i: i.get("old") == " " and re.search(r"[.!?)\"\]] $", _before(i)) is not None),
    Pattern("SP004", "SP004 collapses alignment spaces in listings, command output and tables",
            lambda i: _genre(i) == "technical"),
    # SP005
    Pattern("SP005", "SP005 strips trailing spaces and NBSP-only lines left by the text renderer",
            lambda i: True),
    # QT005
    Pattern("QT005", "QT005 rewrites apostrophes to the majority form where the source mixes ' and ’",
            lambda i: True),
    # SP003
    Pattern("SP003", "SP003 removes the space before `.`/`,` after a parenthesised URL or quoted title (renderer output)",
            lambda i: re.search(r"[)”]$", _before(i)) is not None and _genre(i) == "technical"),
    Pattern("SP003", "SP003 deletes the space before a shell `.` argument or `;` operator in a listing or table",
            lambda i: _genre(i) == "technical"),
    Pattern("SP003", "SP003 in a `Label : value` price list",
            lambda i: True),
    # TY002
    Pattern("TY002", "TY002 removes spaces inside shell `[ … ]` tests, `( … )` subshells and syntax synopses",
            lambda i: _genre(i) == "technical" and "|" not in _before(i)[-12:] + _after(i)[:12]),
    Pattern("TY002", "TY002 removes padding inside a quoted table cell",
            lambda i: _genre(i) == "technical"),
    Pattern("TY002", "TY002 removes the space between nested closing quotes (`,’ ”`)",
            lambda i: re.search(r"’ $", _before(i)) is not None),
    Pattern("TY002", "TY002 removes spaces the scraped source put inside quotes or brackets (`“ feather duvet lung. ”`, `[ Bloomberg ]`)",
            lambda i: True),
    # SP002
    Pattern("SP002", "SP002 splits a colon or semicolon inside an identifier (`root:root`, `bin:pkg`, `${binary:Version}`, `TL;DR`)",
            lambda i: True),
    # RP001
    Pattern("RP001", "RP001 deletes a case-different repeat that is no repeat (`a A$2.5`, `AND and`)",
            lambda i: i.get("old", "").strip()[:1].isupper() or "A$" in i.get("context", "")
            or "AND and" in i.get("context", "")),
    Pattern("RP001", "RP001 safe-deletes a legitimately doubled function word (`rushed in in such`, `told you you might`)",
            lambda i: _genre(i) == "fiction"),
    Pattern("RP001+SP004", "SP004 collapses alignment spaces in listings, command output and tables",
            lambda i: True),
    # Quote pairing
    Pattern("SP006+TY002", "SP006/TY002 pair straight quotes wrongly (mixed “” and \", or quotes in table cells) and move the space to the wrong side",
            lambda i: True),
    Pattern("SP006", "SP006 inserts a space between a quoted path or token and the word glued to it (`\"/usr/lib/\"package`)",
            lambda i: True),
    Pattern("SP003+TY002", "TY002 removes spaces inside shell `[ … ]` tests, `( … )` subshells and syntax synopses",
            lambda i: True),
    # SP001
    Pattern("SP001", "SP001 inserts a space after a comma in command arguments and table cells (`chmod u=rw,go=r`, `jpeg,png`)",
            lambda i: _genre(i) == "technical"),
    Pattern("QT004", "QT004 turns a backtick used as a quote mark into an apostrophe (`` `chroot`ed ``)",
            lambda i: True),
    Pattern("QT001", "QT001 turns an ʻokina-like `‘` inside a name into `’` (`Tupouto‘a`)",
            lambda i: True),
]


def categorise(item: dict) -> str:
    for pattern in PATTERNS:
        if pattern.rule == item.get("rule") and pattern.test(item):
            return pattern.label
    return f"other {item.get('rule')}"
