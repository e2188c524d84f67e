"""One writer at a time per glossary directory.

Every read-modify-write of glossary files (``add``, ``remove``, ``lint --fix``, ``import``) runs inside
:func:`glossary_lock`, which holds an OS file lock (the ``filelock`` library: ``flock`` on POSIX) and reads
the files only once it holds it, so two concurrent edits are applied one after the other and neither is
lost. The lock file is not in the glossary directory (which stays exactly as git knows it) but in the
temporary directory: ``$TMPDIR/translate-kit-locks-UID/glossary-<sha256 of the directory's real path>.lock``
(so processes of one user with the same ``TMPDIR`` exclude each other). A lock held by a process that died
is released by the OS. A lock still held by another process after ``timeout`` seconds is a
:class:`~translate_kit.errors.GlossaryError`, so nothing waits forever. Nested use in one process (``remove``
calls the per-file remove under the directory lock) is re-entrant.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import GlossaryError
from ..textio import clean_stale_temporaries

#: seconds to wait for another process's edit to finish
LOCK_TIMEOUT = 30.0

_held: dict[Path, int] = {}


def lock_path(directory: Path) -> Path:
    """The lock file of the glossary directory ``directory`` (a resolved path); its folder is created."""
    folder = Path(tempfile.gettempdir()) / f"translate-kit-locks-{os.getuid() if hasattr(os, 'getuid') else 0}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder / f"glossary-{hashlib.sha256(os.fsencode(directory)).hexdigest()[:32]}.lock"


@contextmanager
def glossary_lock(directory: str | Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the edit lock of glossary ``directory`` (created if missing; a ``.po`` file's own directory when
    given one) for the ``with`` block."""
    directory = Path(directory)
    if directory.is_file():
        directory = directory.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        key = directory.resolve()
    except OSError as exc:
        raise GlossaryError(f"cannot use the glossary directory: {exc.strerror or exc}", directory) from None
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    wait = LOCK_TIMEOUT if timeout is None else timeout
    try:
        lock = FileLock(lock_path(key), timeout=wait)
        lock.acquire()
    except Timeout:
        raise GlossaryError(
            f"another process is editing this glossary (its lock is still held after "
            f"{wait:g} s); try again when it has finished",
            directory,
        ) from None
    except OSError as exc:
        raise GlossaryError(f"cannot lock the glossary: {exc.strerror or exc}", directory) from None
    _held[key] = 1
    try:
        clean_stale_temporaries(directory, recursive=False)  # a rewrite killed before its rename
        yield
    finally:
        del _held[key]
        lock.release()
