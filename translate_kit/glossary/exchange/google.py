"""Google Cloud Translation glossaries: unidirectional CSV and equivalent term sets CSV.

*Unidirectional* (``google-csv``): two columns, source then target, no header row. *Equivalent term sets*
(``google-sets``): a header row of language codes (here ``id,en``) plus the optional ``pos`` and
``description`` columns, one concept per row. Each variant is written as a row of its own with the
entry's target (and, in term sets, its notes). Neither format has admitted or forbidden forms, contexts or
flags, nor says which row is the msgid; term sets carry notes in ``description`` (one note per line).
"""

from __future__ import annotations

from pathlib import Path

from ...errors import InputError
from ..model import Entry
from .base import (
    Loss,
    csv_rows,
    decode_text,
    entry_at,
    flat_pairs,
    looks_like_header,
    pair_losses,
    parse_language_table,
    require_terms,
    write_csv,
)

LOST_PAIRS = ("admitted", "forbidden", "note", "context", "flags", "comment")
LOST_SETS = ("admitted", "forbidden", "context", "flags", "comment")


def export_pairs(entries: list[Entry]) -> tuple[str, list[Loss]]:
    pairs, losses = flat_pairs(entries)
    losses += pair_losses(pairs, LOST_PAIRS)
    return write_csv([[s, t] for _, s, t in pairs]), losses


def export_sets(entries: list[Entry]) -> tuple[str, list[Loss]]:
    pairs, losses = flat_pairs(entries)
    losses += pair_losses(pairs, LOST_SETS)
    rows = [["id", "en", "description"]] + [[s, t, "\n".join(e.notes)] for e, s, t in pairs]
    return write_csv(rows), losses


def parse_pairs(path: Path, data: bytes) -> list[Entry]:
    entries = []
    for line, cells in csv_rows(path, decode_text(path, data), ","):
        if looks_like_header(cells):
            raise InputError(
                f"google-csv files have no header row; found {','.join(cells)!r} "
                "(a file with a language-code header is google-sets)",
                path,
                line,
            )
        if len(cells) != 2:
            raise InputError(f"expected 2 columns (source, target), found {len(cells)}", path, line)
        require_terms(path, line, {"source": cells[0], "target": cells[1]})
        entries.append(entry_at(path, line, cells[0], cells[1]))
    return entries


def parse_sets(path: Path, data: bytes) -> list[Entry]:
    return parse_language_table(path, decode_text(path, data), ",", "google-sets", extra=("pos", "description"))
