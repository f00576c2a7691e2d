"""The library API behind ``copyfix.lint_text`` and ``copyfix.fix_text``, and the one place
where a text becomes a document, diagnostics and fixed text for every caller (CLI included)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from copyfix.lint.engine import lint_document
from copyfix.lint.fixer import FixResult, fix_loop
from copyfix.lint.registry import Registry, default_registry
from copyfix.model import Diagnostic, DocumentKind, Severity
from copyfix.text.load import build_document, fingerprint_for, kind_for_path
from copyfix.text.tags import DEFAULT_PAIRS, PairedContent

if TYPE_CHECKING:
    from copyfix.rules.base import Rule
    from copyfix.text.lexicon import Lexicon


@dataclass(slots=True)
class Linter:
    """A configured linter: the rules in effect, their severities and the lexicon."""

    registry: Registry
    rules: Sequence[Rule]
    severities: Mapping[str, Severity] = field(default_factory=dict)
    lexicon: Lexicon | None = None
    #: Paired shortcodes the project names as prose or code (``prose-shortcodes``).
    pairs: PairedContent = DEFAULT_PAIRS

    def lint(self, text: str, *, path: str = "-", kind: DocumentKind) -> list[Diagnostic]:
        doc = build_document(text, path=path, kind=kind, lexicon=self.lexicon, pairs=self.pairs)
        try:
            return lint_document(doc, self.rules, self.registry, self.severities)
        finally:
            doc.release()

    def fix(self, text: str, *, path: str = "-", kind: DocumentKind, unsafe: bool) -> FixResult:
        """Fix ``text`` until nothing changes.

        A rule whose fixes do not converge (they still change the text after the last pass, or
        blow it up) has all of its fixes rolled back: the text is fixed again from the start
        without it, so what is returned is always a converged result. The rolled-back rules are
        listed in ``unconverged`` and their findings stay in ``remaining``.
        """
        verify = structure_check(kind, self.pairs)
        rules = list(self.rules)
        dropped: list[str] = []
        refused: list[str] = []
        while True:
            linter = replace(self, rules=rules) if dropped else self
            result = fix_loop(
                text,
                lambda t, lt=linter: lt.lint(t, path=path, kind=kind),
                unsafe=unsafe,
                verify=verify,
            )
            refused += [note for note in result.refused if note not in refused]
            if not result.unconverged:
                break
            dropped += result.unconverged
            rules = [r for r in rules if r.code not in dropped]
        if dropped:
            result.unconverged = sorted(dropped)
            result.refused = refused
            result.remaining = self.lint(result.text, path=path, kind=kind)
        return result


def structure_check(
    kind: DocumentKind, pairs: PairedContent = DEFAULT_PAIRS
) -> _StructureCheck | None:
    """The ``verify`` callable ``fix_loop`` uses for ``kind``: ``verify(before, after)`` is
    False when a pass changed the document's structure (Markdown, MDX, reStructuredText);
    None for plain text, which has no structure to keep."""
    structure = fingerprint_for(kind, pairs)
    return _StructureCheck(structure) if structure is not None else None


class _StructureCheck:
    """Whether a fix kept the document's structure (Markdown, MDX). The text after one pass is
    the text before the next, so each text is parsed once."""

    def __init__(self, fingerprint: Callable[[str], object]) -> None:
        self._fingerprint_of = fingerprint
        self._memo: dict[str, object] = {}

    def _fingerprint(self, text: str) -> object:
        if text not in self._memo:
            if len(self._memo) > 4:
                self._memo.clear()
            self._memo[text] = self._fingerprint_of(text)
        return self._memo[text]

    def __call__(self, before: str, after: str) -> bool:
        return self._fingerprint(before) == self._fingerprint(after)


def make_linter(
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    *,
    registry: Registry | None = None,
) -> Linter:
    registry = registry or default_registry()
    rules = registry.select(
        list(select) if select is not None else None, list(ignore) if ignore else None
    )
    return Linter(registry, rules)


@lru_cache(maxsize=32)
def _shared_linter(select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> Linter:
    return make_linter(select, ignore)


def shared_linter(
    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> Linter:
    """The built-in linter for a selection, built once per process and reused: building the
    registry costs more than checking a short record, and ``fix_text`` over a dataset calls it
    once per record. Rules hold no state between documents, so sharing one is safe."""
    return _shared_linter(
        tuple(select) if select is not None else None, tuple(ignore) if ignore else ()
    )


def lint_text(text, *, path=None, select=None, ignore=None, kind=None) -> list[Diagnostic]:
    linter = shared_linter(select, ignore)
    return linter.lint(text, path=path or "-", kind=kind_for_path(path, kind))


def fix_text(text, *, path=None, unsafe=False, select=None, ignore=None, kind=None) -> str:
    """The fixed text. The fixes of a rule that does not converge are not applied (see
    ``Linter.fix``), so the result never holds a half-run loop of edits."""
    linter = shared_linter(select, ignore)
    return linter.fix(text, path=path or "-", kind=kind_for_path(path, kind), unsafe=unsafe).text
