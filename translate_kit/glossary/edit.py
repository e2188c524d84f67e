"""Adding and removing glossary entries at the text level, so that every other byte of the file stays put.

``add_entry`` renders the new entry in canonical form and inserts it before the first entry that sorts after
it (canonical order: msgctxt, msgid casefolded, msgid), or after the last entry; ``remove_entry`` deletes
the entry's lines (its comments included) and one blank separator line. Nothing else in the file is
reformatted, so a diff shows only the entry added or removed. A new file starts with the canonical header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import polib

from ..errors import GlossaryError, option
from ..textio import atomic_write_bytes, read_bytes
from .canonical import new_file_text, normalize_entry, render_entry, sort_key
from .claims import claims
from .lint import entry_findings
from .locking import glossary_lock
from .model import KNOWN_FLAGS, Entry
from .pofile import entry_from_po, glossary_files, load_file, read_po

_KEYWORD = re.compile(r"^(?:#~\s*)?(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")\s*$")
_CONTINUATION = re.compile(r"^(?:#~\s*)?(\".*\")\s*$")


@dataclass
class _Span:
    """Lines ``start``..``end`` (0-based, inclusive) of one PO entry, comments included."""

    start: int
    end: int
    msgctxt: str | None = None
    msgid: str | None = None
    obsolete: bool = False

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None and not self.obsolete


def _split_lines(text: str) -> list[str]:
    """Lines with their endings; only ``\\n`` ends a line (PO strings may hold other separators)."""
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def _spans(lines: list[str]) -> list[_Span]:
    """Split PO lines into entries: a blank line, or a comment/keyword after a msgstr, starts a new one."""
    spans: list[_Span] = []
    cur: _Span | None = None
    field: str | None = None  # the keyword whose string continuation lines belong to
    values: dict[str, str] = {}
    seen_msgstr = False

    def close():
        if cur is not None:
            cur.msgctxt = values.get("msgctxt")
            cur.msgid = values.get("msgid")
            spans.append(cur)

    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            close()
            cur, field, values, seen_msgstr = None, None, {}, False
            continue
        kw = _KEYWORD.match(line)
        cont = None if kw else _CONTINUATION.match(line)
        starts_new = cur is not None and seen_msgstr and not cont and not (kw and kw.group(1).startswith("msgstr"))
        if cur is None or starts_new:
            close()
            cur, field, values, seen_msgstr = _Span(i, i), None, {}, False
        cur.end = i
        if kw:
            field = kw.group(1)
            values[field] = polib.unescape(kw.group(2)[1:-1])
            if field.startswith("msgstr"):
                seen_msgstr = True
            if line.startswith("#~"):
                cur.obsolete = True
        elif cont and field:
            values[field] += polib.unescape(cont.group(1)[1:-1])
        else:
            field = None  # a comment line
    close()
    return spans


def _read(path: Path) -> tuple[bytes, str, list[str]]:
    data = read_bytes(path, what="glossary file", error=GlossaryError)
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    text = data[len(bom) :].decode("utf-8")  # read_po has already checked it
    return bom, text, _split_lines(text)


def _write(path: Path, bom: bytes, lines: list[str]) -> None:
    atomic_write_bytes(path, bom + "".join(lines).encode("utf-8"))


def _validate(entry: Entry) -> Entry:
    entry = normalize_entry(entry)
    if entry.context == "":
        entry = replace(entry, context=None)
    where = entry.path
    if not entry.source:
        raise GlossaryError("cannot add an entry with an empty source form", where)
    unknown = [f for f in entry.flags if f not in KNOWN_FLAGS]
    if unknown:
        raise GlossaryError(f"unknown flag {unknown[0]!r} (known: {', '.join(sorted(KNOWN_FLAGS))})", where)
    if entry.no_translate and not entry.target:
        entry = replace(entry, target=entry.source)
    if not entry.target and entry.enforced:
        raise GlossaryError(f"entry {entry.source!r} needs an English form (or the fuzzy flag)", where)
    return entry


def _existing_entries(path: Path, glossary_dir: Path | None) -> list[Entry]:
    files = glossary_files(glossary_dir) if glossary_dir is not None and glossary_dir.exists() else []
    if path.exists() and path.resolve() not in {f.resolve() for f in files}:
        files.append(path)
    entries: list[Entry] = []
    for f in files:
        entries.extend(load_file(f)[0])
    return entries


class ClaimedForm(GlossaryError):
    """A source form of the new entry that another entry already claims (in any context: the matcher
    ignores msgctxt). The caller may override it; a duplicate msgid + msgctxt is never added."""


def check_claims(entry: Entry, existing: list[Entry]) -> None:
    """Raise :class:`GlossaryError` at the other entry's file:line when it has the same msgid and context,
    and :class:`ClaimedForm` when it claims one of ``entry``'s source forms, in any context."""
    mine = claims(entry)
    for other in existing:
        if other.source == entry.source and other.context == entry.context:
            raise GlossaryError(
                f"an entry for {entry.source!r}"
                f"{' in context ' + repr(entry.context) if entry.context else ''} "
                "already exists (remove it first)",
                other.path,
                other.line,
            )
    for other in existing:
        for theirs in claims(other):
            for claim in mine:
                if claim.collides(theirs):
                    where = f" in context {other.context!r}" if other.context else " (no context)"
                    raise ClaimedForm(
                        f"source form {claim.form!r} is already claimed by {other.label()!r}"
                        f"{where if other.context != entry.context else ''}; one source form "
                        f"belongs to one entry (use {option('force')} to add it anyway)",
                        other.path,
                        other.line,
                    )


def refuse_lint_errors(entry: Entry) -> None:
    """Raise :class:`GlossaryError` when ``glossary lint`` would report an error on ``entry`` as written."""
    errors = [d for d in entry_findings(entry) if d.severity == "error"]
    if errors:
        d = errors[0]
        raise GlossaryError(f"not added: lint would reject the entry: {d.message} [{d.code}]", entry.path)


def add_entry(path: Path, entry: Entry, *, force: bool = False, glossary_dir: Path | None = None) -> Entry:
    """Insert ``entry`` into the PO file ``path`` (created with the canonical header if missing).

    Refuses (:class:`GlossaryError`) an entry that ``glossary lint`` would report an error on; (naming the
    other entry's file:line) a msgid+msgctxt that already exists, and, unless ``force``, a source form that
    another entry already claims, in any context, in any file of ``glossary_dir`` (default: the file's
    directory). Returns the entry as written, with path and line.
    """
    path = Path(path)
    entry = _validate(replace(entry, path=path, line=None))
    refuse_lint_errors(entry)
    directory = Path(glossary_dir) if glossary_dir else path.parent
    with glossary_lock(directory):  # read under the lock: a concurrent edit is never overwritten
        return _add_entry(path, entry, force, directory)


def _add_entry(path: Path, entry: Entry, force: bool, directory: Path) -> Entry:
    existing = _existing_entries(path, directory)
    if force:  # an exact duplicate is never added
        existing = [e for e in existing if e.source == entry.source and e.context == entry.context]
    check_claims(entry, existing)

    rendered = _split_lines(render_entry(entry))
    if not path.exists() or not read_bytes(path, what="glossary file", error=GlossaryError).strip():
        header = _split_lines(new_file_text())
        _write(path, b"", header + ["\n"] + rendered)
        return replace(entry, path=path, line=len(header) + 2)

    read_po(path)  # a file we cannot parse is not edited
    bom, text, lines = _read(path)
    nl = "\r\n" if "\r\n" in text else "\n"
    rendered = [line[:-1] + nl for line in rendered]
    spans = _spans(lines)
    live = [s for s in spans if not s.is_header and not s.obsolete]
    key = sort_key(entry.context, entry.source)
    after = next((s for s in live if sort_key(s.msgctxt, s.msgid or "") > key), None)
    if after is not None:
        at = after.start
        lines[at:at] = rendered + [nl]
        line = at + 1
    else:
        anchor = live[-1] if live else next((s for s in spans if s.is_header), None)
        at = anchor.end + 1 if anchor is not None else len(lines)
        if at > 0 and not lines[at - 1].endswith("\n"):
            lines[at - 1] += nl
        if at == 0:
            lines[0:0] = rendered + ([nl] if lines else [])
            line = 1
        else:
            lines[at:at] = [nl] + rendered
            line = at + 2
    _write(path, bom, lines)
    return replace(entry, path=path, line=line)


def remove_entry(path: Path, source: str, context: str | None = None) -> Entry:
    """Delete the entry with msgid ``source`` (and msgctxt ``context``) from ``path``; return it.

    Without ``context``, an entry without one is chosen, or else the only entry with that msgid. The msgid is
    compared exactly, then case-insensitively when that finds exactly one entry.
    """
    path = Path(path)
    with glossary_lock(path.parent):
        return _remove_entry(path, source, context)


def _remove_entry(path: Path, source: str, context: str | None) -> Entry:
    po = read_po(path)
    entries = [entry_from_po(e, path)[0] for e in po if not e.obsolete]
    target = _pick(entries, source, context, path)
    bom, text, lines = _read(path)
    span = next(s for s in _spans(lines) if not s.obsolete and s.msgid == target.source and s.msgctxt == target.context)
    start, end = span.start, span.end + 1
    if start > 0 and not lines[start - 1].strip():
        start -= 1  # the blank line that separated it from the entry before
    elif end < len(lines) and not lines[end].strip():
        end += 1
    del lines[start:end]
    _write(path, bom, lines)
    return target


def remove_from_glossary(glossary_dir: Path, source: str, context: str | None = None) -> Entry:
    """Remove the entry with msgid ``source`` from whichever file of ``glossary_dir`` holds it; return it
    (with its path). Same choice rules as :func:`remove_entry`, over the whole directory."""
    glossary_files(glossary_dir)  # a missing directory is an error, not a new empty one
    with glossary_lock(glossary_dir):
        entries: list[Entry] = []
        for path in glossary_files(glossary_dir):
            entries.extend(load_file(path)[0])
        target = _pick(entries, source, context, Path(glossary_dir))
        return remove_entry(target.path, target.source, target.context)


def _pick(entries: list[Entry], source: str, context: str | None, path: Path) -> Entry:
    """The one entry ``source`` (and ``context``) names. Without a context only an entry without one is
    taken: an entry with a context is removed only when its context is given, so removing the same msgid
    twice never takes another context's entry. Nothing matching raises :class:`NoSuchEntry`."""
    for same in (lambda e: e.source == source, lambda e: e.source.casefold() == source.casefold()):
        found = [e for e in entries if same(e)]
        if not found:
            continue
        chosen = [e for e in found if e.context == context]
        if len(chosen) == 1:
            return chosen[0]
        if len(chosen) > 1:
            places = ", ".join(e.ref for e in chosen)
            raise GlossaryError(f"{source!r} names several entries ({places}); give the exact msgid", path)
        if context is None:
            listed = ", ".join(f"{e.context!r} ({e.ref})" for e in found)
            raise ContextNeeded(
                f"{source!r} has no entry without a context; its entries are in context "
                f"{listed}: give {option('context')}",
                path,
            )
    ctx = f" in context {context!r}" if context is not None else ""
    raise NoSuchEntry(f"no entry for {source!r}{ctx}", path)


class NoSuchEntry(GlossaryError):
    """No entry has that msgid (and context): "nothing matched", exit code 1 rather than a usage error."""

    exit_code = 1


class ContextNeeded(GlossaryError):
    """A msgid whose entries all have a context, named without one."""
