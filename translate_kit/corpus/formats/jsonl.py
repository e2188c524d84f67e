""".jsonl: one ``{"id": …, "text": …}`` object per line; other fields are kept, ``"text"`` is translated
(boilerplate records keep their text, or are left out with ``drop_boilerplate``)."""

from __future__ import annotations

import json
from collections.abc import Mapping

from ...errors import InputError
from ...textio import split_lines
from ..boilerplate import BoilerplateRules
from ..documents import Document, Unit
from .base import classify


def read(doc: Document, text: str, rules: BoilerplateRules) -> None:
    records: list[dict] = []
    first_line: dict[str, int] = {}
    path = doc.path
    for no, line in enumerate(split_lines(text), 1):
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
        kind, meta = classify(body, rules, path, no)
        meta.update({k: v for k, v in record.items() if k not in ("id", "text")})
        records.append(record)
        doc.units.append(Unit(index=len(doc.units), line=no, text=body, kind=kind, key=key, meta=meta))
    doc.raw = records


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def write(
    doc: Document, results: Mapping[int, object], *, drop_boilerplate: bool = False, overwrite: bool = False
) -> str:
    lines = []
    for unit, record in zip(doc.units, doc.raw):
        if unit.kind == "boilerplate" and drop_boilerplate:
            continue
        result = results.get(unit.index)
        out = dict(record)
        if result is not None:
            out["text"] = result.text
        lines.append(json.dumps(out, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
