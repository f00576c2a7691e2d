"""Fixes that do not converge are never applied, and runs of copies are removed in one fix.

A rule whose fixes keep changing the text (a pack swap ``zorb`` → ``zorb zorb``, two swaps that
undo each other) has all of its fixes rolled back: ``copyfix fix`` leaves the file as the other
rules fix it, says which rule did not converge and exits 1, ``fix -`` prints the text without that
rule's edits, and ``fix_text`` returns the same. A run of identical paragraphs, lines or sentences
is one finding whose one fix removes every copy, so it converges in a single pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from copyfix.lint.fixer import MAX_PASSES, fix_loop
from copyfix.lint.linter import Linter, make_linter
from copyfix.lint.registry import default_registry
from copyfix.model import DocumentKind
from copyfix.packs import parse_pack_text

TEXT = DocumentKind.TEXT


def looping_pack(swaps: dict[str, str]) -> str:
    """A pack with one pattern-swap rule per entry of ``swaps``."""
    rules = []
    for number, (pattern, template) in enumerate(swaps.items(), 1):
        rules.append(
            f'[[rule]]\ncode = "LP{number:03d}"\nname = "loop-{number}"\nkind = "substitution"\n'
            f"[rule.pattern-swap]\n'{pattern}' = '{template}'\n"
            '[[rule.test]]\ntext = "Nothing here."\n'
        )
    return '[pack]\nname = "loop"\nprefix = "LP"\n\n' + "\n".join(rules)


def linter_with(pack_text: str) -> Linter:
    registry = default_registry()
    rules = parse_pack_text(pack_text, "loop.toml")
    for rule in rules:
        registry.add(rule)
    return Linter(registry, [*registry.select(None, None), *rules])


LOOPS = {
    "doubling": {r"\bzorb\b": "zorb zorb"},
    "growing fast": {r"\bzorb\b": "zorb zorb zorb zorb zorb zorb zorb zorb"},
    "two swaps undoing each other": {r"\bcolour\b": "color", r"\bcolor\b": "colour"},
    "appending to itself": {r"\bzorb\b": "zorb, zorb"},
}


@pytest.mark.parametrize("swaps", LOOPS.values(), ids=list(LOOPS))
def test_looping_rule_is_rolled_back_and_others_still_fix(swaps: dict[str, str]) -> None:
    linter = linter_with(looping_pack(swaps))
    text = "I like zorb,and colour at the end.\n"
    result = linter.fix(text, kind=TEXT, unsafe=False)
    assert result.text == "I like zorb, and colour at the end.\n"
    assert result.unconverged and all(code.startswith("LP") for code in result.unconverged)
    assert {d.code for d in result.remaining} >= set(result.unconverged)
    assert set(result.applied) == {"SP001"}


def test_runaway_growth_stops_before_the_last_pass() -> None:
    passes = []

    def lint(text: str):
        passes.append(len(text))
        return linter.lint(text, kind=TEXT)

    linter = linter_with(looping_pack({r"\bzorb\b": "zorb " * 63 + "zorb"}))
    result = fix_loop("zorb", lint)
    assert result.unconverged == ["LP001"]
    assert len(passes) < MAX_PASSES  # it stopped on the size, not on the pass limit


def write_project(tmp_path: Path, swaps: dict[str, str]) -> None:
    (tmp_path / "loop.toml").write_text(looping_pack(swaps), encoding="utf-8")
    (tmp_path / "copyfix.toml").write_text('packs = ["loop.toml"]\n', encoding="utf-8")


@pytest.mark.parametrize("swaps", LOOPS.values(), ids=list(LOOPS))
def test_fix_leaves_a_file_with_only_a_looping_rule_byte_identical(
    tmp_path: Path, run, swaps: dict[str, str]
) -> None:
    write_project(tmp_path, swaps)
    original = b"I like zorb and colour to the end.\r\n"
    target = tmp_path / "a.md"
    target.write_bytes(original)
    result = run("fix", "--no-cache", "a.md")
    assert target.read_bytes() == original
    assert result.exit_code == 1
    assert "did not converge" in result.output and "none of them was applied" in result.output


def test_fix_stdin_prints_the_text_without_the_looping_rule(tmp_path: Path, run) -> None:
    write_project(tmp_path, LOOPS["doubling"])
    result = run("fix", "-", input="I like zorb,too.\n")
    assert result.exit_code == 1
    assert result.stdout == "I like zorb, too.\n"
    assert "LP001 did not converge" in result.stderr


def test_fix_diff_shows_no_looping_edits(tmp_path: Path, run) -> None:
    write_project(tmp_path, LOOPS["doubling"])
    (tmp_path / "a.md").write_text("I like zorb.\n", encoding="utf-8")
    result = run("fix", "--diff", "--no-cache", "a.md")
    assert result.exit_code == 0
    assert "zorb zorb" not in result.stdout


def test_fix_text_never_returns_a_half_run_loop(monkeypatch) -> None:
    from copyfix.lint import linter as api

    linter = linter_with(looping_pack(LOOPS["doubling"]))
    monkeypatch.setattr(api, "shared_linter", lambda select, ignore: linter)
    assert api.fix_text("I like zorb,too.") == "I like zorb, too."


# -- runs of copies: one finding, one fix, one pass ----------------------------------------------

PARAGRAPH = "Same paragraph here.\n\n"
LINE = "It was late in the evening when the\n"
SENTENCE = "The cat sat on the warm mat. "


@pytest.mark.parametrize("copies", [2, 3, 12, 40])
@pytest.mark.parametrize(
    ("unit", "before", "after", "expected"),
    [
        ("paragraph", "", "The end.\n", PARAGRAPH + "The end.\n"),
        ("paragraph", "", "", PARAGRAPH),
        ("line", "", "train came.\n", LINE + "train came.\n"),
        ("sentence", "", "Then it slept.", SENTENCE + "Then it slept."),
        ("sentence", "Earlier. ", "", "Earlier. The cat sat on the warm mat."),
    ],
)
def test_run_of_copies_is_one_finding_fixed_in_one_pass(
    unit: str, before: str, after: str, expected: str, copies: int
) -> None:
    piece = {"paragraph": PARAGRAPH, "line": LINE, "sentence": SENTENCE}[unit]
    text = before + piece * copies + after
    if unit == "sentence" and not after:
        text = text.rstrip()
    linter = make_linter(select=["RP002"])
    findings = linter.lint(text, kind=TEXT)
    assert len(findings) == 1
    result = linter.fix(text, kind=TEXT, unsafe=False)
    assert result.text == expected
    assert result.applied == {"RP002": 1}
    assert not result.unconverged


def test_separate_runs_are_separate_findings() -> None:
    text = PARAGRAPH * 3 + "Other words here.\n\n" + PARAGRAPH * 4
    linter = make_linter(select=["RP002"])
    findings = linter.lint(text, kind=TEXT)
    assert [d.message for d in findings] == [
        "Paragraph repeats the one before it (2 copies)",
        "Paragraph repeats the one before it (3 copies)",
    ]
    assert linter.fix(text, kind=TEXT, unsafe=False).text == (
        PARAGRAPH + "Other words here.\n\n" + PARAGRAPH
    )


def test_short_repeated_lines_stay_unsafe_as_a_run() -> None:
    text = "Row the boat gently\n" * 5 + "Down the stream.\n"
    linter = make_linter(select=["RP002"])
    assert linter.fix(text, kind=TEXT, unsafe=False).text == text
    assert linter.fix(text, kind=TEXT, unsafe=True).text == (
        "Row the boat gently\nDown the stream.\n"
    )


def test_twelve_identical_paragraphs_through_the_cli(tmp_path: Path, run) -> None:
    (tmp_path / "d.md").write_text("Same paragraph.\n\n" * 12, encoding="utf-8")
    result = run("fix", "--no-cache", "d.md")
    assert result.exit_code == 0, result.output
    assert "did not converge" not in result.output
    assert (tmp_path / "d.md").read_text(encoding="utf-8") == "Same paragraph.\n\n"


def test_fixes_that_cancel_each_other_are_not_kept() -> None:
    # The swap doubles "pie" and repeated-word removes the copy: the text stops changing, but
    # only because the two undo each other, so neither rule has settled.
    linter = linter_with(looping_pack({r"\bpie\b": "pie pie"}))
    result = linter.fix("I like pie,and tea.\n", kind=TEXT, unsafe=False)
    assert "pie pie" not in result.text
    assert result.text == "I like pie, and tea.\n"
    assert "LP001" in result.unconverged
