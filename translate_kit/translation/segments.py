"""Translating a list of texts as one batch: plan (:mod:`.plan`) → the glossary held on every piece, verify
first and escalate per term (:mod:`.enforce`) → texts reassembled with their separators.

:func:`translate_segments` is the level that other commands (``eval``) and :func:`translate_texts` (the
public entry point for any engine) build on.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..glossary.model import Entry, Glossary
from .enforce import PROTECTED, Occurrence, PieceResult, enforce
from .options import TranslateOptions
from .plan import SentencePlan, TextPlan, plan_batch
from .policy import enforcement_warnings
from .verify import Verifier


@dataclass
class SentenceResult:
    """One source sentence, its English and a verdict per term occurrence (and per number)."""

    source: str
    text: str
    terms: list[Occurrence] = field(default_factory=list)  # glossary terms and verbatim tokens, text order
    numbers: list[Occurrence] = field(default_factory=list)  # numbers, dates and times of the source
    method: str = ""  # the ladder rung whose output was kept ("": the engine's unconstrained output)

    @property
    def flags(self) -> list[Occurrence]:
        return [o for o in (*self.terms, *self.numbers) if o.flagged]

    @property
    def flagged(self) -> bool:
        return any(o.flagged for o in (*self.terms, *self.numbers))


@dataclass
class SegmentResult:
    """The translation of one text (a ``TextResult`` of :func:`translate_texts`): ``.text``, ``.flagged``,
    ``.terms`` (every term occurrence with ``.source``, ``.entry``, ``.verdict``, ``.method``, ``.reason``)."""

    text: str
    sentences: list[SentenceResult] = field(default_factory=list)
    split_long: int = 0  # sentences split because they exceeded the model's input limit
    repaired: int = 0  # sentences whose first output failed a term and a rung of the ladder held it

    @property
    def terms(self) -> list[Occurrence]:
        return [o for s in self.sentences for o in s.terms]

    @property
    def numbers(self) -> list[Occurrence]:
        return [o for s in self.sentences for o in s.numbers]

    @property
    def flags(self) -> list[Occurrence]:
        return [o for s in self.sentences for o in s.flags]

    @property
    def flagged(self) -> bool:
        return any(s.flagged for s in self.sentences)

    @property
    def entries(self) -> list[Entry]:
        """The glossary entries held (natural or enforced), once per occurrence."""
        return [o.entry for o in self.terms if not o.flagged and o.kind == "term"]


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


def translate_segments(
    texts: Sequence[str],
    *,
    glossary: Glossary | None,
    translator,
    options: TranslateOptions | None = None,
    timings: dict | None = None,
    engine_stats: dict | None = None,
) -> list[SegmentResult]:
    """Translate ``texts`` (paragraphs or lines) as one batch; one :class:`SegmentResult` per text, in order.

    ``translator`` is any engine of :mod:`translate_kit.engine.protocol` (a ``BatchTranslator``, or a plain
    callable wrapped by ``as_translator``); its optional capabilities are used when present. ``glossary``
    None or empty: plain batched translation (verbatim tokens still held). The text between sentences
    (spaces, line breaks) is kept exactly; only sentences are translated. ``engine_stats`` collects calls,
    texts, characters and seconds per engine method.
    """
    options = options or TranslateOptions()
    timer = Timer(timings if timings is not None else {})
    usable = enforcement_warnings(glossary.enforced)[0] if glossary else []
    batch = plan_batch(texts, Glossary(entries=usable) if usable else None, translator, timer)
    with timer("translate"):
        verifier = Verifier(usable)
        results = enforce(
            batch.pieces,
            batch.matches,
            translator,
            verifier=verifier,
            policy=options.protect_by_kind,
            verbatim=options.verbatim_tokens,
            progress=_progress(options),
            stats=engine_stats,
        )
    if options.number_rendering:
        from .quantities import hold_numbers

        with timer("numbers"):
            hold_numbers(results)
    if len(results) != len(batch.pieces):
        raise RuntimeError(f"{len(batch.pieces)} sentences in, {len(results)} out")
    return [_assemble(plan, results) for plan in batch.texts]


class _Progress:
    """``progress(n)`` for the engine, reporting ``options.progress(done, total)`` over every call made
    (the first call is the whole batch; the ladder adds its rounds to the total)."""

    def __init__(self, report):
        self.report, self.done, self.total = report, 0, 0

    def expect(self, n: int) -> None:
        self.total += n
        self.report(self.done, self.total)  # the total is known before the call's first batch is decoded

    def __call__(self, n: int) -> None:
        self.done += n
        self.report(self.done, self.total)


def _progress(options: TranslateOptions):
    return _Progress(options.progress) if options.progress else None


def _assemble(plan: TextPlan, results: Sequence[PieceResult]) -> SegmentResult:
    parts, sentences, repaired = [], [], 0
    for part in plan.parts:
        if not isinstance(part, SentencePlan):
            parts.append(part.text)
            continue
        outs = [results[i] for i in part.pieces]
        text = " ".join(o.text for o in outs)
        parts.append(text)
        method = next((o.method for o in outs if o.method), "")
        sentences.append(
            SentenceResult(
                part.source,
                text,
                [t for o in outs for t in o.occurrences if t.kind != "number"],
                [t for o in outs for t in o.occurrences if t.kind == "number"],
                method,
            )
        )
        repaired += sum(1 for o in outs if o.method not in ("", PROTECTED) and not o.flagged)
    return SegmentResult("".join(parts), sentences, plan.split_long, repaired)
