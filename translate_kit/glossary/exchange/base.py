"""What every exchange format shares: loss records, language codes, input decoding and CSV row reading.

A *loss* is something of the glossary that a format cannot express (DeepL has no forbidden forms, Google's
unidirectional CSV no notes …). Exporters return their losses so that the user sees exactly what did not
make it into the file; importers raise :class:`~translate_kit.errors.InputError` with file:line for bad input.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ... import textio
from ...errors import InputError
from ..model import Entry

SOURCE_CODES = frozenset({"id", "ind", "in"})
TARGET_CODES = frozenset({"en", "eng"})


@dataclass(frozen=True)
class Loss:
    """One piece of one entry that the target format cannot carry."""

    kind: str  # e.g. "variant", "forbidden", "note", "context", "flag:case-sensitive", "fuzzy-entry"
    entry: str  # the entry's label (``source [context] → preferred``)
    detail: str = ""  # the lost value, when there is one


def losses_for(entry: Entry, kinds: Iterable[str]) -> list[Loss]:
    """The losses of ``entry`` for the listed kinds of information the format lacks."""
    label = entry.label()
    out: list[Loss] = []
    for kind in kinds:
        if kind == "variant":
            out += [Loss("variant", label, v) for v in entry.variants]
        elif kind == "admitted":
            out += [Loss("admitted", label, a) for a in entry.admitted]
        elif kind == "forbidden":
            out += [Loss("forbidden", label, f) for f in entry.forbidden]
        elif kind == "note":
            out += [Loss("note", label, n) for n in entry.notes]
        elif kind == "context" and entry.context is not None:
            out.append(Loss("context", label, entry.context))
        elif kind == "flags":
            out += [Loss(f"flag:{f}", label, f) for f in entry.flags if f != "fuzzy"]
        elif kind == "comment":
            if entry.translator_comment:
                out.append(Loss("translator-comment", label, entry.translator_comment))
            out += [Loss("unknown-comment", label, c) for c in entry.unknown_comments]
    return out


def pair_losses(pairs: list[tuple[Entry, str, str]], kinds: Iterable[str]) -> list[Loss]:
    """:func:`losses_for` once per exported entry (an entry with variants has several rows)."""
    kinds = tuple(kinds)
    return [loss for e in dict.fromkeys(e for e, _, _ in pairs) for loss in losses_for(e, kinds)]


#: what makes a spreadsheet read a cell as a formula (OWASP "CSV injection")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_cells(text: str, delimiter: str, entries: Iterable[Entry]) -> list[Loss]:
    """A ``formula`` Loss for every cell of the CSV/TSV ``text`` that starts like a spreadsheet formula,
    naming the entry that holds the form."""
    owner: dict[str, str] = {}
    for entry in entries:
        for form in (entry.source, entry.target, *entry.variants, *entry.admitted, *entry.forbidden):
            owner.setdefault(form, entry.label())
    out = []
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        out += [Loss("formula", owner.get(cell, cell), cell) for cell in row if cell.startswith(FORMULA_STARTS)]
    return out


def summarize_losses(fmt: str, losses: list[Loss], examples: int = 3) -> list[str]:
    """One line per kind of loss: count and a few examples, e.g. ``deepl-csv cannot express variant: 12 …``."""
    by_kind: dict[str, list[Loss]] = defaultdict(list)
    for loss in losses:
        by_kind[loss.kind].append(loss)
    lines = []
    for kind in sorted(by_kind):
        items = by_kind[kind]
        shown = "; ".join(f"{x.entry}: {x.detail}" if x.detail else x.entry for x in items[:examples])
        more = f"; … {len(items) - examples} more" if len(items) > examples else ""
        if kind == "formula":
            lines.append(
                f"{fmt}: warning: {len(items)} cell(s) start with = + - @ and run as formulas if the "
                f"file is opened in a spreadsheet (written unchanged) ({shown}{more})"
            )
            continue
        lines.append(f"{fmt}: {kind} not exported: {len(items)} ({shown}{more})")
    return lines


def language_role(code: str) -> str | None:
    """'source' for Indonesian codes (id, ind, in, id-ID …), 'target' for English (en, eng, en-US …), else None."""
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    if primary in SOURCE_CODES:
        return "source"
    if primary in TARGET_CODES:
        return "target"
    return None


def decode_text(path: Path, data: bytes) -> str:
    """Decode a text exchange file: UTF-8 (a BOM is stripped) or UTF-16 with a BOM; anything else is an error."""
    return textio.decode_text(data, path, utf16=True, allow_empty=True)


def read_bytes(path: Path) -> bytes:
    data = textio.read_bytes(path)  # a regular file under the input size cap
    if not data.strip():
        raise InputError("file is empty", path)
    return data


def csv_rows(path: Path, text: str, delimiter: str, quoting: bool = True) -> Iterator[tuple[int, list[str]]]:
    """(line number where the record starts, stripped cells) for every non-blank record."""
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=delimiter,
        strict=True,
        quoting=csv.QUOTE_MINIMAL if quoting else csv.QUOTE_NONE,
    )
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(f"malformed CSV: {exc}", path, start) from None
        line, start = start, reader.line_num + 1
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if any("\0" in c for c in cells):
            raise InputError("NUL character in a term (binary file?)", path, line)
        yield line, cells


def require_terms(path: Path, line: int, cells: dict[str, str]) -> None:
    """An empty term cell is an error naming the column."""
    for name, value in cells.items():
        if not value:
            raise InputError(f"empty {name} term", path, line)


def flat_pairs(
    entries: Iterable[Entry], max_bytes: int | None = None, forbidden_chars: str = ""
) -> tuple[list[tuple[Entry, str, str]], list[Loss]]:
    """(entry, source form, preferred target) rows for one-pair-per-row formats, and what was left out.

    Every source form gets its own row with the entry's preferred target: the msgid, then each variant
    (DeepL, Google and Amazon all accept several source terms with one target). Left out (each reported):
    fuzzy entries (proposals must not be enforced by another MT system), entries without a target, a source
    form already exported (the formats allow one row per source), terms over the format's size limit or
    containing a character it cannot hold.
    """
    pairs: list[tuple[Entry, str, str]] = []
    losses: list[Loss] = []
    seen: set[str] = set()
    for e in entries:
        label = e.label()
        if e.fuzzy:
            losses.append(Loss("fuzzy-entry", label))
            continue
        target = e.preferred
        if not target:
            losses.append(Loss("empty-target", label))
            continue
        for source in e.source_forms:
            loss = _row_loss(source, target, seen, max_bytes, forbidden_chars)
            if loss is not None:
                losses.append(Loss(loss[0], label, loss[1]))
                continue
            seen.add(source)
            pairs.append((e, source, target))
    return pairs, losses


def _row_loss(
    source: str, target: str, seen: set[str], max_bytes: int | None, forbidden_chars: str
) -> tuple[str, str] | None:
    """(kind, detail) when the row ``source → target`` cannot be written, else None."""
    if source in seen:
        return "duplicate-source", source
    if max_bytes is not None and max(len(source.encode()), len(target.encode())) > max_bytes:
        return "too-long", f"{source}: over {max_bytes} bytes"
    if forbidden_chars and any(c in forbidden_chars for c in source + target):
        return "unrepresentable", f"{source}: tab or line break in a term"
    return None


def looks_like_header(cells: list[str]) -> bool:
    words = {"source", "target", "term", "translation", "pos", "description"}
    return all(language_role(c) or c.lower() in words for c in cells)


def entry_at(path: Path, line: int, source: str, target: str, **fields) -> Entry:
    return Entry(source=source, target=target, path=path, line=line, **fields)


def write_csv(rows: list[list[str]], delimiter: str = ",") -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    writer.writerows(rows)
    return buf.getvalue()


def parse_language_table(path: Path, text: str, delimiter: str, fmt: str, extra: tuple[str, ...] = ()) -> list[Entry]:
    """Rows under a header of language codes (Amazon terminology, Google equivalent term sets).

    The header must name one Indonesian and one English column; other names are an error unless listed in
    ``extra`` (Google's ``pos`` and ``description``). ``description`` cells become notes (one per line),
    ``pos`` a ``part of speech:`` note.
    """
    rows = csv_rows(path, text, delimiter)
    try:
        header_line, header = next(rows)
    except StopIteration:
        raise InputError("file is empty", path) from None
    cols: dict[str, int] = {}
    for i, name in enumerate(header):
        role = language_role(name) or (name.lower() if name.lower() in extra else None)
        if role is None:
            allowed = "id and en language codes" + (f" or {', '.join(extra)}" if extra else "")
            raise InputError(f"{fmt} header: unknown column {name!r} (expected {allowed})", path, header_line)
        if role in cols:
            raise InputError(f"{fmt} header: two {name!r} columns", path, header_line)
        cols[role] = i
    for role, code in (("source", "id"), ("target", "en")):
        if role not in cols:
            raise InputError(f"{fmt} header has no {code} column (found {delimiter.join(header)!r})", path, header_line)
    folded_header = [c.lower() for c in header]
    entries = []
    for line, cells in rows:
        if [c.lower() for c in cells] == folded_header:
            raise InputError(f"duplicate header row (first at line {header_line})", path, line)
        if len(cells) != len(header):
            raise InputError(f"expected {len(header)} columns as in the header, found {len(cells)}", path, line)
        source, target = cells[cols["source"]], cells[cols["target"]]
        require_terms(path, line, {header[cols["source"]]: source, header[cols["target"]]: target})
        notes = []
        if "pos" in cols and cells[cols["pos"]]:
            notes.append(f"part of speech: {cells[cols['pos']]}")
        if "description" in cols and cells[cols["description"]]:
            notes += [n for n in cells[cols["description"]].split("\n") if n.strip()]
        entries.append(entry_at(path, line, source, target, notes=notes))
    return entries
