"""Every rule's metadata and examples: bad ones are flagged and fix to `fixed`, a second fix
changes nothing, good ones stay silent."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
import regex

import copyfix.rules
from copyfix.lint.linter import Linter
from copyfix.lint.registry import default_registry
from copyfix.model import Example
from copyfix.testing import assert_example, check_examples, fix_availability_problems
from copyfix.text.lexicon import Lexicon

REGISTRY = default_registry()
RULES = list(REGISTRY)
CASES = [(rule, ex) for rule in RULES for ex in rule.examples]
RULE_PACKAGE = Path(copyfix.rules.__file__).parent
RULE_TESTS = Path(__file__).parent / "rules"
RULE_MODULES = sorted(
    p.stem for p in RULE_PACKAGE.glob("*.py") if p.stem not in ("__init__", "base")
)


def _id(case) -> str:
    rule, example = case
    return f"{rule.code}-{'bad' if example.is_bad else 'good'}-{example.text[:30]!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_metadata(rule):
    assert regex.fullmatch(r"[A-Z]{2}\d{3}", rule.code)
    assert regex.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name)
    assert rule.summary[0].isupper() and not rule.summary.endswith(".")
    doc = rule.info().doc
    for heading in ("## What it does", "## Why is this bad?", "## Fix safety", "## Options"):
        assert heading in doc, f"{rule.code} docstring lacks {heading}"
    assert any(e.is_bad for e in rule.examples) and any(not e.is_bad for e in rule.examples)


def test_codes_and_names_are_unique():
    assert len({r.code for r in RULES}) == len({r.name for r in RULES}) == len(RULES)


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_example(case):
    """Bad examples are flagged and fix to `fixed` at their applicability (an unsafe one needs
    --unsafe-fixes), a second fix changes nothing, good ones stay silent."""
    rule, example = case
    assert_example(rule, example, REGISTRY)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_fix_availability_matches_the_examples(rule):
    assert fix_availability_problems(rule, check_examples(rule, REGISTRY)) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_generated_sections_are_not_written_by_hand(rule):
    """``## Not flagged`` comes from the good examples and ``## Options`` from the lexicon lists
    the rule declares; the docstring has neither."""
    written = type(rule).__doc__ or ""
    assert "## Options" not in written and "## Not flagged" not in written
    assert "not flagged" not in written.lower()
    doc = rule.info().doc
    for example in rule.examples:
        if not example.is_bad:
            assert example.text.replace("\n", "\\n").replace("\t", "\\t") in doc


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_declared_lexicon_lists_are_the_ones_the_rule_reads(rule):
    assert set(rule.lexicon_lists) <= set(Lexicon.list_names())
    source = Path(inspect.getsourcefile(type(rule))).read_text(encoding="utf-8")
    read = set(regex.findall(r"lexicon\.(\w+)", source))
    read = {"abbreviations" if name == "is_abbreviation" else name for name in read}
    assert read <= set(rule.lexicon_lists)


@pytest.mark.parametrize("module", RULE_MODULES)
def test_each_rule_module_holds_one_rule_and_has_its_test_file(module):
    """A rule's code, docs and examples are in ``copyfix/rules/<module>.py``, its tests in
    ``tests/rules/test_<module>.py``, which runs the rule's examples."""
    [rule] = [r for r in RULES if type(r).__module__ == f"copyfix.rules.{module}"]
    test_file = RULE_TESTS / f"test_{module}.py"
    assert test_file.is_file(), f"{rule.code} ({module}) has no {test_file.name}"
    assert f'rule_run.examples("{rule.code}")' in test_file.read_text(encoding="utf-8")


def test_every_rule_test_file_names_a_rule_module():
    stray = [p.name for p in RULE_TESTS.glob("test_*.py") if p.stem[5:] not in RULE_MODULES]
    assert stray == []


# Every trap of DESIGN.md, checked against the whole rule set: nothing is flagged.
TRAPS = [
    "1,234,567", "$3,500.00", "3,14", "40.7128,-74.0060", "3.14", "v2.0.1", "192.168.0.1",
    "10:30", "16:9", "U.S. dollars", "e.g. apples", "etc. and", "approx. five", "Dr. Smith",
    "Fig. 3", "No. 5", "J. R. R. Tolkien", "5 p.m. today", "Archyde.com", "Node.js", ".NET",
    "https://example.com/a,b.c?d=e:f", "jane.doe@example.com", "config.yaml", "~/.bashrc",
    "[a-z]{2,5}", "Wait... what", "iPhone", "eBay", "npm", "pH", "had had", "that that",
    "What it is is", "Bora Bora", "ha ha", "“Good,” she said", "’Tis", "rock ’n’ roll",
    "the ’90s", "students’ work", "“It’ll be our”—she leaned in—“secret.”", "5'10\"", ":wq",
    ".txt", ":)",
]


@pytest.mark.parametrize("trap", TRAPS)
def test_design_traps_stay_silent(trap):
    text = f"We saw {trap} in the report and wrote it down."
    found = Linter(REGISTRY, RULES).lint(text, kind=Example(text).kind)
    assert found == [], [(d.code, d.message) for d in found]


def test_multi_paragraph_quotation_is_balanced():
    text = "“The first part of a long quote.\n\n“The second part.\n\n“The end of it.”"
    found = Linter(REGISTRY, RULES).lint(text, kind=Example(text).kind)
    assert [d.code for d in found] == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("In 2019,the plan changed.", "SP001"),
        ("She was late.We left.", "SP002"),
        ("”Hello,” she said.", "QT001"),
        ("She said,“Come here.”", "SP001"),
        ("It is a pressing issue. to shed light on it, we met.", "CP001"),
    ],
)
def test_design_catches(text, code):
    found = Linter(REGISTRY, RULES).lint(text, kind=Example(text).kind)
    assert code in {d.code for d in found}
