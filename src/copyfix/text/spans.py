"""A sorted, merged set of spans with fast overlap queries (masks and protected tokens)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from operator import attrgetter

from copyfix.model import Span

_ORDER = attrgetter("start", "end")


class SpanSet:
    __slots__ = ("_starts", "_ends")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        # Sorting by a key tuple is several times faster than the dataclass's generated ``__lt__``.
        starts: list[int] = []
        ends: list[int] = []
        for span in sorted(spans, key=_ORDER):
            start, end = span.start, span.end
            if start == end:
                continue
            if ends and start <= ends[-1]:
                if end > ends[-1]:
                    ends[-1] = end
            else:
                starts.append(start)
                ends.append(end)
        self._starts = starts
        self._ends = ends

    def __iter__(self):
        return (Span(s, e) for s, e in zip(self._starts, self._ends, strict=True))

    def __len__(self) -> int:
        return len(self._starts)

    def __bool__(self) -> bool:
        return bool(self._starts)

    def overlaps(self, span: Span) -> bool:
        """True if ``span`` shares a character with a member; an empty span (an insertion point)
        overlaps when it lies strictly inside a member."""
        i = bisect_right(self._starts, span.start) - 1
        if len(span):
            if i >= 0 and self._ends[i] > span.start:
                return True
            j = i + 1
            return j < len(self._starts) and self._starts[j] < span.end
        return i >= 0 and self._starts[i] < span.start < self._ends[i]

    def contains(self, offset: int) -> bool:
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]

    def member_at(self, offset: int) -> Span | None:
        """The member that contains ``offset`` (a code-point offset), or None."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._ends[i]:
            return Span(self._starts[i], self._ends[i])
        return None

    def within(self, lo: int, hi: int) -> Iterator[tuple[int, int]]:
        """The members' parts inside ``[lo, hi)``, in order, as (start, end) code-point offsets;
        found by bisection, so asking for one block of a long document costs that block."""
        i = max(bisect_right(self._starts, lo) - 1, 0)
        while i < len(self._starts) and self._starts[i] < hi:
            start, end = max(self._starts[i], lo), min(self._ends[i], hi)
            if start < end:
                yield start, end
            i += 1

    def union(self, other: Iterable[Span]) -> SpanSet:
        return SpanSet([*self, *other])

    @classmethod
    def complement(cls, spans: Iterable[Span], length: int) -> SpanSet:
        """What ``spans`` leave uncovered of ``[0, length)``: the masks around a document's
        prose, say. ``spans`` may be unsorted and overlapping; offsets are code points."""
        # The gaps come out sorted, so they go straight into the set (merged where an empty
        # span left two of them touching) without a Span each and a second sort.
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for span in sorted(spans, key=_ORDER):
            start = span.start
            if start > pos:
                if ends and ends[-1] == pos:
                    ends[-1] = start
                else:
                    starts.append(pos)
                    ends.append(start)
            if span.end > pos:
                pos = span.end
        if pos < length:
            if ends and ends[-1] == pos:
                ends[-1] = length
            else:
                starts.append(pos)
                ends.append(length)
        gaps = cls.__new__(cls)
        gaps._starts = starts
        gaps._ends = ends
        return gaps
