"""What every report format shares: file problems, visible control characters, file names that
are not UTF-8, and paths relative to the repository that CI systems resolve them from."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class FileProblem:
    """A file that was not checked: it could not be read or decoded (``crash`` False), or its
    check raised (``crash`` True). Every format reports it, so a skipped file never looks like a
    pass."""

    path: str
    reason: str
    crash: bool = False


# C0 controls but tab, DEL and C1 controls: a terminal may act on them (clear the screen, set the
# window title) and a one-line format would be cut at a line break.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    if char < "\x20":
        return chr(0x2400 + ord(char))  # the Control Pictures block: \n is ␊, ESC is ␛
    if char == "\x7f":
        return "\u2421"  # ␡
    return "\ufffd"  # C1 and the Unicode line separators have no picture


def visible(text: str) -> str:
    """``text`` with every control character (tab aside) replaced by one visible character, so
    columns still line up and nothing reaches a terminal or breaks a line."""
    return _CONTROL.sub(_picture, text)


def shown_path(path: str) -> str:
    """A path as valid Unicode: a file name that is not UTF-8 (decoded by Python with lone
    surrogates) shows its undecodable bytes as ``\\xNN``."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        raw = path.encode("utf-8", "surrogateescape")
        return raw.decode("utf-8", "backslashreplace")
    return path


def path_bytes(path: str) -> bytes:
    """The file name's bytes as the file system holds them."""
    return path.encode("utf-8", "surrogateescape")


def repository_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` (the working folder) holding ``.git``; the
    working folder itself outside a repository. GitHub resolves annotation and SARIF paths from
    the repository root, not from where copyfix ran."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def repository_path(path: str, root: Path) -> str | None:
    """``path`` relative to ``root`` with forward slashes, or None when it lies outside."""
    if path == "-":
        return None
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        try:
            relative = absolute.resolve().relative_to(root)
        except (ValueError, OSError):
            return None
    return relative.as_posix()
