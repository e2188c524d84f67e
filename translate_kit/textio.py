"""Text in and out: the one decoder of input bytes (file:line errors) and atomic writes.

:func:`decode_text` turns the bytes of any input file (corpus, translations, references, glossaries, exchange
files) into text or one :class:`~translate_kit.errors.InputError` naming the file and line: empty, binary,
UTF-16 and non-UTF-8 data are refused the same way everywhere. Writes go to a temporary file in the same
directory, then ``os.replace``.

Every output of translate-kit (translations, PO files, reports, rewritten glossary files) goes through here,
so an interrupted or failed run never leaves a half-written file behind.
"""

from __future__ import annotations

import codecs
import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

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
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual permissions
    except OSError as exc:
        raise OutputError(f"cannot write output: {exc.strerror or exc}", path) from None
    binary = "b" in mode
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding,
                       newline=None if binary else "") as fh:
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


def read_bytes(path: str | Path) -> bytes:
    """The bytes of the file ``path``, or one :class:`InputError` (missing, a directory, unreadable)."""
    path = Path(path)
    if path.is_dir():
        raise InputError("is a directory, not a file", path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path) from None


def decode_text(data: bytes, path: str | Path, *, error: type[InputError] = InputError, subject: str = "",
                allow_empty: bool = False, utf16: bool = False) -> str:
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
        raise error(f"{prefix}: byte 0x{data[exc.start]:02x} at byte offset {exc.start} (column {column})",
                    path, line) from None
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
