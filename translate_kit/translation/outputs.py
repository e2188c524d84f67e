"""Writing a translated document's outputs: its translation (rendered by its format's writer in
:mod:`translate_kit.corpus.formats`) and its bilingual review PO.

Layout under the output directory (``-o``): each input keeps its relative path and name.

- ``.txt``: the same lines in the same order; blank lines and line endings as in the input; boilerplate lines
  copied untranslated (or left out with ``drop_boilerplate``).
- ``.po``: every empty ``msgstr`` filled (existing ones kept unless ``overwrite``); flagged entries get
  ``#, fuzzy``; boilerplate entries keep an empty ``msgstr``.
- ``.jsonl``: the same records, same order and fields, with ``"text"`` replaced by the English; boilerplate
  records keep their text (or are left out with ``drop_boilerplate``).
- ``<relpath>.review.po`` beside each output: one entry per translated sentence — ``msgid`` Indonesian,
  ``msgstr`` English, ``#:`` file:line, ``#. terms: Korut → North Korea (enforced: placeholder); Rusia →
  Russia (natural); …`` (every term occurrence with its verdict), ``#, fuzzy`` plus ``#. flag: …`` when the
  sentence is flagged.

Every file is written atomically (:mod:`translate_kit.textio`). ``results`` maps a unit's index to an object
with ``.text``, ``.flagged`` and ``.sentences`` (each with ``.source``, ``.text``, ``.terms``, ``.flags``), as
produced by :mod:`translate_kit.translation.run`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import polib

from ..corpus import Document
from ..corpus.formats import render_document
from ..textio import atomic_write_text

REVIEW_SUFFIX = ".review.po"


def output_relpaths(doc: Document) -> list[str]:
    """The files written for ``doc``, relative to the output directory."""
    return relpaths_for(doc.relpath)


def relpaths_for(relpath: Path) -> list[str]:
    """The files written for an input of relative path ``relpath``, relative to the output directory."""
    rel = Path(relpath).as_posix()
    return [rel, rel + REVIEW_SUFFIX]


def render_outputs(
    doc: Document,
    results: Mapping[int, object],
    *,
    drop_boilerplate: bool = False,
    overwrite: bool = False,
    suggestions: Mapping | None = None,
) -> tuple[dict[str, str], dict]:
    """The text of each output of ``doc`` by relative path, and what its review PO says per ``msgid``."""
    rel, review = output_relpaths(doc)
    text = render_document(doc, results, drop_boilerplate=drop_boilerplate, overwrite=overwrite)
    po, written = review_file(doc, results, suggestions or {})
    return {rel: text, review: po}, written


def write_document(
    doc: Document,
    results: Mapping[int, object],
    output_dir: Path,
    *,
    drop_boilerplate: bool = False,
    overwrite: bool = False,
) -> list[str]:
    """Write the translation and the review PO of ``doc``; returns their paths relative to ``output_dir``."""
    texts, _ = render_outputs(doc, results, drop_boilerplate=drop_boilerplate, overwrite=overwrite)
    for rel, text in texts.items():
        atomic_write_text(output_dir / rel, text)
    return list(texts)


def review_po(doc: Document, results: Mapping[int, object]) -> str:
    """The bilingual review file of one document (identical sentences share one entry)."""
    return review_file(doc, results, {})[0]


def _header(doc: Document) -> polib.POFile:
    po = polib.POFile(wrapwidth=78)
    po.header = f"Review file: machine translation of {doc.relpath.as_posix()} (translate-kit)"
    po.metadata = {
        "Project-Id-Version": f"translate-kit review of {doc.relpath.as_posix()}",
        "Language": "en",
        "X-Source-Language": "id",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    return po


def review_file(doc: Document, results: Mapping[int, object], suggestions: Mapping) -> tuple[str, dict]:
    """The review PO of ``doc`` and, per ``msgid``, ``[msgstr, fuzzy, origin, [unit key, position]]``.

    ``origin`` is ``machine``, ``review`` / ``tmx`` (an approved human translation, marked
    ``#. approved: …``) or ``suggestion`` / ``draft``: ``suggestions`` maps a sentence to a human text offered
    fuzzy — an approval whose source sentence has changed since (``#| msgid`` the old source) or an edit
    still marked fuzzy.
    """
    po = _header(doc)
    by_msgid: dict[str, polib.POEntry] = {}
    written: dict[str, list] = {}
    for unit in doc.units:
        result = results.get(unit.index)
        if result is None:
            continue
        for position, sentence in enumerate(result.sentences):
            if not sentence.source.strip():
                continue
            entry = by_msgid.get(sentence.source)
            if entry is None:
                entry, origin = _entry(sentence, suggestions.get(sentence.source))
                by_msgid[sentence.source] = entry
                po.append(entry)
                written[sentence.source] = [entry.msgstr, "fuzzy" in entry.flags, origin, [unit.key, position]]
            occurrence = (doc.relpath.as_posix(), str(unit.line))
            if occurrence not in entry.occurrences:
                entry.occurrences.append(occurrence)
    return po.__unicode__(), written


def _entry(sentence, suggestion) -> tuple[polib.POEntry, str]:
    origin = getattr(sentence, "origin", "machine")
    entry = polib.POEntry(msgid=sentence.source, msgstr=sentence.text)
    terms = "; ".join(dict.fromkeys(_verdict(t) for t in sentence.terms))
    notes = [f"terms: {terms}"] if terms else []
    if origin != "machine":
        notes.append(f"approved: human translation ({origin})")
    notes += [f"flag: {p.reason}: {p.label()} {p.detail}".rstrip() for p in sentence.flags]
    if origin == "machine" and suggestion is not None:
        kind, text, previous = suggestion
        entry.msgstr = text
        if kind == "suggestion":
            entry.previous_msgid = previous
            notes.append("suggestion: approved translation of an earlier source sentence; machine: " + sentence.text)
        else:
            notes.append("draft: your edit, still fuzzy (clear fuzzy to approve it); machine: " + sentence.text)
        origin = kind
        entry.flags.append("fuzzy")
    elif sentence.flags and origin == "machine":
        entry.flags.append("fuzzy")
    entry.comment = "\n".join(notes)
    return entry, origin


def _verdict(occ) -> str:
    """``Korut → North Korea (enforced: placeholder)``, ``(natural)``, ``(flagged: missing)``."""
    how = occ.method or occ.reason
    return f"{occ.label()} ({occ.verdict}: {how})" if how else f"{occ.label()} ({occ.verdict})"
