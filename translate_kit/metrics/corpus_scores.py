"""Corpus-level BLEU, chrF and TER through sacrebleu, each with its reproducibility signature."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.metrics.base import Metric

#: our key → whether a higher score is better
HIGHER_IS_BETTER = {"bleu": True, "chrf": True, "ter": False, "term_accuracy": True}
#: display names
DISPLAY = {"bleu": "BLEU", "chrf": "chrF", "ter": "TER", "term_accuracy": "term accuracy"}


def make_metrics() -> dict[str, Metric]:
    """Fresh sacrebleu metric objects with their default settings (13a tokenizer, chrF2, tercom TER)."""
    return {"bleu": BLEU(), "chrf": CHRF(), "ter": TER()}


@dataclass(frozen=True)
class CorpusScore:
    """One corpus-level score: our key, sacrebleu's name, the value, sacrebleu's detail and signature."""

    key: str
    name: str
    score: float
    detail: str  # sacrebleu's formatted score, e.g. "BLEU = 34.10 65.2/40.1/... (BP = ...)"
    signature: str

    def to_dict(self) -> dict:
        return {"name": self.name, "score": round(self.score, 4), "detail": self.detail, "signature": self.signature}


def corpus_scores(
    hypotheses: Sequence[str], references: Sequence[str], more_references: Sequence[Sequence[str]] = ()
) -> dict[str, CorpusScore]:
    """BLEU, chrF and TER of aligned hypotheses against one reference each (or several: sacrebleu's
    multi-reference scores, with ``more_references`` aligned like ``references``)."""
    streams = [list(references), *(list(r) for r in more_references)]
    if any(len(hypotheses) != len(r) for r in streams):
        raise ValueError(f"{len(hypotheses)} hypotheses but {', '.join(str(len(r)) for r in streams)} references")
    out = {}
    for key, metric in make_metrics().items():
        result = metric.corpus_score(list(hypotheses), streams)
        out[key] = CorpusScore(key, result.name, float(result.score), result.format(), metric.get_signature().format())
    return out
