"""SpanSet: the sorted, merged spans behind masks and protected tokens."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from copyfix.model import Span
from copyfix.text.spans import SpanSet

spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: Span(t[0], t[0] + t[1])),
    max_size=12,
)


@given(spans, st.integers(0, 90), st.integers(0, 90))
def test_within_gives_the_covered_offsets_of_a_range(members, lo, hi):
    found = SpanSet(members)
    covered = {i for s in found for i in range(s.start, s.end)}
    inside = [i for start, end in found.within(lo, hi) for i in range(start, end)]
    assert inside == sorted(i for i in covered if lo <= i < hi)


@given(spans)
def test_complement_covers_what_the_spans_leave(members):
    gaps = SpanSet.complement(members, 90)
    covered = {i for s in members for i in range(s.start, min(s.end, 90))}
    assert {i for g in gaps for i in range(g.start, g.end)} == set(range(90)) - covered
    ends = [g.end for g in gaps]
    assert all(end < start for end, start in zip(ends, [g.start for g in gaps][1:]))
