"""Glossary exchange formats: one module per format behind one registry.

``export_glossary(entries, "tbx", path)`` writes a file and returns the :class:`Loss` list (what the format
could not express); ``read_exchange(path, "auto")`` parses a file into :class:`~translate_kit.glossary.Entry`
objects (with the file and line of each row or concept) or raises ``InputError`` with file:line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError
from ...textio import atomic_write_text
from ..model import Entry
from . import amazon, csvfmt, google, tbx
from .base import Loss, csv_rows, decode_text, formula_cells, language_role, read_bytes, summarize_losses


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    export: Callable[[list[Entry]], tuple[str, list[Loss]]]
    parse: Callable[[Path, bytes], list[Entry]]


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("tbx", "TBX-Basic (ISO 30042), lossless", tbx.export_tbx, tbx.parse_tbx),
        Format("deepl-csv", "DeepL glossary CSV (source,target,id,en)", csvfmt.export_csv, csvfmt.parse_csv),
        Format("deepl-tsv", "DeepL glossary TSV (source<TAB>target)", csvfmt.export_tsv, csvfmt.parse_tsv),
        Format("google-csv", "Google Cloud unidirectional glossary CSV", google.export_pairs, google.parse_pairs),
        Format("google-sets", "Google Cloud equivalent term sets CSV", google.export_sets, google.parse_sets),
        Format("amazon-csv", "Amazon Translate custom terminology CSV", amazon.export_csv, amazon.parse_csv),
        Format("amazon-tsv", "Amazon Translate custom terminology TSV", amazon.export_tsv, amazon.parse_tsv),
    )
}


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise InputError(f"unknown glossary format {name!r} (known: {', '.join(FORMATS)})") from None


def export_text(entries: Iterable[Entry], fmt: str) -> tuple[str, list[Loss]]:
    """The exported text and its losses; for the CSV/TSV formats also one ``formula`` loss per cell that a
    spreadsheet would run as a formula (written raw all the same: the engines need the real terms)."""
    entries = list(entries)
    text, losses = get_format(fmt).export(entries)
    if fmt != "tbx":
        losses = losses + formula_cells(text, "\t" if fmt.endswith("-tsv") else ",", entries)
    return text, losses


def export_glossary(entries: Iterable[Entry], fmt: str, out_path: str | Path) -> list[Loss]:
    """Write ``entries`` in format ``fmt`` to ``out_path`` (atomically); return what could not be expressed."""
    text, losses = export_text(entries, fmt)
    atomic_write_text(out_path, text)
    return losses


def detect_format(path: Path, data: bytes) -> str:
    """Guess the format from the extension and, for CSV/TSV, from whether the first row is a header."""
    suffix = path.suffix.lower()
    if suffix in (".tbx", ".xml") or data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "tbx"
    tsv = suffix in (".tsv", ".tab", ".txt")
    text = decode_text(path, data)
    first = next(csv_rows(path, text, "\t" if tsv else ",", quoting=not tsv), None)
    if first is None:
        raise InputError("file is empty", path)
    cells = first[1]
    header = all(language_role(c) or c.lower() in ("pos", "description") for c in cells)
    if tsv:
        return "amazon-tsv" if header else "deepl-tsv"
    if header:
        return "google-sets" if any(c.lower() in ("pos", "description") for c in cells) else "amazon-csv"
    return "deepl-csv"


def read_exchange(path: str | Path, fmt: str = "auto") -> tuple[str, list[Entry]]:
    """(format used, entries) of an exchange file; every problem is an InputError with file:line."""
    path = Path(path)
    data = read_bytes(path)
    name = detect_format(path, data) if fmt == "auto" else get_format(fmt).name
    entries = FORMATS[name].parse(path, data)
    if not entries:
        raise InputError(f"no glossary entries found ({name})", path)
    return name, entries


__all__ = [
    "FORMATS",
    "Format",
    "Loss",
    "detect_format",
    "export_glossary",
    "export_text",
    "get_format",
    "read_exchange",
    "summarize_losses",
]
