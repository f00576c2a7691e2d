"""duplicated-paragraph-line-or-sentence (RP002): the rule's examples and its own cases."""

from __future__ import annotations


def test_examples(rule_run):
    rule_run.examples("RP002")


def test_title_pasted_twice_is_removed(rule_run):
    text = "A Title Here\n\nA Title Here\n\nBody text follows."
    assert rule_run.fix("RP002", text) == "A Title Here\n\nBody text follows."


def test_refrain_lines_need_unsafe_fixes(rule_run):
    text = "Row the boat along\nRow the boat along\nGently down the stream."
    assert rule_run.lint("RP002", text)
    assert rule_run.fix("RP002", text) == text


def test_separated_repeats_and_tables_are_fine(rule_run):
    assert rule_run.lint("RP002", "Chorus line here\n\nVerse.\n\nChorus line here") == []
    assert rule_run.lint("RP002", "| a | b |\n| a | b |") == []


TITLE_TWICE = "A Title Here\n\nA Title Here\n\nBody text follows.\n"


def test_the_former_name_still_selects_and_ignores_the_rule(run, tmp_path):
    (tmp_path / "a.txt").write_text(TITLE_TWICE, encoding="utf-8")
    (tmp_path / "copyfix.toml").write_text('select = ["duplicated-paragraph"]\n')
    selected = run("lint", "--no-cache", "--format", "concise", "a.txt")
    assert "RP002" in selected.output, selected.output
    (tmp_path / "copyfix.toml").write_text('ignore = ["duplicated-paragraph"]\n')
    ignored = run("lint", "--no-cache", "--format", "concise", "a.txt")
    assert ignored.exit_code == 0, ignored.output
    assert "RP002" not in ignored.output


def test_the_former_name_still_works_in_a_suppression_comment(rule_run):
    def disabling(selector: str) -> str:
        return f"<!-- copyfix: disable {selector} -->\n\n{TITLE_TWICE}"

    assert rule_run.lint("RP002", disabling("repeated-word"), markdown=True)
    assert rule_run.lint("RP002", disabling("duplicated-paragraph"), markdown=True) == []
    assert rule_run.lint("duplicated-paragraph", TITLE_TWICE)
