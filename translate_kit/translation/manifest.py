"""Up-to-date bookkeeping: which outputs were made from which input, glossary, model and options.

The manifest lives in the output directory as ``.translate-kit.json`` (written atomically). An input is up
to date when its record says the same input sha256, glossary digest, model identity and options digest,
and every output it lists still holds the bytes recorded (sha256 of each output, read back after writing).
So a run killed while it rewrote outputs (the manifest is saved at the end) never leaves outputs of other
settings marked up to date: their content no longer matches, and the next run redoes them. ``--force``
ignores the manifest.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..textio import atomic_write_text, is_regular_file, read_text

MANIFEST_NAME = ".translate-kit.json"
_SCHEMA = 2  # 2: outputs' sha256 recorded (schema 1 manifests are ignored: everything is redone)


def digest(obj: object) -> str:
    """A stable sha256 of any JSON-serialisable value (sorted keys)."""
    return hashlib.sha256(json.dumps(obj, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def file_sha256(path: Path) -> str | None:
    """sha256 of a regular file's bytes, read in blocks; None when it is missing or not a regular file."""
    if not is_regular_file(path):
        return None
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


@dataclass(frozen=True)
class Stamp:
    """Everything an output depends on."""

    input_sha256: str
    glossary: str
    model: str
    options: str

    def to_dict(self) -> dict:
        return dict(self.__dict__)


class Manifest:
    """Records keyed by the input's relative path (which is also its output's relative path)."""

    def __init__(self, output_dir: Path, records: dict | None = None):
        self.path = Path(output_dir) / MANIFEST_NAME
        self.output_dir = Path(output_dir)
        self.records: dict[str, dict] = records or {}

    @classmethod
    def load(cls, output_dir: str | Path) -> "Manifest":
        """The manifest of ``output_dir``; a missing or unreadable one is empty (everything is redone)."""
        output_dir = Path(output_dir)
        try:
            data = json.loads(read_text(output_dir / MANIFEST_NAME))
            records = data["files"] if data.get("schema") == _SCHEMA and isinstance(data.get("files"), dict) else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError, InputError):
            records = {}
        return cls(output_dir, records)

    def up_to_date(self, relpath: str, stamp: Stamp) -> bool:
        rec = self.records.get(relpath)
        if not rec or rec.get("stamp") != stamp.to_dict():
            return False
        hashes = rec.get("sha256") or {}
        outputs = rec.get("outputs", [])
        return bool(outputs) and all(
            hashes.get(out) is not None and file_sha256(self.output_dir / out) == hashes[out] for out in outputs)

    def outputs(self, relpath: str) -> list[str]:
        return list(self.records.get(relpath, {}).get("outputs", []))

    def record(self, relpath: str, stamp: Stamp, outputs: list[str]) -> None:
        self.records[relpath] = {"stamp": stamp.to_dict(), "outputs": outputs,
                                 "sha256": {out: file_sha256(self.output_dir / out) for out in outputs}}

    def forget(self, relpath: str) -> None:
        self.records.pop(relpath, None)

    def save(self) -> None:
        atomic_write_text(self.path, json.dumps({"schema": _SCHEMA, "files": self.records},
                                                ensure_ascii=False, indent=1, sort_keys=True) + "\n")
