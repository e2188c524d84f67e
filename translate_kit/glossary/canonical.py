"""The canonical form of a glossary PO file (what ``glossary lint --fix`` writes, and what ``add`` inserts).

Canonical means: the header first (header comment kept, metadata keys in polib's standard order, the
translate-kit defaults filled in where missing), then the entries sorted by (msgctxt or "", msgid casefolded,
msgid), each with its extracted comments in key order (note, variant, admitted, forbidden, conflict, then any unknown
line, kept), its translator comment and references kept, flags sorted, every string in Unicode NFC, forms
(msgid, msgstr, msgctxt, variant/admitted/forbidden values) trimmed, wrapping by polib at 78 columns, one blank
line between entries, ``\\n`` line endings, no BOM. Obsolete (``#~``) entries follow, in their original order.
Rendering a canonical file again yields the same bytes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from pathlib import Path

import polib

from ..errors import GlossaryError
from ..textio import atomic_write_text, read_bytes
from .model import Entry
from .pofile import entry_from_po, entry_to_po, new_po_file, read_po

WRAPWIDTH = 78


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _form(text: str) -> str:
    """A form trimmed, with inner whitespace runs as one space (the matcher folds them the same way); a
    form of nothing but whitespace is kept as it is (lint reports it) rather than emptied."""
    return " ".join(nfc(text).split()) or nfc(text)


def normalize_entry(entry: Entry) -> Entry:
    """The entry with every string in NFC, forms trimmed and flags sorted without repeats."""
    return replace(
        entry,
        source=_form(entry.source),
        target=_form(entry.target),
        context=None if entry.context is None else _form(entry.context),
        variants=[_form(v) for v in entry.variants],
        admitted=[_form(a) for a in entry.admitted],
        forbidden=[_form(f) for f in entry.forbidden],
        notes=[nfc(n).strip() for n in entry.notes],
        flags=sorted({nfc(f).strip() for f in entry.flags if f.strip()}),
        translator_comment=nfc(entry.translator_comment),
        unknown_comments=[nfc(u) for u in entry.unknown_comments],
        conflicts=[nfc(c).strip() for c in entry.conflicts],
    )


def sort_key(context: str | None, source: str) -> tuple[str, str, str]:
    """Canonical order of entries: by context, then msgid casefolded, then msgid."""
    return (context or "", source.casefold(), source)


def render_po_entry(po_entry: polib.POEntry) -> str:
    """One entry as PO text ending in a newline (no separating blank line)."""
    text = po_entry.__unicode__(WRAPWIDTH)
    # polib writes an empty translator-comment line as "# "; write it without the trailing blank.
    return "".join("#\n" if line == "# \n" else line for line in text.splitlines(keepends=True))


def render_entry(entry: Entry) -> str:
    """The canonical PO text of a term entry, ending in a newline."""
    return render_po_entry(entry_to_po(normalize_entry(entry)))


def canonical_header(po: polib.POFile | None = None) -> tuple[str, dict[str, str], bool]:
    """(header comment, metadata, fuzzy) of a file in canonical form: the defaults fill missing keys."""
    defaults = new_po_file().metadata
    if po is None:
        return "", dict(defaults), False
    metadata = {nfc(k).strip(): nfc(v).strip() for k, v in po.metadata.items()}
    for key, value in defaults.items():
        metadata.setdefault(key, value)
    header = "\n".join(nfc(line).rstrip() for line in po.header.split("\n")) if po.header else ""
    return header, metadata, bool(po.metadata_is_fuzzy)


def render_header(header: str = "", metadata: dict[str, str] | None = None, fuzzy: bool = False) -> str:
    """The header block: ``# comment`` lines (if any) then the ``msgid ""`` metadata entry."""
    po = polib.POFile(wrapwidth=WRAPWIDTH)
    po.metadata = dict(metadata if metadata is not None else new_po_file().metadata)
    po.metadata_is_fuzzy = fuzzy
    lines = []
    for line in header.split("\n") if header else []:
        lines.append("#" if not line else (f"#{line}" if line[:1] in ",:" else f"# {line}"))
    head = "".join(f"{line}\n" for line in lines)
    return head + render_po_entry(po.metadata_as_entry())


def new_file_text() -> str:
    """The text of a new, empty glossary file."""
    return render_header()


def canonical_text(po: polib.POFile, path: Path | None = None) -> str:
    """The whole file in canonical form. Nothing is dropped: unknown comments, references, plurals and
    obsolete entries survive."""
    blocks = [render_header(*canonical_header(po))]
    live = []
    for po_entry in po:
        if po_entry.obsolete:
            continue
        entry, _ = entry_from_po(po_entry, path)
        out = entry_to_po(normalize_entry(entry))
        # Fields the term model does not carry: keep them as they are.
        out.occurrences = list(po_entry.occurrences)
        out.previous_msgctxt = po_entry.previous_msgctxt
        out.previous_msgid = po_entry.previous_msgid
        out.previous_msgid_plural = po_entry.previous_msgid_plural
        if po_entry.msgid_plural:
            out.msgid_plural = nfc(po_entry.msgid_plural)
            out.msgstr_plural = {k: nfc(v) for k, v in po_entry.msgstr_plural.items()}
        live.append(out)
    live.sort(key=lambda e: sort_key(e.msgctxt, e.msgid))
    blocks += [render_po_entry(e) for e in live]
    blocks += [render_po_entry(e) for e in po if e.obsolete]
    return "\n".join(blocks)


def fix_file(path: Path) -> bool:
    """Rewrite one glossary file in canonical form (atomically). True when its bytes changed.

    A file that cannot be parsed raises :class:`~translate_kit.errors.GlossaryError` and is left untouched.
    """
    path = Path(path)
    po = read_po(path)
    text = canonical_text(po, path)
    if read_bytes(path, what="glossary file", error=GlossaryError) == text.encode("utf-8"):
        return False
    atomic_write_text(path, text)
    return True
