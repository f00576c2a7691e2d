"""Selection by code, name and prefix: one measure of specificity for every setting."""

from __future__ import annotations

from copyfix.lint.registry import default_registry


def test_specificity_orders_all_then_prefixes_by_length_then_codes_and_names():
    registry = default_registry()
    assert registry.specificity("ALL") == registry.specificity("all") == 0
    assert 0 < registry.specificity("S") < registry.specificity("SP") < registry.specificity("SP004")
    assert registry.specificity("SP004") == registry.specificity("multiple-spaces")


def test_select_and_assign_let_the_more_specific_selector_win_whatever_the_order():
    registry = default_registry()
    kept = {r.code for r in registry.select(None, ["SP"], ["SP004"])}
    assert "SP004" in kept and "SP001" not in kept
    for values in ({"SP": 1, "SP004": 2, "ALL": 0}, {"SP004": 2, "ALL": 0, "SP": 1}):
        assigned = registry.assign(values)
        assert assigned["SP004"] == 2 and assigned["SP001"] == 1 and assigned["RP001"] == 0
    assert registry.assign({"multiple-spaces": "a", "SP": "b"})["SP004"] == "a"
