"""The words of a document's blocks in one list, for rules that first ask which blocks can hold
what they look for: the comparisons run in C over the whole document, and Python sees only the
hits."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from itertools import compress, count
from operator import eq
from sys import intern
from typing import TYPE_CHECKING

from copyfix.patterns import lazy_compile

if TYPE_CHECKING:
    from copyfix.text.blocks import Block

#: The words of every block, lowercased and stripped of punctuation, in one list, with a
#: different integer after each block (equal to nothing else in the list); and the index of
#: each block's first word.
BlockWords = tuple[list["str | int"], list[int]]

_NON_WORD = lazy_compile(r"[^\p{L}\p{M}\d'’]+")
# The same split in two, sparing NUL (which joins the blocks so one pass cleans them all): the
# characters beyond ASCII that are not word characters, found by a pattern, then the ASCII
# ones, blanked by a byte table, which is several times faster than a pattern over every space.
_NON_ASCII_NON_WORD = lazy_compile(r"[^\x00-\x7f\p{L}\p{M}\d’]+")
_ASCII_NON_WORD = bytes(
    b if chr(b).isalnum() or b in b"'\x00" or b >= 0x80 else ord(" ") for b in range(256)
)
_APOSTROPHE = lazy_compile(r"['’]")
# Matched backwards (the r flag) from where it is asked to end: the word just before an offset.
_WORD_BEFORE = lazy_compile(r"(?r)[\p{L}\p{M}\d]+")
_BATCH_CHARS = 1_000_000


def _cleaned(chunks: list[str]) -> list[str]:
    """``chunks`` lowercased, with what is not a word character blanked."""
    if any("\x00" in chunk for chunk in chunks):
        return [_NON_WORD.sub(" ", chunk).lower() for chunk in chunks]
    # One pass over all the chunks, split again at the NULs that join them.
    joined = "\x00".join(chunks)
    if not joined.isascii():
        joined = _NON_ASCII_NON_WORD.sub(" ", joined)
    joined = joined.encode("utf-8", "surrogatepass").translate(_ASCII_NON_WORD)
    return joined.decode("utf-8", "surrogatepass").lower().split("\x00")


def block_words(view: str, blocks: list[Block]) -> BlockWords:
    """The words of ``blocks`` of ``view`` (see ``BlockWords``). Linear; the blocks are cleaned
    a batch at a time, so the copies of the text that cleaning makes stay small however long
    the document is."""
    words: list[str | int] = []
    firsts: list[int] = []
    batch_start, size = 0, 0
    for end, block in enumerate(blocks, 1):
        size += block.span.end - block.span.start
        if size < _BATCH_CHARS and end < len(blocks):
            continue
        chunks = [view[b.span.start : b.span.end] for b in blocks[batch_start:end]]
        for i, chunk in enumerate(_cleaned(chunks), batch_start):
            firsts.append(len(words))
            # Interned, each distinct word is kept once: a tenth of the memory of a copy per
            # occurrence, and equal words compare by identity.
            words += map(intern, chunk.split())
            words.append(-1 - i)
        batch_start, size = end, 0
    return words, firsts


def blocks_with_word(
    view: str, blocks: list[Block], listed_words: BlockWords, words: set[str] | frozenset[str]
) -> Iterator[tuple[Block, set[str]]]:
    """The blocks, in order, that may hold one of ``words`` (lowercase) in any case as a whole
    word, each with those of ``words`` it may hold: every block that does, and a few that hold
    a word only inside a longer token ("china" in "china.com"). One block at a time."""
    if not words:
        return
    listed, firsts = listed_words
    # The list keeps an apostrophe inside its word ("china's"), where a word boundary ends the
    # word: those words are looked up first (they are few), then merged in order.
    extra: dict[int, set[str]] = defaultdict(set)
    if "'" in view or "’" in view:
        starts = [b.span.start for b in blocks]
        for apostrophe in _APOSTROPHE.finditer(view):
            m = _WORD_BEFORE.match(view, 0, apostrophe.start())
            word = m.group().lower() if m is not None else ""
            if word in words:
                b = bisect_right(starts, m.start()) - 1
                if b >= 0 and m.end() <= blocks[b].span.end:
                    extra[b].add(word)
    pending = sorted(extra)
    k = 0  # the next of ``pending`` not yet passed
    current, present = -1, set()
    for i in compress(count(), map(words.__contains__, listed)):
        b = bisect_right(firsts, i) - 1
        if b != current:
            if current >= 0:
                yield blocks[current], present | extra.pop(current, set())
            while k < len(pending) and pending[k] < b:
                if pending[k] in extra:
                    yield blocks[pending[k]], extra.pop(pending[k])
                k += 1
            current, present = b, set()
        present.add(listed[i])
    if current >= 0:
        yield blocks[current], present | extra.pop(current, set())
    for b in pending[k:]:
        if b in extra:
            yield blocks[b], extra.pop(b)


def blocks_with_repeat(
    blocks: list[Block], listed_words: BlockWords, lengths: range
) -> list[Block]:
    """Blocks where a run of ``n`` words (``n`` in ``lengths``) is followed by the same run,
    compared with ``map`` and ``operator.eq``. A run never spans two blocks: the integer
    between them equals no word."""
    words, firsts = listed_words
    found: set[int] = set()
    for n in lengths:
        same = list(map(eq, words, words[n:]))
        if n == 1:
            hits = compress(count(), same)
        else:
            # Python sees only the runs whose first words match; the integer that ends the
            # list equals no word, so ``same[i + 1]`` is always there.
            hits = (
                i
                for i in compress(count(), same)
                if same[i + 1] and words[i : i + n] == words[i + n : i + 2 * n]
            )
        found.update(bisect_right(firsts, i) - 1 for i in hits)
    return [blocks[b] for b in sorted(found)]
