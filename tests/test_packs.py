"""Rule packs: the format, loading, the CLI, test-rules, errors, the time limit, shipped packs."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner

from copyfix import packs
from copyfix.cli import main
from copyfix.cli.info import default_test_refs
from copyfix.lint.linter import Linter
from copyfix.lint.registry import default_registry
from copyfix.model import Applicability, DocumentKind, Severity
from copyfix.packs import PackError, builtin_pack_names, keep_case, parse_pack_text
from copyfix.packs import rule as pack_rule

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PACKS = sorted(ROOT.glob("rules/*.toml"))
TEXT = DocumentKind.TEXT


def pack(body: str, prefix: str = "TS") -> str:
    return f'[pack]\nname = "test-pack"\nprefix = "{prefix}"\ndescription = "Tests"\n\n{body}'


def linter_for(source: str) -> Linter:
    rules = parse_pack_text(source, "test.toml")
    registry = default_registry()
    for rule in rules:
        registry.add(rule)
    return Linter(registry, rules)


def run_cli(args: list[str], cwd: Path) -> tuple[int, str]:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args)
    finally:
        os.chdir(old)
    return result.exit_code, result.output


SUBSTITUTION = pack('''
[[rule]]
code = "TS001"
name = "write-email"
kind = "substitution"
message = "Write '{replacement}', not '{match}'"
[rule.swap]
"e-mail" = "email"
"web site" = "website"
[[rule.test]]
text = "An e-mail."
fixed = "An email."
''')


# --- shipped packs --------------------------------------------------------------------------


@pytest.mark.parametrize("ref", builtin_pack_names())
def test_builtin_pack_passes_its_tests(ref):
    code, output = run_cli(["test-rules", ref], ROOT)
    assert code == 0, output
    assert " 0 failed" in output


@pytest.mark.parametrize("path", PROJECT_PACKS, ids=lambda p: p.name)
def test_project_pack_passes_its_tests(path):
    code, output = run_cli(["test-rules", str(path.relative_to(ROOT))], ROOT)
    assert code == 0, output


def test_test_rules_default_runs_builtin_and_configured_packs():
    code, output = run_cli(["test-rules"], ROOT)
    assert code == 0, output
    failures, total = packs.run_pack_tests(*default_test_refs(ROOT))
    assert not failures
    expected = sum(len(r.tests) for ref in builtin_pack_names()
                   for r in packs.load_pack(ref, ROOT))
    expected += sum(len(r.tests) for r in packs.load_pack("rules/house.toml", ROOT))
    assert total == expected


def test_every_shipped_pack_is_covered():
    assert {"misspellings", "wordy-phrases", "web-boilerplate"} <= set(builtin_pack_names())
    assert {p.name for p in PROJECT_PACKS} >= {"house.toml", "web-scraped.toml"}


def test_readme_example_pack_passes(tmp_path):
    readme = (ROOT / "rules" / "README.md").read_text(encoding="utf-8")
    example = regex.search(r"```toml\n(# rules/style\.toml\n.*?)```", readme, regex.S)
    assert example, "rules/README.md lost its complete example"
    (tmp_path / "style.toml").write_text(example[1], encoding="utf-8")
    code, output = run_cli(["test-rules", "style.toml"], tmp_path)
    assert code == 0, output
    assert "5 passed, 0 failed" in output


def test_docs_lint_clean_with_house_style():
    targets = ["README.md", "rules/README.md"] + (["docs/"] if (ROOT / "docs").is_dir() else [])
    code, output = run_cli(["lint", "--no-cache", *targets], ROOT)
    assert code == 0, output


# --- test-rules failure reports -------------------------------------------------------------


def test_test_rules_reports_a_broken_case_like_pytest(tmp_path):
    broken = SUBSTITUTION + '''
[[rule.test]]
text = "Send an e-mail."
fixed = "Send an e-mail!"

[[rule.test]]
text = "A web site."

[[rule.test]]
text = "An e-mail, an e-mail."
flags = 1
'''
    (tmp_path / "broken.toml").write_text(broken, encoding="utf-8")
    code, output = run_cli(["test-rules", "broken.toml"], tmp_path)
    assert code == 1, output
    assert "FAILED broken.toml::TS001::test[2] (line 20) - the fix gives a different text" in output
    assert "expected: 'Send an e-mail!'" in output
    assert "got:      'Send an email.'" in output
    assert "test[3] (line 24) - expected no finding, got 1" in output
    assert "finding:  1:3 TS001 Write 'website', not 'web site'" in output
    assert "test[4] (line 27) - expected 1 finding(s), got 2" in output
    assert output.rstrip().endswith("1 passed, 3 failed")


def test_a_case_expecting_a_fix_fails_when_nothing_is_found(tmp_path):
    (tmp_path / "p.toml").write_text(SUBSTITUTION.replace('"An e-mail."', '"An email."'))
    code, output = run_cli(["test-rules", "p.toml"], tmp_path)
    assert code == 1
    assert "expected a finding, got none" in output


def test_an_unsafe_case_fails_when_safe_fixes_already_apply(tmp_path):
    source = SUBSTITUTION + '\n[[rule.test]]\ntext = "A web site."\nfixed = "A website."\nunsafe = true\n'
    (tmp_path / "p.toml").write_text(source, encoding="utf-8")
    code, output = run_cli(["test-rules", "p.toml"], tmp_path)
    assert code == 1, output
    assert "test[2] (line 20) - an unsafe case is fixed without --unsafe-fixes" in output


# --- the kinds and their options ------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "replacement", "expected"),
    [
        ("e-mail", "email", "email"),
        ("E-mail", "email", "Email"),
        ("E-MAIL", "email", "EMAIL"),
        ("Github", "GitHub", "GitHub"),
        ("alot", "a lot", "a lot"),
        ("Alot", "a lot", "A lot"),
        ("I", "me", "Me"),
    ],
)
def test_keep_case(original, replacement, expected):
    assert keep_case(original, replacement) == expected


def test_substitution_keeps_capitalisation_and_fixes():
    linter = linter_for(SUBSTITUTION)
    text = "E-mail us. Send an e-mail. E-MAIL NOW. Our Web Site."
    found = linter.lint(text, kind=TEXT)
    assert [d.message for d in found] == [
        "Write 'Email', not 'E-mail'",
        "Write 'email', not 'e-mail'",
        "Write 'EMAIL', not 'E-MAIL'",
        "Write 'Website', not 'Web Site'",
    ]
    assert all(d.fix.applicability is Applicability.SAFE for d in found)
    fixed = linter.fix(text, kind=TEXT, unsafe=False).text
    assert fixed == "Email us. Send an email. EMAIL NOW. Our Website."


def test_phrase_matches_across_a_line_break():
    fixed = linter_for(SUBSTITUTION).fix("Our web\nsite.", kind=TEXT, unsafe=False).text
    assert fixed == "Our website."


def test_word_boundary_and_case_options():
    source = pack('''
[[rule]]
code = "TS001"
name = "exact"
tokens = ["cat"]
ignore-case = false
[[rule.test]]
text = "A cat."
flags = 1

[[rule]]
code = "TS002"
name = "anywhere"
tokens = ["cat"]
word-boundary = false
[[rule.test]]
text = "Concatenate."
flags = 1
''')
    linter = linter_for(source)
    codes = [d.code for d in linter.lint("Cat, cat, cat-like, Concatenate.", kind=TEXT)]
    assert codes.count("TS001") == 1
    assert codes.count("TS002") == 4


def test_severity_message_and_display_only():
    source = pack('''
[[rule]]
code = "TS001"
name = "wordy"
kind = "substitution"
severity = "info"
applicability = "display-only"
message = "Consider '{replacement}' for '{match}'"
[rule.swap]
"in order to" = "to"
[[rule.test]]
text = "In order to go."
fixed = "In order to go."
''')
    linter = linter_for(source)
    (finding,) = linter.lint("In order to go.", kind=TEXT)
    assert finding.severity is Severity.INFO
    assert finding.message == "Consider 'To' for 'In order to'"
    assert not finding.fixable
    assert linter.fix("In order to go.", kind=TEXT, unsafe=True).text == "In order to go."
    assert not linter.rules[0].fixable


def test_pattern_swap_uses_groups():
    source = pack(r'''
[[rule]]
code = "TS001"
name = "percent"
kind = "substitution"
[rule.pattern-swap]
'(\d+) per cent' = '\1%'
[[rule.test]]
text = "Up 5 per cent."
fixed = "Up 5%."
''')
    assert linter_for(source).fix("Up 5 per cent, 10 per cent.", kind=TEXT,
                                  unsafe=False).text == "Up 5%, 10%."


def test_scopes_paragraph_and_heading():
    source = pack('''
[[rule]]
code = "TS001"
name = "prompt"
tokens = ["Leave a Reply"]
scope = "paragraph"
[[rule.test]]
text = "Leave a Reply"
flags = 1

[[rule]]
code = "TS002"
name = "heading-word"
tokens = ["utilize"]
scope = "heading"
[[rule.test]]
text = "# Utilize it"
markdown = true
flags = 1
''')
    linter = linter_for(source)
    text = "# Utilize it\n\nWe utilize it. Leave a Reply below.\n\nLeave a Reply\n"
    found = linter.lint(text, kind=DocumentKind.MARKDOWN)
    assert [(d.code, d.line) for d in found] == [("TS002", 1), ("TS001", 5)]


def test_remove_deletes_the_paragraph_only_with_unsafe_fixes():
    source = pack('''
[[rule]]
code = "TS001"
name = "prompt"
tokens = ["Leave a Replay"]
scope = "paragraph"
remove = true
applicability = "unsafe"
[[rule.test]]
text = "End.\\n\\nLeave a Replay"
fixed = "End."
unsafe = true
''')
    linter = linter_for(source)
    text = "End.\n\nLeave a Replay\n"
    assert linter.fix(text, kind=TEXT, unsafe=False).text == text
    assert linter.fix(text, kind=TEXT, unsafe=True).text == "End.\n"


CONSISTENCY = pack('''
[[rule]]
code = "TS001"
name = "one-spelling"
kind = "consistency"
applicability = "unsafe"
groups = [["email", "e-mail"], ["website", "web site"]]
[[rule.test]]
text = "An email, an email, an e-mail."
fixed = "An email, an email, an email."
unsafe = true
''')


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("An e-mail, an email, an e-mail.", "An e-mail, an e-mail, an e-mail."),
        ("E-mail first. Then email.", "E-mail first. Then e-mail."),
        ("Email first. Then e-mail.", "Email first. Then email."),
        ("A website. A Web site. A website.", "A website. A Website. A website."),
        ("Only e-mail here, e-mail again.", "Only e-mail here, e-mail again."),
        ("A web site and an email.", "A web site and an email."),
    ],
)
def test_consistency_follows_the_usual_spelling(text, fixed):
    linter = linter_for(CONSISTENCY)
    assert linter.fix(text, kind=TEXT, unsafe=True).text == fixed
    assert bool(linter.lint(text, kind=TEXT)) == (text != fixed)


def test_consistency_message():
    (finding,) = linter_for(CONSISTENCY).lint("An email, an email, an e-mail.", kind=TEXT)
    assert finding.message == "'e-mail' here, 'email' elsewhere in this document"
    assert finding.fix.applicability is Applicability.UNSAFE


# --- loading and the CLI --------------------------------------------------------------------


def make_project(tmp_path: Path, config: str, packs: dict[str, str]) -> Path:
    for name, text in packs.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / ".copyfix.toml").write_text(config, encoding="utf-8")
    return tmp_path / "docs"


def test_project_pack_loads_relative_to_the_config_file(tmp_path):
    docs = make_project(tmp_path, 'packs = ["../style/p.toml", "misspellings"]\n',
                        {"style/p.toml": SUBSTITUTION})
    (docs / "a.md").write_text("Send an e-mail untill noon.\n", encoding="utf-8")
    code, output = run_cli(["lint", "--no-cache", "--format", "json", "docs/a.md"], tmp_path)
    assert code == 1, output
    codes = [d["code"] for d in json.loads(output)]
    assert codes == ["TS001", "MS001"]
    code, output = run_cli(["fix", "--no-cache", "docs/a.md"], tmp_path)
    assert (docs / "a.md").read_text() == "Send an email until noon.\n"


def test_pack_rules_obey_select_ignore_and_suppressions(tmp_path):
    docs = make_project(tmp_path, 'packs = ["../p.toml"]\n', {"p.toml": SUBSTITUTION})
    (docs / "a.md").write_text(
        "An e-mail,the end.\n\n<!-- copyfix: disable-next-line TS001 -->\nAn e-mail.\n",
        encoding="utf-8",
    )

    def codes(*args: str) -> list[tuple[str, int]]:
        _, output = run_cli(["lint", "--no-cache", "--format", "json", *args, "a.md"], docs)
        return [(d["code"], d["line"]) for d in json.loads(output)]

    assert ("TS001", 1) in codes() and ("TS001", 4) not in codes()
    assert {c for c, _ in codes("--select", "TS")} == {"TS001"}
    assert {c for c, _ in codes("--select", "write-email")} == {"TS001"}
    assert "TS001" not in {c for c, _ in codes("--ignore", "TS001")}


def test_rules_and_rule_list_pack_rules(tmp_path):
    docs = make_project(tmp_path, 'packs = ["../p.toml", "wordy-phrases"]\n',
                        {"p.toml": SUBSTITUTION})
    code, output = run_cli(["rules", "--format", "json"], docs)
    assert code == 0, output
    listed = {r["code"]: r for r in json.loads(output)}
    assert listed["TS001"]["name"] == "write-email"
    assert listed["TS001"]["fixable"] is True
    assert listed["WP001"]["fixable"] is False
    code, output = run_cli(["rule", "TS001"], docs)
    assert code == 0, output
    assert "test-pack" in output


def test_unknown_builtin_pack_name_is_an_error(tmp_path):
    docs = make_project(tmp_path, 'packs = ["no-such-pack"]\n', {})
    (docs / "a.md").write_text("Text.\n")
    code, output = run_cli(["lint", "a.md"], docs)
    assert code == 2
    assert "no-such-pack" in output and "misspellings" in output


BAD_PACKS = {
    "bad-toml": (pack('[[rule]]\ncode = "TS001\n'), "p.toml:7:", "invalid TOML"),
    "duplicate-code": (
        SUBSTITUTION + SUBSTITUTION.split("\n\n", 1)[1].replace("write-email", "other"),
        "p.toml:20: rule TS001: key 'code'", "duplicate code 'TS001'",
    ),
    "invalid-regex": (
        pack('[[rule]]\ncode = "TS001"\nname = "x"\npatterns = ["(unclosed"]\n'
             '[[rule.test]]\ntext = "a"\n'),
        "p.toml:9: rule TS001: key 'patterns'", "invalid regex '(unclosed'",
    ),
    "unknown-key": (
        SUBSTITUTION.replace('kind = "substitution"', 'kind = "substitution"\ncolour = "red"'),
        "p.toml:11: rule TS001: key 'colour'", "unknown key",
    ),
    "wrong-prefix": (
        SUBSTITUTION.replace('code = "TS001"', 'code = "XY001"'),
        "p.toml:8: rule XY001: key 'code'", "does not start with the pack prefix 'TS'",
    ),
    "unknown-test-key": (
        SUBSTITUTION.replace('fixed = "An email."', 'fixed = "An email."\nexpect = 1'),
        "p.toml:18: rule TS001: key 'test.expect'", "unknown key",
    ),
    "bad-placeholder": (
        SUBSTITUTION.replace("not '{match}'", "not '{matched}'"),
        "p.toml:11: rule TS001: key 'message'", "unknown placeholder '{matched}'",
    ),
    "empty-pattern": (
        pack('[[rule]]\ncode = "TS001"\nname = "x"\npatterns = ["a*"]\n'
             '[[rule.test]]\ntext = "a"\n'),
        "key 'patterns'", "matches the empty string",
    ),
    "builtin-family": (pack(SUBSTITUTION.split("\n\n", 1)[1].replace("TS001", "SP001"), "SP"),
                       "key 'pack.prefix'", "family of copyfix's built-in rules"),
    "no-tests": (
        pack('[[rule]]\ncode = "TS001"\nname = "x"\ntokens = ["a"]\n'),
        "key 'test'", "at least one [[rule.test]]",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_PACKS))
def test_broken_pack_exits_2_naming_file_line_and_key(case, tmp_path):
    text, where, problem = BAD_PACKS[case]
    docs = make_project(tmp_path, 'packs = ["../p.toml"]\n', {"p.toml": text})
    (docs / "a.md").write_text("Text.\n")
    for args in (["lint", "--no-cache", "a.md"], ["rules"], ["test-rules", "../p.toml"]):
        code, output = run_cli(args, docs)
        assert code == 2, (args, output)
        assert where in output, output
        assert problem in output, output


def test_same_code_in_two_packs_is_an_error(tmp_path):
    docs = make_project(tmp_path, 'packs = ["../a.toml", "../b.toml"]\n',
                        {"a.toml": SUBSTITUTION, "b.toml": SUBSTITUTION})
    (docs / "a.md").write_text("Text.\n")
    code, output = run_cli(["lint", "a.md"], docs)
    assert code == 2
    assert "b.toml: rule TS001: 'TS001' is already used by" in output and "a.toml" in output


def test_parse_errors_raise_pack_error():
    with pytest.raises(PackError, match=r"x\.toml:1: missing \[pack\] table"):
        parse_pack_text("[[rule]]\n", "x.toml")


# --- the time limit -------------------------------------------------------------------------


CATASTROPHIC = pack('''
[[rule]]
code = "TS001"
name = "slow"
patterns = ['(a+)+$']
[[rule.test]]
text = "b"
''')


def test_catastrophic_pattern_is_stopped_and_reported(monkeypatch):
    linter = linter_for(CATASTROPHIC)
    text = "Start.\n\n" + "a" * 5000 + "!\n"
    started = time.monotonic()
    found = linter.lint(text, kind=TEXT)
    elapsed = time.monotonic() - started
    assert elapsed < packs.PATTERN_TIME_LIMIT + 2.0
    (finding,) = found
    assert finding.message.startswith("Pack error: a pattern of TS001 (test.toml) ran longer")
    assert finding.line == 3


def test_catastrophic_pattern_through_the_cli(tmp_path, monkeypatch):
    monkeypatch.setattr(pack_rule, "PATTERN_TIME_LIMIT", 0.3)
    docs = make_project(tmp_path, 'packs = ["../p.toml"]\n', {"p.toml": CATASTROPHIC})
    (docs / "a.txt").write_text("a" * 5000 + "!\n")
    started = time.monotonic()
    code, output = run_cli(["lint", "--no-cache", "-j", "1", "a.txt"], docs)
    assert time.monotonic() - started < 5
    assert code == 1, output
    assert "Pack error" in output and "0.3 s" in output


# --- the shipped packs' content -------------------------------------------------------------


def test_misspellings_are_certain():
    (rule,) = packs.load_pack("misspellings", ROOT)
    swaps = rule.replacements
    assert len(swaps) >= 150
    for wrong, right in swaps.items():
        assert regex.fullmatch(r"[a-z]+", wrong), wrong
        assert regex.fullmatch(r"[A-Za-z]+(?: [a-z]+)?", right), right
        assert wrong != right.lower()
    # Real words, names or entries with two corrections: never listed.
    for word in ("teh", "adn", "alot", "calender", "grammer", "wich", "whith", "realy",
                 "publically", "supercede", "ukelele", "persistant", "consistant"):
        assert word not in swaps, word
    assert not set(swaps) & set(swaps.values())


def test_wordy_phrases_only_report():
    for rule in packs.load_pack("wordy-phrases", ROOT):
        assert not rule.fixable
        assert rule.severity is Severity.INFO


def test_web_scraped_pack_on_the_seed():
    seed = ROOT / "seeds" / "china-asean-mayors-dialogue.txt"
    code, output = run_cli(["lint", "--no-cache", "--format", "json", str(seed)], ROOT)
    found = [d for d in json.loads(output) if d["code"].startswith("WS")]
    assert [(d["code"], d["fix"] and d["fix"]["applicability"]) for d in found] == [
        ("WS002", None), ("WS001", "unsafe"),
    ]
    assert "How can individuals contribute" in seed.read_text().splitlines()[found[0]["line"] - 1]
    assert seed.read_text().splitlines()[found[1]["line"] - 1].strip() == "Leave a Replay"


def test_a_three_letter_prefix_is_the_family_of_its_rules():
    source = pack(SUBSTITUTION.split("\n\n", 1)[1].replace("TS001", "ABC001"), "ABC")
    [rule] = parse_pack_text(source, "abc.toml")
    assert rule.family == rule.info().family == "ABC"
    [finding] = linter_for(source).lint("An e-mail.", kind=TEXT)
    assert finding.family == "ABC"
