"""Rule packs: declarative rules in TOML, loaded by name (built-in) or by path (project).

A pack has a ``[pack]`` table (name, prefix, description) and ``[[rule]]`` entries of three kinds:
``existence`` flags words, phrases or patterns; ``substitution`` replaces them, keeping the
original's capitalisation; ``consistency`` flags the minority spelling of a term written two ways in
one document. Every rule carries ``[[rule.test]]`` cases that ``copyfix test-rules`` runs. Patterns
use the ``regex`` module with a time limit per document, so a catastrophic pattern is stopped and
reported instead of hanging a commit. ``rules/README.md`` documents the format.
"""

from copyfix.packs.inline_tests import TestFailure, check_rule, check_rule_tests, run_pack_tests
from copyfix.packs.loading import builtin_pack_names, load_pack, load_packs
from copyfix.packs.parse import parse_pack, parse_pack_text
from copyfix.packs.rule import PATTERN_TIME_LIMIT, PackRule, PackTimeout, keep_case
from copyfix.packs.spec import KINDS, SCOPES, PackError, PackTest

__all__ = [
    "KINDS",
    "PATTERN_TIME_LIMIT",
    "SCOPES",
    "PackError",
    "PackRule",
    "PackTest",
    "PackTimeout",
    "TestFailure",
    "builtin_pack_names",
    "check_rule",
    "check_rule_tests",
    "keep_case",
    "load_pack",
    "load_packs",
    "parse_pack",
    "parse_pack_text",
    "run_pack_tests",
]
