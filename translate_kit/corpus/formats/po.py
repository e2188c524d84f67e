""".po: every non-obsolete entry but the header is a unit; existing ``msgstr`` s are kept unless
``overwrite``; flagged entries get ``#, fuzzy``; boilerplate entries keep an empty ``msgstr``.

Plural entries: the unit's text is the singular ``msgid``; ``msgid_plural`` is kept in
``unit.meta["msgid_plural"]`` and the document gets a ``plural-entry`` warning saying only the singular is
machine-translated.
"""

from __future__ import annotations

from collections.abc import Mapping

import polib

from ...errors import Diagnostic, InputError
from ...textio import parse_po
from ..boilerplate import BoilerplateRules
from ..documents import Document, Unit
from .base import classify, short


def read(doc: Document, text: str, rules: BoilerplateRules) -> None:
    path = doc.path
    po = parse_po(text, path)
    lines = text.split("\n")
    seen: dict[tuple[str | None, str], int] = {}
    for position, entry in enumerate(po):
        if entry.obsolete or entry.msgid == "":
            continue
        line = _msgid_line(lines, entry.linenum)
        ident = (entry.msgctxt, entry.msgid)
        if ident in seen:
            raise InputError(
                f"duplicate msgid {short(entry.msgid)!r}"
                f"{'' if entry.msgctxt is None else f' in context {entry.msgctxt!r}'}"
                f" (first on line {seen[ident]})",
                path,
                line,
            )
        seen[ident] = line
        kind, meta = classify(entry.msgid, rules, path, line)
        meta.update(
            {
                "entry_index": position,
                "msgctxt": entry.msgctxt,
                "flags": list(entry.flags),
                "comment": entry.comment,
                "tcomment": entry.tcomment,
                "occurrences": list(entry.occurrences),
            }
        )
        existing = entry.msgstr
        if entry.msgid_plural:
            meta["msgid_plural"] = entry.msgid_plural
            existing = entry.msgstr_plural.get(0, "")
            doc.diagnostics.append(
                Diagnostic(
                    "warning",
                    "plural-entry",
                    "plural entry: only the singular msgid is machine-translated",
                    str(path),
                    line,
                )
            )
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        doc.units.append(
            Unit(
                index=len(doc.units),
                line=line,
                text=entry.msgid,
                kind=kind,
                key=key,
                existing=existing or None,
                meta=meta,
            )
        )
    doc.raw = po


def _msgid_line(lines: list[str], start: int) -> int:
    """polib's linenum is an entry's first line (often a comment); find its msgid line from there."""
    for no in range(max(start, 1), len(lines) + 1):
        if lines[no - 1].lstrip().startswith("msgid "):
            return no
    return start


def write(
    doc: Document, results: Mapping[int, object], *, drop_boilerplate: bool = False, overwrite: bool = False
) -> str:
    po: polib.POFile = doc.raw
    for unit in doc.units:
        result = results.get(unit.index)
        if result is None or (unit.existing and not overwrite):
            continue
        entry = po[unit.meta["entry_index"]]
        if entry.msgid_plural:
            entry.msgstr_plural[0] = result.text
        else:
            entry.msgstr = result.text
        if result.flagged and "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
    return po.__unicode__()
