"""Candidates and their occurrences: counting, spelling-variant clusters and default thresholds."""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ...errors import Diagnostic
from ..model import Entry
from .text import Part, excerpt
from .words import HIGH_PRECISION, LOW_PRECISION


@dataclass
class Occurrence:
    path: str
    line: int
    text: str  # the sentence where it was found


@dataclass
class Candidate:
    form: str
    kind: str
    count: int = 0
    files: set[str] = field(default_factory=set)
    examples: list[Occurrence] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    proposed: str = ""
    short_forms: dict[str, int] = field(default_factory=dict)  # folded single words and their counts
    of_entry: str = ""  # short-form: the glossary entry ("Vladimir Putin (people.po:95)")
    cued: bool = False  # a single word seen right after a media cue, title or descriptor
    credit_only: bool = True  # every occurrence inside a photo/source credit

    def add(self, occ: Occurrence, limit: int = 3) -> None:
        self.count += 1
        self.files.add(occ.path)
        if len(self.examples) < limit and all(
            (e.path, e.line, e.text) != (occ.path, occ.line, occ.text) for e in self.examples
        ):
            self.examples.append(occ)

    def note(self) -> str:
        files = len(self.files)
        return f"suggested: {self.count}× in {files} file{'s' if files != 1 else ''}; kind: {self.kind}"

    def extra_notes(self) -> list[str]:
        notes = []
        if self.short_forms:
            notes.append("short forms: " + ", ".join(f"{w} ({n}×)" for w, n in self.short_forms.items()))
        if self.of_entry:
            notes.append(f"short form of glossary entry {self.of_entry}")
        return notes

    def to_entry(self) -> Entry:
        notes = [self.note(), *self.extra_notes()]
        notes += [f"example ({o.path}:{o.line}): {excerpt(o.text, self.form)}" for o in self.examples]
        return Entry(source=self.form, target=self.proposed, variants=list(self.variants), notes=notes, flags=["fuzzy"])


@dataclass
class SuggestResult:
    candidates: list[Candidate]
    documents: int
    units: int
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _fold(form: str) -> str:
    return " ".join(form.replace("-", " ").casefold().split())


def cluster_spellings(cands: list[Candidate], threshold: float = 85.0, max_edits: int = 2) -> list[Candidate]:
    """Merge name candidates with as many words whose folded spellings are close: rapidfuzz ratio ≥
    ``threshold`` and at most ``max_edits`` edits (so *Menteri*/*Kementerian* stay apart)."""
    ordered = sorted(cands, key=lambda c: -c.count)  # stable: ties keep first-seen order
    merged: list[Candidate] = []
    for c in ordered:
        folded = _fold(c.form)
        home = next(
            (
                m
                for m in merged
                if len(folded) >= 5
                and m.kind in ("name", "spelling-variants")
                and c.kind == "name"
                and len(_fold(m.form).split()) == len(folded.split())
                and fuzz.ratio(_fold(m.form), folded) >= threshold
                and Levenshtein.distance(_fold(m.form), folded) <= max_edits
            ),
            None,
        )
        if home is None:
            merged.append(c)
            continue
        home.kind = "spelling-variants"
        home.variants.append(c.form)
        home.count += c.count
        home.files |= c.files
        home.cued |= c.cued
        home.credit_only &= c.credit_only
        for occ in c.examples:
            if len(home.examples) < 3:
                home.examples.append(occ)
    return merged


@dataclass
class Seen:
    part: Part
    headline: bool
    credit: bool
    media_cue: bool
    occ: Occurrence


def default_min_count(c: Candidate) -> int:
    """The documented per-kind threshold: 1 for high-precision kinds, 2 for single words and the like."""
    if c.kind in ("acronym", "model", "title"):
        return HIGH_PRECISION
    if c.kind in ("untranslated", "short-form"):
        return LOW_PRECISION
    if c.credit_only:
        return LOW_PRECISION
    return HIGH_PRECISION if " " in c.form or c.cued else LOW_PRECISION
