"""What makes two engines interchangeable: the content of their model files and the options that shape decoding.

:func:`engine_identity` is the key under which the translation memory stores an engine's outputs. It hashes

- the **content** of every file of the engine's package directory (names, sizes and bytes — not mtimes, so a
  byte-identical reinstall or a copy on another machine is the same engine, and a rebuilt model with other
  weights is another one), and
- the engine's :meth:`identity` description less what does not change outputs: where it lives (``path``),
  where it runs (``device``, thread counts) and how work is batched (``max_batch_tokens``).

An engine without ``identity()`` is identified by its class name only; give it an ``identity()`` when two
instances can answer differently.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

#: identity keys that never change what an engine outputs
DEVICE_KEYS = frozenset(
    {
        "path",
        "device",
        "device_index",
        "max_batch_tokens",
        "inter_threads",
        "intra_threads",
        "workers",
        "num_workers",
        "address",
    }
)

_DIGESTS: dict[tuple, str] = {}  # memo: (directory, file stats) → content digest


def package_digest(directory: str | Path) -> str:
    """sha256 over the relative names, sizes and bytes of every file under ``directory`` (sorted by name)."""
    directory = Path(directory)
    files = sorted(p for p in directory.rglob("*") if p.is_file())
    stats = tuple((p.relative_to(directory).as_posix(), *_stat(p)) for p in files)
    key = (str(directory.resolve()), stats)
    got = _DIGESTS.get(key)
    if got is None:
        h = hashlib.sha256()
        for path, (rel, size, _) in zip(files, stats):
            h.update(f"{rel}\0{size}\0".encode())
            with open(path, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
        got = _DIGESTS[key] = h.hexdigest()
    return got


def _stat(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns


def identity_description(translator) -> dict:
    """The JSON-able description that :func:`engine_identity` hashes (shown by ``memory`` commands)."""
    ident = translator.identity() if callable(getattr(translator, "identity", None)) else None
    if not isinstance(ident, dict):
        ident = {"engine": f"{type(translator).__module__}.{type(translator).__qualname__}"}
    desc = {k: v for k, v in ident.items() if k not in DEVICE_KEYS}
    path = ident.get("path") or getattr(getattr(translator, "info", None), "path", None)
    if path and Path(path).is_dir():
        desc["content"] = package_digest(path)
    return desc


def engine_identity(translator) -> str:
    """A short stable digest of :func:`identity_description`: equal for engines that give equal outputs."""
    text = json.dumps(identity_description(translator), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
