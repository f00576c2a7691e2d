"""Running a pack's ``[[rule.test]]`` cases and reporting failures like pytest."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from copyfix.lint.registry import default_registry
from copyfix.model import Example
from copyfix.packs.loading import load_packs
from copyfix.packs.rule import PackRule
from copyfix.packs.spec import PackTest
from copyfix.testing import check_example, rule_linter

if TYPE_CHECKING:
    from copyfix.lint.registry import Registry


@dataclass(frozen=True, slots=True)
class TestFailure:
    """A broken ``[[rule.test]]`` case, reported like a failed pytest test."""

    __test__ = False  # not a pytest class

    rule: PackRule
    number: int
    test: PackTest
    problem: str
    got: str | None = None
    findings: tuple[str, ...] = ()

    @property
    def node(self) -> str:
        return f"{self.rule.source}::{self.rule.code}::test[{self.number}]"

    def render(self) -> str:
        lines = [
            f"{self.node} (line {self.test.line}) - {self.problem}",
            f"    text:     {self.test.text!r}",
        ]
        if self.test.fixed is not None:
            lines.append(f"    expected: {self.test.fixed!r}")
        if self.got is not None:
            lines.append(f"    got:      {self.got!r}")
        for finding in self.findings:
            lines.append(f"    finding:  {finding}")
        return "\n".join(lines)


def check_rule(rule: PackRule, registry: Registry) -> list[TestFailure]:
    """Run one rule's inline tests with only that rule enabled, by ``copyfix.testing``."""
    linter = rule_linter(rule, registry)
    failures: list[TestFailure] = []
    for number, test in enumerate(rule.tests, 1):
        result = check_example(linter, as_example(test), count=test.flags)
        failures += [
            TestFailure(rule, number, test, f.problem, f.got, f.findings) for f in result.failures
        ]
    return failures


def as_example(test: PackTest) -> Example:
    """A ``[[rule.test]]`` case as the runner's case: flagged when it has ``fixed`` or a
    ``flags`` count above zero."""
    flagged = test.fixed is not None or bool(test.flags)
    return Example(test.text, test.fixed, test.kind, test.unsafe, flagged=flagged)


def check_rule_tests(rule: PackRule, registry: Registry) -> list[str]:
    """Run one rule's inline tests; return a report for each failure."""
    return [failure.render() for failure in check_rule(rule, registry)]


def run_pack_tests(refs: list[str], root: Path) -> tuple[list[str], int]:
    """Run the inline tests of the packs ``refs`` (names or paths relative to ``root``); return a report
    for each failed case and the number of cases run."""
    failures: list[str] = []
    total = 0
    for ref in refs:
        rules = load_packs([ref], root)
        registry = default_registry()
        for rule in rules:
            registry.add(rule)
        for rule in rules:
            total += len(rule.tests)
            failures += check_rule_tests(rule, registry)
    return failures, total
