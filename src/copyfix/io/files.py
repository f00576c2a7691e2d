"""Files: find them, read and decode them faithfully, and write fixes atomically.

A file keeps its encoding, byte-order mark, newline style and mode. Text is handed to rules
with ``\\n`` newlines and converted back on write. Writes go to a temporary file in the same
folder followed by ``os.replace``, so a crash leaves either the old file or the new one.
"""

from __future__ import annotations

import codecs
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from copyfix.config import schema as config_schema

DEFAULT_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx", ".rst", ".rest"}
)
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})
TEMP_SUFFIX = ".copyfix-tmp"
_SNIFF = 8192


class FileError(Exception):
    """A file that cannot be processed; ``str()`` is the one-line reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class BinaryFileError(FileError):
    """A file with NUL bytes: an error when named on the command line, skipped in a walk."""


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    display: str
    text: str
    encoding: str
    bom: bytes
    newline: str
    raw: bytes

    @property
    def target(self) -> Path:
        """Where a fix is written: through a symlink the user named, to its target."""
        return Path(os.path.realpath(self.path))


def discover(
    paths: Iterable[str],
    *,
    suffixes: frozenset[str] = DEFAULT_SUFFIXES,
    excluded: Callable[[Path], bool] = lambda _: False,
) -> Iterator[Path | FileError]:
    """Yield the files to check: named files as given, and matching files under named folders.

    Folders named ``.git``, ``.venv``, ``node_modules`` and every hidden folder are skipped, as are
    symlinks met while walking. A missing path is yielded as a ``FileError``. Each file is
    yielded once, under the first name it is found by, however many times it is named or found
    (the same path twice, a folder and a file in it, a symlink and its target, hard links).
    """
    seen: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        if not os.path.lexists(path):
            yield FileError(raw, "no such file or directory")
        elif path.is_dir():
            yield from (p for p in _walk(path, suffixes, excluded) if _first_time(p, seen))
        elif not excluded(path) and _first_time(path, seen):
            yield path


def _first_time(path: Path, seen: set[tuple[int, int]]) -> bool:
    try:
        st = os.stat(path)
    except OSError:
        return True  # reading it will report the problem
    key = (st.st_dev, st.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk(root: Path, suffixes, excluded) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".")
            and d not in SKIPPED_DIRS
            and not os.path.islink(here / d)
            and not excluded(here / d)
        )
        for name in sorted(filenames):
            path = here / name
            if (
                Path(name).suffix.lower() in suffixes
                and not name.startswith(".")
                and not os.path.islink(path)
                and not excluded(path)
            ):
                yield path


def read_source(
    path: Path, display: str | None = None, max_bytes: int | None = None
) -> SourceFile:
    """Read and decode ``path``; a file over ``max_bytes`` (default: the default of the
    ``max-file-size`` setting) is refused before it is read."""
    display = display or str(path)
    limit = config_schema.MAX_FILE_BYTES if max_bytes is None else max_bytes
    try:
        st = os.stat(path)
    except OSError as exc:
        raise FileError(display, _reason(exc)) from None
    if not stat.S_ISREG(st.st_mode):
        raise FileError(display, "not a regular file")
    if st.st_size > limit:
        raise FileError(display, _too_large(st.st_size, limit))
    try:
        # O_NONBLOCK: should the path be swapped for a FIFO after the check above, opening it
        # must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise FileError(display, "not a regular file")
            raw = fh.read(limit + 1)
        if len(raw) > limit:
            raise FileError(display, _too_large(len(raw), limit, grew=True))
    except OSError as exc:
        raise FileError(display, _reason(exc)) from None
    return decode_source(raw, path, display)


def _too_large(size: int, limit: int, *, grew: bool = False) -> str:
    # Exact byte counts: rounded megabytes read "10.0 MB; the limit is 10.0 MB" for a file one
    # byte over the limit.
    what = f"over {limit:,} bytes" if grew else f"{size:,} bytes, {size / 1e6:.2f} MB"
    return (
        f"file too large ({what}; the limit is {limit:,} bytes, set by max-file-size), skipped"
    )


def decode_source(raw: bytes, path: Path, display: str) -> SourceFile:
    bom = b""
    encoding = "utf-8"
    if raw.startswith(codecs.BOM_UTF8):
        bom, body = codecs.BOM_UTF8, raw[3:]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        bom, body = raw[:2], raw[2:]
        encoding = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    else:
        body = raw
    if encoding == "utf-8" and b"\x00" in body[:_SNIFF] and not _info_markers_only(body):
        raise BinaryFileError(display, "binary file (contains NUL bytes), skipped")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        raise FileError(
            display,
            f"not valid {encoding.upper()} (byte 0x{body[exc.start]:02x} at offset "
            f"{exc.start + len(bom)}), skipped",
        ) from None
    if "\x00" in text and not _info_markers_only(body):
        raise BinaryFileError(display, "binary file (contains NUL characters), skipped")
    newline = _newline_style(text)
    if newline != "\n":
        text = text.replace(newline, "\n")
    return SourceFile(path, display, text, encoding, bom, newline, raw)


def _info_markers_only(body: bytes) -> bool:
    """Every NUL byte of ``body`` opens a GNU Info marker, ``\\0\\b[index\\0\\b]``, which
    makeinfo writes into the text of an index node (Texinfo manual, "Info Format
    Specification"): the file is text, and ``copyfix.text.info`` masks the markers."""
    nuls = body.count(b"\x00")
    return nuls == body.count(b"\x00\x08[") + body.count(b"\x00\x08]")


def _newline_style(text: str) -> str:
    """The file's newline if it uses one style throughout; mixed files are kept as they are."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    if crlf and not cr and not lf:
        return "\r\n"
    if cr and not crlf and not lf:
        return "\r"
    return "\n"


def encode_text(source: SourceFile, text: str) -> bytes:
    if source.newline != "\n":
        text = text.replace("\n", source.newline)
    return source.bom + text.encode(source.encoding)


def write_source(source: SourceFile, text: str) -> bool:
    """Write ``text`` back if its bytes differ; return whether the file was written."""
    data = encode_text(source, text)
    if data == source.raw:
        return False
    target = source.target
    try:
        st = os.stat(target)
        mode = stat.S_IMODE(st.st_mode)
        if not _writable(target, mode):
            raise FileError(source.display, "cannot write: the file is read-only, left unchanged")
        if not _writable(target.parent, stat.S_IMODE(os.stat(target.parent).st_mode)):
            raise FileError(
                source.display, "cannot write: its folder is read-only, left unchanged"
            )
        current = _current_bytes(target, max(len(source.raw), len(data)) + 1)
        if current == data:
            return False  # another run (or the user) already wrote exactly this
        if current != source.raw:
            raise FileError(
                source.display, "changed on disk while it was being fixed, left unchanged"
            )
        if st.st_nlink > 1:
            return _write_in_place(source, target, st, data)
        fd, tmp = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX
        )
    except OSError as exc:
        raise FileError(source.display, f"cannot write: {_reason(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _keep_owner(tmp, st)  # before chmod: chown clears the set-user-ID and set-group-ID bits
        os.chmod(tmp, mode)
        _before_replace(tmp, target)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise FileError(source.display, f"cannot write: {_reason(exc)}") from None
        raise
    return True


def _keep_owner(tmp: str, st: os.stat_result) -> None:
    """Give the temporary file the owner and group of the file it replaces.

    Running as root (a CI container on a bind-mounted checkout), ``os.replace`` would otherwise
    hand every fixed file to root. Without the privilege, the owner cannot be given away; the
    group still can when we belong to it, and otherwise the file gets ours, as with any editor.
    """
    if not hasattr(os, "chown"):
        return
    current = os.stat(tmp)
    if (current.st_uid, current.st_gid) == (st.st_uid, st.st_gid):
        return
    for uid in (st.st_uid, -1):
        try:
            os.chown(tmp, uid, st.st_gid)
            return
        except PermissionError:
            continue


def _write_in_place(source: SourceFile, target: Path, st: os.stat_result, data: bytes) -> bool:
    """Rewrite a file that has other hard links through the same inode, so every name sees the
    fix, as editors do (vim's ``backupcopy=auto``): replacing it would give this name a new
    file and leave the old text under the others.

    This gives up the atomicity of ``os.replace``, so it checks, through the descriptor it
    writes with, that the file is still the one that was read (same inode, same bytes), then
    writes, truncates and syncs in one go.
    """
    try:
        fd = os.open(target, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise FileError(source.display, f"cannot write: {_reason(exc)}") from None
    with open(fd, "r+b", buffering=0) as fh:
        try:
            now = os.fstat(fh.fileno())
            if (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
                raise FileError(
                    source.display, "changed on disk while it was being fixed, left unchanged"
                )
            current = fh.read(len(source.raw) + 1)
            if current != source.raw:
                raise FileError(
                    source.display, "changed on disk while it was being fixed, left unchanged"
                )
            fh.seek(0)
            view = memoryview(data)
            while view:  # an unbuffered write may be partial
                view = view[fh.write(view) :]
            fh.truncate(len(data))
            os.fsync(fh.fileno())
        except OSError as exc:
            raise FileError(source.display, f"cannot write: {_reason(exc)}") from None
    return True


def _current_bytes(target: Path, size: int) -> bytes | None:
    """Up to ``size`` bytes of ``target``: one more than either text it is compared with."""
    try:
        with open(target, "rb") as fh:
            return fh.read(size)
    except OSError:
        return None


def _writable(path: Path, mode: int) -> bool:
    """Writable by us, and not marked read-only by its owner. The second test matters when
    running as root, which may write anything: a file or folder whose owner removed their own
    write permission says "do not edit", and ``os.replace`` would otherwise ignore it."""
    return os.access(path, os.W_OK) and bool(mode & stat.S_IWUSR)


def _before_replace(tmp: str, target: Path) -> None:
    """A seam for fault-injection tests: ``COPYFIX_TEST_CRASH_BEFORE_REPLACE=1`` kills the
    process after the temporary file is complete and before it replaces the original."""
    if os.environ.get("COPYFIX_TEST_CRASH_BEFORE_REPLACE") == "1":
        os.kill(os.getpid(), 9)


def remove_stale_temporaries(folder: Path) -> None:
    """Delete temporary files that a killed run left next to the files it was fixing.

    A temporary file's name carries the process id of its writer; one whose writer still runs
    belongs to a concurrent run (or a worker of this one) and is left alone.
    """
    try:
        for entry in os.scandir(folder):
            if entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX):
                if _writer_alive(entry.name):
                    continue
                try:
                    os.unlink(entry.path)
                except OSError:
                    pass
    except OSError:
        pass


def _writer_alive(name: str) -> bool:
    parts = name[: -len(TEMP_SUFFIX)].split(".")
    if len(parts) < 2 or not parts[-2].isdigit():
        return False
    pid = int(parts[-2])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()
