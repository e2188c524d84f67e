"""Human translations in the translate flow: approved segments of the memory are used before the engine.

A unit whose sentences have an approved human translation (exact match of the normalised sentence, see
:func:`~translate_kit.translation.memory.store.normalise`) is cut around them: the text between approved
sentences goes to the engine as usual (separators kept exactly), the approved sentences take their human
text. Units without approved sentences go to the engine whole, exactly as without a memory, so the memory
never changes what a fresh run outputs.

Approved sentences are still checked against the glossary with the checker's own term checks
(missing, forbidden and untranslated terms); each term occurrence gets a verdict as in machine output
(``natural`` where the human English holds it, ``flagged`` with the checker's kind as reason otherwise).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..corpus.segment import split_sentences
from .enforce import FLAGGED, Occurrence
from .memory.store import HumanSegment, normalise
from .segments import SegmentResult

#: checker kinds that judge a human sentence against the glossary
TERM_CHECKS = ("missing-term", "forbidden-term", "untranslated-term")


@dataclass
class HumanSentence:
    """An approved sentence, shaped like a machine ``SentenceResult`` (plus where it came from)."""

    source: str
    text: str
    origin: str  # "review" | "tmx"
    terms: list[Occurrence] = field(default_factory=list)
    numbers: list[Occurrence] = field(default_factory=list)
    method: str = "human"

    @property
    def flags(self) -> list[Occurrence]:
        return [o for o in self.terms if o.flagged]

    @property
    def flagged(self) -> bool:
        return bool(self.flags)


@dataclass
class UnitParts:
    """One unit cut around its approved sentences: ``parts`` are machine text slices (str) or sentences."""

    parts: list = field(default_factory=list)

    @property
    def machine(self) -> list[str]:
        return [p for p in self.parts if isinstance(p, str)]


def approved_sources(texts: Sequence[str]) -> list[list]:
    """The sentence spans of each text (as the planner will cut them)."""
    return [split_sentences(t) for t in texts]


def cut_units(texts: Sequence[str], spans: Sequence[list], approved: dict[str, HumanSegment]) -> list[UnitParts]:
    out = []
    for text, sentence_spans in zip(texts, spans):
        cut, pos = UnitParts(), 0
        for span in sentence_spans:
            human = approved.get(normalise(span.text))
            if human is None:
                continue
            if span.start > pos:
                cut.parts.append(text[pos : span.start])
            cut.parts.append(HumanSentence(span.text, human.target, human.origin))
            pos = span.end
        if pos < len(text) or not cut.parts:
            cut.parts.append(text[pos:])
        out.append(cut)
    return out


def merge(cut: UnitParts, machine: Sequence[SegmentResult]) -> SegmentResult:
    """One unit's result from its machine slices' results and its approved sentences, in order."""
    it = iter(machine)
    text, sentences, split_long, repaired = [], [], 0, 0
    for part in cut.parts:
        if isinstance(part, HumanSentence):
            text.append(part.text)
            sentences.append(part)
            continue
        res = next(it)
        text.append(res.text)
        sentences += res.sentences
        split_long += res.split_long
        repaired += res.repaired
    return SegmentResult("".join(text), sentences, split_long, repaired)


def check_human(sentences: Sequence[HumanSentence], glossary, document: str) -> None:
    """Set the term occurrences of approved sentences, with verdicts from the checker's term checks."""
    if not sentences or glossary is None or not glossary.entries:
        return
    from ..checks import CheckConfig, run_check
    from ..checks.registry import REGISTRY
    from ..corpus.pairing import Segment, SegmentPair
    from ..glossary.matching import source_matcher

    pairs = [
        SegmentPair(Segment(document, i + 1, s.source), Segment(document, i + 1, s.text), document)
        for i, s in enumerate(sentences)
    ]
    config = CheckConfig(disabled=frozenset(k for k in REGISTRY if k not in TERM_CHECKS))
    report = run_check(pairs, glossary, config)
    matcher = source_matcher(glossary.entries)
    for s in sentences:
        s.terms = [Occurrence(m.text, m.entry, m.start, m.end) for m in matcher.find(s.source)]
    for v in report.violations:
        sentence = sentences[v.line - 1]
        occ = next((o for o in sentence.terms if o.entry.ref == v.entry_ref and not o.flagged), None)
        if occ is None:
            continue
        occ.verdict, occ.reason, occ.detail = FLAGGED, v.kind, f"approved translation: {v.message}"
