"""Linting and fixing grow linearly with the text, on every shape in ``scaling_shapes``.

Each shape is built at two sizes, N and 4N, and timed (CPU time) in the same process one after
the other, so the ratio of the two times is what is compared, not a time against a clock: a
loaded machine slows both. Linear work gives a ratio near 4 (less, when fixed costs weigh on the
small run); quadratic work gives 16. The limit, 8, is twice the linear ratio and half the
quadratic one. A ratio over the limit is measured again, up to five times, keeping each size's
fastest run, before the test fails; the failure names the rules and shared analyses whose time
grew fastest.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

import pytest
from scaling_shapes import KINDS, SHAPES

from copyfix.lint.engine import lint_document
from copyfix.lint.linter import make_linter
from copyfix.model import DocumentKind
from copyfix.text.analysis import Analysis
from copyfix.text.load import build_document

if TYPE_CHECKING:
    from copyfix.rules.base import Rule
    from copyfix.text.document import Document

FACTOR = 4
LIMIT = 8.0
REPEATS = 5
# Below this, the large run is too quick for its ratio to mean anything (seconds).
NOISE_FLOOR = 0.05
# Fix runs the whole linter several times: smaller sizes keep the whole file under a minute.
FIX_SCALE = 0.4

# Every shared analysis, found by type so that one added later is timed too.
ANALYSES = sorted(
    name for name, value in vars(Analysis).items() if isinstance(value, cached_property)
)
LINTER = make_linter()


def _lint(text: str, kind: DocumentKind) -> None:
    """Every shared analysis, then every rule, as ``copyfix lint`` runs them."""
    doc = build_document(text, kind=kind)
    for name in ANALYSES:
        getattr(doc.analysis, name)
    lint_document(doc, LINTER.rules, LINTER.registry)


def _fix(text: str, kind: DocumentKind) -> None:
    LINTER.fix(text, kind=kind, unsafe=True)


def _seconds(func: Callable[[], object]) -> float:
    """CPU time of ``func()`` in this process, which other processes on a shared machine barely
    change (wall time doubles when they take the core), with the cyclic garbage collector off:
    its passes over many live objects land at random points and are noise in a short run."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        func()
        return time.process_time() - start
    finally:
        gc.enable()


def _ratio(
    run: Callable[[str, DocumentKind], None], small: str, large: str, kind: DocumentKind
) -> tuple[float, float, float]:
    """The large run's time over the small one's, taking each size's fastest of up to
    ``REPEATS`` runs while the ratio stays over the limit. Returns (ratio, small s, large s)."""
    best_small = best_large = float("inf")
    for _ in range(REPEATS):
        best_small = min(best_small, _seconds(lambda: run(small, kind)))
        best_large = min(best_large, _seconds(lambda: run(large, kind)))
        if best_large < NOISE_FLOOR or best_large / best_small <= LIMIT:
            break
    return best_large / max(best_small, 1e-6), best_small, best_large


def _culprits(small: str, large: str, kind: DocumentKind) -> str:
    """The analyses and rules whose own time grew fastest from the small text to the large."""
    grown: list[tuple[float, str, float, float]] = []

    def measure(label: str, step: Callable[[Document], float]) -> None:
        times = [step(build_document(text, kind=kind)) for text in (small, large)]
        grown.append((times[1] / max(times[0], 1e-6), label, *times))

    def analyses(doc: Document) -> None:
        for name in ANALYSES:
            getattr(doc.analysis, name)

    measure("building the document", lambda doc: _seconds(lambda: doc.blocks))
    for name in ANALYSES:
        measure(f"analysis {name}", lambda doc, n=name: _seconds(lambda: getattr(doc.analysis, n)))
    for rule in LINTER.rules:
        # The analyses a rule uses are computed first, so the rule's own time is measured.
        def check(doc: Document, rule: Rule = rule) -> float:
            analyses(doc)
            return _seconds(lambda: list(rule.check(doc)))

        measure(f"rule {rule.code} {rule.name}", check)
    # Only what takes real time: a tiny step's ratio is noise.
    worst = sorted((g for g in grown if g[3] > NOISE_FLOOR / 5), reverse=True)[:3]
    return "; ".join(f"{label}: {a:.3f}s -> {b:.3f}s ({r:.1f}x)" for r, label, a, b in worst)


def _check(
    run: Callable[[str, DocumentKind], None],
    what: str,
    shape: str,
    kind: DocumentKind,
    scale: float = 1.0,
) -> None:
    build, size = SHAPES[shape]
    size = int(size * scale)
    small, large = build(size), build(FACTOR * size)
    ratio, t_small, t_large = _ratio(run, small, large, kind)
    if ratio > LIMIT and t_large >= NOISE_FLOOR:
        pytest.fail(
            f"{what} of {shape!r} ({kind.value}) grows faster than the text: "
            f"{len(small):,} chars {t_small:.3f}s, {len(large):,} chars {t_large:.3f}s, "
            f"{ratio:.1f}x for {FACTOR}x the text (limit {LIMIT:.0f}x). "
            f"Fastest-growing: {_culprits(small, large, kind)}"
        )


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
@pytest.mark.parametrize("shape", SHAPES)
def test_lint_is_linear(shape: str, kind: DocumentKind) -> None:
    _check(_lint, "lint", shape, kind)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
@pytest.mark.parametrize("shape", SHAPES)
def test_fix_is_linear(shape: str, kind: DocumentKind) -> None:
    _check(_fix, "fix", shape, kind, FIX_SCALE)
