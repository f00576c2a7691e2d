from __future__ import annotations

import pytest

from copyfix.lint.linter import Linter
from copyfix.lint.registry import default_registry
from copyfix.model import DocumentKind, bad, good
from copyfix.testing import assert_example, assert_examples

_REGISTRY = default_registry()


@pytest.fixture
def rule_run():
    """lint(code, text) -> findings of that rule only; fix(code, text, unsafe) -> fixed text."""

    class Run:
        @staticmethod
        def lint(code: str, text: str, markdown: bool = False):
            linter = Linter(_REGISTRY, [_REGISTRY.get(code)])
            kind = DocumentKind.MARKDOWN if markdown else DocumentKind.TEXT
            return linter.lint(text, kind=kind)

        @staticmethod
        def fix(code: str, text: str, unsafe: bool = False, markdown: bool = False) -> str:
            linter = Linter(_REGISTRY, [_REGISTRY.get(code)])
            kind = DocumentKind.MARKDOWN if markdown else DocumentKind.TEXT
            return linter.fix(text, kind=kind, unsafe=unsafe).text

        @staticmethod
        def check(code: str, text: str, expected: str | None) -> None:
            """``expected`` None: the rule stays silent; else it flags and fixes to it (checked
            by ``copyfix.testing``, which also fixes a second time)."""
            example = bad(text, expected) if expected is not None else good(text)
            assert_example(_REGISTRY.get(code), example, _REGISTRY)

        @staticmethod
        def examples(code: str) -> None:
            """The rule's own ``bad``/``good`` examples hold, and so does its fix availability."""
            assert_examples(_REGISTRY.get(code), _REGISTRY)

    return Run
