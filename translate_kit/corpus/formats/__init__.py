"""Input formats behind one registry keyed by extension: each format is a module holding both its reader
and its writer (translate-toolkit's ``storage/factory`` pattern).

- ``read(doc, text, rules)`` fills ``doc.units`` (and ``doc.raw``, the parsed file the writer needs);
- ``write(doc, results, *, drop_boilerplate, overwrite) -> str`` renders the translated document, where
  ``results`` maps a unit's index to an object with ``.text`` and ``.flagged``.

Every problem with an input file is an :class:`~translate_kit.errors.InputError` with the file (and line
where it applies): unreadable, empty, binary, not UTF-8, malformed JSONL or PO. A file of nothing but
boilerplate reads fine and carries an ``only-boilerplate`` warning.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Mapping
from pathlib import Path

from ...errors import Diagnostic, InputError
from ...textio import decode_text, newline_style, read_bytes
from ..boilerplate import BoilerplateRules
from ..documents import Document

#: extension → format name; each format is the module of that name in this package
EXTENSIONS = {".txt": "txt", ".po": "po", ".jsonl": "jsonl"}
FORMATS = tuple(dict.fromkeys(EXTENSIONS.values()))


def _module(fmt: str):
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    return importlib.import_module(f".{fmt}", __name__)


def read_document(path: Path, relpath: Path | None = None, rules: BoilerplateRules | None = None) -> Document:
    """Read one input file (format from its extension); ``rules`` default to the built-in boilerplate rules."""
    path = Path(path)
    relpath = Path(relpath) if relpath is not None else Path(path.name)
    rules = rules if rules is not None else BoilerplateRules()
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise InputError("unsupported file type (expected .txt, .po or .jsonl)", path)
    data = read_bytes(path)
    text = decode_text(data, path)
    newline, mixed = newline_style(text)
    doc = Document(
        path=path,
        relpath=relpath,
        format=fmt,
        units=[],
        newline=newline,
        final_newline=text.endswith("\n"),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    if mixed:
        doc.diagnostics.append(
            Diagnostic("warning", "mixed-newlines", f"mixed line endings; output uses {newline!r}", str(path))
        )
    _module(fmt).read(doc, text, rules)
    if doc.count("text") == 0:
        n_bp = doc.count("boilerplate")
        if n_bp:
            doc.diagnostics.append(
                Diagnostic(
                    "warning", "only-boilerplate", f"only boilerplate ({n_bp} units), nothing to translate", str(path)
                )
            )
        else:
            doc.diagnostics.append(
                Diagnostic("warning", "nothing-to-translate", "no translatable text in this file", str(path))
            )
    return doc


def render_document(
    doc: Document, results: Mapping[int, object], *, drop_boilerplate: bool = False, overwrite: bool = False
) -> str:
    """The translated text of ``doc`` in its own format (see the module docstring for ``results``)."""
    return _module(doc.format).write(doc, results, drop_boilerplate=drop_boilerplate, overwrite=overwrite)
