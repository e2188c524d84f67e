"""What an output directory holds: ``OUTDIR/.translate-kit/state.json`` (written atomically).

There is no up-to-date stamp any more: every run recomputes every output from the translation memory (which
costs no engine call for what the memory has) and compares the result with the file on disk, so an output
can never be marked up to date while its content is wrong. The state records, per input (by relative path):

- ``record``: the file's report record and ``flags``: its flagged sentences, so that ``report.json`` describes
  the whole output directory, inputs of earlier runs included, and ``--strict`` fails while a flag stands;
- ``outputs``: the sha256 of each output as translate-kit wrote it (``pending`` while a write is under way),
  so that an output edited by hand since is recognised and not overwritten;
- ``review``: per review-PO ``msgid``, what was written (``msgstr``, fuzzy, origin, where), so that
  ``review apply`` tells an editor's change from translate-kit's own text.

``run`` keeps the last run's inputs, glossary directory and options, so that ``review apply OUTDIR`` can
rebuild the outputs on its own.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..textio import atomic_write_text

STATE_DIR = ".translate-kit"
STATE_NAME = "state.json"
_SCHEMA = 1
_PENDING_KEPT = 8  # pending writes remembered per output (runs killed one after another)


def digest(obj: object) -> str:
    """A stable sha256 of any JSON-serialisable value (sorted keys)."""
    return hashlib.sha256(json.dumps(obj, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class OutputState:
    """The state of one output directory (see the module docstring)."""

    def __init__(self, output_dir: Path, files: dict | None = None, run: dict | None = None):
        self.output_dir = Path(output_dir)
        self.path = self.output_dir / STATE_DIR / STATE_NAME
        self.files: dict[str, dict] = files or {}
        self.run: dict = run or {}

    @classmethod
    def load(cls, output_dir: str | Path) -> OutputState:
        """The state of ``output_dir``; a missing or unreadable one is empty (outputs are then rebuilt)."""
        output_dir = Path(output_dir)
        try:
            data = json.loads((output_dir / STATE_DIR / STATE_NAME).read_text(encoding="utf-8"))
            if data.get("schema") != _SCHEMA or not isinstance(data.get("files"), dict):
                return cls(output_dir)
            return cls(output_dir, data["files"], data.get("run") or {})
        except (OSError, ValueError, AttributeError):
            return cls(output_dir)

    # -- outputs ---------------------------------------------------------------------------------------------
    def ours(self, relpath: str, output: str, sha: str) -> bool:
        """True when ``sha`` is what translate-kit wrote (or was writing) to ``output`` for ``relpath``."""
        rec = self.files.get(relpath, {})
        return sha == rec.get("outputs", {}).get(output) or sha in rec.get("pending", {}).get(output, ())

    def known(self, relpath: str, output: str) -> bool:
        rec = self.files.get(relpath, {})
        return output in rec.get("outputs", {}) or output in rec.get("pending", {})

    def pending(self, relpath: str, shas: dict[str, str]) -> None:
        """Note what is about to be written; earlier pending writes (of runs killed since) stay recognised."""
        pending = self.files.setdefault(relpath, {}).setdefault("pending", {})
        for output, sha in shas.items():
            known = [s for s in pending.get(output, []) if s != sha]
            pending[output] = (known + [sha])[-_PENDING_KEPT:]

    def record(
        self, relpath: str, *, record: dict, flags: list[dict], outputs: dict[str, str], review: dict[str, list]
    ) -> None:
        self.files[relpath] = {"record": record, "flags": flags, "outputs": outputs, "review": review}

    def forget(self, relpath: str) -> None:
        self.files.pop(relpath, None)

    def review_written(self, relpath: str) -> dict[str, list]:
        return self.files.get(relpath, {}).get("review", {})

    def save(self) -> None:
        atomic_write_text(
            self.path,
            json.dumps(
                {"schema": _SCHEMA, "run": self.run, "files": self.files}, ensure_ascii=False, indent=1, sort_keys=True
            )
            + "\n",
        )
