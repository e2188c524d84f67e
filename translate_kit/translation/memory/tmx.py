"""TMX 1.4 exchange of the memory's human segments (what CAT tools and other MT systems read and write).

Export: one ``<tu>`` per approved human segment, ``<tuv xml:lang="id">`` and ``<tuv xml:lang="en">``, with
``<prop type="x-translate-kit-origin">`` (review or tmx) and, when known, ``x-translate-kit-document``.
Drafts (edits still fuzzy) are not exported. Written atomically.

Import: every ``<tu>`` with one Indonesian and one English ``<tuv>`` (codes id/ind/in and en/eng, regions
allowed; the header's ``srclang`` is not needed) becomes an approved human segment of origin ``tmx``, used
before the engine for a sentence equal to its source after normalisation. Inline codes (``<ph>``, ``<bpt>``,
``<ept>``, ``<it>``) are dropped with their native code; the text of ``<hi>`` and ``<sub>`` is kept. The parser is the standard library's expat with no DTD and no entity declarations
allowed: a file that declares either is refused (no entity expansion, no external fetch), as is malformed
XML (with file:line).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

from ... import __version__
from ...errors import InputError
from ...textio import atomic_write_text, read_bytes
from .store import HumanSegment

_XML_LANG = "http://www.w3.org/XML/1998/namespace lang"
_SOURCE = ("id", "ind", "in")
_TARGET = ("en", "eng")
_CODES = frozenset({"ph", "bpt", "ept", "it"})  # inline native codes, not text


def _role(code: str) -> str | None:
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    return "source" if primary in _SOURCE else "target" if primary in _TARGET else None


def export_tmx(segments: list[HumanSegment], path: str | Path) -> int:
    """Write the approved ones of ``segments`` to ``path`` as TMX 1.4; returns how many were written."""
    chosen = [s for s in segments if s.approved]
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        f'  <header creationtool="translate-kit" creationtoolversion={quoteattr(__version__)} '
        'datatype="plaintext" segtype="sentence" adminlang="en" srclang="id" o-tmf="translate-kit"/>',
        "  <body>",
    ]
    for s in chosen:
        lines.append("    <tu>")
        lines.append(f'      <prop type="x-translate-kit-origin">{escape(s.origin)}</prop>')
        if s.document:
            lines.append(f'      <prop type="x-translate-kit-document">{escape(s.document)}</prop>')
        lines.append(f'      <tuv xml:lang="id"><seg>{_text(s.source)}</seg></tuv>')
        lines.append(f'      <tuv xml:lang="en"><seg>{_text(s.target)}</seg></tuv>')
        lines.append("    </tu>")
    lines += ["  </body>", "</tmx>", ""]
    atomic_write_text(path, "\n".join(lines))
    return len(chosen)


def _text(s: str) -> str:
    return escape(s).replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#9;")


@dataclass
class _Unit:
    line: int
    langs: list[tuple[str, int]] = field(default_factory=list)  # (code, line) per tuv
    segs: list[str] = field(default_factory=list)


def parse_tmx(path: str | Path) -> list[HumanSegment]:
    """The translation units of a TMX file as approved human segments (origin ``tmx``)."""
    path = Path(path)
    data = read_bytes(path)
    units = _parse(path, data)
    out = []
    for u in units:
        pairs = {}
        for (code, line), seg in zip(u.langs, u.segs):
            role = _role(code)
            if role is None:
                continue
            if role in pairs:
                raise InputError(
                    f"translation unit with two {role} ({'Indonesian' if role == 'source' else 'English'}) variants",
                    path,
                    line,
                )
            pairs[role] = seg
        if "source" not in pairs or "target" not in pairs:
            raise InputError("translation unit without an Indonesian (id) and an English (en) variant", path, u.line)
        if pairs["source"].strip() and pairs["target"].strip():
            out.append(HumanSegment(pairs["source"], pairs["target"], True, "tmx"))
    return out


def _parse(path: Path, data: bytes) -> list[_Unit]:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    units: list[_Unit] = []
    state = {"root": None, "seg": None, "skip": 0}

    def refuse(*_args):
        raise InputError(
            "TMX file declares a DTD or entities: refused (no DTDs or entity declarations are read)",
            path,
            parser.CurrentLineNumber,
        )

    def start(name, attrs):
        local = name.rsplit(" ", 1)[-1]
        if state["root"] is None:
            state["root"] = local
            if local != "tmx":
                raise InputError(
                    f"not a TMX file: root element is <{local}>, expected <tmx>", path, parser.CurrentLineNumber
                )
        if local == "tu":
            units.append(_Unit(parser.CurrentLineNumber))
        elif local == "tuv" and units:
            code = attrs.get(_XML_LANG) or attrs.get("lang") or ""
            units[-1].langs.append((code, parser.CurrentLineNumber))
        elif local == "seg" and units:
            state["seg"] = []
        elif local in _CODES and state["seg"] is not None:
            state["skip"] += 1

    def end(name):
        local = name.rsplit(" ", 1)[-1]
        if local == "seg" and units and state["seg"] is not None:
            units[-1].segs.append("".join(state["seg"]))
            state["seg"] = None
        elif local in _CODES and state["skip"]:
            state["skip"] -= 1

    def chars(text):
        if state["seg"] is not None and not state["skip"]:
            state["seg"].append(text)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise InputError(f"malformed TMX: {expat.ErrorString(exc.code)}", path, exc.lineno) from None
    if state["root"] is None:
        raise InputError("not a TMX file: no root element", path)
    return units
