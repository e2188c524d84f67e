"""Three-way merge of one glossary PO file, entry by entry: the glossary's git merge driver.

Entries are matched by identity (msgctxt, msgid) across the base, "ours" and "theirs"; the result is written
in canonical form (what ``glossary lint --fix`` writes), so two branches that each added entries "near the
same place" never conflict. Per entry:

- added on one side: taken; added on both: merged field by field as below (with no base);
- deleted on one side and unchanged on the other: deleted; deleted on one side and changed on the other: a
  conflict (the changed entry is kept);
- present on all sides: list fields (variant, admitted, forbidden, flags) merge value by value (each side's
  additions and removals apply); single fields (msgstr, translator comment) and the notes take the side
  that changed them, or either when both made the same change.

Where both sides changed a field differently, the entry keeps our value and gets a ``#. conflict:`` line
naming the field and the three values; ``glossary lint`` reports every such line as an error
(``merge-conflict``), so the file stays valid PO (never ``<<<<<<<`` markers) and CI fails until someone
settles it. Header fields merge key by key (a conflict there is a ``# conflict:`` header comment line).
A merge that leaves two entries claiming one source form (each side gave one of them the form) is a
conflict too: no line is added, ``glossary lint`` reports it as ``conflicting-source``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import polib

from ..errors import GlossaryError
from ..textio import atomic_write_text, read_bytes
from .canonical import canonical_text
from .lint import rival_pairs
from .model import Entry
from .pofile import entry_from_po, entry_to_po, new_po_file, read_po

#: fields merged value by value, and fields merged as one value
LIST_FIELDS = ("variants", "admitted", "forbidden", "flags")
SINGLE_FIELDS = (
    ("msgstr", "target"),
    ("translator comment", "translator_comment"),
    ("note", "notes"),
    ("comment", "unknown_comments"),
    ("conflict", "conflicts"),
)
ROLES = ("base", "ours", "theirs")


@dataclass
class MergeResult:
    text: str
    conflicts: list[str] = field(default_factory=list)  # one line per conflict, for the terminal


@dataclass
class _Version:
    """One side of the merge: its live entries by identity (with their polib entries) and its file."""

    po: polib.POFile
    entries: dict[tuple, tuple[Entry, polib.POEntry]]


def _version(path: Path | None, role: str, name: str) -> _Version:
    if path is None or not path.exists() or not read_bytes(path, what="glossary file", error=GlossaryError).strip():
        return _Version(new_po_file(), {})  # the file did not exist on that side
    try:
        po = read_po(path)
    except GlossaryError as exc:
        raise GlossaryError(f"{exc.message} (the {role} version of {name})", exc.path, exc.line) from None
    entries = {}
    for po_entry in po:
        if not po_entry.obsolete:
            entry, _ = entry_from_po(po_entry)
            entries.setdefault(entry.key, (entry, po_entry))
    return _Version(po, entries)


def merge_files(base: Path | None, ours: Path, theirs: Path, name: str | None = None) -> MergeResult:
    """Merge the three versions of one glossary file; the result replaces ``ours`` (atomically)."""
    name = name or str(ours)
    versions = [_version(p, role, name) for p, role in zip((base, ours, theirs), ROLES)]
    result = merge_versions(*versions, name=name)
    atomic_write_text(ours, result.text)
    return result


def merge_versions(base: _Version, ours: _Version, theirs: _Version, name: str) -> MergeResult:
    conflicts: list[str] = []
    out = polib.POFile(wrapwidth=78)
    header, metadata, header_conflicts = _merge_header(base.po, ours.po, theirs.po)
    out.header, out.metadata = header, metadata
    out.metadata_is_fuzzy = ours.po.metadata_is_fuzzy
    conflicts += [f"{name}: header {c}" for c in header_conflicts]
    keys = list(dict.fromkeys([*ours.entries, *theirs.entries]))
    for key in keys:
        merged, notes = _merge_entry(base.entries.get(key), ours.entries.get(key), theirs.entries.get(key))
        if merged is None:
            continue
        entry, po_entry = merged
        out_entry = entry_to_po(entry)
        out_entry.occurrences = list(po_entry.occurrences)
        if po_entry.msgid_plural:
            out_entry.msgid_plural, out_entry.msgstr_plural = po_entry.msgid_plural, dict(po_entry.msgstr_plural)
        out.append(out_entry)
        conflicts += [f"{name}: {entry.label()}: {n}" for n in notes]
    obsolete = {(e.msgctxt, e.msgid): e for v in (theirs, ours) for e in v.po if e.obsolete}
    for po_entry in obsolete.values():
        if (po_entry.msgctxt, po_entry.msgid) not in set(keys):
            out.append(po_entry)
    conflicts += [f"{name}: {c}" for c in _new_rivals(out, ours, theirs)]
    return MergeResult(canonical_text(out), conflicts)


def _new_rivals(out: polib.POFile, ours: _Version, theirs: _Version) -> list[str]:
    """Source forms that two entries claim only after the merge (each side gave one of them the form): a
    conflict ``glossary lint`` reports as ``conflicting-source``, though no single field conflicted."""
    merged = [entry_from_po(e)[0] for e in out if not e.obsolete]
    before = rival_pairs([e for e, _ in ours.entries.values()]) | rival_pairs([e for e, _ in theirs.entries.values()])
    return [
        f"{_key_label(a)} and {_key_label(b)} now claim the same source form (glossary lint: conflicting-source)"
        for a, b in sorted(rival_pairs(merged) - before, key=repr)
    ]


def _key_label(key: tuple) -> str:
    context, source = key
    return f"{source!r} [{context}]" if context else repr(source)


Side = tuple[Entry, polib.POEntry] | None


def _merge_entry(base: Side, ours: Side, theirs: Side) -> tuple[Side, list[str]]:
    """(merged entry, conflicts) of one identity; (None, []) when it is deleted."""
    if ours is None or theirs is None:
        kept, role, other = (theirs, "theirs", "ours") if ours is None else (ours, "ours", "theirs")
        if base is None:
            return kept, []  # added on one side
        if _same(base[0], kept[0]):
            return None, []  # deleted on the other side, unchanged here
        note = f"deleted in {other}, changed in {role}: kept {role}' version"
        return (replace(kept[0], conflicts=[*kept[0].conflicts, note]), kept[1]), [note]
    b = base[0] if base is not None else None
    entry, notes = _merge_fields(b, ours[0], theirs[0])
    return (entry, ours[1]), notes


def _same(a: Entry, b: Entry) -> bool:
    return all(getattr(a, f) == getattr(b, f) for f in (*LIST_FIELDS, *(attr for _, attr in SINGLE_FIELDS)))


def _merge_fields(base: Entry | None, ours: Entry, theirs: Entry) -> tuple[Entry, list[str]]:
    values: dict[str, object] = {}
    for attr in LIST_FIELDS:
        values[attr] = _merge_list(getattr(base, attr) if base else [], getattr(ours, attr), getattr(theirs, attr))
    notes: list[str] = []
    for label, attr in SINGLE_FIELDS:
        b = getattr(base, attr) if base else None
        o, t = getattr(ours, attr), getattr(theirs, attr)
        if o == t or t == b:
            values[attr] = o
        elif o == b:
            values[attr] = t
        else:
            values[attr] = o
            if attr != "conflicts":
                notes.append(f"{label}: ours {_show(o)}, theirs {_show(t)}, base {_show(b)}")
    merged = replace(ours, **values)
    merged.conflicts = [*merged.conflicts, *notes]
    return merged, notes


def _show(value: object) -> str:
    if value is None:
        return "(none: added on both sides)"
    if isinstance(value, list):
        return repr(" / ".join(value)) if value else "(none)"
    return repr(value)


def _merge_list(base: list[str], ours: list[str], theirs: list[str]) -> list[str]:
    """Ours, less what theirs removed from the base, plus what theirs added (each value as a multiset)."""
    removed = Counter(base) - Counter(theirs)
    added = Counter(theirs) - Counter(base) - Counter(ours)
    out = []
    for v in ours:
        if removed[v] > 0:
            removed[v] -= 1
            continue
        out.append(v)
    for v in theirs:
        if added[v] > 0:
            added[v] -= 1
            out.append(v)
    return out


def _merge_header(
    base: polib.POFile, ours: polib.POFile, theirs: polib.POFile
) -> tuple[str, dict[str, str], list[str]]:
    """(header comment, metadata, conflicts): metadata merged key by key; a conflict keeps ours and is
    written as a ``conflict:`` line of the header comment."""
    b, o, t = base.metadata, ours.metadata, theirs.metadata
    metadata: dict[str, str] = {}
    conflicts = []
    for key in dict.fromkeys([*o, *t, *b]):
        vb, vo, vt = b.get(key), o.get(key), t.get(key)
        value = vo if vo == vt or vt == vb else vt if vo == vb else vo
        if vo != vt and vo != vb and vt != vb:
            conflicts.append(f"{key}: ours {vo!r}, theirs {vt!r}, base {vb!r}")
        if value is not None:
            metadata[key] = value
    header = (
        ours.header
        if ours.header == theirs.header or theirs.header == base.header
        else (theirs.header if ours.header == base.header else ours.header)
    )
    lines = [line for line in (header or "").split("\n") if line] + [f"conflict: {c}" for c in conflicts]
    return "\n".join(lines), metadata, conflicts
