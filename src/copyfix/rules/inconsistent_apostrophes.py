from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from copyfix.model import Applicability, Edit, FixAvailability, Violation, bad, good
from copyfix.patterns import lazy_compile
from copyfix.rules.base import Rule, violation

if TYPE_CHECKING:
    from copyfix.text.document import Document

# Only the apostrophes of contractions and possessives (it's, doesn't, Harold's): a quote
# inside code (f'text') is not an apostrophe.
_APOSTROPHE = lazy_compile(r"(?<=\p{L})(['’])(?=(?:s|t|re|ve|ll|d|m)(?![\p{L}\p{M}]))")


# What only Hugo reads: a shortcode ({{< name >}}, {{% name %}}) or TOML front matter; what
# only kramdown (Jekyll's renderer) reads: an attribute list on a line of its own ({:.class});
# a page layout named in YAML front matter (Jekyll, Astro).
_SMART_QUOTES_MARKER = lazy_compile(
    r"\{\{[<%]|\A\+\+\+[ \t]*\r?\n|^\{:[^}\n]*\}[ \t]*$"
    r"|\A---[ \t]*\r?\n(?:(?!---)[^\n]*\n){0,40}?layout:",
    regex.M,
)


def _rendered_with_smart_quotes(text: str) -> bool:
    """True for a Markdown page whose renderer curls every straight apostrophe, so that a mix
    in the source is invisible on the page: Hugo's Goldmark runs its Typographer extension
    (gohugo.io, "Configure markup", ``extensions.typographer``), Jekyll's kramdown its
    typographic conversion (kramdown ``smart_quotes``) and Astro remark-smartypants, each on
    by default."""
    return _SMART_QUOTES_MARKER.search(text) is not None


class InconsistentApostrophes(Rule):
    """Flags straight and curly apostrophes mixed in one document.

    ## What it does
    Counts the apostrophes inside words (`it's`, `doesn’t`). When both `'` and `’` appear,
    each apostrophe of the less common kind is flagged and replaced with the more common one.

    ## Why is this bad?
    Mixed apostrophes come from pasting text from different sources; they look uneven and
    break searches for a word.

    A page whose renderer curls every straight apostrophe by default is left alone: Hugo's (a
    shortcode or TOML front matter), Jekyll's kramdown (an attribute list such as `{:.note}`)
    and pages that name a `layout:` in their front matter (Jekyll, Astro).

    ## Fix safety
    Unsafe when one kind is used at least twice as often as the other (only the glyph
    changes, but the other kind may belong to quoted or pasted material the writer keeps as
    it is); with no clear majority the finding has no fix.
    """

    code = "QT005"
    name = "inconsistent-apostrophes"
    fix_availability = FixAvailability.SOMETIMES
    summary = "Straight and curly apostrophes mixed"
    guarded = False
    examples = (
        bad("It’s a nice idea. But it doesn’t work, and it's late.",
            "It’s a nice idea. But it doesn’t work, and it’s late.", unsafe=True),
        bad("It's a nice idea. But it doesn’t work.", "It's a nice idea. But it doesn’t work."),
        good("It’s a nice idea. But it doesn’t work."),
        good("It's a nice idea. But it doesn't work."),
        good("+++\ntitle = 'Home'\n+++\n\nIt's a nice idea. But it doesn’t work.", markdown=True),
        good("---\nlayout: post\n---\n\nIt's a nice idea. But it doesn’t work.", markdown=True),
        good("It's a nice idea.\n{:.note}\n\nBut it doesn’t work.", markdown=True),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        if doc.kind.is_markdown and _rendered_with_smart_quotes(doc.text):
            return
        marks = [(m.start(), m.group()) for m in _APOSTROPHE.finditer(doc.view)]
        straight = sum(1 for _, c in marks if c == "'")
        curly = len(marks) - straight
        if not straight or not curly:
            return
        usual = "’" if curly >= straight else "'"
        minority = min(straight, curly)
        fixable = max(straight, curly) >= 2 * minority
        for pos, char in marks:
            if char == usual:
                continue
            edits = (Edit.replace(pos, pos + 1, usual),) if fixable else ()
            how = "mostly" if curly != straight else "as often"
            yield violation(
                pos, pos + 1,
                f"{_NAMES[char]} apostrophe ({char}) where this document {how} uses a"
                f" {_NAMES[usual].lower()} one ({usual})",
                *edits, title=f"Replace with {usual}", applicability=Applicability.UNSAFE,
            )


_NAMES = {"'": "Straight", "’": "Curly"}
