"""DeepL glossary entries as CSV or TSV.

DeepL's format: one entry per line, no header, source phrase first. CSV rows are ``source,target`` or
``source,target,source_lang,target_lang`` (standard CSV quoting); TSV rows are ``source<TAB>target`` with no
quoting at all. DeepL limits each phrase to 1024 UTF-8 bytes and maps one target per source; several
sources may share a target, so each variant is written as a row of its own (``Korea Utara,North Korea``).
Admitted and forbidden forms, notes, contexts and flags cannot be expressed (they are reported as losses),
nor which row is the msgid and which a variant (an import gives one entry per row).
Our CSV export writes the four-column form (``…,id,en``) so the language pair travels with the file.
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
    language_role,
    looks_like_header,
    pair_losses,
    require_terms,
    write_csv,
)

MAX_TERM_BYTES = 1024
LOST = ("admitted", "forbidden", "note", "context", "flags", "comment")


def export_csv(entries: list[Entry]) -> tuple[str, list[Loss]]:
    pairs, losses = flat_pairs(entries, MAX_TERM_BYTES)
    losses += pair_losses(pairs, LOST)
    return write_csv([[s, t, "id", "en"] for _, s, t in pairs]), losses


def export_tsv(entries: list[Entry]) -> tuple[str, list[Loss]]:
    pairs, losses = flat_pairs(entries, MAX_TERM_BYTES, forbidden_chars="\t\r\n")
    losses += pair_losses(pairs, LOST)
    return "".join(f"{s}\t{t}\n" for _, s, t in pairs), losses


def parse_csv(path: Path, data: bytes, fmt: str = "deepl-csv") -> list[Entry]:
    return _parse(path, decode_text(path, data), ",", True, fmt)


def parse_tsv(path: Path, data: bytes, fmt: str = "deepl-tsv") -> list[Entry]:
    return _parse(path, decode_text(path, data), "\t", False, fmt)


def _parse(path: Path, text: str, delimiter: str, quoting: bool, fmt: str) -> list[Entry]:
    entries = []
    for line, cells in csv_rows(path, text, delimiter, quoting):
        if looks_like_header(cells):
            raise InputError(
                f"{fmt} files have no header row; found {delimiter.join(cells)!r} "
                "(a file with a language-code header is amazon-csv or google-sets)",
                path,
                line,
            )
        if len(cells) not in (2, 4):
            raise InputError(
                f"expected 2 columns (source, target) or 4 (source, target, source_lang, "
                f"target_lang), found {len(cells)}",
                path,
                line,
            )
        if len(cells) == 4:
            src_lang, tgt_lang = cells[2], cells[3]
            if language_role(src_lang) != "source" or language_role(tgt_lang) != "target":
                raise InputError(
                    f"unsupported language pair {src_lang!r} → {tgt_lang!r} (expected id/ind/in → en/eng)", path, line
                )
        require_terms(path, line, {"source": cells[0], "target": cells[1]})
        entries.append(entry_at(path, line, cells[0], cells[1]))
    return entries
