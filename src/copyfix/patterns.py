"""Module-level regular expressions compiled on first use.

copyfix's modules define about two hundred patterns at module level, and compiling them all took a
third of the start-up of ``copyfix lint small.md`` though a short file reaches few of them. A
pattern made with :func:`lazy_compile` costs nothing until a method or attribute of it is first
used; then it compiles, and puts the compiled pattern in its place in the namespace of the module
that defined it, so that later uses in that module pay nothing more. A module that imported the name
before then keeps the proxy, which hands every attribute on to the compiled pattern.
"""

from __future__ import annotations

import sys
from typing import Any, cast

import regex

__all__ = ["LazyPattern", "lazy_compile"]


class LazyPattern:
    """A ``regex`` pattern that compiles when an attribute of it is first read.

    It answers every attribute of :class:`regex.Pattern` (``finditer``, ``match``, ``sub``,
    ``pattern``...) by compiling once and delegating. ``compiled`` gives the pattern itself, for code
    that needs the real type. Compiling twice from two threads is harmless: ``regex`` caches.
    """

    __slots__ = ("_compiled", "_flags", "_kwargs", "_namespace", "_source")

    def __init__(
        self, source: str, flags: int, kwargs: dict[str, Any], namespace: dict[str, Any] | None
    ) -> None:
        self._source = source
        self._flags = flags
        self._kwargs = kwargs
        self._namespace = namespace
        self._compiled: regex.Pattern[str] | None = None

    @property
    def compiled(self) -> regex.Pattern[str]:
        """The compiled pattern; raises ``regex.error`` if the source is not a valid pattern."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = regex.compile(self._source, self._flags, **self._kwargs)
            self._install(compiled)
        return compiled

    def _install(self, compiled: regex.Pattern[str]) -> None:
        """Replace this proxy by ``compiled`` under every module-level name bound to it."""
        namespace, self._namespace = self._namespace, None
        if namespace is None:
            return
        for name in [name for name, value in namespace.items() if value is self]:
            namespace[name] = compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)

    def __reduce__(self) -> tuple[Any, ...]:
        # A worker process gets the compiled pattern itself, which ``regex`` pickles by source.
        return (_unpickled, (self.compiled,))

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r}, {self._flags})"


def _unpickled(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    return pattern


def lazy_compile(source: str, flags: int = 0, **kwargs: Any) -> regex.Pattern[str]:
    """A pattern like ``regex.compile(source, flags, **kwargs)`` that compiles on first use.

    Call it at module level only: the compiled pattern replaces the proxy in the caller's module
    namespace (found from the calling frame). ``kwargs`` are ``regex`` named lists. The result is
    typed as a pattern, which it behaves as; an invalid ``source`` raises ``regex.error`` on first
    use, not here (tests/test_regex_safety.py compiles every one).
    """
    namespace = sys._getframe(1).f_globals
    return cast("regex.Pattern[str]", LazyPattern(source, flags, kwargs, namespace))
