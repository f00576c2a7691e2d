"""copyfix: an editorial linter and fixer for prose in plain text, Markdown, MDX and
reStructuredText."""

from __future__ import annotations

from typing import TYPE_CHECKING

from copyfix.version import __version__

if TYPE_CHECKING:
    from collections.abc import Iterable

    from copyfix.model import Diagnostic

__all__ = ["__version__", "fix_text", "lint_text"]


def lint_text(
    text: str,
    *,
    path: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    kind: str | None = None,
) -> list[Diagnostic]:
    """Lint ``text`` and return its diagnostics, sorted by position.

    ``path`` chooses the format by extension (``.md`` is Markdown) unless ``kind`` is given
    (``"text"`` or ``"markdown"``); ``select``/``ignore`` take codes, names or family prefixes.
    """
    from copyfix.lint.linter import lint_text as _lint_text

    return _lint_text(text, path=path, select=select, ignore=ignore, kind=kind)


def fix_text(
    text: str,
    *,
    path: str | None = None,
    unsafe: bool = False,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    kind: str | None = None,
) -> str:
    """Return ``text`` with every fix of the selected rules applied until nothing changes."""
    from copyfix.lint.linter import fix_text as _fix_text

    return _fix_text(text, path=path, unsafe=unsafe, select=select, ignore=ignore, kind=kind)
