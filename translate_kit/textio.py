"""Text in and out: the one decoder of input bytes (file:line errors) and atomic writes.

:func:`decode_text` turns the bytes of any input file (corpus, translations, references, glossaries, exchange
files) into text or one :class:`~translate_kit.errors.InputError` naming the file and line: empty, binary,
UTF-16 and non-UTF-8 data are refused the same way everywhere. Writes go to a temporary file in the same
directory, then ``os.replace``.

Every output of translate-kit (translations, PO files, reports, rewritten glossary files) goes through here,
so an interrupted or failed run never leaves a half-written file behind. The temporary is named
``.NAME.tkPID-XXXXXXXX.tmp`` (PID: the writing process); a process killed with SIGKILL cannot remove it, so
:func:`clean_stale_temporaries` removes, on a later run, those whose process is no longer running (or that are
over a day old, should the PID have been reused), and temporaries of the older ``.NAME.XXXXXXXX.tmp`` naming
over an hour old. Nothing else is ever removed.

:func:`read_bytes` is the one way an input file is read (corpus, translations, references, glossaries,
boilerplate rules, exchange files, the manifest): regular files only (a FIFO, a device such as ``/dev/zero``,
a socket — directly or through a symlink — is an :class:`InputError` at once, never a hang), and nothing over
:data:`MAX_INPUT_BYTES` (or the caller's limit) is read. :func:`xml_safe` makes any text fit in XML 1.0.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .errors import InputError, OutputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary sibling of ``path`` for writing; on success it replaces ``path``, on error it vanishes."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.tk{os.getpid()}-", suffix=".tmp", dir=path.parent)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual permissions
    except OSError as exc:
        raise OutputError(f"cannot write output: {exc.strerror or exc}", path) from None
    binary = "b" in mode
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding, newline=None if binary else "") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    try:
        with atomic_open(path, "w", encoding=encoding) as fh:
            fh.write(text)
    except OSError as exc:
        raise OutputError(f"cannot write output: {exc.strerror or exc}", path) from None


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    try:
        with atomic_open(path, "wb", encoding=None) as fh:
            fh.write(data)
    except OSError as exc:
        raise OutputError(f"cannot write output: {exc.strerror or exc}", path) from None


# --------------------------------------------------------------------------------------------- reading

_BINARY_SAMPLE = 65536


#: the largest input file read (a 200,000-line article batch is ~40 MB); larger ones are refused, unread
MAX_INPUT_BYTES = 256 * 1024**2


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def is_regular_file(path: str | Path) -> bool:
    """True for a regular file (through symlinks); FIFOs, devices, sockets and directories are not."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def special_file_kind(path: str | Path) -> str | None:
    """ "a FIFO", "a character device", … for an existing special file (through symlinks); None otherwise."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    return None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else _kind(mode)


def _megabytes(n: int) -> str:
    return f"{n / 1024**2:,.1f} MB" if n >= 1024**2 else f"{n:,} bytes"


def read_bytes(
    path: str | Path, *, what: str = "file", limit: int | None = None, error: type[InputError] = InputError
) -> bytes:
    """The bytes of the regular file ``path``, or ``error`` (one line, naming the file) when it is missing,
    a directory, a special file, unreadable, or over ``limit`` bytes (default :data:`MAX_INPUT_BYTES`)."""
    path = Path(path)
    limit = MAX_INPUT_BYTES if limit is None else limit
    try:  # O_NONBLOCK: opening a FIFO must not wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error(f"no such {what}", path) from None
    except OSError as exc:
        raise error(f"cannot read {what}: {exc.strerror or exc}", path) from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        if stat.S_ISDIR(st.st_mode):
            raise error("is a directory, not a file", path)
        raise error(f"{_kind(st.st_mode)}, not a regular file: not read", path)
    with os.fdopen(fd, "rb") as fh:
        if st.st_size > limit:
            raise error(f"{what} is too large ({_megabytes(st.st_size)}; the limit is {_megabytes(limit)})", path)
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise error(f"cannot read {what}: {exc.strerror or exc}", path) from None
    if len(data) > limit:  # it grew while we read it
        raise error(f"{what} is too large (over the limit of {_megabytes(limit)})", path)
    return data


def decode_text(
    data: bytes,
    path: str | Path,
    *,
    error: type[InputError] = InputError,
    subject: str = "",
    allow_empty: bool = False,
    utf16: bool = False,
) -> str:
    """UTF-8 text of ``data`` (a BOM is dropped); empty, binary and non-UTF-8 data → ``error`` with file:line.

    ``subject`` names what the file is in the non-UTF-8 message ("glossary file is not valid UTF-8: …");
    ``allow_empty`` accepts empty and blank data; ``utf16`` accepts UTF-16 with a byte-order mark (exchange
    files exported by spreadsheet tools)."""
    if not data and not allow_empty:
        raise error("empty file", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if not utf16:
            raise error("UTF-16 text is not supported: convert the file to UTF-8", path)
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise error("file starts with a UTF-16 byte-order mark but is not valid UTF-16", path) from None
    if b"\x00" in data:
        nul = data.index(0)
        raise error(f"binary file (NUL byte at byte offset {nul})", path, data.count(b"\n", 0, nul) + 1)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        sample = data[:_BINARY_SAMPLE].decode("utf-8", errors="replace")
        if sample.count("\ufffd") > 0.3 * len(sample):
            raise error("binary file (mostly non-text bytes)", path) from None
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        prefix = f"{subject} is not valid UTF-8" if subject else "not valid UTF-8"
        raise error(
            f"{prefix}: byte 0x{data[exc.start]:02x} at byte offset {exc.start} (column {column})", path, line
        ) from None
    controls = sum(1 for ch in text[:_BINARY_SAMPLE] if _is_control(ch))
    if controls > 0.1 * min(len(text), _BINARY_SAMPLE):
        raise error("binary file (mostly control characters)", path)
    if not text.strip() and not allow_empty:
        raise error("empty file (only whitespace)", path)
    return text


def _is_control(ch: str) -> bool:
    return (ch < " " and ch not in "\t\n\r\f\v") or ch == "\x7f"


def newline_style(text: str) -> tuple[str, bool]:
    """The first line ending found ("\\n" when none), and whether the file mixes "\\n" and "\\r\\n"."""
    crlf = text.count("\r\n")
    lf = text.count("\n")
    first = text.find("\n")
    newline = "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"
    return newline, 0 < crlf < lf


def split_lines(text: str) -> list[str]:
    """Lines without their line ending (a final line ending does not start an extra empty line)."""
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def read_text(path: str | Path) -> str:
    """The decoded text of the file ``path`` (:func:`read_bytes` then :func:`decode_text`)."""
    return decode_text(read_bytes(path), path)


def shorten(text: str, width: int = 60) -> str:
    """``text`` cut to ``width`` characters with an ellipsis, for quoting in one-line messages."""
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------------------------- PO (polib)

_QUOTED = r'"(?:[^"\\]|\\.)*"'
_KEYWORD_LINE = re.compile(rf"^(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+{_QUOTED}\s*$")
_CONTINUATION = re.compile(rf"^{_QUOTED}\s*$")
_POLIB_LINE = re.compile(r"\(line (\d+)\)")
_POLIB_WHERE = re.compile(r"\s*in po file.*?\(line \d+\)")


def check_po_syntax(path: str | Path, text: str, error: type[InputError] = InputError) -> None:
    """Reject what polib silently mis-parses (an unterminated string, a stray word) with file:line."""
    for no, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if _KEYWORD_LINE.match(line) or _CONTINUATION.match(line):
            continue
        raise error(f"PO syntax error: {shorten(line)!r}", path, no)


def parse_po(text: str, path: str | Path, *, error: type[InputError] = InputError, wrapwidth: int = 78):
    """The one polib adapter: ``text`` parsed as a PO file, or ``error`` with file:line on any problem.

    polib's own error strings ("Syntax error in po file … (line 7)") are read here, and only here."""
    import polib

    check_po_syntax(path, text, error)
    try:
        return polib.pofile(text, encoding="utf-8", wrapwidth=wrapwidth)
    except (OSError, ValueError) as exc:
        m = _POLIB_LINE.search(str(exc))
        detail = _POLIB_WHERE.sub("", str(exc)).strip()
        message = "PO syntax error" if detail.lower() in ("", "syntax error") else f"PO syntax error: {detail}"
        raise error(message, path, int(m.group(1)) if m else None) from None


# -- XML -------------------------------------------------------------------------------------------------------
#: characters XML 1.0 forbids even as character references (C0 controls but tab/LF/CR, surrogates — a file
#: name that is not UTF-8 arrives as surrogate escapes —, U+FFFE/U+FFFF)
XML_FORBIDDEN = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids written as a visible ``\\xNN``/``\\uNNNN`` escape, so a
    file name holding ESC or VT still gives a well-formed XML document (and says which character it was)."""
    if XML_FORBIDDEN.search(text) is None:
        return text
    return XML_FORBIDDEN.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )


# -- stale temporaries -----------------------------------------------------------------------------------------
_OURS = re.compile(r"\..+\.tk(\d+)-[a-z0-9_]{8}\.tmp")
_OURS_BEFORE = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")  # the naming before the PID was added
PID_AGE_LIMIT_S = 24 * 3600
OLD_NAMING_AGE_LIMIT_S = 3600


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process (or a value we cannot test): leave its file alone
    return True


def is_stale_temporary(path: Path, now: float | None = None) -> bool:
    """Whether ``path`` is a temporary of :func:`atomic_open` that no running writer can still own."""
    m = _OURS.fullmatch(path.name)
    if m is None and _OURS_BEFORE.fullmatch(path.name) is None:
        return False
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode):
        return False
    age = (time.time() if now is None else now) - st.st_mtime
    if m is not None:
        return not _running(int(m.group(1))) or age > PID_AGE_LIMIT_S
    return age > OLD_NAMING_AGE_LIMIT_S


def clean_stale_temporaries(directory: str | Path, recursive: bool = True) -> list[Path]:
    """Remove the stale temporaries of interrupted writers under ``directory``; return those removed."""
    removed: list[Path] = []
    top = Path(directory)
    if not top.is_dir():
        return removed
    for root, dirs, files in os.walk(top) if recursive else [(str(top), [], os.listdir(top))]:
        for name in files:
            path = Path(root) / name
            if name.endswith(".tmp") and is_stale_temporary(path):
                try:
                    path.unlink()
                    removed.append(path)
                except OSError:
                    pass
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(root, d))]
    return removed
