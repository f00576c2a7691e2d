"""Protected tokens: the tokens that look like punctuation problems but are not (URLs, e-mail
addresses, domains and dotted names, file names and paths, numbers, times, versions, emoticons,
code-like tokens), found in a span of lines of a document's view.

No token crosses a line break, so the lines of a document can be judged apart: the shared
analysis (``copyfix.text.analysis``) judges only the lines that hold a finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from copyfix.model import Span
from copyfix.patterns import lazy_compile

_TRAIL = "[^\\s<>\"“”‘’`\ufffc]*[^\\s<>\"“”‘’`\ufffc.,;:!?)\\]}'*_]"
#: A URL, with or without a scheme (a final punctuation mark is the sentence's), and an e-mail
#: address, as patterns (``copyfix.text.links`` finds the links cited in a line with them).
URL = rf"(?<![a-zA-Z0-9+.-])(?:[a-zA-Z][a-zA-Z0-9+.-]*+://|www\.|mailto:){_TRAIL}"
EMAIL = r"(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+"
# Each pattern with the characters its match must hold one of: a run of non-space characters
# is searched only with the patterns it can match (see ``_protected_in``).
_PROTECTED_PATTERNS: list[tuple[str, str]] = [
    # URLs, with or without a scheme; a final punctuation mark is the sentence's, not the URL's
    (URL, ":."),
    # e-mail addresses
    (EMAIL, "@"),
    # paths: ~/.bashrc, ./run.sh, ../x, /usr/bin, C:\Users, a/b/c.txt
    (r"(?<![\w/])(?:~|\.{1,2})?(?:/[\w.@%+~-]+)+/?", "/"),
    (r"\b[A-Za-z]:\\[^\s\"“”]*", "\\"),
    (r"(?<![\w.-])[\w.-]++(?:/[\w.-]+)+", "/"),
    # dotfiles and extensions: .NET, .txt, .bashrc
    (r"(?<![\w.])\.(?:[a-z_][\w-]*|[A-Z\d]{2,}\b)(?:\.[\w-]+)*", "."),
    # numbers with separators, versions, IP addresses, times, ratios, coordinates, money
    (r"(?<![\w.])[v#$€£¥]?\d+(?:[.,:]\d+)+(?:[-+][\w.]+)?\w*", ".,:"),
    (r"(?<![\d.])\d++(?:\.\d+)?,-?\d+(?:\.\d+)?", ","),
    # qualifiers and prefixes: is:open, label:bug, node:timers, IP:port, tl;dr
    (
        (
            r"\b(?:is|label|node|npm|type|user|org|repo|author|path|file|git|ssh|data|urn|lang"
            r"|in|on):[\w\"][\w.-]*"
        ),
        ":",
    ),
    (r"\b\p{Lu}{2,}:\p{L}\w*", ":"),
    (r"\b(?i:tl;dr)\b", ";"),
    # shell brace expansions and type unions: {publish,search,login}, {x86_64,i686}; and
    # coordinates and parameter lists in square brackets: [row,1], [top;left;bottom;right]
    (r"\{[^\s{}]*,[^\s{}]*\}", "{"),
    (r"\[[^\s\[\],;]++[,;][^\s\[\]]++\]", "["),
    # code-like tokens: std::vector, snake_case, call(), a.b.c chains with a known suffix
    (r"(?<!\w)\w++(?:::\w+)+", ":"),
    (r"\b\w*_\w+\b", "_"),
    (r"(?<![\w.])\w++(?:\.\w++)*+(?<=\.\w+)\(\)?", "("),
    # string literals with a prefix (r"raw", b"bytes") and quoted values without spaces
    # ("bold,underline", “-doc,libfoo1,libfoo-dev”, 'START,END'), written as they must be typed
    (r"(?<![\w\"])[rRbBuUfF]{1,2}\"[^\"\s]*+\"", '"'),
    (r"(?<![\w\"“'‘])[\"“'‘][^\"“”'‘’\s,]++(?:,[^\"“”'‘’\s,]++)++[\"”'’]", "\"“'‘"),
    # a quoted token with punctuation glued inside it ("m!World!", "lb;oz"): a literal, as
    # no sentence fits in one token
    (r"(?<![\w\"“])[\"“][^\"“”\s]*?[!.;:?][\p{L}\d][^\"“”\s]*+[\"”]", '"“'),
    # emoticons, vim commands, emoji shortcodes
    (r"(?<![\w:])[:;=8][-^']?[()DPpO3\[\]|/\\*]+(?![\w])", ":;=8"),
    (r"(?<![\w:]):[a-z!]{1,3}\b(?!:)", ":"),
    (r":[a-z0-9_+-]+:", ":"),
    # regular-expression classes and quantifiers: [a-z]{2,5}. A class holds no "[" (so a run
    # of "[" costs one step per bracket, not a scan to the end of the run from each).
    (r"\[[^\]\s\[]*+\][*+?]?\{\d+(?:,\d*)?\}", "["),
    (r"\[\^?[\w\\]-[\w\\]+\]", "["),
    # HTML entities
    (r"&#?\w+;", "&"),
    # option values and modes joined by commas: -g+w,o+w, u+w,a+X, key=a,b; and the value
    # that follows an option: "-type l,d", "--exclude a,b"
    (r"(?<![\w-])[\w-]*[+=]\w[\w+=-]*(?:,[\w+=-]+)+", "+="),
    (r"(?<=(?<![^\s'\"‘“(])--?\p{L}[\w-]*[ \t]+)[\w.+-]+(?:,[\w.+-]+)+", ","),
    # printf-style conditional and named formats: %(A=B?T:E), %(name)s
    (r"%\([^\s()]*\)", "%"),
    # compact lists of one- or two-character items, written without spaces on purpose:
    # R,G,B,R,G,B,..., en,fr,de, x,y,z (a glued comma between words is still a slip)
    (r"(?<![\w,])(?:[\p{L}\d]{1,2},){2,}(?:[\p{L}\d]{1,2}|\.\.\.|…)(?![\w])", ","),
    # shell, Make and template variables: ${name}, ${name?value}, ${shlibs:Depends}
    (r"\$\{[^\s{}]*+\}", "$"),
]
# A run of non-space characters with a trigger character inside it (not only at its edges, as
# in "end." or "(see"), an emoticon standing alone, or a prefixed string literal (r"...").
_CANDIDATE = lazy_compile(
    r"(?<!\S)(?=\S*?[.,:;!?@/\\_{}()\[\]&=*|](?=[^\s,;?)\]}”’']))\S++"
    r"|(?<!\S)[:;=8][-^']?[()DPpO3\[\]|/\\*]+(?!\S)"
    r"|(?<![^\s\ufffc])[rRbBuUfF]{1,2}\"\S++"
)
# What makes a run of non-space characters a candidate, found without reading every run: a
# trigger followed by a character of the run (alternative 1), a run that begins with an
# emoticon's eyes (2), a prefixed string's quote (3). Searching only the runs that hold one
# gives the matches of a search of the whole text, about six times faster.
_CANDIDATE_HINT = lazy_compile(
    r"[.,:;!?@/\\_{}()\[\]&=*|](?=[^\s,;?)\]}”’'])|(?<!\S)[:;=8]|(?<=[rRbBuUfF])\""
)
_RUN_BEFORE = lazy_compile(r"\S*+", regex.REVERSE)
_RUN_AFTER = lazy_compile(r"\S*+")


def candidate_chunks(
    view: str, pos: int = 0, endpos: int | None = None
) -> Iterator[regex.Match[str]]:
    """The matches of ``_CANDIDATE`` in ``view[pos:endpos]``, in order: each run of non-space
    characters that holds a hint is searched once, from its start to its end. Linear: a run is
    read once however many hints it holds. ``pos`` and ``endpos`` must not cut a run."""
    searched_to = -1
    hints = _CANDIDATE_HINT.finditer(view, pos, len(view) if endpos is None else endpos)
    for hint in hints:
        at = hint.start()
        if at < searched_to:
            continue
        start = _RUN_BEFORE.match(view, 0, at).start()
        searched_to = _RUN_AFTER.match(view, at).end()
        yield from _CANDIDATE.finditer(view, start, searched_to)


# A quotation of prose ("refers to a value, but ...") has runs of ordinary words; code has not.
# A lone "." or ".." as the last word is a directory argument: "vim .", "cd ..". A printf
# conversion makes a format string: "Description:   %s"; an option a command line:
# "-type f,d,l"; a name starting with a dot a file name: "dir-merge,e .rules". Manuals rendered
# from Texinfo or old man pages quote code as `ls -l'.
_CODE_IN_QUOTES = (
    r"(?:[()\[\]{}=_<>|\\]|\w\.\w|(?<=\S) \.{1,2}(?=[\"'])|%-?\d*[sdifux]\b"
    r"|(?<=[\"` ])--?\p{L}|(?<=[\"` ])\.\p{L})"
)
_QUOTED_CODE = lazy_compile(
    r'"(?=[^"\n]{0,80}")(?![^"\n]*?\b\p{L}{2,} \p{L}{2,} \p{L}{2,}\b)'
    rf'[^"\n]*?{_CODE_IN_QUOTES}[^"\n]*?"'
    r"|`(?=[^`'\n]{0,80}')(?![^`'\n]*?\b\p{L}{2,} \p{L}{2,} \p{L}{2,}\b)"
    rf"[^`'\n]*?{_CODE_IN_QUOTES}[^`'\n]*?'"
)
_TRIGGERS = lazy_compile(
    "[" + regex.escape("".join(sorted({c for _, t in _PROTECTED_PATTERNS for c in t}))) + "]"
)


# The trigger characters in a few classes: a run is searched with the patterns of every class
# it holds a character of. Patterns whose characters the run lacks are among them at times,
# which changes nothing (they cannot match), and the classes keep the number of alternations
# compiled small (each takes a few milliseconds): at most one per set of classes.
_CLASSES = (".", ",", ":;=8", '("')
_CLASS_OF = {c: i for i, chars in enumerate(_CLASSES) for c in chars}
_OTHER = len(_CLASSES)  # every other trigger: @ / \\ { _ [ & + % $
_PATTERNS_OF_CLASS: tuple[frozenset[int], ...] = tuple(
    frozenset(
        i
        for i, (_, triggers) in enumerate(_PROTECTED_PATTERNS)
        if any(_CLASS_OF.get(c, _OTHER) == k for c in triggers)
    )
    for k in range(len(_CLASSES) + 1)
)


def _alternation_source(wanted: frozenset[int]) -> str:
    """The patterns ``wanted`` (indices into ``_PROTECTED_PATTERNS``), in their order, as the
    source of one alternation."""
    chosen = [p for i, (p, _) in enumerate(_PROTECTED_PATTERNS) if i in wanted]
    return "|".join(f"(?:{p})" for p in chosen) or "(?!)"


@lru_cache(maxsize=256)
def _alternation(wanted: frozenset[int]) -> regex.Pattern[str]:
    """The alternation of the patterns ``wanted``, compiled. Leaving out a pattern that cannot
    match changes nothing, and the fewer alternatives the engine tries at each position, the
    faster it goes: a run such as "(the" needs one."""
    return regex.compile(_alternation_source(wanted), regex.V0)


# Every pattern: what a run holding all the triggers is searched with. Named at module level so
# that tests/test_regex_safety.py checks the whole alternation.
_PROTECTED = lazy_compile(_alternation_source(frozenset(range(len(_PROTECTED_PATTERNS)))), regex.V0)


def _protected_in(view: str, start: int, end: int, run: str) -> Iterator[regex.Match[str]]:
    """The matches of all the protected patterns in ``view[start:end]``, the run ``run``: only
    the patterns whose match may hold one of the run's trigger characters are tried."""
    classes = {_CLASS_OF.get(c, _OTHER) for c in _TRIGGERS.findall(run)}
    wanted = frozenset().union(*(_PATTERNS_OF_CLASS[k] for k in classes))
    return _alternation(wanted).finditer(view, start, end)


_DOTTED = lazy_compile(r"(?<![\w.@])[\p{L}\d][\w-]*(?:\.[\w-]+)*\.(\p{Ll}[\w]*)\b")
_ARGUMENTS = lazy_compile(r"\w*+\([^\s(),]*+(?:,[^\s(),]*+)+\)")
# A name that starts with a dot and a known suffix, capitalised: ".Net", ".Com".
_DOT_NAME = lazy_compile(r"(?<![\w.])\.(\p{Lu}\p{Ll}+)\b")


def protected_tokens(view: str, lo: int, hi: int, suffixes: frozenset[str]) -> list[Span]:
    """The protected tokens of ``view[lo:hi]`` (code points), where ``lo`` starts a line and
    ``hi`` ends one; ``suffixes`` are the lexicon's dotted suffixes (``js`` in ``Node.js``).
    Linear in ``hi - lo``."""
    stop = min(hi + 1, len(view))  # lookaheads see the line break, as in the whole text
    # Every protected token lies within one run of non-space characters that holds a trigger
    # character inside it; ordinary words, even with punctuation at their edges, are skipped in
    # one pass instead of trying every pattern at every position.
    # Code quoted in straight quotes, as plain-text renderings of docs write it:
    # "divmod(x,y)[0]", "numbers.Real".
    spans = [Span(*m.span()) for m in _QUOTED_CODE.finditer(view, lo, stop)]
    for chunk in candidate_chunks(view, lo, stop):
        start, end = chunk.span()
        spans += [Span(*m.span()) for m in _protected_in(view, start, end, chunk.group())]
        if "(" in chunk.group():
            # Arguments of a call or a device, written without spaces: f(a,1.0.0), (hd0,msdos2);
            # with a digit among them, so "(red,green)" is still a slip.
            spans += [
                Span(*m.span())
                for m in _ARGUMENTS.finditer(view, start, end)
                if any(c.isdigit() for c in m.group())
            ]
        if "." in chunk.group():
            spans += [
                Span(*m.span())
                for pattern in (_DOTTED, _DOT_NAME)
                for m in pattern.finditer(view, start, end)
                if m.group(1).lower() in suffixes
            ]
    return spans


# A unit's tokens depend on its text and on the characters just around it, nothing else: they
# are kept for the paragraphs of recent documents, so the passes of a fix, an editor's re-check
# after a keystroke and a corpus's repeated boilerplate judge an unchanged paragraph once.
_MEMO_MAX_UNIT = 20_000


def document_tokens(view: str, suffixes: frozenset[str]) -> list[Span]:
    """The protected tokens of the whole of ``view``, as ``protected_tokens`` finds them,
    judged paragraph by paragraph (runs of lines between blank lines; no token crosses a line
    break and no pattern looks past the character next to a line break). Linear."""
    spans: list[Span] = []
    start, size = 0, len(view)
    while start < size:
        end = view.find("\n\n", start)
        end = size if end < 0 else end
        if end > start:
            lo = max(0, start - 1)  # the character before, as the patterns look behind
            unit = view[lo : min(size, end + 1)]
            if len(unit) > _MEMO_MAX_UNIT:
                found = _unit_tokens.__wrapped__(unit, start - lo, suffixes)
            else:
                found = _unit_tokens(unit, start - lo, suffixes)
            spans += [Span(lo + a, lo + b) for a, b in found]
        start = end + 2
    return spans


@lru_cache(maxsize=4096)
def _unit_tokens(unit: str, offset: int, suffixes: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """The tokens of ``unit[offset:]`` less its last character when that is the line break
    after the paragraph (offsets into ``unit``)."""
    hi = len(unit) - 1 if unit.endswith("\n") else len(unit)
    return tuple((t.start, t.end) for t in protected_tokens(unit, offset, hi, suffixes))
