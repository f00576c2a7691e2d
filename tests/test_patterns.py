"""Patterns compiled on first use behave as compiled patterns, and take their place."""

from __future__ import annotations

import importlib.util
import itertools
import pickle
import subprocess
import sys
import types
from pathlib import Path

import pytest
import regex

from copyfix.patterns import LazyPattern

_COUNTER = itertools.count()


def _module_with(source: str, tmp_path: Path) -> types.ModuleType:
    """A throwaway module, written to ``tmp_path`` and imported, that defines patterns with
    ``lazy_compile`` at top level."""
    name = f"lazy_patterns_probe_{next(_COUNTER)}"
    path = tmp_path / f"{name}.py"
    path.write_text(f"import regex\nfrom copyfix.patterns import lazy_compile\n{source}")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_compiles_on_first_use_and_replaces_itself_in_its_module(tmp_path: Path) -> None:
    module = _module_with('WORD = lazy_compile(r"\\p{L}+", regex.I)\nALIAS = WORD\n', tmp_path)
    assert isinstance(module.WORD, LazyPattern)
    assert [m.group() for m in module.WORD.finditer("Élan vital, 42")] == ["Élan", "vital"]
    # Every module-level name bound to the proxy now holds the compiled pattern itself.
    assert type(module.WORD) is type(regex.compile(""))
    assert module.ALIAS is module.WORD
    assert module.WORD.flags & regex.IGNORECASE


def test_a_name_imported_before_first_use_keeps_working(tmp_path: Path) -> None:
    module = _module_with('DIGITS = lazy_compile(r"\\d+")\n', tmp_path)
    imported = module.DIGITS  # as ``from module import DIGITS`` would bind it
    assert imported.sub("#", "a1b22") == "a#b#"
    assert imported.pattern == r"\d+"
    assert imported.compiled is module.DIGITS


def test_named_lists_are_passed_on(tmp_path: Path) -> None:
    module = _module_with('PETS = lazy_compile(r"\\L<pets>", pets=["cat", "dog"])\n', tmp_path)
    assert module.PETS.findall("a cat and a dog and a cow") == ["cat", "dog"]


def test_pickles_as_a_compiled_pattern(tmp_path: Path) -> None:
    module = _module_with('VOWEL = lazy_compile("[aeiou]")\n', tmp_path)
    proxy = module.VOWEL
    restored = pickle.loads(pickle.dumps(proxy))
    assert type(restored) is type(regex.compile(""))
    assert restored.findall("copyfix") == ["o", "i"]


def test_an_invalid_pattern_fails_on_first_use(tmp_path: Path) -> None:
    module = _module_with('BROKEN = lazy_compile("(unclosed")\n', tmp_path)
    with pytest.raises(regex.error):
        module.BROKEN.search("x")


_COUNT_AT_IMPORT = """
import importlib, pkgutil, sys, regex
import copyfix
for info in pkgutil.walk_packages(copyfix.__path__, "copyfix."):
    importlib.import_module(info.name)
from copyfix.patterns import LazyPattern
compiled_type = type(regex.compile(""))
lazy = compiled = 0
for name, module in list(sys.modules.items()):
    if name.startswith("copyfix"):
        for attr, value in vars(module).items():
            if isinstance(value, LazyPattern):
                lazy += 1
            elif isinstance(value, compiled_type):
                compiled += 1
                print(name + "." + attr)
print(lazy, compiled)
"""


def test_importing_copyfix_compiles_no_module_pattern() -> None:
    """Start-up: in a fresh interpreter, importing every copyfix module leaves every module-level
    ``regex`` pattern uncompiled (a pattern used at import would be listed)."""
    out = subprocess.run(
        [sys.executable, "-c", _COUNT_AT_IMPORT], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    lazy, compiled = map(int, out[-2].split())
    assert (compiled, out[:-2]) == (0, [])
    assert lazy >= 100
