"""The explicit set of rules a run uses, and selection by code, name or family prefix."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

from copyfix.rules import builtin_rules

if TYPE_CHECKING:
    from copyfix.rules.base import Rule

T = TypeVar("T")


class UnknownRuleError(ValueError):
    def __init__(self, selector: str) -> None:
        super().__init__(f"unknown rule or prefix {selector!r}")
        self.selector = selector


class Registry:
    def __init__(self, rules: Iterable[Rule]) -> None:
        self._rules: list[Rule] = []
        self._by_key: dict[str, Rule] = {}
        for rule in rules:
            self.add(rule)

    def add(self, rule: Rule) -> None:
        """Add ``rule``, known by its code, its name and its former names (``aliases``)."""
        keys = [rule.code.upper(), rule.name.lower(), *(alias.lower() for alias in rule.aliases)]
        for key in keys:
            if key in self._by_key:
                raise ValueError(f"duplicate rule code or name {key!r}")
        self._rules.append(rule)
        for key in keys:
            self._by_key[key] = rule

    def __iter__(self):
        return iter(sorted(self._rules, key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self._rules)

    def get(self, key: str) -> Rule | None:
        return self._by_key.get(key.upper()) or self._by_key.get(key.lower())

    def matching(self, selector: str) -> list[Rule]:
        """Rules named by ``selector``: ``ALL``, a code, a name, or a code prefix (``SP``)."""
        selector = selector.strip()
        if selector.upper() == "ALL":
            return list(self)
        rule = self.get(selector)
        if rule is not None:
            return [rule]
        prefix = selector.upper()
        found = [r for r in self if r.code.upper().startswith(prefix)] if prefix.isalnum() else []
        if not found:
            raise UnknownRuleError(selector)
        return found

    def resolve(self, selectors: Iterable[str]) -> set[str]:
        return {rule.code for s in selectors for rule in self.matching(s)}

    def select(
        self,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] | None = None,
        extend_select: Sequence[str] = (),
    ) -> list[Rule]:
        """Rules enabled by ``select`` (default: all) plus ``extend_select``, minus ``ignore``.

        The more specific selector wins, as in ruff: ``ignore = ["SP"]`` with
        ``extend-select = ["SP004"]`` keeps SP004.
        """
        weighted: list[tuple[float, str, bool]] = []
        for sel in [*(["ALL"] if select is None else select), *extend_select]:
            weighted.append((self.specificity(sel), sel, True))
        for sel in ignore or ():
            weighted.append((self.specificity(sel) + 0.5, sel, False))
        enabled: dict[str, bool] = {}
        for _, sel, on in sorted(weighted):
            for rule in self.matching(sel):
                enabled[rule.code] = on
        return [r for r in self if enabled.get(r.code, False)]

    def assign(self, values: Mapping[str, T]) -> dict[str, T]:
        """Each rule's value from the most specific selector that names it, whatever the order:
        ``{"SP": "warning", "SP004": "info"}`` leaves SP004 at info. Of two selectors equally
        specific, the later wins."""
        assigned: dict[str, T] = {}
        for selector, value in sorted(values.items(), key=lambda item: self.specificity(item[0])):
            for rule in self.matching(selector):
                assigned[rule.code] = value
        return assigned

    def specificity(self, selector: str) -> int:
        """How narrowly ``selector`` names rules: ``ALL`` least, a prefix by its length, a code
        or a name most. The one measure for ``select`` / ``ignore`` and per-rule settings."""
        if selector.upper() == "ALL":
            return 0
        if self.get(selector) is not None:
            return 100
        return len(selector)


def default_registry() -> Registry:
    return Registry(builtin_rules())
