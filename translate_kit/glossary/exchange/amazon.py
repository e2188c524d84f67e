"""Amazon Translate custom terminology, CSV or TSV: a header row of language codes, then one term per row.

Amazon matches source terms case-sensitively and exactly; each term may be at most 200 bytes and a file at
most 10 MB. Each variant is written as a row of its own with the entry's target; admitted and forbidden
forms, notes, contexts and flags cannot be expressed, nor which row is the msgid and which a variant.
"""

from __future__ import annotations

from pathlib import Path

from ...errors import InputError
from ..model import Entry
from .base import (
    Loss,
    decode_text,
    flat_pairs,
    pair_losses,
    parse_language_table,
    write_csv,
)

MAX_TERM_BYTES = 200
MAX_FILE_BYTES = 10 * 1024 * 1024
LOST = ("admitted", "forbidden", "note", "context", "flags", "comment")


def export_csv(entries: list[Entry]) -> tuple[str, list[Loss]]:
    return _export(entries, ",")


def export_tsv(entries: list[Entry]) -> tuple[str, list[Loss]]:
    return _export(entries, "\t")


def _export(entries: list[Entry], delimiter: str) -> tuple[str, list[Loss]]:
    pairs, losses = flat_pairs(entries, MAX_TERM_BYTES, forbidden_chars="\r\n")
    losses += pair_losses(pairs, LOST)
    text = write_csv([["id", "en"]] + [[s, t] for _, s, t in pairs], delimiter)
    if len(text.encode()) > MAX_FILE_BYTES:
        losses.append(Loss("file-too-large", "whole file", f"over Amazon's {MAX_FILE_BYTES} bytes"))
    return text, losses


def parse_csv(path: Path, data: bytes) -> list[Entry]:
    return _parse(path, data, ",", "amazon-csv")


def parse_tsv(path: Path, data: bytes) -> list[Entry]:
    return _parse(path, data, "\t", "amazon-tsv")


def _parse(path: Path, data: bytes, delimiter: str, fmt: str) -> list[Entry]:
    entries = parse_language_table(path, decode_text(path, data), delimiter, fmt)
    if not entries:
        raise InputError(f"{fmt} file has a header but no terms", path)
    return entries
