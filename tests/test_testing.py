"""copyfix.testing, the example runner: each promise of a case is checked and reported."""

from __future__ import annotations

import pytest

from copyfix.lint.registry import default_registry
from copyfix.model import bad, good
from copyfix.testing import assert_example, check_example, rule_linter

REGISTRY = default_registry()
COMMA = REGISTRY.get("SP001")


def problems(rule, example):
    return [f.problem for f in check_example(rule_linter(rule, REGISTRY), example).failures]


def test_a_case_that_holds_has_no_failure():
    example = bad("In 2019,the plan.", "In 2019, the plan.")
    result = check_example(rule_linter(COMMA, REGISTRY), example)
    assert result.ok and result.has_fix and result.fixed == "In 2019, the plan."


def test_each_broken_promise_is_named():
    assert problems(COMMA, good("In 2019,the plan.")) == ["expected no finding, got 1"]
    assert problems(COMMA, bad("In 2019, the plan.", "x")) == ["expected a finding, got none"]
    assert problems(COMMA, bad("In 2019,the plan.", "x")) == ["the fix gives a different text"]
    assert problems(COMMA, bad("In 2019,the plan.")) == ["a report-only case is changed by a fix"]
    unsafe = bad("In 2019,the plan.", "In 2019, the plan.", unsafe=True)
    assert problems(COMMA, unsafe) == ["an unsafe case is fixed without --unsafe-fixes"]


def test_assert_example_renders_the_failure():
    with pytest.raises(AssertionError, match=r"(?s)SP001: the fix gives a different text\n.*got: "):
        assert_example(COMMA, bad("In 2019,the plan.", "x"), REGISTRY)
