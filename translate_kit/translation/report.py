"""The JSON report of one ``translate-kit translate`` run.

Schema (``schema`` 1): ``tool`` (name, version), ``model`` (package name, version, path, demo flag and
label), ``glossary`` (digest, files, entries), ``options``, ``files`` (one record per input: path, relpath,
format, status ``translated`` | ``skipped`` | ``failed``, error, outputs, counts), ``totals`` (files per status,
segments, sentences, boilerplate lines, flags), ``terms`` (applied count per entry), ``boilerplate`` (lines per
pattern), ``flags`` (file, line, segment, sentence, reason, entry), ``warnings`` (diagnostics), ``timings``
(seconds for read, segment, match, translate, numbers, write, total).

Verdicts (issue 10): ``verdicts`` counts every source term occurrence (glossary terms, verbatim tokens,
numbers) by verdict — ``natural``, ``enforced``, ``flagged`` — with ``methods`` (enforced, per method) and
``reasons`` (flagged, per reason); ``term_verdicts`` gives the same per entry label; ``occurrences`` lists
each one (file, line, segment, sentence, source, kind, entry, ref, verdict, method, reason, detail);
``engine`` counts calls, texts, characters and seconds per engine method.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..engine.packages import model_label
from ..errors import Diagnostic
from ..textio import atomic_write_text

TRANSLATED, SKIPPED, FAILED = "translated", "skipped", "failed"
TIMING_KEYS = ("read", "segment", "match", "translate", "numbers", "write")


@dataclass
class FileRecord:
    path: str
    relpath: str
    format: str = ""
    status: str = TRANSLATED
    error: str | None = None
    outputs: list[str] = field(default_factory=list)
    segments: int = 0  # translatable units translated
    kept: int = 0  # PO units whose existing msgstr was kept
    sentences: int = 0
    boilerplate: int = 0
    flags: int = 0

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Flag:
    """A sentence whose glossary terms could not all be verified in the output."""

    file: str
    line: int
    segment: str  # the unit key (L12, a JSONL id, a PO msgid)
    sentence: str
    output: str
    reason: str
    entry: str | None
    ref: str | None
    detail: str = ""

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class RunReport:
    model: dict = field(default_factory=dict)
    glossary: dict = field(default_factory=dict)
    options: dict = field(default_factory=dict)
    files: list[FileRecord] = field(default_factory=list)
    terms: Counter = field(default_factory=Counter)  # entry label → times applied
    boilerplate: Counter = field(default_factory=Counter)  # pattern name → lines
    flags: list[Flag] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    timings: dict = field(default_factory=lambda: {k: 0.0 for k in TIMING_KEYS})
    split_sentences: int = 0  # sentences longer than the model's input limit, split before translation
    #: the translation memory: path, hits, engine_calls/inputs/tokens, human_review/human_tmx (sentences taken
    #: from approved human segments), review_edits (edits recorded from review POs this run)
    memory: dict = field(default_factory=dict)
    #: with ``keep_documents``: (Document, {unit index: SegmentResult}) of each file translated (not in JSON)
    documents: list = field(default_factory=list, repr=False)
    repaired: int = 0  # sentences whose first output failed a term and a rung of the ladder held it
    verdicts: Counter = field(default_factory=Counter)  # natural / enforced / flagged → occurrences
    methods: Counter = field(default_factory=Counter)  # enforced: method → occurrences
    reasons: Counter = field(default_factory=Counter)  # flagged: reason → occurrences
    term_verdicts: dict = field(default_factory=dict)  # entry label → {verdict or "enforced:method": n}
    occurrences: list[dict] = field(default_factory=list)
    engine: dict = field(default_factory=dict)  # engine method → calls, texts, chars, seconds

    def add_occurrence(self, file: str, line: int, segment: str, sentence: str, occ) -> None:
        """Count one occurrence (an ``enforce.Occurrence``) and list it."""
        self.verdicts[occ.verdict] += 1
        per = self.term_verdicts.setdefault(occ.label(), Counter())
        per[occ.verdict] += 1
        if occ.method:
            self.methods[occ.method] += 1
            per[f"{occ.verdict}:{occ.method}"] += 1
        if occ.reason:
            self.reasons[occ.reason] += 1
            per[f"{occ.verdict}:{occ.reason}"] += 1
        if not occ.flagged and occ.kind == "term":
            self.terms[occ.label()] += 1
        self.occurrences.append({"file": file, "line": line, "segment": segment, "sentence": sentence, **occ.to_dict()})

    # -- summaries ---------------------------------------------------------------------------------------
    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def failed(self) -> bool:
        return any(f.status == FAILED for f in self.files)

    @property
    def segments(self) -> int:
        return sum(f.segments for f in self.files)

    @property
    def sentences(self) -> int:
        return sum(f.sentences for f in self.files)

    @property
    def terms_applied(self) -> int:
        return sum(self.terms.values())

    def summary(self) -> str:
        """One line for the end of a run."""
        model = model_label(self.model)
        parts = [f"{self.count(TRANSLATED)} translated", f"{self.count(SKIPPED)} up to date"]
        if self.count(FAILED):
            parts.append(f"{self.count(FAILED)} failed")
        v = self.verdicts
        return (
            f"{len(self.files)} files ({', '.join(parts)}), {self.segments} segments, "
            f"{self.sentences} sentences, {self.terms_applied} terms ({v['natural']} natural, "
            f"{v['enforced']} enforced, {v['flagged']} flagged), {len(self.flags)} flags, "
            f"{self.timings.get('total', 0.0):.1f}s, model {model}"
        )

    # -- rendering ---------------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "schema": 1,
            "tool": {"name": "translate-kit", "version": __version__},
            "model": self.model,
            "glossary": self.glossary,
            "options": self.options,
            "totals": {
                "files": len(self.files),
                TRANSLATED: self.count(TRANSLATED),
                SKIPPED: self.count(SKIPPED),
                FAILED: self.count(FAILED),
                "segments": self.segments,
                "sentences": self.sentences,
                "split_sentences": self.split_sentences,
                "terms_applied": self.terms_applied,
                "repaired": self.repaired,
                "boilerplate_lines": sum(self.boilerplate.values()),
                "flags": len(self.flags),
                "warnings": len(self.warnings),
                **{k: self.verdicts[k] for k in ("natural", "enforced", "flagged")},
            },
            "verdicts": {k: self.verdicts[k] for k in ("natural", "enforced", "flagged")},
            "methods": dict(sorted(self.methods.items())),
            "reasons": dict(sorted(self.reasons.items())),
            "term_verdicts": {k: dict(sorted(v.items())) for k, v in sorted(self.term_verdicts.items())},
            "occurrences": self.occurrences,
            "engine": {k: {**v, "seconds": round(v["seconds"], 3)} for k, v in self.engine.items()},
            "files": [f.to_dict() for f in self.files],
            "terms": dict(sorted(self.terms.items())),
            "boilerplate": dict(sorted(self.boilerplate.items())),
            "flags": [f.to_dict() for f in self.flags],
            "warnings": [w.to_dict() for w in self.warnings],
            "memory": self.memory,
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def write(self, path: str | Path) -> None:
        atomic_write_text(path, self.to_json())
