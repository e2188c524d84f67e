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
  ``msgstr`` English, ``#:`` file:line, ``#. terms: Korut → North Korea; …``, ``#, fuzzy`` plus
  ``#. flag: …`` when the sentence is flagged.

Every file is written atomically (:mod:`translate_kit.textio`). ``results`` maps a unit's index to an object
with ``.text``, ``.flagged`` and ``.sentences`` (each with ``.source``, ``.text``, ``.terms``, ``.flags``), as
produced by :mod:`translate_kit.translation.run`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

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


def write_document(doc: Document, results: Mapping[int, object], output_dir: Path, *,
                   drop_boilerplate: bool = False, overwrite: bool = False) -> list[str]:
    """Write the translation and the review PO of ``doc``; returns their paths relative to ``output_dir``."""
    rel, review = output_relpaths(doc)
    text = render_document(doc, results, drop_boilerplate=drop_boilerplate, overwrite=overwrite)
    atomic_write_text(output_dir / rel, text)
    atomic_write_text(output_dir / review, review_po(doc, results))
    return [rel, review]


def review_po(doc: Document, results: Mapping[int, object]) -> str:
    """The bilingual review file of one document (identical sentences share one entry)."""
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
    by_msgid: dict[str, polib.POEntry] = {}
    for unit in doc.units:
        result = results.get(unit.index)
        if result is None:
            continue
        for sentence in result.sentences:
            if not sentence.source.strip():
                continue
            entry = by_msgid.get(sentence.source)
            if entry is None:
                entry = polib.POEntry(msgid=sentence.source, msgstr=sentence.text)
                by_msgid[sentence.source] = entry
                po.append(entry)
                terms = "; ".join(dict.fromkeys(t.label() for t in sentence.terms))
                notes = [f"terms: {terms}"] if terms else []
                notes += [f"flag: {p.reason}: {p.entry.label() if p.entry else ''} {p.detail}".rstrip()
                          for p in sentence.flags]
                entry.comment = "\n".join(notes)
                if sentence.flags:
                    entry.flags.append("fuzzy")
            occurrence = (doc.relpath.as_posix(), str(unit.line))
            if occurrence not in entry.occurrences:
                entry.occurrences.append(occurrence)
    return po.__unicode__()
