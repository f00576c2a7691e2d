"""Where tables and keys stand in a pack's TOML text, so errors can name a line."""

from __future__ import annotations

import regex


class TomlLocator:
    """Line numbers of tables and keys in a pack's TOML text, for error messages. TOML parsers do
    not report positions of values, so this reads the text line by line; it understands the
    layout packs use (``[[rule]]`` blocks with plain keys and sub-tables) and otherwise falls
    back to the line of the enclosing table."""

    _RULE = regex.compile(r"^\s*\[\[\s*rule\s*\]\]")
    _TEST = regex.compile(r"^\s*\[\[\s*rule\s*\.\s*test\s*\]\]")
    _PACK = regex.compile(r"^\s*\[\s*pack\s*\]")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.rules = [i for i, line in enumerate(self.lines) if self._RULE.match(line)]
        self.pack = next((i for i, line in enumerate(self.lines) if self._PACK.match(line)), None)

    def _block(self, index: int) -> range:
        if index >= len(self.rules):
            return range(0)
        end = self.rules[index + 1] if index + 1 < len(self.rules) else len(self.lines)
        return range(self.rules[index], end)

    def rule(self, index: int) -> int:
        return self.rules[index] + 1 if index < len(self.rules) else 1

    def key(self, index: int, key: str, test: int | None = None) -> int:
        block = self._block(index)
        if test is not None:
            starts = [i for i in block if self._TEST.match(self.lines[i])]
            if test < len(starts):
                block = range(
                    starts[test], starts[test + 1] if test + 1 < len(starts) else block.stop
                )
        quoted = regex.escape(key)
        pattern = regex.compile(
            rf"""^\s*(?:{quoted}|"{quoted}"|'{quoted}')\s*=|^\s*\[\[?\s*rule\s*\.\s*{quoted}\s*\]"""
        )
        for i in block:
            if pattern.match(self.lines[i]):
                return i + 1
        return (block.start + 1) if block else self.rule(index)

    def pack_key(self, key: str) -> int:
        if self.pack is None:
            return 1
        pattern = regex.compile(rf"^\s*{regex.escape(key)}\s*=")
        for i in range(self.pack + 1, len(self.lines)):
            if self.lines[i].lstrip().startswith("["):
                break
            if pattern.match(self.lines[i]):
                return i + 1
        return self.pack + 1
