"""The corpus data model: a :class:`Document` read from one input file, made of translatable :class:`Unit` s.

A unit is what a reader finds in the file (a line of a ``.txt``, an entry of a ``.po``, a record of a
``.jsonl``); sentence segmentation happens later (:mod:`translate_kit.corpus.segment`), so a writer can rebuild
each unit exactly from its translated sentences and the original separators.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Diagnostic


@dataclass
class Unit:
    """One translatable unit of a document."""

    index: int  # 0-based position in the document
    line: int  # 1-based line in the input file (PO: the msgid line; JSONL: the record line)
    text: str  # the source text exactly as in the file (no trailing newline)
    kind: str  # "text" | "blank" | "boilerplate"
    key: str  # stable id: "L12" for txt lines, the JSONL "id", msgctxt + "\x04" + msgid for PO
    existing: str | None = None  # PO: the msgstr already there (None when empty)
    meta: dict = field(default_factory=dict)  # PO: flags/comments/occurrences; JSONL: the other fields;
    # every format: "boilerplate" = name of the matching rule when kind == "boilerplate"


@dataclass
class Document:
    """One input file, read and classified; ``raw`` is the format's handle for the writer."""

    path: Path  # the input file
    relpath: Path  # path relative to the input root given on the command line (for output layout)
    format: str  # "txt" | "po" | "jsonl"
    units: list[Unit]
    newline: str  # "\n" or "\r\n" as found (the first line ending of the file)
    final_newline: bool
    sha256: str  # of the raw bytes (for up-to-date checks)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    raw: object = None  # polib.POFile for PO (unit.meta["entry_index"] indexes it); for JSONL the parsed
    # records (dicts, file order), one per unit in the same order; None for txt

    def count(self, kind: str) -> int:
        return sum(1 for u in self.units if u.kind == kind)

    @property
    def translatable_units(self) -> list[Unit]:
        return [u for u in self.units if u.kind == "text"]
