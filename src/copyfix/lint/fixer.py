"""Apply fixes: non-overlapping (the earliest wins), re-lint, repeat until nothing changes.

The loop is bounded; a rule that still offers fixes after the last pass is reported as failing
to converge (``Linter.fix`` then rolls that rule's fixes back). A ``verify`` callback (the
structure check of Markdown, MDX and reStructuredText) can refuse a pass; the fixes of that
pass are then tried one at a time and any that break the document are refused. Whatever the
rule, a fix that would insert a control character (other than tab and newline) is refused
before it is applied.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from copyfix.model import Applicability, Diagnostic, Edit, Span

MAX_PASSES = 10

#: C0 and C1 control characters, DEL included, except tab and newline. A fix must never insert
#: one: a NUL makes the file binary, a CR changes its newline style, the rest are invisible.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _runaway(original: str, text: str) -> bool:
    """Whether the fixes have grown the text far beyond anything a copy edit does, as a looping
    replacement (``pie`` → ``pie pie``) does: stop before it eats the memory."""
    return len(text) > 4 * len(original) + 65536


@dataclass(frozen=True, slots=True)
class AppliedFix:
    """A finding whose fix was applied. ``span`` is in code points of the text the loop started
    from, whichever pass applied it: a fix of a later pass inside text that an earlier pass
    wrote gets the span of what that earlier fix replaced."""

    code: str
    name: str
    message: str
    span: Span


class _Passes:
    """The edits of each pass, to take an offset in the text after some passes back to the text
    before the first: a binary search per pass."""

    def __init__(self) -> None:
        # Per pass: the edits' starts in the text after the pass, their ends there, their spans
        # before it, and the change of length up to and including each edit.
        self._passes: list[tuple[list[int], list[int], list[Span], list[int]]] = []

    def add(self, chosen: list[Diagnostic]) -> None:
        edits = sorted((e for d in chosen for e in d.fix.edits), key=lambda e: e.span.start)
        starts, ends, spans, deltas, delta = [], [], [], [], 0
        for e in edits:
            starts.append(e.span.start + delta)
            ends.append(e.span.start + delta + len(e.replacement))
            delta += len(e.replacement) - len(e.span)
            spans.append(e.span)
            deltas.append(delta)
        self._passes.append((starts, ends, spans, deltas))

    def original(self, offset: int, *, end: bool) -> int:
        for starts, ends, spans, deltas in reversed(self._passes):
            i = bisect_right(starts, offset) - 1
            if i < 0:
                continue
            if offset < ends[i]:
                offset = spans[i].end if end else spans[i].start  # inside what a fix wrote
            else:
                offset -= deltas[i]
        return offset

    def span(self, span: Span) -> Span:
        start = self.original(span.start, end=False)
        return Span(start, max(start, self.original(span.end, end=True)))


@dataclass(slots=True)
class FixResult:
    text: str
    applied: Counter[str] = field(default_factory=Counter)
    #: Each applied fix, with its finding's span in the text the loop started from.
    fixes: list[AppliedFix] = field(default_factory=list)
    remaining: list[Diagnostic] = field(default_factory=list)
    unconverged: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return sum(self.applied.values()) > 0


def threshold(unsafe: bool) -> Applicability:
    return Applicability.UNSAFE if unsafe else Applicability.SAFE


def applicable(diagnostics: list[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    level = threshold(unsafe)
    return [
        d
        for d in diagnostics
        if d.fix is not None
        and d.fix.applicability >= level
        and d.fix.applicability > Applicability.DISPLAY_ONLY
    ]


def apply_fixes(text: str, diagnostics: list[Diagnostic]) -> tuple[str, list[Diagnostic]]:
    """Apply the fixes of ``diagnostics`` that do not overlap an earlier one."""
    chosen: list[Diagnostic] = []
    edits: list[Edit] = []
    last_end = -1
    for d in sorted(diagnostics, key=lambda d: (d.fix.span.start, d.fix.span.end, d.code)):
        fix_edits = sorted(d.fix.edits, key=lambda e: (e.span.start, e.span.end))
        first = fix_edits[0].span.start
        if first < last_end or (first == last_end and edits and _touches(edits[-1], fix_edits[0])):
            continue
        chosen.append(d)
        edits.extend(fix_edits)
        last_end = max(e.span.end for e in fix_edits)
    if not edits:
        return text, []
    parts: list[str] = []
    pos = 0
    for edit in edits:
        parts.append(text[pos : edit.span.start])
        parts.append(edit.replacement)
        pos = edit.span.end
    parts.append(text[pos:])
    return "".join(parts), chosen


def _touches(previous: Edit, following: Edit) -> bool:
    """Two insertions at the same point would race; adjacent replacements do not."""
    return not len(previous.span) and not len(following.span)


def fix_loop(
    text: str,
    lint: Callable[[str], list[Diagnostic]],
    *,
    unsafe: bool = False,
    verify: Callable[[str, str], bool] | None = None,
) -> FixResult:
    result = FixResult(text)
    passes = _Passes()
    diagnostics = lint(text)
    for _ in range(MAX_PASSES):
        candidates = _without_controls(result, applicable(diagnostics, unsafe))
        if not candidates:
            break
        new_text, chosen = apply_fixes(result.text, candidates)
        if verify is not None and not verify(result.text, new_text):
            new_text, chosen = _apply_verified(result, candidates, verify)
        if not chosen:
            break
        if new_text == result.text:
            # Fixes that undo each other in one pass ("pie" -> "pie pie" while a repeat is
            # removed) leave the text as it was, yet they are not settled: none may be kept.
            result.unconverged = sorted({d.code for d in chosen})
            break
        result.applied.update(d.code for d in chosen)
        result.fixes += [AppliedFix(d.code, d.name, d.message, passes.span(d.span)) for d in chosen]
        passes.add(chosen)
        result.text = new_text
        if _runaway(text, new_text):
            result.unconverged = sorted({d.code for d in chosen})
            break
        diagnostics = lint(new_text)
    else:
        result.unconverged = sorted(
            {d.code for d in _without_controls(result, applicable(diagnostics, unsafe))}
        )
    result.remaining = diagnostics
    return result


def inserts_control(text: str, edit: Edit) -> str | None:
    """The first control character that ``edit`` would add to ``text``, if any. Removing or
    keeping one that is already there is allowed; adding one is not."""
    added = Counter(CONTROL_CHARACTERS.findall(edit.replacement))
    if not added:
        return None
    added.subtract(CONTROL_CHARACTERS.findall(text[edit.span.start : edit.span.end]))
    return next((char for char, n in sorted(added.items()) if n > 0), None)


def _without_controls(result: FixResult, candidates: list[Diagnostic]) -> list[Diagnostic]:
    """Drop (and note) the fixes that would insert a control character. Checked here, for every
    rule, because a rule or a pack template that produces one would otherwise make a safe fix
    write a NUL byte into a text file."""
    kept: list[Diagnostic] = []
    for d in candidates:
        bad = next(
            (c for e in d.fix.edits if (c := inserts_control(result.text, e)) is not None), None
        )
        if bad is None:
            kept.append(d)
            continue
        note = (
            f"{d.code} ({d.name}) fix at line {d.line} refused: it would insert the control "
            f"character U+{ord(bad):04X}"
        )
        if note not in result.refused:
            result.refused.append(note)
    return kept


def _apply_verified(
    result: FixResult, candidates: list[Diagnostic], verify: Callable[[str, str], bool]
) -> tuple[str, list[Diagnostic]]:
    """Apply the fixes one by one from the end, so earlier offsets stay valid; refuse any fix
    that breaks the document."""
    text = result.text
    chosen: list[Diagnostic] = []
    _, non_overlapping = apply_fixes(text, candidates)
    for d in sorted(non_overlapping, key=lambda d: d.fix.span.start, reverse=True):
        trial, _ = apply_fixes(text, [d])
        if verify(text, trial):
            text = trial
            chosen.append(d)
        else:
            note = (
                f"{d.code} ({d.name}) fix at line {d.line} refused: it would change the "
                "document's structure (its blocks, a title's underline) or a code, markup or "
                "link region"
            )
            if note not in result.refused:  # the same fix is offered again on every pass
                result.refused.append(note)
    return text, chosen
