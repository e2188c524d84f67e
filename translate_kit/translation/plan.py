"""Planning a batch: each text becomes separators and sentences; each sentence becomes the pieces the engine
sees (cut to the model's input limit, never inside a term) with their term matches.

The plan is typed records, not tuples: a :class:`TextPlan` is a list of parts, each a :class:`Separator`
(text kept exactly) or a :class:`SentencePlan` (the source sentence and the indexes of its pieces in the
batch's flat piece list).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..corpus.segment import split_sentences
from ..glossary.matching import source_matcher


@dataclass(slots=True)
class Separator:
    """Text between sentences (spaces, line breaks), kept exactly."""

    text: str


@dataclass(slots=True)
class SentencePlan:
    """One source sentence and the indexes of its pieces in :attr:`BatchPlan.pieces`."""

    source: str
    pieces: list[int]


@dataclass(slots=True)
class TextPlan:
    parts: list[Separator | SentencePlan] = field(default_factory=list)
    split_long: int = 0  # sentences cut because they exceeded the model's input limit

    @property
    def sentences(self) -> list[SentencePlan]:
        return [p for p in self.parts if isinstance(p, SentencePlan)]


@dataclass(slots=True)
class BatchPlan:
    """Every text of a batch planned: the flat list of pieces for the engine and their term matches."""

    texts: list[TextPlan] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    matches: list[list] = field(default_factory=list)


def _chunks(sentence: str, translator, limit: int, spans: Sequence[tuple[int, int, int]]) -> list[str]:
    """``sentence`` cut into pieces of at most ``limit`` model tokens (one piece when it fits).

    ``spans`` are the matched terms as (start, end, reserve): cuts fall on spaces (anywhere, when a piece
    has none) and never inside a term, and each term in a piece reserves ``reserve`` extra tokens, because
    protection (a placeholder, or the English form written inline by a repair) can make the text the model
    sees longer than the sentence itself.
    """
    reserve = sum(r for _, _, r in spans)
    if len(sentence.encode("utf-8")) + reserve < limit:  # a token covers at least one byte: no need to tokenise
        return [sentence]
    n = len(translator.tokenize(sentence)) + reserve
    if n <= limit or len(sentence) < 2:
        return [sentence]
    cuts = _cut_positions(sentence, spans)
    if not cuts:
        return [sentence]
    parts = max(2, math.ceil(n * 1.25 / limit))
    chosen = sorted({_nearest(cuts, len(sentence) * k / parts) for k in range(1, parts)})
    out, pos = [], 0
    for cut in chosen + [len(sentence)]:
        piece = sentence[pos:cut]
        lead = len(piece) - len(piece.lstrip())
        local = [(s - pos - lead, e - pos - lead, r) for s, e, r in spans if pos <= s and e <= cut]
        if piece.strip():
            out += _chunks(piece.strip(), translator, limit, local) if piece.strip() != sentence else [piece]
        pos = cut + 1 if cut < len(sentence) and sentence[cut] == " " else cut
    return out


def _cut_positions(sentence: str, spans: Sequence[tuple[int, int, int]]) -> list[int]:
    """Positions a sentence may be cut at: spaces outside every term (any position outside them when there
    is no such space). Linear in the sentence plus the terms' lengths: a mask of the positions inside a term,
    not a scan of every term for every position (which made 5 MB of unpunctuated text take minutes)."""
    inside = bytearray(len(sentence) + 1)
    for s, e, _ in spans:
        if e - s > 1:
            inside[s + 1 : e] = b"\x01" * (e - s - 1)  # the positions i with s < i < e
    free = [i for i in range(1, len(sentence)) if not inside[i]]
    return [i for i in free if sentence[i] == " "] or free


def _nearest(cuts: list[int], target: float) -> int:
    """The cut closest to ``target`` (the first of two equally close), by bisection of the sorted ``cuts``."""
    at = bisect.bisect_left(cuts, target)
    candidates = cuts[max(0, at - 1) : at + 1]
    return min(candidates, key=lambda c: abs(c - target))


class _ProtectionReserve:
    """Upper bound of the extra model tokens one protected term can cost: its placeholder plus its English
    form (what the inline repair writes), tokenised once per entry."""

    def __init__(self, translator):
        self.translator = translator
        self.cache: dict[int, int] = {}
        self.placeholder = len(translator.tokenize(" ZX999"))

    def __call__(self, entry) -> int:
        got = self.cache.get(id(entry))
        if got is None:
            got = self.cache[id(entry)] = self.placeholder + len(self.translator.tokenize(" " + entry.preferred))
        return got


def plan_batch(texts: Sequence[str], glossary, translator, timer) -> BatchPlan:
    """Segment ``texts`` into sentences, find their terms and cut over-long sentences into pieces."""
    limit = getattr(translator, "max_input_tokens", None) or 0
    with timer("segment"):
        spans = [split_sentences(text) for text in texts]
    with timer("match"):
        matcher = source_matcher(glossary.entries) if glossary else None
        reserve = _ProtectionReserve(translator) if limit and matcher else None
        batch = BatchPlan()
        for text, sentence_spans in zip(texts, spans):
            batch.texts.append(_plan_text(text, sentence_spans, matcher, translator, limit, reserve, batch))
    return batch


def _plan_text(text, sentence_spans, matcher, translator, limit, reserve, batch: BatchPlan) -> TextPlan:
    plan, pos = TextPlan(), 0
    for span in sentence_spans:
        plan.parts.append(Separator(text[pos : span.start]))
        sentence = span.text
        found = matcher.find(sentence) if matcher else []
        pieces = [sentence]
        if limit:
            pieces = _chunks(
                sentence, translator, limit, [(m.start, m.end + len(m.suffix), reserve(m.entry)) for m in found]
            )
        if len(pieces) > 1:
            found = [matcher.find(p) if matcher else [] for p in pieces]
        else:
            found = [found]
        if len(pieces) > 1 or span.forced:
            plan.split_long += 1
        first = len(batch.pieces)
        plan.parts.append(SentencePlan(sentence, list(range(first, first + len(pieces)))))
        batch.pieces += pieces
        batch.matches += found
        pos = span.end
    plan.parts.append(Separator(text[pos:]))
    return plan
