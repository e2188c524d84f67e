"""Loading and saving glossary PO files (polib), with ``file:line`` on every problem.

``load_glossary(DIR)`` reads every ``*.po`` in DIR (sorted by name) into one :class:`Glossary`. A syntax
error raises :class:`GlossaryError` naming the file and line; softer problems (unknown flags or comment keys,
two entries claiming the same source form) become diagnostics on the glossary so that a translation run can
warn and go on, while ``glossary lint`` turns them into errors.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import polib

from ..errors import Diagnostic, GlossaryError
from ..textio import decode_text, parse_po, read_bytes, special_file_kind
from .claims import claims
from .model import COMMENT_KEYS, KNOWN_FLAGS, Entry, Glossary

_COMMENT = re.compile(r"^([a-z][a-z-]*):\s?(.*)$")

SOURCE_LANGUAGE = "id"
TARGET_LANGUAGE = "en"


def read_po(path: Path, data: bytes | None = None) -> polib.POFile:
    """Parse one PO file (``data``: its bytes, when already read); any problem becomes a one-line
    :class:`GlossaryError` with file:line. A special file or one over the input size cap is refused."""
    if data is None:
        data = read_bytes(path, what="glossary file", error=GlossaryError)
    text = decode_text(data, path, error=GlossaryError, subject="glossary file", allow_empty=True)
    return parse_po(text, path, error=GlossaryError)


def entry_from_po(po_entry: polib.POEntry, path: Path | None = None) -> tuple[Entry, list[Diagnostic]]:
    """Build an :class:`Entry` from a polib entry; unknown comment keys and flags come back as diagnostics."""
    entry = Entry(
        source=po_entry.msgid,
        target=po_entry.msgstr,
        context=po_entry.msgctxt,
        flags=list(po_entry.flags),
        translator_comment=po_entry.tcomment or "",
        path=path,
        line=po_entry.linenum or None,
    )
    diags: list[Diagnostic] = []
    where = {"path": str(path) if path else None, "line": po_entry.linenum or None}
    last: list[str] | None = None  # the list the previous ``key: value`` line went to
    for raw in (po_entry.comment or "").splitlines():
        m = _COMMENT.match(raw.strip())
        if not m and last is not None and raw.strip():
            # polib (like xgettext) wraps long comments at 78 columns: a line that is not ``key: value``
            # right after one continues it.
            last[-1] = f"{last[-1]} {raw.strip()}"
            continue
        if not m or m.group(1) not in COMMENT_KEYS:
            last = None
            entry.unknown_comments.append(raw)
            diags.append(
                Diagnostic(
                    "warning",
                    "unknown-comment-key",
                    f"unknown comment {raw.strip()!r} on {po_entry.msgid!r} (known keys: {', '.join(COMMENT_KEYS)})",
                    **where,
                )
            )
            continue
        key, value = m.group(1), m.group(2)
        target = {
            "note": entry.notes,
            "variant": entry.variants,
            "admitted": entry.admitted,
            "forbidden": entry.forbidden,
            "conflict": entry.conflicts,
        }[key]
        target.append(value)
        last = target
    for flag in entry.flags:
        if flag not in KNOWN_FLAGS:
            diags.append(
                Diagnostic(
                    "warning",
                    "unknown-flag",
                    f"unknown flag {flag!r} on {po_entry.msgid!r} (known: {', '.join(sorted(KNOWN_FLAGS))})",
                    **where,
                )
            )
    return entry, diags


def entry_to_po(entry: Entry) -> polib.POEntry:
    """The canonical PO form of an entry: comments in key order (note, variant, admitted, forbidden,
    conflict)."""
    lines = [f"note: {n}" for n in entry.notes]
    lines += [f"variant: {v}" for v in entry.variants]
    lines += [f"admitted: {a}" for a in entry.admitted]
    lines += [f"forbidden: {f}" for f in entry.forbidden]
    lines += [f"conflict: {c}" for c in entry.conflicts]
    lines += list(entry.unknown_comments)
    po_entry = polib.POEntry(
        msgid=entry.source,
        msgstr=entry.target,
        comment="\n".join(lines),
        tcomment=entry.translator_comment,
        flags=list(entry.flags),
    )
    if entry.context is not None:
        po_entry.msgctxt = entry.context
    return po_entry


def new_po_file(wrapwidth: int = 78) -> polib.POFile:
    """An empty glossary PO file with the translate-kit header."""
    po = polib.POFile(wrapwidth=wrapwidth)
    po.metadata = {
        "Project-Id-Version": "translate-kit glossary",
        "Language": SOURCE_LANGUAGE,
        "X-Target-Language": TARGET_LANGUAGE,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    return po


def load_file(path: Path, data: bytes | None = None) -> tuple[list[Entry], list[Diagnostic], polib.POFile]:
    po = read_po(path, data)
    diags: list[Diagnostic] = []
    lang = (po.metadata.get("Language") or "").strip()
    if lang and lang.split("_")[0].split("-")[0].lower() != SOURCE_LANGUAGE:
        diags.append(
            Diagnostic(
                "error",
                "wrong-language",
                f"header Language is {lang!r}; glossary files must be Language: id",
                str(path),
            )
        )
    entries = []
    for po_entry in po:
        if po_entry.obsolete:
            continue
        entry, entry_diags = entry_from_po(po_entry, path)
        entries.append(entry)
        diags.extend(entry_diags)
    return entries, diags, po


def glossary_files(directory: str | Path) -> list[Path]:
    d = Path(directory)
    if not d.exists():
        raise GlossaryError("glossary directory does not exist", d)
    if d.is_file():
        if d.suffix != ".po":
            raise GlossaryError("a glossary is a directory of .po files (or one .po file)", d)
        return [d]
    return sorted(p for p in d.glob("*.po") if p.is_file())


def _unusable(entry: Entry) -> str | None:
    """Why an entry cannot be applied or checked (it is skipped with a warning), or None."""
    if not entry.source.strip():
        return f"entry in context {entry.context!r} has an empty msgid"
    if entry.enforced and not entry.preferred.strip():  # a translator's to-do
        return (
            f"entry {entry.source!r} has an empty msgstr: skipped (not enforced, not checked) until it has "
            "an English form or the fuzzy flag"
        )
    return None


def load_glossary(directory: str | Path) -> Glossary:
    """Load every ``*.po`` of ``directory`` (or one ``.po`` file). An empty directory is an empty glossary;
    a file with no entries, and entries that cannot be applied (empty msgid, empty msgstr of an enforced
    entry), are warnings at their file:line and the entries are left out."""
    files = glossary_files(directory)
    hasher = hashlib.sha256()
    glossary = Glossary(files=files)
    if Path(directory).is_dir():  # glossary_files keeps regular files only: say what it left out
        glossary.diagnostics += [
            Diagnostic("warning", "special-file", f"skipped: {kind}, not a regular file", str(p))
            for p in sorted(Path(directory).glob("*.po"))
            if (kind := special_file_kind(p))
        ]
    for path in files:
        data = read_bytes(path, what="glossary file", error=GlossaryError)
        hasher.update(path.name.encode() + b"\0" + data)
        entries, diags, _ = load_file(path, data)
        glossary.diagnostics.extend(diags)
        if not entries:
            glossary.diagnostics.append(
                Diagnostic("warning", "empty-glossary-file", "glossary file has no entries", str(path))
            )
        for entry in entries:
            why = _unusable(entry)
            if why is None:
                glossary.entries.append(entry)
            else:
                code = "empty-target-skipped" if entry.source.strip() else "empty-msgid-skipped"
                glossary.diagnostics.append(Diagnostic("warning", code, why, str(path), entry.line))
    glossary.digest = hasher.hexdigest()
    glossary.diagnostics.extend(find_conflicts(glossary.entries))
    return glossary


#: the glossary every command uses when no ``--glossary`` is given (and the directory exists)
DEFAULT_DIR = Path("glossary")


def load_glossary_or_default(directory: str | Path | None) -> Glossary | None:
    """``directory``'s glossary; with None, ``glossary/`` when it exists, else None (the caller says so)."""
    if directory is None:
        if not DEFAULT_DIR.is_dir():
            return None
        directory = DEFAULT_DIR
    return load_glossary(directory)


def resolve_glossary(directory: str | Path | None, consequence: str) -> tuple[Glossary | None, list[Diagnostic]]:
    """The one "which glossary?" rule of every command: ``directory``, else ``glossary/`` when it exists, else
    none — then a ``no-glossary`` warning saying what that means (``consequence``, e.g. "translating without a
    glossary"). Returns the glossary (None when there is none) and the diagnostics to report."""
    glossary = load_glossary_or_default(directory)
    if glossary is None:
        return None, [
            Diagnostic("warning", "no-glossary", f"no glossary given and no glossary/ directory: {consequence}")
        ]
    return glossary, list(glossary.diagnostics)


def find_conflicts(entries: list[Entry]) -> list[Diagnostic]:
    """Source forms claimed by two entries in different contexts (the matcher ignores msgctxt), or of the
    same context with different English forms.

    "Claimed" is the rule lint and editing use (:mod:`translate_kit.glossary.claims`, folded as the matcher
    folds). The first entry (file order) wins at match time; every later claimant is reported here.
    """
    seen: dict[str, list] = {}
    diags = []
    for e in entries:
        if e.fuzzy:
            continue
        reported = False
        for claim in claims(e):
            bucket = seen.setdefault(claim.lower, [])
            first = next(
                (
                    c.entry
                    for c in bucket
                    if c.entry is not e
                    and c.collides(claim)
                    and (c.entry.context != e.context or c.entry.preferred != e.preferred)
                ),
                None,
            )
            bucket.append(claim)
            if first is not None and not reported:
                reported = True
                diags.append(
                    Diagnostic(
                        "warning",
                        "conflicting-entries",
                        f"source form {claim.form!r} is claimed by {first.label()!r} ({first.ref}) and "
                        f"{e.label()!r}; the first one is used",
                        str(e.path) if e.path else None,
                        e.line,
                    )
                )
    return diags
