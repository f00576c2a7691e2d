"""The one runner for rule examples: built-in ``bad()``/``good()`` examples, a pack's
``[[rule.test]]`` cases, ``tests/rules`` and ``copyfix rule`` all check a case here.

Shapes (see ``copyfix.model.Example``):

- ``good(text)``: the rule finds nothing in ``text``.
- ``bad(text, fixed)``: the rule flags ``text``; ``copyfix fix`` turns it into ``fixed``; fixing
  ``fixed`` again changes nothing. ``bad(text, text)`` is a case whose fix is shown, never applied.
- ``bad(text, fixed, unsafe=True)``: as above with ``--unsafe-fixes``; without them the text
  does not become ``fixed`` (the case needs unsafe fixes).
- ``bad(text)``: report only; the rule flags ``text`` and no fix, safe or unsafe, changes it.

``check_example`` runs one case with only the rule enabled and returns a ``CaseResult``: the
findings, the text the fix gave and a ``CaseFailure`` for each broken promise (an empty tuple
when the case holds). ``assert_example`` and ``assert_examples`` raise ``AssertionError`` with
every failure rendered, for pytest. ``fix_availability_problems`` checks a rule's declared fix
availability (``always``, ``sometimes``, ``never``) against the results of its examples.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from copyfix.lint.linter import Linter
from copyfix.lint.registry import Registry, default_registry
from copyfix.model import Diagnostic, Example, FixAvailability
from copyfix.rules.base import Rule

__all__ = [
    "CaseFailure",
    "CaseResult",
    "assert_example",
    "assert_examples",
    "check_example",
    "check_examples",
    "fix_availability_problems",
    "rule_linter",
]


@dataclass(frozen=True, slots=True)
class CaseFailure:
    """One broken promise of a case: what went wrong, the text the fix gave if that is the
    problem, and the findings (``line:column CODE message``)."""

    code: str
    example: Example
    problem: str
    got: str | None = None
    findings: tuple[str, ...] = ()

    def render(self) -> str:
        lines = [f"{self.code}: {self.problem}", f"    text:     {self.example.text!r}"]
        if self.example.fixed is not None:
            lines.append(f"    expected: {self.example.fixed!r}")
        if self.got is not None:
            lines.append(f"    got:      {self.got!r}")
        lines += [f"    finding:  {finding}" for finding in self.findings]
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class CaseResult:
    """What one case gave: the findings, the fixed text (None when the fix was not run) and the
    failures."""

    example: Example
    findings: tuple[Diagnostic, ...]
    fixed: str | None = None
    failures: tuple[CaseFailure, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def has_fix(self) -> bool:
        """Whether a finding offers a fix that ``copyfix fix`` can apply (safe or unsafe)."""
        return any(d.fixable for d in self.findings)

    @property
    def all_fixable(self) -> bool:
        return bool(self.findings) and all(d.fixable for d in self.findings)


def rule_linter(rule: Rule, registry: Registry | None = None) -> Linter:
    """A linter with only ``rule`` enabled (``registry`` resolves suppression directives)."""
    return Linter(registry or default_registry(), [rule])


def check_example(linter: Linter, example: Example, *, count: int | None = None) -> CaseResult:
    """Check one case with ``linter`` (usually ``rule_linter(rule)``).

    ``count`` is an exact number of findings to expect (a pack's ``flags``); given with no
    ``fixed``, only the number of findings is checked, not the fix.
    """
    code = ",".join(rule.code for rule in linter.rules)
    found = tuple(linter.lint(example.text, kind=example.kind))
    shown = tuple(f"{d.line}:{d.column} {d.code} {d.message}" for d in found)
    failures: list[CaseFailure] = []

    def fail(problem: str, got: str | None = None) -> None:
        failures.append(CaseFailure(code, example, problem, got, shown))

    if count is not None and len(found) != count:
        fail(f"expected {count} finding(s), got {len(found)}")
    elif count is None and not example.is_bad and found:
        fail(f"expected no finding, got {len(found)}")
    if not example.is_bad or (count is not None and example.fixed is None):
        return CaseResult(example, found, None, tuple(failures))
    if not found:
        fail("expected a finding, got none")
        return CaseResult(example, found, None, tuple(failures))
    fixed = _check_fix(linter, example, fail)
    return CaseResult(example, found, fixed, tuple(failures))


def _check_fix(linter: Linter, example: Example, fail) -> str:
    """The fix promises of a flagged case; returns the text the fix gave."""

    def fix(text: str, unsafe: bool) -> str:
        return linter.fix(text, kind=example.kind, unsafe=unsafe).text

    if example.fixed is None:
        fixed = fix(example.text, unsafe=True)
        if fixed != example.text:
            fail("a report-only case is changed by a fix", fixed)
        return fixed
    fixed = fix(example.text, example.unsafe)
    if fixed != example.fixed:
        fail("the fix gives a different text", fixed)
        return fixed
    again = fix(fixed, example.unsafe)
    if again != fixed:
        fail("a second fix changes the text again", again)
    if example.unsafe and example.fixed != example.text:
        safe = fix(example.text, unsafe=False)
        if safe == example.fixed:
            fail("an unsafe case is fixed without --unsafe-fixes", safe)
    return fixed


def check_examples(rule: Rule, registry: Registry | None = None) -> list[CaseResult]:
    """Check every example of ``rule``."""
    linter = rule_linter(rule, registry)
    return [check_example(linter, example) for example in rule.examples]


def _raise(failures: Iterable[CaseFailure]) -> None:
    rendered = [failure.render() for failure in failures]
    if rendered:
        raise AssertionError("\n".join(rendered))


def assert_example(rule: Rule, example: Example, registry: Registry | None = None) -> None:
    """Check one case; raise ``AssertionError`` naming every broken promise."""
    _raise(check_example(rule_linter(rule, registry), example).failures)


def assert_examples(rule: Rule, registry: Registry | None = None) -> None:
    """Check all of ``rule``'s examples and its fix availability; raise on any failure."""
    results = check_examples(rule, registry)
    _raise(failure for result in results for failure in result.failures)
    problems = fix_availability_problems(rule, results)
    if problems:
        raise AssertionError("\n".join(problems))


def fix_availability_problems(rule: Rule, results: Iterable[CaseResult]) -> list[str]:
    """Where the examples contradict the rule's declared fix availability.

    ``never``: no example offers a fix. ``always``: every bad example offers one for each of
    its findings. ``sometimes``: at least one bad example offers a fix and at least one has a
    finding without one.
    """
    bad = [r for r in results if r.example.is_bad]
    declared = rule.fix_availability
    prefix = f"{rule.code} declares fix availability {declared.value!r}"
    if declared is FixAvailability.NEVER:
        shown = [r.example.text for r in bad if r.has_fix]
        return [f"{prefix} but offers a fix on {text!r}" for text in shown]
    if declared is FixAvailability.ALWAYS:
        shown = [r.example.text for r in bad if not r.all_fixable]
        return [f"{prefix} but a finding has no fix on {text!r}" for text in shown]
    problems = []
    if not any(r.has_fix for r in bad):
        problems.append(f"{prefix} but no bad example offers a fix")
    if all(r.all_fixable for r in bad):
        problems.append(f"{prefix} but every bad example offers a fix")
    return problems
