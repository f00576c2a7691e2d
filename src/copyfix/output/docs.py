"""A rule's documentation page: its docstring, metadata and rendered examples."""

from __future__ import annotations

from typing import TYPE_CHECKING

from copyfix.model import RuleInfo
from copyfix.testing import check_example, rule_linter

if TYPE_CHECKING:
    from copyfix.lint.registry import Registry


def render_rule_doc(info: RuleInfo, registry: Registry) -> str:
    """Markdown for ``copyfix rule``; the examples are run by ``copyfix.testing``, so the page
    shows real output."""
    lines = [
        f"# {info.name} ({info.code})",
        "",
        f"{info.summary}. Severity: {info.severity.label}. "
        f"Fix: {info.fix_availability.value}.",
        "",
        info.doc,
        "",
    ]
    flagged = [example for example in info.examples if example.is_bad]
    if flagged:
        # The good examples are listed under ``## Not flagged`` in ``info.doc``.
        linter = rule_linter(registry.get(info.code), registry)
        lines += ["## Examples", ""]
        for example in flagged:
            lines += ["Flagged:", "", "```", example.text, "```", ""]
            result = check_example(linter, example)
            fixed = result.fixed
            if fixed is not None and fixed != example.text:
                how = "with `--unsafe-fixes`" if example.unsafe else "by `copyfix fix`"
                lines += [f"Fixed {how}:", "", "```", fixed, "```", ""]
            lines += [f"> This example does not hold: {f.problem}." for f in result.failures]
    return "\n".join(lines)
