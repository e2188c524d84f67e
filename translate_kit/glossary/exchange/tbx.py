"""TBX (ISO 30042, TBX-Basic dialect, DCA style): the lossless exchange format.

Export writes TBX v3 (namespace ``urn:iso:std:iso:30042:ed-2``), one ``conceptEntry`` per entry:

- ``id``: ``c`` + 16 hex digits of sha1(file name, context, msgid) — stable across exports;
- ``<descrip type="subjectField">``: the msgctxt;
- ``<note>``: each ``#. note:``;
- ``<admin type="x-flag">``: each flag (case-sensitive, no-translate, fuzzy);
- ``<admin type="x-translator-comment">`` / ``<admin type="x-extracted-comment">``: the free ``#`` comment and
  unrecognised ``#.`` lines, so that nothing of a PO entry is lost;
- ``<langSec xml:lang="id">``: msgid (``preferredTerm-admn-sts``) then variants (``admittedTerm-admn-sts``);
- ``<langSec xml:lang="en">``: msgstr (preferred), admitted forms (admitted), forbidden forms
  (``deprecatedTerm-admn-sts``); left out when msgstr is empty (a proposal or a no-translate entry).

Import reads that, TBX v2 (``martif``/``termEntry``/``langSet``/``tig``) and TBX files from other tools: in the
Indonesian section the first preferred term (else the first term) is the msgid and every other term a
variant; in the English section likewise the msgstr, other preferred or admitted terms are admitted forms,
deprecated/superseded terms forbidden forms. Language codes id/ind/in and en/eng (with regions) are accepted;
any other language section is an error with file:line.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

from ...errors import InputError
from ...textio import XML_FORBIDDEN, xml_safe
from ..model import Entry
from .base import Loss, language_role

NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_NS = "http://www.w3.org/XML/1998/namespace"
PREFERRED, ADMITTED, DEPRECATED = "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"
_FORBIDDEN_STATUSES = {DEPRECATED, "supersededTerm-admn-sts", "deprecatedTerm", "supersededTerm"}


# -- export ----------------------------------------------------------------------------------------------------
def concept_id(entry: Entry) -> str:
    name = entry.path.name if entry.path is not None else ""
    digest = hashlib.sha1(f"{name}\0{entry.context or ''}\0{entry.source}".encode()).hexdigest()
    return f"c{digest[:16]}"


def export_tbx(entries: list[Entry]) -> tuple[str, list[Loss]]:
    """The TBX document for ``entries``; TBX loses nothing, so the loss list is empty."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="{NAMESPACE}">',
        "  <tbxHeader>",
        "    <fileDesc>",
        "      <sourceDesc>",
        "        <p>translate-kit glossary (Indonesian → English)</p>",
        "      </sourceDesc>",
        "    </fileDesc>",
        "  </tbxHeader>",
        "  <text>",
        "    <body>",
    ]
    used: dict[str, int] = {}
    for e in entries:
        cid = concept_id(e)
        used[cid] = used.get(cid, 0) + 1
        if used[cid] > 1:  # the same file/context/msgid twice (a duplicate lint reports): keep ids unique
            cid = f"{cid}-{used[cid]}"
        out.append(f"      <conceptEntry id={quoteattr(xml_safe(cid))}>")
        if e.context is not None:
            out.append(f'        <descrip type="subjectField">{_text(e.context)}</descrip>')
        out += [f'        <admin type="x-flag">{_text(f)}</admin>' for f in e.flags]
        out += [f"        <note>{_text(n)}</note>" for n in e.notes]
        if e.translator_comment:
            out.append(f'        <admin type="x-translator-comment">{_text(e.translator_comment)}</admin>')
        out += [f'        <admin type="x-extracted-comment">{_text(c)}</admin>' for c in e.unknown_comments]
        out.append('        <langSec xml:lang="id">')
        out += _term(e.source, PREFERRED)
        out += [t for v in e.variants for t in _term(v, ADMITTED)]
        out.append("        </langSec>")
        en_terms = [*_term(e.target, PREFERRED)] if e.target else []
        en_terms += [t for a in e.admitted for t in _term(a, ADMITTED)]
        en_terms += [t for f in e.forbidden for t in _term(f, DEPRECATED)]
        if en_terms:
            out += ['        <langSec xml:lang="en">', *en_terms, "        </langSec>"]
        out.append("      </conceptEntry>")
    out += ["    </body>", "  </text>", "</tbx>", ""]
    return "\n".join(out), _xml_losses(entries)


def _xml_losses(entries: list[Entry]) -> list[Loss]:
    """Values holding characters XML 1.0 cannot carry (written as visible ``\\xNN`` escapes instead)."""
    losses = []
    for e in entries:
        values = [
            e.source,
            e.target,
            e.context or "",
            e.translator_comment,
            *e.flags,
            *e.notes,
            *e.variants,
            *e.admitted,
            *e.forbidden,
            *e.unknown_comments,
        ]
        losses += [Loss("xml-forbidden-character", e.label(), repr(v)) for v in values if XML_FORBIDDEN.search(v)]
    return losses


def _term(term: str, status: str) -> list[str]:
    return [
        "          <termSec>",
        f"            <term>{_text(term)}</term>",
        f'            <termNote type="administrativeStatus">{status}</termNote>',
        "          </termSec>",
    ]


def _text(s: str) -> str:
    """Escape text content; line breaks become character references so they survive XML normalisation, and
    characters XML 1.0 forbids become visible escapes (see :func:`~translate_kit.textio.xml_safe`)."""
    return xml_safe(escape(s)).replace("\r", "&#13;").replace("\n", "&#10;")


# -- a small element tree that remembers line numbers ------------------------------------------------------
@dataclass
class Node:
    tag: str  # local name, namespace dropped
    attrs: dict[str, str]  # "xml:lang" for the XML namespace, local names otherwise
    line: int
    children: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    def text(self) -> str:
        """All text inside, inline markup (``<hi>`` …) included."""
        return "".join(p if isinstance(p, str) else p.text() for p in self.parts)

    def find_all(self, *tags: str) -> list[Node]:
        return [c for c in self.children if c.tag in tags]


def _local(name: str) -> str:
    if " " in name:
        ns, local = name.rsplit(" ", 1)
        return f"xml:{local}" if ns == XML_NS else local
    return name


def parse_xml(path: Path, data: bytes) -> Node:
    """Parse XML into :class:`Node` objects; a syntax error raises InputError with file:line. An external
    DOCTYPE (TBX v2 files name theirs) is ignored, never fetched; an internal DTD or an entity reference only
    a DTD could define is refused, never silently dropped."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[Node] = []
    root: list[Node] = []

    def start(name, attrs):
        node = Node(_local(name), {_local(k): v for k, v in attrs.items()}, parser.CurrentLineNumber)
        if stack:
            stack[-1].children.append(node)
            stack[-1].parts.append(node)  # type: ignore[arg-type]
        else:
            root.append(node)
        stack.append(node)

    def end(name):
        stack.pop()

    def chars(data):
        if stack:
            stack[-1].parts.append(data)

    def doctype(name, system_id, public_id, has_internal_subset):
        if has_internal_subset:
            raise InputError(
                "TBX file has an internal DTD (<!DOCTYPE … [ … ]>): refused, translate-kit reads "
                "no DTD and would lose its entities; expand them or remove the DTD",
                path,
                parser.CurrentLineNumber,
            )

    def skipped(name, is_parameter_entity):
        raise InputError(
            f"entity reference &{name}; needs the file's DTD, which translate-kit does not read: "
            "refused (write the text itself instead)",
            path,
            parser.CurrentLineNumber,
        )

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars
    parser.StartDoctypeDeclHandler, parser.SkippedEntityHandler = doctype, skipped
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise InputError(f"malformed TBX: {expat.ErrorString(exc.code)}", path, exc.lineno) from None
    return root[0]


# -- import ----------------------------------------------------------------------------------------------------
def parse_tbx(path: Path, data: bytes) -> list[Entry]:
    root = parse_xml(path, data)
    if root.tag not in ("tbx", "martif"):
        raise InputError(f"not a TBX file: root element is <{root.tag}>, expected <tbx> or <martif>", path, root.line)
    concepts = [
        c
        for text in root.find_all("text")
        for body in text.find_all("body")
        for c in body.find_all("conceptEntry", "termEntry")
    ]
    if not concepts:
        raise InputError("TBX file has no conceptEntry (or termEntry) elements", path, root.line)
    return [_concept(path, c) for c in concepts]


def _concept(path: Path, concept: Node) -> Entry:
    context = None
    flags: list[str] = []
    notes: list[str] = []
    tcomment = ""
    unknown: list[str] = []
    for child in concept.children:
        kind = child.attrs.get("type", "")
        if child.tag == "descrip" and kind == "subjectField":
            context = child.text()
        elif child.tag == "admin" and kind == "x-flag":
            flags.append(child.text().strip())
        elif child.tag == "admin" and kind == "x-translator-comment":
            tcomment = child.text()
        elif child.tag == "admin" and kind == "x-extracted-comment":
            unknown.append(child.text())
        elif child.tag == "note":
            notes.append(child.text())
    source_terms: list[tuple[str, str]] = []
    target_terms: list[tuple[str, str]] = []
    seen_roles: set[str] = set()
    for sec in concept.find_all("langSec", "langSet"):
        code = sec.attrs.get("xml:lang") or sec.attrs.get("lang")
        if not code:
            raise InputError(f"<{sec.tag}> without xml:lang", path, sec.line)
        role = language_role(code)
        if role is None:
            raise InputError(f"unknown language code {code!r} (expected id/ind/in or en/eng)", path, sec.line)
        seen_roles.add(role)
        (source_terms if role == "source" else target_terms).extend(_terms(path, sec))
    cid = concept.attrs.get("id", "")
    where = f"concept {cid!r}" if cid else "concept"
    if "source" not in seen_roles:
        raise InputError(f"{where} has no id (Indonesian) language section", path, concept.line)
    if not source_terms:
        raise InputError(f"{where} has an empty id language section", path, concept.line)
    source, variants = _split(source_terms)
    target, admitted = ("", [])
    forbidden = [t for t, status in target_terms if status in _FORBIDDEN_STATUSES]
    allowed = [(t, s) for t, s in target_terms if s not in _FORBIDDEN_STATUSES]
    if allowed:
        target, admitted = _split(allowed)
    elif "fuzzy" not in flags and "no-translate" not in flags:
        raise InputError(f"{where} ({source!r}) has no English term", path, concept.line)
    return Entry(
        source=source,
        target=target,
        context=context,
        variants=variants,
        admitted=admitted,
        forbidden=forbidden,
        notes=notes,
        flags=flags,
        translator_comment=tcomment,
        unknown_comments=unknown,
        path=path,
        line=concept.line,
    )


def _terms(path: Path, sec: Node) -> list[tuple[str, str]]:
    """(term, administrative status or '') for every termSec / tig / ntig of a language section."""
    out = []
    for ts in sec.find_all("termSec", "tig", "ntig"):
        holders = [ts, *ts.find_all("termGrp")]  # ntig keeps its term inside termGrp
        terms = [t for h in holders for t in h.find_all("term")]
        if not terms or not terms[0].text().strip():
            raise InputError("empty term", path, (terms[0] if terms else ts).line)
        status = ""
        for h in holders:
            for note in h.find_all("termNote"):
                if note.attrs.get("type") == "administrativeStatus":
                    status = note.text().strip()
        out.append((terms[0].text().strip(), status))
    return out


def _split(terms: list[tuple[str, str]]) -> tuple[str, list[str]]:
    """The main term (first preferred, else first) and the others in document order."""
    main = next((i for i, (_, s) in enumerate(terms) if s in (PREFERRED, "preferredTerm")), 0)
    return terms[main][0], [t for i, (t, _) in enumerate(terms) if i != main]
