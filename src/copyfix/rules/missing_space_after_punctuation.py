from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from copyfix.model import (
    Applicability,
    Edit,
    FixAvailability,
    Severity,
    Violation,
    WordContext,
    bad,
    good,
)
from copyfix.patterns import lazy_compile
from copyfix.rules.base import Rule, violation
from copyfix.text.analysis import is_initial_or_acronym
from copyfix.text.blocks import MASK_CHAR
from copyfix.text.links import in_one_token_label
from copyfix.text.words import NEVER_LAST, count

if TYPE_CHECKING:
    from copyfix.text.document import Document

# ". ? !" glued to a capitalised word (late.We), "? !" to any word (Really?Yes), and "; :"
# glued to a word (left;she, Note:this). The lookbehinds keep "...", "::" and "?!" runs out.
_SENTENCE_GLUE = lazy_compile(
    r"(?<=\p{L}[\p{Ll}\p{M}]|[\d]{2}|\ufffc)(\.)(?=\p{Lu}\p{Ll}|[AI][ \t])"
    r"|(?<=[\p{L}\p{M}\d\ufffc])([?!]+)(?=[\p{L}])"
    r"|(?<=[\p{L}\p{M}]{2})([;:])(?=[\p{L}])"
)


class MissingSpaceAfterPunctuation(Rule):
    """Flags sentence punctuation glued to the next word.

    ## What it does
    Finds `late.We`, `Really?Yes`, `left;she` and `Note:this` and inserts a space after the mark.

    Member names are left alone: `idleConf.CurrentTheme`, and `os.Root` in a document that
    writes `os.` before a capitalised name in code, writes the whole name twice, or makes it a
    link's whole label (`[sort.Sort](…)`); so are single letters joined by a mark (`a?b?c`),
    marks that open an emphasis (`**!!!Do not skip!!!**`), a label glued by a colon twice or
    more (`Category:Physics`, a wiki's namespace) and a pair that closes its sentence or
    bracket (`The default is any:any.`, `[-A pane:state]`).

    ## Why is this bad?
    Two sentences or clauses run together read as one garbled word, and later tools (search,
    hyphenation, sentence splitting) treat them as one.

    ## Fix safety
    Safe after `?`, `!` and `;`. After a full stop, safe only where two sentences are certain:
    a common word opens the second (`late.We`) or an abbreviation ends the first (`Capt.Hale`);
    a rarer word may be a member's name (`resources.Minify`). After a colon, safe for a label
    that opens its line (`Note:this`); after a lowercase word it may join two names
    (`root:root`).
    """

    code = "SP002"
    name = "missing-space-after-punctuation"
    fix_availability = FixAvailability.ALWAYS
    lexicon_lists = ("abbreviations", "sentence_openers")
    summary = "Missing space after sentence punctuation"
    needs_words = WordContext.AROUND
    severity = Severity.ERROR
    examples = (
        bad("She was late.We started anyway.", "She was late. We started anyway."),
        bad("Really?Yes, really.", "Really? Yes, really."),
        bad("He left;she stayed.", "He left; she stayed."),
        bad("Own it as root:root today.", "Own it as root: root today.", unsafe=True),
        good("Read the TL;DR and the tl;dr first."),
        bad("Note:this is important.", "Note: this is important."),
        bad("The kettle hissed.A ribbon of steam rose.", "The kettle hissed. A ribbon of steam rose."),
        good("Don;t and I;ve are wrong apostrophes, not missing spaces."),
        bad("power of collaboration.By working", "power of collaboration. By working"),
        good("Visit Archyde.com or read about Node.js and .NET today."),
        good("Edit config.yaml and ~/.bashrc, then run v2.0.1 at 10:30."),
        good("Use std::vector and type :wq to quit."),
        good("See example.org for more, and smile :-) as you go."),
        good("Wait...what happened?"),
        good("Write to jane.doe@example.com or see https://example.com/?q=a:b."),
        good("The U.S. economy grew; e.g. apples sold well. J.R.R. Tolkien, U.S.A."),
        bad("The widow of Capt.Hale and Mr.Jones came.", "The widow of Capt. Hale and Mr. Jones came."),
        good("It was ASP.NET all along."),
        bad("Call resources.Minify first.", "Call resources. Minify first.", unsafe=True),
        bad("Dot.Com Ltd was sold.", "Dot. Com Ltd was sold.", unsafe=True),
        bad("Use tools such as.Google Drive.", "Use tools such as. Google Drive.", unsafe=True),
        bad("Run `x`.This prints.", "Run `x`. This prints.", markdown=True),
        good("Use idleConf.CurrentTheme or ctypes.OleDLL in EditorWindow.HelpDialog."),
        good("* `server` {net.Server} and {string|stream.Readable|Buffer}"),
        good("Wrap `os.Root` well.\n\n## Who should use os.Root?", markdown=True),
        good("It matches a?b?c and not a+."),
        good("**!!!Do not skip this step!!!**", markdown=True),
        good("| Notation | Example |\n|---|---|\n| ! | !COMMENT |", markdown=True),
        good("See Category:Physics and Category:Chemistry. The default is any:any."),
        good("Set it to “foo:bin,foo-doc:doc” or \"a;b\"."),
        good("Use `Squirrel.Mac` there.\n\nSquirrel.Windows builds installers.", markdown=True),
        good("Squirrel.Windows builds installers. Try Squirrel.Windows today."),
        good("The algorithm inside [sort.Sort](/pkg/sort/#Sort) is stable.", markdown=True),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        view = doc.view
        glued: Counter[str] | None = None  # the labels glued to a word by a colon, counted
        for m in _SENTENCE_GLUE.finditer(view):
            mark = m.group(0)
            start, end = m.span()
            if mark == ":" and _looks_like_code_after(view, end):
                continue
            if mark == ":":
                if glued is None:
                    glued = Counter(g.group(1) for g in _GLUED_LABEL.finditer(view))
                if glued[doc.analysis.word_before(start)] >= 2 or _NAME_PAIR.match(view, end):
                    continue  # "Category:Physics" again and again; "any:any.", "pane:state]"
            if mark == ";" and (_entity_before(view, start) or _CONTRACTION.match(view, end, end + 4)):
                continue  # &amp;x, or don;t (a wrong apostrophe, see QT004)
            after_code = view[start - 1 : start] == MASK_CHAR
            if mark == "." and not after_code and (
                is_initial_or_acronym(doc.analysis.word_before(start))
                or _dotted_identifier(view, start, end)
                or _qualified_name(doc, view, start, end)
            ):
                continue  # an abbreviation such as "Capt.Hale" still needs its space
            if mark[0] in "?!" and _letters_apart(doc, view, start, end):
                continue  # "matches a?b?c": single letters joined by a mark are notation
            if len(mark) > 1 and view[start - 1 : start] == MASK_CHAR:
                continue  # "**!!!Do not skip this!!!**": marks that open an emphasis frame it
            if _nothing_written_before(doc.text, start):
                continue  # "| ! | !COMMENT |": no sentence ends before it has a word
            yield violation(
                start, end, f"Missing space after '{mark}'", Edit.insert(end, " "),
                title="Insert a space",
                applicability=(
                    Applicability.SAFE
                    if _certain(doc, view, mark, start, end, after_code)
                    else Applicability.UNSAFE
                ),
            )


# A sentence most often opens with a common word ("We", "The", "It"); a rare word glued to a
# full stop is as likely a member name (``resources.Minify``).
_COMMON_OPENER_COUNT = 1000
_VERY_COMMON_OPENER_COUNT = 20000


def _certain(doc, view: str, mark: str, start: int, end: int, after_code: bool) -> bool:
    if mark == ".":
        return after_code or _reads_as_two_sentences(doc, view, start, end)
    if mark == ":":
        # "Note:this" is a label glued to its text; "root:root", "pkg:any", "username:password"
        # are names joined by a colon: after a lowercase word it may be either. A label opens
        # its line or sentence; mid-sentence ("given as a Name:Value pair") it is a notation.
        label = doc.analysis.word_before(start)
        return not label.islower() and _opens_a_line_or_sentence(view, start - len(label))
    return True


_WORD_CHAR = lazy_compile(r"[\p{L}\p{N}]")


def _nothing_written_before(text: str, pos: int) -> bool:
    """No letter or digit stands between ``pos`` and the start of its line (in the source, so
    that code counts as written): a mark there is a symbol, such as an operator in a table's
    cell, not the end of a sentence. Looks back at most 200 code points."""
    line_start = text.rfind("\n", max(0, pos - 200), pos) + 1
    return pos - line_start < 200 and not _WORD_CHAR.search(text, line_start, pos)


def _opens_a_line_or_sentence(view: str, pos: int) -> bool:
    """True if only white space, markup, a list marker or a sentence's end stands between
    ``pos`` and the start of its line."""
    line_start = view.rfind("\n", max(0, pos - 200), pos) + 1
    before = view[max(line_start, pos - 200) : pos].rstrip(" \t*_>#(\"“'‘" + MASK_CHAR)
    return not before or before.endswith((".", "?", "!", ":", "-", "•")) or before.isdigit()


def _reads_as_two_sentences(doc, view: str, dot: int, after: int) -> bool:
    """``late.We``: a lowercase word (or a name the document uses) ends the first sentence and
    a common word opens the next; ``Capt.Hale``, ``thirteen.Mr.``: an abbreviation takes a
    space. ``Dot.Com``, ``resources.Minify`` may be names: not certain."""
    before = doc.analysis.word_before(dot)
    nxt = _NEXT_TOKEN.match(view, after, after + 80)
    if nxt is None:
        return False
    if doc.lexicon.is_abbreviation(before) or doc.lexicon.is_abbreviation(nxt.group()):
        return True  # "Capt.Hale", "Mr.Jones": an abbreviation always takes a space
    if before.lower() in NEVER_LAST:
        return False  # "tools such as.Google Drive": the stray mark is the slip, not the space
    if before[:1].isupper() and before not in doc.analysis.names:
        # "Orly.Opened" or "Dot.Com": after a capitalised word only a very common opener
        # makes two sentences certain.
        return count(nxt.group()) >= _VERY_COMMON_OPENER_COUNT
    return count(nxt.group()) >= _COMMON_OPENER_COUNT


# A label glued to a word by a colon, and a name joined to a label as a pair that closes its
# sentence, clause or bracket ("session:window.", "[-A pane:state]"): a notation, not a slip.
_GLUED_LABEL = lazy_compile(r"(?<![\p{L}\p{M}])(\p{L}[\p{L}\p{M}]*+):(?=\p{L})")
_NAME_PAIR = lazy_compile(r"[\p{L}\p{M}\d_-]++(?:[.,;:)\]}>]|$)", regex.M)
_CONTRACTION = lazy_compile(r"(?:t|s|ve|re|ll|d|m)(?![\p{L}\p{M}])", regex.I)
_CODE_AFTER = lazy_compile(r"[\p{L}\d]*(?:[:=/@#(\[{<]|\.\p{L})")


def _looks_like_code_after(view: str, pos: int) -> bool:
    """``key:value`` pairs, ``urn:isbn:...`` and ``a:b/c`` are identifiers, not prose."""
    return bool(_CODE_AFTER.match(view, pos, pos + 80))


_CAMEL = lazy_compile(r"\p{L}+\p{Ll}\p{Lu}|\p{Lu}{2,}\p{Ll}")
_NEXT_TOKEN = lazy_compile(r"[\w]+")


def _dotted_identifier(view: str, dot: int, after: int) -> bool:
    """``idleConf.CurrentTheme``, ``ctypes.OleDLL``, ``EditorWindow.HelpDialog``: a name with an
    internal capital on either side of the dot is code, not two sentences."""
    nxt = _NEXT_TOKEN.match(view, after, after + 80)
    i = dot
    while i > 0 and (view[i - 1].isalnum() or view[i - 1] == "_"):
        i -= 1
    before = view[i:dot]
    if _CAMEL.match(before) or (nxt and _CAMEL.match(nxt.group())):
        return True
    # {net.Socket}, (fs.Dirent|Buffer), stream.Readable]: a name in type notation
    opener = view[i - 1 : i]
    closer = view[nxt.end() : nxt.end() + 1] if nxt else ""
    return opener in "{|[<" and opener != "" or closer in "}|]>(" and closer != ""


def _qualified_name(doc, view: str, dot: int, after: int) -> bool:
    """``os.Root``, ``sort.Sort``: a member name, by what the document shows
    (``Analysis.member_names``) or by a Markdown link whose whole label it is."""
    before = doc.analysis.word_before(dot)
    if not before or doc.lexicon.is_abbreviation(before):
        return False  # "Capt.Hale" takes its space however often it is written
    qualifiers, names = doc.analysis.member_names
    nxt = _NEXT_TOKEN.match(view, after, after + 80)
    if before in qualifiers:
        return True
    if doc.kind.is_markdown and in_one_token_label(doc.text, dot):
        return True  # "[sort.Sort](/pkg/sort/#Sort)": a link whose whole label is the name
    # A word that commonly opens a sentence ("test.The") is no member's name, however often the
    # pair recurs (a paragraph copied with its slip).
    return (
        nxt is not None
        and nxt.group().lower() not in doc.lexicon.sentence_openers
        and f"{before}.{nxt.group()}" in names
    )


def _letters_apart(doc, view: str, start: int, end: int) -> bool:
    """A single letter on each side of the mark (``a?b``, ``x!y``)."""
    nxt = _NEXT_TOKEN.match(view, end, end + 80)
    return len(doc.analysis.word_before(start)) == 1 and nxt is not None and len(nxt.group()) == 1


def _entity_before(view: str, pos: int) -> bool:
    i = pos
    while i > 0 and view[i - 1].isalnum():
        i -= 1
    return i > 0 and view[i - 1] in "&#"
