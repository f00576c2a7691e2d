"""Property test of a whole ``fix`` on disk with random packs of substitutions, looping ones
included (``pie`` → ``pie pie``, two swaps undoing each other).

Whatever the document and the pack, fixing a file either writes a converged text (fixing it again
changes nothing) or leaves its bytes as they were; and the file keeps its owner, group, mode,
inode and link count. Examples are drawn deterministically (see the profile in conftest.py).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from copyfix.io.runner import Mode, process_file
from copyfix.lint.linter import Linter
from copyfix.lint.registry import default_registry
from copyfix.model import Edit, Span
from copyfix.packs import parse_pack_text

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
VOCABULARY = ["pie", "cake", "tea", "colour", "color", "end", "the"]
# A template may repeat the word (a loop), name another word (maybe one swapped back), or drop it.
TEMPLATES = st.one_of(
    st.sampled_from(VOCABULARY),
    st.lists(st.sampled_from(VOCABULARY), min_size=2, max_size=3).map(" ".join),
    st.sampled_from(["\\g<0> \\g<0>", "\\g<0>s", "big \\g<0>", "\\g<0>"]),
)
PACKS = st.dictionaries(st.sampled_from(VOCABULARY), TEMPLATES, min_size=1, max_size=4)
PIECES = [*VOCABULARY, "Pie", " ", " ", ",", ", ", ". ", ".", "  ", "\n", "\n\n", "a,b", "x.Y"]
DOCUMENTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def pack_text(swaps: dict[str, str]) -> str:
    rules = []
    for number, (word, template) in enumerate(sorted(swaps.items()), 1):
        rules.append(
            f'[[rule]]\ncode = "RD{number:03d}"\nname = "swap-{number}"\nkind = "substitution"\n'
            f"[rule.pattern-swap]\n'\\b{word}\\b' = '{template}'\n"
            '[[rule.test]]\ntext = "Nothing."\n'
        )
    return '[pack]\nname = "random"\nprefix = "RD"\n\n' + "\n".join(rules)


def linter_for(swaps: dict[str, str]) -> Linter:
    registry = default_registry()
    rules = parse_pack_text(pack_text(swaps), "random.toml")
    for rule in rules:
        registry.add(rule)
    # A few built-in rules that also rewrite text, so rolled-back and kept fixes mix.
    builtin = registry.select(["SP001", "SP004", "RP002"], None)
    return Linter(registry, [*builtin, *rules])


def identity(path: Path, links: int) -> tuple[int, ...]:
    """Owner, group, mode and link count; and the inode of a hard-linked file, which is written
    in place (a file with one name is replaced, so its inode changes)."""
    st_ = path.stat()
    inode = st_.st_ino if links > 1 else 0
    return (st_.st_uid, st_.st_gid, stat.S_IMODE(st_.st_mode), st_.st_nlink, inode)


@settings(max_examples=max(20, settings().max_examples // 2))
@example(
    swaps={"pie": "pie pie"},
    document="I like pie,too.\n",
    newline="\r\n",
    bom=True,
    mode=0o640,
    links=2,
)
@example(
    swaps={"colour": "color", "color": "colour"},
    document="A colour,a color.",
    newline="\n",
    bom=False,
    mode=0o600,
    links=1,
)
@given(
    swaps=PACKS,
    document=DOCUMENTS,
    newline=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
    mode=st.sampled_from([0o644, 0o600, 0o664, 0o640]),
    links=st.integers(1, 2),
)
def test_fix_writes_a_converged_text_or_nothing_and_keeps_the_file(
    swaps: dict[str, str], document: str, newline: str, bom: bool, mode: int, links: int
) -> None:
    linter = linter_for(swaps)
    data = (b"\xef\xbb\xbf" if bom else b"") + document.replace("\n", newline).encode()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.md"
        path.write_bytes(data)
        os.chmod(path, mode)
        if IS_ROOT:
            os.chown(path, 12345, 54321)
        if links == 2:
            os.link(path, Path(folder) / "other.md")
        before = identity(path, links)

        outcome = process_file(linter, path, Mode.FIX, unsafe=True)
        # `pytest --hypothesis-show-statistics` shows how often each case is drawn.
        event("rolled back" if any("did not converge" in n for n in outcome.notes) else "settled")
        assert outcome.error is None
        written = path.read_bytes()
        assert identity(path, links) == before
        if links == 2:
            assert (Path(folder) / "other.md").read_bytes() == written
        if written == data:
            return
        assert len(written) <= 4 * len(data) + 65536
        again = process_file(linter, path, Mode.FIX, unsafe=True)
        assert path.read_bytes() == written, "the written text was not a converged fix"
        assert not again.applied


# -- applied fixes traced back to the text the loop started from ------------------------------


@st.composite
def _pass_edits(draw, length: int):
    """Non-overlapping edits of a text of ``length`` code points, one insertion per point."""
    cuts = sorted(draw(st.lists(st.integers(0, length), max_size=8)))
    edits, last = [], -1
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if a <= last:
            continue
        edits.append(Edit(Span(a, b), draw(st.sampled_from(["", "#", "##", "#####"]))))
        last = b
    return edits


@settings(max_examples=settings().max_examples)
@given(st.data(), st.text(alphabet="abcdefgh", min_size=1, max_size=40))
def test_offsets_of_untouched_text_map_back_to_the_same_characters(data, text):
    from types import SimpleNamespace

    from copyfix.lint.fixer import _Passes

    passes, current = _Passes(), text
    for _ in range(3):
        edits = data.draw(_pass_edits(len(current)))
        parts, pos = [], 0
        for e in edits:
            parts += [current[pos : e.span.start], e.replacement]
            pos = e.span.end
        current = "".join(parts) + current[pos:]
        passes.add([SimpleNamespace(fix=SimpleNamespace(edits=edits))])
    for offset, char in enumerate(current):
        if char != "#":  # a character of the original text: it maps back to itself
            assert text[passes.original(offset, end=False)] == char
