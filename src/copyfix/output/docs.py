"""A rule's documentation page: its docstring, metadata and rendered examples."""

from __future__ import annotations

from typing import TYPE_CHECKING

from copyfix.model import RuleInfo

if TYPE_CHECKING:
    from copyfix.lint.registry import Registry


def render_rule_doc(info: RuleInfo, registry: Registry) -> str:
    """Markdown for ``copyfix rule``; the examples are run, so the page shows real output."""
    from copyfix.lint.linter import Linter

    lines = [
        f"# {info.name} ({info.code})",
        "",
        f"{info.summary}. Severity: {info.severity.label}. "
        f"Fix: {'available' if info.fixable else 'none'}.",
        "",
        info.doc,
        "",
    ]
    if info.examples:
        rule = registry.get(info.code)
        linter = Linter(registry, [rule])
        lines += ["## Examples", ""]
        for example in info.examples:
            label = "Flagged" if example.is_bad else "Not flagged"
            lines += [f"{label}:", "", "```", example.text, "```", ""]
            if example.is_bad:
                fixed = linter.fix(
                    example.text, kind=example.kind, unsafe=example.unsafe
                ).text
                if fixed != example.text:
                    how = "with `--unsafe-fixes`" if example.unsafe else "by `copyfix fix`"
                    lines += [f"Fixed {how}:", "", "```", fixed, "```", ""]
    return "\n".join(lines)
