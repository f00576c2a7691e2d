"""Reading a pack's TOML into rules, validating every table and key on the way; each problem is
one ``PackError`` naming the file, the line, the rule and the key."""

from __future__ import annotations

import tomllib
from typing import Any, NoReturn

import regex

from copyfix.lint.fixer import CONTROL_CHARACTERS
from copyfix.model import Severity
from copyfix.packs.rule import PackRule
from copyfix.packs.spec import (
    ALL_RULE_KEYS,
    APPLICABILITIES,
    COMMON_KEYS,
    GROUP_REF,
    KIND_KEYS,
    KINDS,
    NAME_PATTERN,
    PACK_KEYS,
    PLACEHOLDER,
    PREFIX_PATTERN,
    SCOPES,
    TEST_KEYS,
    TOML_POSITION,
    PackError,
    PackTest,
)
from copyfix.packs.toml_lines import TomlLocator


def parse_pack_text(text: str, display: str) -> list[PackRule]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        position = TOML_POSITION.search(message)
        where = f"{display}:{position[1]}:{position[2]}" if position else display
        reason = TOML_POSITION.sub("", message).strip()
        raise PackError(f"{where}: invalid TOML: {reason}") from None
    return parse_pack(data, display, text)


def parse_pack(data: dict[str, Any], display: str, text: str = "") -> list[PackRule]:
    where = TomlLocator(text)
    pack = data.get("pack")
    if not isinstance(pack, dict):
        raise PackError(f"{display}:1: missing [pack] table (name, prefix, description)")
    for key in data:
        if key not in ("pack", "rule"):
            raise PackError(f"{display}:1: key '{key}': unknown top-level key")
    for key in pack:
        if key not in PACK_KEYS:
            raise PackError(f"{display}:{where.pack_key(key)}: key 'pack.{key}': unknown key")
    name = pack.get("name")
    prefix = pack.get("prefix")
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        raise PackError(
            f"{display}:{where.pack_key('name')}: key 'pack.name': expected a kebab-case name"
        )
    if not isinstance(prefix, str) or not PREFIX_PATTERN.fullmatch(prefix):
        raise PackError(
            f"{display}:{where.pack_key('prefix')}: key 'pack.prefix': "
            "expected two or three capital letters"
        )
    if not isinstance(pack.get("description", ""), str):
        raise PackError(
            f"{display}:{where.pack_key('description')}: key 'pack.description': expected a string"
        )
    specs = data.get("rule", [])
    if not isinstance(specs, list) or not specs:
        raise PackError(f"{display}:1: key 'rule': a pack needs at least one [[rule]]")
    rules: list[PackRule] = []
    seen: dict[str, int] = {}
    for index, spec in enumerate(specs):
        checker = RuleChecker(spec, index, prefix, display, where)
        tests = checker.validate()
        for key in ("code", "name"):
            value = spec[key]
            if value in seen:
                checker.fail(key, f"duplicate {key} '{value}' (first used on line {seen[value]})")
            seen[value] = where.key(index, key)
        rules.append(PackRule(spec, name, display, tests))
    return rules


class RuleChecker:
    """Validates one ``[[rule]]`` table; every error names file, line, rule and key."""

    def __init__(
        self, spec: Any, index: int, prefix: str, display: str, where: TomlLocator
    ) -> None:
        self.spec = spec
        self.index = index
        self.prefix = prefix
        self.display = display
        self.where = where

    def fail(self, key: str, problem: str, test: int | None = None) -> NoReturn:
        line = self.where.key(self.index, key.split(".")[-1], test)
        code = self.spec.get("code") if isinstance(self.spec, dict) else None
        label = f"rule {code}" if isinstance(code, str) else f"rule #{self.index + 1}"
        raise PackError(f"{self.display}:{line}: {label}: key '{key}': {problem}")

    def validate(self) -> tuple[PackTest, ...]:
        spec = self.spec
        if not isinstance(spec, dict):
            raise PackError(f"{self.display}:{self.where.rule(self.index)}: expected a table")
        code = spec.get("code")
        if not isinstance(code, str) or not regex.fullmatch(r"[A-Z]{2,3}\d{3}", code):
            self.fail("code", f"expected the pack prefix {self.prefix} and three digits")
        if not code.startswith(self.prefix) or not code[len(self.prefix) :].isdigit():
            self.fail("code", f"'{code}' does not start with the pack prefix '{self.prefix}'")
        if not isinstance(spec.get("name"), str) or not NAME_PATTERN.fullmatch(spec["name"]):
            self.fail("name", "expected a kebab-case name")
        kind = spec.get("kind", "existence")
        if kind not in KINDS:
            self.fail("kind", f"expected one of {', '.join(KINDS)}")
        for key in spec:
            if key not in ALL_RULE_KEYS:
                self.fail(key, "unknown key")
            if key not in COMMON_KEYS and key not in KIND_KEYS[kind]:
                self.fail(key, f"not used by a {kind} rule")
        for key in ("message", "summary", "doc"):
            if not isinstance(spec.get(key, ""), str):
                self.fail(key, "expected a string")
        for key in ("ignore-case", "word-boundary", "remove"):
            if not isinstance(spec.get(key, False), bool):
                self.fail(key, "expected true or false")
        self._choice("severity", [s.label for s in Severity])
        self._choice("scope", list(SCOPES))
        self._choice("applicability", list(APPLICABILITIES))
        self._message(kind)
        getattr(self, f"_{kind}")()
        return self._tests()

    def _choice(self, key: str, allowed: list[str]) -> None:
        if key in self.spec and self.spec[key] not in allowed:
            self.fail(key, f"expected one of {', '.join(allowed)}")

    def _message(self, kind: str) -> None:
        allowed = {"match"} if kind == "existence" else {"match", "replacement"}
        for found in PLACEHOLDER.findall(self.spec.get("message", "")):
            if found not in allowed:
                names = " and ".join(f"{{{a}}}" for a in sorted(allowed))
                self.fail("message", f"unknown placeholder '{{{found}}}' (use {names})")

    def _strings(self, key: str) -> list[str]:
        value = self.spec.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(key, "expected a list of non-empty strings")
        return value

    def _table(self, key: str) -> dict[str, str]:
        value = self.spec.get(key, {})
        if not isinstance(value, dict) or not all(
            isinstance(v, str) and k.strip() for k, v in value.items()
        ):
            self.fail(key, "expected a table of phrase = replacement")
        return value

    def _pattern(self, key: str, pattern: str) -> regex.Pattern:
        flags = regex.V0 | (regex.I if self.spec.get("ignore-case", True) else 0)
        try:
            compiled = regex.compile(pattern, flags)
        except regex.error as exc:
            self.fail(key, f"invalid regex '{pattern}': {exc}")
        if compiled.fullmatch("") is not None:
            self.fail(key, f"the regex '{pattern}' matches the empty string")
        return compiled

    def _existence(self) -> None:
        tokens = self._strings("tokens")
        patterns = self._strings("patterns")
        if not tokens and not patterns:
            self.fail("tokens", "an existence rule needs 'tokens' or 'patterns'")
        for pattern in patterns:
            self._pattern("patterns", pattern)
        if self.spec.get("remove") and self.spec.get("scope", "text") != "paragraph":
            self.fail("remove", 'removing is only for whole paragraphs: add scope = "paragraph"')

    def _substitution(self) -> None:
        swap = self._table("swap")
        pattern_swap = self._table("pattern-swap")
        if not swap and not pattern_swap:
            self.fail("swap", "a substitution needs a table of phrase = replacement")
        keys: dict[str, str] = {}
        ignore_case = self.spec.get("ignore-case", True)
        for phrase in swap:
            key = " ".join(phrase.split())
            key = key.lower() if ignore_case else key
            if key in keys:
                self.fail("swap", f"'{phrase}' and '{keys[key]}' are the same phrase")
            keys[key] = phrase
        for pattern, template in pattern_swap.items():
            compiled = self._pattern("pattern-swap", pattern)
            for name, number in GROUP_REF.findall(template):
                ok = (
                    (int(number) <= compiled.groups)
                    if number
                    else (
                        name in compiled.groupindex
                        or (name.isdigit() and int(name) <= compiled.groups)
                    )
                )
                if not ok:
                    self.fail("pattern-swap", f"{template!r} refers to a group {pattern!r} lacks")
            self._template(compiled, pattern, template)
        for phrase, replacement in swap.items():
            self._no_controls("swap", replacement, f"the replacement of {phrase!r}")

    def _template(self, compiled: regex.Pattern, pattern: str, template: str) -> None:
        """Expand ``template`` once at load, so a bad escape (``\\q``, an unclosed ``\\g<1``, a
        trailing backslash) is an error here and not a traceback in the middle of a run, and a
        template that writes a control character (``\\0``) is refused."""
        try:
            literal = _empty_match(compiled).expand(template)
        except (regex.error, IndexError) as exc:
            self.fail("pattern-swap", f"invalid replacement {template!r} for {pattern!r}: {exc}")
        self._no_controls("pattern-swap", literal, f"the replacement {template!r}")

    def _no_controls(self, key: str, text: str, what: str) -> None:
        found = CONTROL_CHARACTERS.search(text)
        if found:
            self.fail(key, f"{what} contains the control character U+{ord(found[0]):04X}")

    def _consistency(self) -> None:
        groups = self.spec.get("groups")
        if not isinstance(groups, list) or not groups:
            self.fail("groups", 'expected a list of spelling groups, e.g. [["email", "e-mail"]]')
        ignore_case = self.spec.get("ignore-case", True)
        seen: set[str] = set()
        for group in groups:
            if (
                not isinstance(group, list)
                or len(group) < 2
                or not all(isinstance(t, str) and t.strip() for t in group)
            ):
                self.fail("groups", "each group is a list of two or more spellings")
            for term in group:
                key = " ".join(term.split())
                key = key.lower() if ignore_case else key
                if key in seen:
                    self.fail("groups", f"'{term}' appears twice")
                seen.add(key)
                self._no_controls("groups", term, f"the spelling {term!r}")

    def _tests(self) -> tuple[PackTest, ...]:
        tests = self.spec.get("test", [])
        if not isinstance(tests, list) or not tests:
            self.fail("test", "every rule needs at least one [[rule.test]]")
        result: list[PackTest] = []
        for number, test in enumerate(tests):
            if not isinstance(test, dict) or not isinstance(test.get("text"), str):
                self.fail("test", "each test needs a 'text' string", number)
            for key in test:
                if key not in TEST_KEYS:
                    self.fail(
                        f"test.{key}",
                        "unknown key (expected text, fixed, flags, markdown, unsafe)",
                        number,
                    )
            if not isinstance(test.get("fixed", ""), str):
                self.fail("test.fixed", "expected a string", number)
            flags = test.get("flags", 0)
            if not isinstance(flags, int) or isinstance(flags, bool) or flags < 0:
                self.fail("test.flags", "expected a count of findings (0 or more)", number)
            for key in ("markdown", "unsafe"):
                if not isinstance(test.get(key, False), bool):
                    self.fail(f"test.{key}", "expected true or false", number)
            line = self.where.key(self.index, "text", number)
            result.append(
                PackTest(
                    test["text"],
                    test.get("fixed"),
                    test.get("flags"),
                    test.get("markdown", False),
                    test.get("unsafe", False),
                    line,
                )
            )
        return tuple(result)


def _empty_match(compiled: regex.Pattern) -> Any:
    """A match with the groups (numbers and names) of ``compiled``, each matching nothing: what
    a template expands to with it is the template's own text."""
    names = {number: name for name, number in compiled.groupindex.items()}
    groups = "".join(
        f"(?P<{names[i]}>)" if i in names else "()" for i in range(1, compiled.groups + 1)
    )
    return regex.compile(groups).match("")
