"""Translating a list of texts as one batch: plan (:mod:`.plan`) → glossary-constrained translation of every
piece in one call path (:mod:`.constrain`) → texts reassembled with their separators.

:func:`translate_segments` is the level that other commands (``eval``) and library users build on.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Sequence

from ..glossary.model import Entry, Glossary
from .constrain import PLACEHOLDER, Outcome, Problem, translate_constrained
from .options import TranslateOptions
from .plan import SentencePlan, TextPlan, plan_batch


@dataclass
class SentenceResult:
    source: str
    text: str
    terms: list[Entry] = field(default_factory=list)
    flags: list[Problem] = field(default_factory=list)


@dataclass
class SegmentResult:
    """The translation of one text: ``flags`` non-empty means a term could not be verified (see constrain)."""

    text: str
    flags: list[Problem] = field(default_factory=list)
    terms: list[Entry] = field(default_factory=list)  # glossary entries applied, once per occurrence
    sentences: list[SentenceResult] = field(default_factory=list)
    split_long: int = 0  # sentences split because they exceeded the model's input limit
    repaired: int = 0  # sentences whose first protection failed and a repair attempt verified

    @property
    def flagged(self) -> bool:
        return bool(self.flags)


class Timer:
    def __init__(self, timings: dict):
        self.timings = timings

    @contextmanager
    def __call__(self, key: str):
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.timings[key] = self.timings.get(key, 0.0) + time.perf_counter() - t0


def translate_segments(texts: Sequence[str], *, glossary: Glossary | None, translator,
                       options: TranslateOptions | None = None,
                       timings: dict | None = None) -> list[SegmentResult]:
    """Translate ``texts`` (paragraphs or lines) as one batch; one :class:`SegmentResult` per text, in order.

    ``translator`` is an engine ``BatchTranslator`` (anything with ``translate(list[str], progress=…)``,
    ``tokenize(str)`` and ``max_input_tokens``). ``glossary`` None or empty: plain batched translation.
    The text between sentences (spaces, line breaks) is kept exactly; only sentences are translated.
    """
    options = options or TranslateOptions()
    timer = Timer(timings if timings is not None else {})
    batch = plan_batch(texts, glossary, translator, timer)
    with timer("translate"):
        outcomes = translate_constrained(batch.pieces, batch.matches, _EngineCall(translator, options))
    if len(outcomes) != len(batch.pieces):
        raise RuntimeError(f"{len(batch.pieces)} sentences in, {len(outcomes)} out")
    return [_assemble(plan, outcomes) for plan in batch.texts]


class _EngineCall:
    """``translate(list[str]) -> list[str]`` over ``translator``, reporting progress over every call made
    (the first call is the whole batch; repairs add theirs)."""

    def __init__(self, translator, options: TranslateOptions):
        self.translator, self.progress = translator, options.progress
        self.done = self.total = 0

    def _advance(self, n: int) -> None:
        self.done += n
        self.progress(self.done, self.total)

    def __call__(self, batch: list[str]) -> list[str]:
        self.total += len(batch)
        if self.progress:  # the total is known before the first batch is decoded
            self.progress(self.done, self.total)
        return self.translator.translate(batch, progress=self._advance if self.progress else None)


def _assemble(plan: TextPlan, outcomes: Sequence[Outcome]) -> SegmentResult:
    parts, sentences, repaired = [], [], 0
    for part in plan.parts:
        if not isinstance(part, SentencePlan):
            parts.append(part.text)
            continue
        outs = [outcomes[i] for i in part.pieces]
        text = " ".join(o.text for o in outs)
        parts.append(text)
        sentences.append(SentenceResult(part.source, text, [e for o in outs for e in o.entries],
                                        [p for o in outs for p in o.problems]))
        repaired += sum(1 for o in outs if o.scheme not in ("", PLACEHOLDER) and not o.flagged)
    return SegmentResult("".join(parts), [p for s in sentences for p in s.flags],
                         [e for s in sentences for e in s.terms], sentences, plan.split_long, repaired)
