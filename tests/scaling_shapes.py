"""Generated inputs of many shapes, for the scaling test and the benchmark.

Each shape is a function of a size in characters that returns text of about that size, so the
same shape can be built at two sizes and the lint times compared. The shapes are the ones that
have made a linter superlinear before: many gaps of the same kind, many blocks, long runs of one
character, deep nesting. Generation is deterministic (seeded), and uses no files of the machine.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from copyfix.model import DocumentKind

WORDS = (
    "the a of to and in that it with as for was on are be by this from at or an have not which "
    "editor report text file line word page river city council market water school table morning "
    "evening letter garden window street station history science music figure chapter system "
    "quickly slowly often never always rather quite very almost simply clearly"
).split()
NAMES = ["Alder", "Brook", "Carver", "Dunmore", "Ellery", "Fairfax", "Garnet", "Hollis"]


def _sentence(r: random.Random, n: int | None = None) -> str:
    words = [r.choice(WORDS) for _ in range(n or r.randint(6, 16))]
    if r.random() < 0.3:
        words[r.randrange(len(words))] = r.choice(NAMES)
    s = " ".join(words)
    return s[0].upper() + s[1:] + r.choice(".....?!")


def _fill(size: int, piece: Callable[[random.Random], str], sep: str = "\n\n") -> str:
    """Pieces from ``piece`` joined by ``sep`` until the text holds ``size`` characters."""
    r = random.Random(size)
    out: list[str] = []
    total = 0
    while total < size:
        p = piece(r)
        out.append(p)
        total += len(p) + len(sep)
    return sep.join(out) + "\n"


def two_space(size: int) -> str:
    return _fill(size, lambda r: "  ".join(_sentence(r) for _ in range(r.randint(2, 4))))


def short_paragraphs(size: int) -> str:
    """Thousands of paragraphs of two short lines each: per-paragraph work that looks at the
    whole document is quadratic here."""
    return _fill(size, lambda r: f"{_sentence(r, 2)}\n{_sentence(r, 2)}")


def long_lists(size: int) -> str:
    return _fill(size, lambda r: "\n".join(f"- {_sentence(r, 5)[:-1]};" for _ in range(40)))


def table(size: int) -> str:
    # One table whose row count grows with the size (10,000 rows at about 300 kB).
    r = random.Random(size)
    rows = ["| Name | Note | Count |", "|---|---|---|"]
    total = 0
    while total < size:
        note = f"{r.choice(WORDS)} ,{r.choice(WORDS)}"
        row = f"| {r.choice(NAMES)}  x | {note} | {r.randint(1, 99)} |"
        rows.append(row)
        total += len(row) + 1
    return "Some text before the table.\n\n" + "\n".join(rows) + "\n"


def repeated_lines(size: int) -> str:
    def piece(r: random.Random) -> str:
        line = _sentence(r, 10)
        return "\n".join([line] * 3 + [_sentence(r) for _ in range(3)])

    return _fill(size, piece)


def many_same_lines(size: int) -> str:
    """One paragraph made of the same line again and again."""
    line = "The same line of text, once more."
    return "\n".join([line] * (size // (len(line) + 1))) + "\n"


def quotes(size: int) -> str:
    return _fill(
        size,
        lambda r: " ".join(
            f"“{_sentence(r, 5)}” she said, ‘{r.choice(WORDS)}’ and \"{r.choice(WORDS)}\"."
            for _ in range(3)
        ),
    )


def open_quotes(size: int) -> str:
    """Quotations that never close, in one paragraph: every quote scan looks for a partner."""
    r = random.Random(size)
    parts: list[str] = []
    total = 0
    while total < size:
        p = f"“{_sentence(r, 6)} "
        parts.append(p)
        total += len(p)
    return "".join(parts) + "\n"


def names(size: int) -> str:
    return _fill(
        size,
        lambda r: " ".join(
            f"{r.choice(NAMES)} met {r.choice(NAMES).lower()} and {r.choice(NAMES)}."
            for _ in range(4)
        ),
    )


def many_distinct_names(size: int) -> str:
    """Thousands of different capitalised words, each also written in lower case once."""
    r = random.Random(size)
    out: list[str] = []
    total = 0
    i = 0
    while total < size:
        name = "Q" + "".join(r.choice("bcdfghklmnprstvz") for _ in range(6)) + str(i)
        s = f"Then {name} spoke to {name.lower()} and {r.choice(NAMES)} about it."
        out.append(s)
        total += len(s) + 1
        i += 1
    return "\n\n".join(" ".join(out[i : i + 3]) for i in range(0, len(out), 3)) + "\n"


def names_used_often(size: int) -> str:
    """Thousands of different names of many lengths, each written capitalised three times
    mid-sentence and once in lower case: every one is a name the case check looks for, so
    their number grows with the text."""
    r = random.Random(size)
    out: list[str] = []
    total = 0
    while total < size:
        name = "Q" + "".join(r.choice("bcdfghklmnprstvz") for _ in range(r.randint(3, 18)))
        s = (
            f"We met {name} there, saw {name} again and asked {name} about the {name.lower()} "
            "they mentioned."
        )
        out.append(s)
        total += len(s) + 1
    return "\n\n".join(" ".join(out[i : i + 3]) for i in range(0, len(out), 3)) + "\n"


def one_long_line(size: int) -> str:
    r = random.Random(size)
    parts: list[str] = []
    total = 0
    while total < size:
        s = _sentence(r)
        parts.append(s)
        total += len(s) + 1
    return " ".join(parts) + "\n"


def suppressions(size: int) -> str:
    def piece(r: random.Random) -> str:
        return (
            "<!-- copyfix: disable-next-line SP001 -->\n"
            f"{_sentence(r, 6)[:-1]} ,then more.\n\n"
            "<!-- copyfix: disable RP001 -->\n"
            "It was the the end, teh [sic] end.\n\n"
            "<!-- copyfix: enable RP001 -->\n"
            f"{_sentence(r)}"
        )

    return _fill(size, piece)


def nested_brackets(size: int) -> str:
    depth = max(1, size // 12)
    return "(" * depth + "deep words" + ")" * depth + " and (" * depth + "open.\n"


def nested_list(size: int) -> str:
    """A list nested as deep as the size allows (1,000 levels at about 1 MB)."""
    lines: list[str] = []
    total = 0
    depth = 0
    while total < size:
        line = "  " * depth + f"- item at depth {depth} with some words."
        lines.append(line)
        total += len(line) + 1
        depth += 1
    return "\n".join(lines) + "\n"


def deep_markup(size: int) -> str:
    """Lines that each open 1,000 nested lists or block quotes: ``- - - ... item``."""
    lines: list[str] = []
    total = 0
    while total < size:
        marker = "- " if len(lines) % 2 == 0 else "> "
        line = marker * 1000 + "an item, deep down."
        lines.extend((line, ""))
        total += len(line) + 2
    return "\n".join(lines) + "\n"


def spaces_between_letters(size: int) -> str:
    return "a" + " " * size + "b\n"


def spaces_before_a_dash(size: int) -> str:
    """A run of spaces ending in a dash that starts no option (a bullet): a pattern that looks
    for an option after any space tries the whole run from each space."""
    return "a" + " " * size + "- b\n"


def open_brackets(size: int) -> str:
    return "[" * size + "\n"


def punctuation_runs(size: int) -> str:
    """Long runs of the characters rules look for: periods, commas, colons, quotes, dashes."""
    unit = max(1, size // 8)
    return "".join(c * unit + " x " for c in ".,:;!?'\"-") + "\n"


def licence(size: int) -> str:
    """Text in the style of a software licence: numbered clauses, defined terms in quotes,
    capitalised disclaimers, wrapped lines."""

    def piece(r: random.Random) -> str:
        n = r.randint(1, 20)
        term = r.choice(NAMES)
        clause = " ".join(_sentence(r) for _ in range(3))
        wrapped = "\n".join(clause[i : i + 72] for i in range(0, len(clause), 72))
        return (
            f"{n}. Definitions.\n\n"
            f'"{term}" shall mean the work of authorship, whether in Source or Object form, '
            f'made available under the License, as indicated by a copyright notice (see '
            f"Section {n}(a)(ii)).\n\n{wrapped}\n\n"
            "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\n"
            "IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY.\n\n"
            "   Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>"
        )

    return _fill(size, piece)


#: name -> (builder, size in characters at which the small run takes a measurable time)
SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    "two-space": (two_space, 40_000),
    "short-paragraphs": (short_paragraphs, 80_000),
    "long-lists": (long_lists, 40_000),
    "table": (table, 40_000),
    "repeated-lines": (repeated_lines, 40_000),
    "many-same-lines": (many_same_lines, 40_000),
    "quotes": (quotes, 40_000),
    "open-quotes": (open_quotes, 40_000),
    "names": (names, 40_000),
    "many-distinct-names": (many_distinct_names, 40_000),
    "names-used-often": (names_used_often, 40_000),
    "one-long-line": (one_long_line, 40_000),
    "suppressions": (suppressions, 40_000),
    "nested-brackets": (nested_brackets, 40_000),
    "nested-list": (nested_list, 40_000),
    "deep-markup": (deep_markup, 40_000),
    "spaces-between-letters": (spaces_between_letters, 25_000),
    "spaces-before-a-dash": (spaces_before_a_dash, 25_000),
    "open-brackets": (open_brackets, 25_000),
    "punctuation-runs": (punctuation_runs, 100_000),
    "licence": (licence, 40_000),
}

KINDS = (DocumentKind.TEXT, DocumentKind.MARKDOWN)
