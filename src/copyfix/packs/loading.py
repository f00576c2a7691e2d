"""Finding packs by built-in name or path and loading several together without clashes."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from copyfix.packs.parse import parse_pack_text
from copyfix.packs.rule import PackRule
from copyfix.packs.spec import PackError
from copyfix.rules import builtin_rules


def builtin_pack_names() -> list[str]:
    folder = resources.files("copyfix") / "packs" / "builtin"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _pack_source(ref: str, root: Path) -> tuple[str, str]:
    """(display name, TOML text) for a built-in pack name or a path relative to ``root``."""
    if ref in builtin_pack_names():
        text = (resources.files("copyfix") / "packs" / "builtin" / f"{ref}.toml").read_text(
            encoding="utf-8"
        )
        return f"<builtin>/{ref}.toml", text
    path = Path(ref)
    if not path.is_absolute():
        path = root / path
    known = ", ".join(builtin_pack_names())
    if not ref.endswith(".toml") and "/" not in ref and "\\" not in ref and not path.exists():
        raise PackError(f"{ref}: no built-in pack of that name (built-in packs: {known})")
    try:
        return _display(path), path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise PackError(
            f"{_display(path)}: cannot read pack ({reason}); built-in packs are: {known}"
        ) from None


def load_pack(ref: str, root: Path) -> list[PackRule]:
    display, text = _pack_source(ref, root)
    return parse_pack_text(text, display)


def load_packs(refs: list[str], root: Path) -> list[PackRule]:
    """Every rule of every pack in ``refs``; a code or name used twice, or one that collides
    with a built-in rule, is an error."""
    builtin = list(builtin_rules())
    families = {rule.family for rule in builtin}
    taken: dict[str, str] = {}
    for rule in builtin:
        taken[rule.code] = taken[rule.name] = "copyfix's built-in rules"
    rules: list[PackRule] = []
    for ref in refs:
        pack_rules = load_pack(ref, root)
        for rule in pack_rules:
            if rule.family in families:
                raise PackError(
                    f"{rule.source}: key 'pack.prefix': '{rule.family}' is a family of "
                    "copyfix's built-in rules; choose another prefix"
                )
            for key in (rule.code, rule.name):
                if key in taken:
                    raise PackError(
                        f"{rule.source}: rule {rule.code}: '{key}' is already used by {taken[key]}"
                    )
                taken[key] = rule.source
        rules.extend(pack_rules)
    return rules
