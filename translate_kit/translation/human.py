"""Human translations in the translate flow: approved segments of the memory are used before the engine.

A unit whose sentences have an approved human translation (exact match of the normalised sentence, see
:func:`~translate_kit.translation.memory.store.normalise`) is cut around them: the text between approved
sentences goes to the engine as usual (separators kept exactly), the approved sentences take their human
text. Units without approved sentences go to the engine whole, exactly as without a memory, so the memory
never changes what a fresh run outputs.

Approved sentences are still checked against the glossary with the checker's own term checks
(missing, forbidden and untranslated terms); each violation is a flag of the sentence, as for machine output.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..corpus.segment import split_sentences
from .memory.store import HumanSegment, normalise
from .segments import SegmentResult

#: checker kinds that judge a human sentence against the glossary
TERM_CHECKS = ("missing-term", "forbidden-term", "untranslated-term")


@dataclass
class HumanProblem:
    """A glossary violation of an approved sentence (``reason`` is the checker's kind)."""

    reason: str
    entry: object | None
    detail: str = ""


@dataclass
class HumanSentence:
    """An approved sentence, shaped like a machine ``SentenceResult`` (plus where it came from)."""

    source: str
    text: str
    origin: str  # "review" | "tmx"
    terms: list = field(default_factory=list)
    flags: list = field(default_factory=list)


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
    flags = [p for s in sentences for p in s.flags]
    return SegmentResult("".join(text), flags, [e for s in sentences for e in s.terms], sentences, split_long, repaired)


def check_human(sentences: Sequence[HumanSentence], glossary, document: str) -> None:
    """Set ``terms`` and ``flags`` of approved sentences from the checker's term checks."""
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
    by_ref = {e.ref: e for e in glossary.entries}
    matcher = source_matcher(glossary.entries)
    for v in report.violations:
        sentence = sentences[v.line - 1]
        sentence.flags.append(HumanProblem(v.kind, by_ref.get(v.entry_ref), f"approved translation: {v.message}"))
    for s in sentences:
        failed = {id(p.entry) for p in s.flags}
        s.terms = [m.entry for m in matcher.find(s.source) if id(m.entry) not in failed]
