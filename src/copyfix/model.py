"""Core value types shared by rules, the engine, the fixer and the reporters."""

from __future__ import annotations

import enum
import itertools
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open range ``[start, end)`` of code-point offsets into a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``span`` with ``replacement``: an empty replacement deletes, an empty span inserts."""

    span: Span
    replacement: str

    @classmethod
    def insert(cls, at: int, text: str) -> Edit:
        return cls(Span(at, at), text)

    @classmethod
    def delete(cls, start: int, end: int) -> Edit:
        return cls(Span(start, end), "")

    @classmethod
    def replace(cls, start: int, end: int, text: str) -> Edit:
        return cls(Span(start, end), text)


class Applicability(enum.IntEnum):
    """How sure a fix is: ``fix`` applies SAFE, ``--unsafe-fixes`` adds UNSAFE, DISPLAY_ONLY never."""

    DISPLAY_ONLY = 0
    UNSAFE = 1
    SAFE = 2

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", "-")


class FixAvailability(enum.Enum):
    """Whether a rule's findings come with a fix, in ruff's terms; checked against the rule's
    examples by ``copyfix.testing``."""

    ALWAYS = "always"
    SOMETIMES = "sometimes"
    NEVER = "never"


class WordContext(enum.Enum):
    """Which words a rule's safe fix depends on (see ``Analysis.ordinary_around``)."""

    #: Spacing and quote glyphs: safe whatever the words.
    NONE = "none"
    #: Every token the edit touches, on both sides (``late.We``, a recased or repeated word).
    AROUND = "around"
    #: Only the tokens from the edit on (after a comma any word may stand before it).
    AFTER = "after"


class Severity(enum.IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"expected one of error, warning, info, got {value!r}") from None


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability
    title: str

    @property
    def span(self) -> Span:
        return Span(min(e.span.start for e in self.edits), max(e.span.end for e in self.edits))


@dataclass(frozen=True, slots=True)
class Violation:
    """What a rule yields: where, what is wrong, and optionally how to fix it."""

    span: Span
    message: str
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A violation stamped by the engine with the rule's identity, severity and position."""

    path: str
    code: str
    name: str
    severity: Severity
    span: Span
    message: str
    fix: Fix | None
    line: int
    column: int
    end_line: int
    end_column: int
    family: str = ""

    @property
    def fixable(self) -> bool:
        return self.fix is not None and self.fix.applicability > Applicability.DISPLAY_ONLY


def family_of(code: str) -> str:
    """A rule's family: the letters its code starts with (``SP`` for ``SP001``, ``ABC`` for a
    pack's ``ABC001``)."""
    return "".join(itertools.takewhile(str.isalpha, code))


class DocumentKind(enum.Enum):
    """A file's format: chosen by extension, by a ``formats`` glob in config or by
    ``--format-type``."""

    TEXT = "text"
    MARKDOWN = "markdown"
    MDX = "mdx"
    RST = "rst"

    @property
    def is_markdown(self) -> bool:
        """Markdown and the formats built on it (MDX): hard breaks, code spans, straight quotes
        around literal strings mean what they mean in Markdown."""
        return self in (DocumentKind.MARKDOWN, DocumentKind.MDX)


@dataclass(frozen=True, slots=True)
class Example:
    """A documented example, checked by ``copyfix.testing``.

    A bad example is flagged; ``fixed`` is what fixing it gives (with unsafe fixes if
    ``unsafe``), or None for a report-only case whose text no fix changes. A good example
    (``flagged`` False, ``fixed`` None) must stay silent.
    """

    text: str
    fixed: str | None = None
    kind: DocumentKind = DocumentKind.TEXT
    unsafe: bool = False
    flagged: bool | None = None

    @property
    def is_bad(self) -> bool:
        return self.flagged if self.flagged is not None else self.fixed is not None


def bad(
    text: str, fixed: str | None = None, *, markdown: bool = False, unsafe: bool = False
) -> Example:
    """A text the rule must flag; fixing it (with unsafe fixes if ``unsafe``) gives ``fixed``.

    Leave ``fixed`` out for a report-only case: no fix, safe or unsafe, changes the text.
    """
    kind = DocumentKind.MARKDOWN if markdown else DocumentKind.TEXT
    return Example(text, fixed, kind, unsafe, flagged=True)


def good(text: str, *, markdown: bool = False) -> Example:
    """A text the rule must leave silent."""
    kind = DocumentKind.MARKDOWN if markdown else DocumentKind.TEXT
    return Example(text, None, kind, flagged=False)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    code: str
    name: str
    summary: str
    severity: Severity
    fixable: bool
    family: str
    doc: str = ""
    examples: tuple[Example, ...] = field(default=())
    fix_availability: FixAvailability = FixAvailability.SOMETIMES
