"""Each seed fixes exactly to its hand-checked twin, through the real CLI and its config."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from copyfix.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PAIRS = sorted(p for p in SEEDS.glob("*.txt") if not p.name.endswith(".fixed.txt"))


@pytest.mark.parametrize("seed", PAIRS, ids=lambda p: p.stem)
def test_seed_fixes_to_its_twin(seed, tmp_path):
    work = tmp_path / "seeds"
    work.mkdir()
    shutil.copy(SEEDS / ".copyfix.toml", work / ".copyfix.toml")
    shutil.copytree(SEEDS.parent / "rules", tmp_path / "rules")
    target = work / seed.name
    shutil.copyfile(seed, target)  # the content only: a checkout may leave files read-only
    result = CliRunner().invoke(main, ["fix", "--unsafe-fixes", str(target)])
    assert result.exit_code in (0, 1), result.output
    expected = seed.with_name(seed.stem + ".fixed.txt").read_bytes()
    assert target.read_bytes() == expected
    again = CliRunner().invoke(main, ["fix", "--unsafe-fixes", str(target)])
    assert "Fixed 0 problems" in again.output
    assert target.read_bytes() == expected


def test_every_seed_has_a_twin():
    assert PAIRS
    for seed in PAIRS:
        assert seed.with_name(seed.stem + ".fixed.txt").exists()
