""".txt: one unit per line; blank lines and line endings are preserved (boilerplate lines copied
untranslated, or left out with ``drop_boilerplate``)."""

from __future__ import annotations

from collections.abc import Mapping

from ...textio import split_lines
from ..boilerplate import BoilerplateRules
from ..documents import Document, Unit
from .base import classify


def read(doc: Document, text: str, rules: BoilerplateRules) -> None:
    for i, line in enumerate(split_lines(text)):
        kind, meta = classify(line, rules, doc.path, i + 1)
        doc.units.append(Unit(index=i, line=i + 1, text=line, kind=kind, key=f"L{i + 1}", meta=meta))


def write(
    doc: Document, results: Mapping[int, object], *, drop_boilerplate: bool = False, overwrite: bool = False
) -> str:
    lines = []
    for unit in doc.units:
        if unit.kind == "boilerplate" and drop_boilerplate:
            continue
        result = results.get(unit.index)
        lines.append(result.text if result is not None else unit.text)
    body = doc.newline.join(lines)
    return body + doc.newline if doc.final_newline and lines else body
