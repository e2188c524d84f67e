"""Finding input files and reading them into :class:`Document` s: one reader per format.

Every problem with an input file is an :class:`InputError` with the file (and line where it applies):
unreadable, empty, binary, not UTF-8, malformed JSONL or PO. A file of nothing but boilerplate reads fine and
carries an ``only-boilerplate`` warning.

PO plural entries: the unit's text is the singular ``msgid``; ``msgid_plural`` is kept in
``unit.meta["msgid_plural"]`` and the document gets a ``plural-entry`` warning saying only the singular is
machine-translated.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from pathlib import Path

import polib

from ..errors import Diagnostic, GlossaryError, InputError
from ..glossary.pofile import check_syntax  # the same PO line check the glossary uses
from .boilerplate import BoilerplateRules
from .documents import Document, Unit

EXTENSIONS = {".txt": "txt", ".po": "po", ".jsonl": "jsonl"}
_BINARY_SAMPLE = 65536


# --------------------------------------------------------------------------------------------- discovery

def discover(paths: list[Path]) -> tuple[list[tuple[Path, Path]], list[Diagnostic]]:
    """Expand files and directories into sorted ``(path, relpath)`` pairs of supported inputs.

    Never raises for a bad path: a missing or unreadable path is a Diagnostic of severity "error" (code
    ``missing-path`` / ``unreadable-path``) so the caller can report it and go on with the rest; an
    unsupported file is a warning (``unsupported-file``); hidden files and directories are skipped. A file
    given directly has its own name as relpath; files found in a directory are relative to it. Two inputs
    that would share a relpath (hence an output) → an error diagnostic ``relpath-collision`` for the second.
    """
    found: list[tuple[Path, Path]] = []
    diags: list[Diagnostic] = []
    for root in map(Path, paths):
        if not root.exists():
            diags.append(Diagnostic("error", "missing-path", "no such file or directory", str(root)))
        elif root.is_dir():
            found += _walk(root, diags)
        elif root.suffix.lower() in EXTENSIONS:
            found.append((root, Path(root.name)))
        else:
            diags.append(_unsupported(root))
    seen: dict[Path, Path] = {}
    unique: list[tuple[Path, Path]] = []
    for path, rel in found:
        if rel in seen:
            if seen[rel].resolve() != path.resolve():
                diags.append(Diagnostic("error", "relpath-collision",
                                        f"skipped: its output would collide with {seen[rel]} ({rel})",
                                        str(path)))
            continue
        seen[rel] = path
        unique.append((path, rel))
    return unique, diags


def _walk(root: Path, diags: list[Diagnostic]) -> list[tuple[Path, Path]]:
    try:
        children = sorted(root.iterdir())
    except OSError as exc:
        diags.append(Diagnostic("error", "unreadable-path",
                                f"cannot read directory: {exc.strerror or exc}", str(root)))
        return []
    found: list[tuple[Path, Path]] = []
    stack = [(root, children)]
    visited = {root.resolve()}  # a symlink back up the tree must not loop
    while stack:
        _, entries = stack.pop()
        for child in entries:
            if child.name.startswith("."):
                continue
            if child.is_dir():
                if child.resolve() in visited:
                    continue
                visited.add(child.resolve())
                try:
                    stack.append((child, sorted(child.iterdir())))
                except OSError as exc:
                    diags.append(Diagnostic("error", "unreadable-path",
                                            f"cannot read directory: {exc.strerror or exc}", str(child)))
            elif child.suffix.lower() in EXTENSIONS:
                found.append((child, child.relative_to(root)))
            else:
                diags.append(_unsupported(child))
    return sorted(found, key=lambda pair: pair[1].parts)


def _unsupported(path: Path) -> Diagnostic:
    return Diagnostic("warning", "unsupported-file",
                      "skipped: not a .txt, .po or .jsonl file", str(path))


# --------------------------------------------------------------------------------------------- reading

def read_document(path: Path, relpath: Path | None = None,
                  rules: BoilerplateRules | None = None) -> Document:
    """Read one input file (format from its extension); ``rules`` default to the built-in boilerplate rules."""
    path = Path(path)
    relpath = Path(relpath) if relpath is not None else Path(path.name)
    rules = rules if rules is not None else BoilerplateRules()
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise InputError("unsupported file type (expected .txt, .po or .jsonl)", path)
    data = _read_bytes(path)
    text = decode_text(data, path)
    newline, mixed = _newline_style(text)
    doc = Document(path=path, relpath=relpath, format=fmt, units=[], newline=newline,
                   final_newline=text.endswith("\n"), sha256=hashlib.sha256(data).hexdigest())
    if mixed:
        doc.diagnostics.append(Diagnostic("warning", "mixed-newlines",
                                          f"mixed line endings; output uses {newline!r}", str(path)))
    {"txt": _read_txt, "po": _read_po, "jsonl": _read_jsonl}[fmt](doc, text, rules)
    if doc.count("text") == 0:
        n_bp = doc.count("boilerplate")
        if n_bp:
            doc.diagnostics.append(Diagnostic("warning", "only-boilerplate",
                                              f"only boilerplate ({n_bp} units), nothing to translate",
                                              str(path)))
        else:
            doc.diagnostics.append(Diagnostic("warning", "nothing-to-translate",
                                              "no translatable text in this file", str(path)))
    return doc


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise InputError("is a directory, not a file", path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path) from None


def decode_text(data: bytes, path: Path) -> str:
    """UTF-8 text of ``data`` (a BOM is dropped); empty, binary and non-UTF-8 data → :class:`InputError`."""
    if not data:
        raise InputError("empty file", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("UTF-16 text is not supported: convert the file to UTF-8", path)
    if b"\x00" in data:
        raise InputError(f"binary file (NUL byte at byte offset {data.index(0)})", path)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        sample = data[:_BINARY_SAMPLE].decode("utf-8", errors="replace")
        if sample.count("\ufffd") > 0.3 * len(sample):
            raise InputError("binary file (mostly non-text bytes)", path) from None
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(f"not valid UTF-8: byte 0x{data[exc.start]:02x} at byte offset {exc.start} "
                         f"(column {column})", path, line) from None
    controls = sum(1 for ch in text[:_BINARY_SAMPLE] if _is_control(ch))
    if controls > 0.1 * min(len(text), _BINARY_SAMPLE):
        raise InputError("binary file (mostly control characters)", path)
    if not text.strip():
        raise InputError("empty file (only whitespace)", path)
    return text


def _is_control(ch: str) -> bool:
    return (ch < " " and ch not in "\t\n\r\f\v") or ch == "\x7f"


def _newline_style(text: str) -> tuple[str, bool]:
    """The first line ending found ("\\n" when none), and whether the file mixes "\\n" and "\\r\\n"."""
    crlf = text.count("\r\n")
    lf = text.count("\n")
    first = text.find("\n")
    newline = "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"
    return newline, 0 < crlf < lf


def _lines(text: str) -> list[str]:
    """Lines without their line ending (a final line ending does not start an extra empty line)."""
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def _classify(text: str, rules: BoilerplateRules) -> tuple[str, dict]:
    if not text.strip():
        return "blank", {}
    name = rules.match(text)
    if name is not None:
        return "boilerplate", {"boilerplate": name}
    return "text", {}


# --------------------------------------------------------------------------------------------- .txt

def _read_txt(doc: Document, text: str, rules: BoilerplateRules) -> None:
    for i, line in enumerate(_lines(text)):
        kind, meta = _classify(line, rules)
        doc.units.append(Unit(index=i, line=i + 1, text=line, kind=kind, key=f"L{i + 1}", meta=meta))


# --------------------------------------------------------------------------------------------- .jsonl

def _read_jsonl(doc: Document, text: str, rules: BoilerplateRules) -> None:
    records: list[dict] = []
    first_line: dict[str, int] = {}
    path = doc.path
    for no, line in enumerate(_lines(text), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg} (column {exc.colno})", path, no) from None
        if not isinstance(record, dict):
            raise InputError(f"record is not a JSON object but {_json_type(record)}", path, no)
        for field_name in ("id", "text"):
            if field_name not in record:
                raise InputError(f'record has no "{field_name}" field', path, no)
        rid, body = record["id"], record["text"]
        if isinstance(rid, bool) or not isinstance(rid, (str, int)) or rid == "":
            raise InputError(f'"id" must be a non-empty string or an integer, not {_json_type(rid)}', path, no)
        if not isinstance(body, str):
            raise InputError(f'"text" must be a string, not {_json_type(body)}', path, no)
        key = str(rid)
        if key in first_line:
            raise InputError(f'duplicate id "{key}" (first on line {first_line[key]})', path, no)
        first_line[key] = no
        kind, meta = _classify(body, rules)
        meta.update({k: v for k, v in record.items() if k not in ("id", "text")})
        records.append(record)
        doc.units.append(Unit(index=len(doc.units), line=no, text=body, kind=kind, key=key, meta=meta))
    doc.raw = records


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "an array",
            dict: "an object"}.get(type(value), type(value).__name__)


# --------------------------------------------------------------------------------------------- .po

_POLIB_LINE = re.compile(r"\(line (\d+)\)")


def _read_po(doc: Document, text: str, rules: BoilerplateRules) -> None:
    path = doc.path
    try:
        check_syntax(path, text)
    except GlossaryError as exc:
        raise InputError(exc.message, path, exc.line) from None
    try:
        po = polib.pofile(text, encoding="utf-8", wrapwidth=78)
    except (OSError, ValueError) as exc:
        m = _POLIB_LINE.search(str(exc))
        detail = re.sub(r"\s*in po file.*?\(line \d+\)", "", str(exc)).strip()
        message = "PO syntax error" if detail.lower() in ("", "syntax error") else f"PO syntax error: {detail}"
        raise InputError(message, path, int(m.group(1)) if m else None) from None
    lines = text.split("\n")
    seen: dict[tuple[str | None, str], int] = {}
    for position, entry in enumerate(po):
        if entry.obsolete or entry.msgid == "":
            continue
        line = _msgid_line(lines, entry.linenum)
        ident = (entry.msgctxt, entry.msgid)
        if ident in seen:
            raise InputError(f"duplicate msgid {_short(entry.msgid)!r}"
                             f"{'' if entry.msgctxt is None else f' in context {entry.msgctxt!r}'}"
                             f" (first on line {seen[ident]})", path, line)
        seen[ident] = line
        kind, meta = _classify(entry.msgid, rules)
        meta.update({"entry_index": position, "msgctxt": entry.msgctxt, "flags": list(entry.flags),
                     "comment": entry.comment, "tcomment": entry.tcomment,
                     "occurrences": list(entry.occurrences)})
        existing = entry.msgstr
        if entry.msgid_plural:
            meta["msgid_plural"] = entry.msgid_plural
            existing = entry.msgstr_plural.get(0, "")
            doc.diagnostics.append(Diagnostic("warning", "plural-entry",
                                              "plural entry: only the singular msgid is machine-translated",
                                              str(path), line))
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        doc.units.append(Unit(index=len(doc.units), line=line, text=entry.msgid, kind=kind, key=key,
                              existing=existing or None, meta=meta))
    doc.raw = po


def _msgid_line(lines: list[str], start: int) -> int:
    """polib's linenum is an entry's first line (often a comment); find its msgid line from there."""
    for no in range(max(start, 1), len(lines) + 1):
        if lines[no - 1].lstrip().startswith("msgid "):
            return no
    return start


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
