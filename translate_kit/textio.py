"""Writing files atomically: a temporary file in the same directory, then ``os.replace``.

Every output of translate-kit (translations, PO files, reports, rewritten glossary files) goes through here,
so an interrupted or failed run never leaves a half-written file behind.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from .errors import OutputError


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
