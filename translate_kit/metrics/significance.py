"""Paired significance of a system against a baseline on the same segments.

BLEU, chrF and TER go through sacrebleu's :class:`~sacrebleu.significance.PairedTest` (paired bootstrap
resampling, ``bs``, or approximate randomization, ``ar``). Term accuracy gets the same two tests here, on the
per-segment (found, expected) counts, with the same statistic and p-value rule as sacrebleu. The random seed
is sacrebleu's: ``SACREBLEU_SEED`` if set, else 12345, so reruns give the same p-values.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sacrebleu.significance import PairedTest

from .corpus_scores import HIGHER_IS_BETTER, make_metrics
from .terms import TermAccuracy

TESTS = ("bs", "ar")
DEFAULT_SAMPLES = {"bs": 1000, "ar": 10000}


def sacrebleu_seed() -> int | None:
    """The seed sacrebleu's paired tests use (``SACREBLEU_SEED``, default 12345; "none" = unseeded)."""
    seed = os.environ.get("SACREBLEU_SEED", "12345")
    return None if seed.lower() == "none" else int(seed)


@dataclass(frozen=True)
class PairedComparison:
    """One metric of a system compared with a baseline on the same segments."""

    key: str  # bleu | chrf | ter | term_accuracy
    system: float
    baseline: float
    p_value: float
    test: str  # bs | ar
    n_samples: int
    seed: int | None
    signature: str = ""

    @property
    def delta(self) -> float:
        return self.system - self.baseline

    @property
    def worse(self) -> bool:
        """The system scores worse than the baseline (lower, or higher for TER)."""
        return self.delta < 0 if HIGHER_IS_BETTER[self.key] else self.delta > 0

    @property
    def better(self) -> bool:
        return self.delta != 0 and not self.worse

    def significant(self, alpha: float) -> bool:
        """A real difference: the scores differ and p < alpha."""
        return self.delta != 0 and self.p_value < alpha

    def to_dict(self) -> dict:
        return {
            "system": round(self.system, 4),
            "baseline": round(self.baseline, 4),
            "delta": round(self.delta, 4),
            "p_value": round(self.p_value, 6),
            "test": self.test,
            "n_samples": self.n_samples,
            "seed": self.seed,
            "signature": self.signature,
        }


def _check(test: str, n_samples: int) -> int:
    if test not in TESTS:
        raise ValueError(f"unknown paired test {test!r} (use one of {', '.join(TESTS)})")
    return n_samples if n_samples > 0 else DEFAULT_SAMPLES[test]


def paired_corpus_test(
    hypotheses: Sequence[str],
    baseline: Sequence[str],
    references: Sequence[str],
    test: str = "bs",
    n_samples: int = 0,
    more_references: Sequence[Sequence[str]] = (),
) -> dict[str, PairedComparison]:
    """BLEU/chrF/TER of ``hypotheses`` vs ``baseline`` through sacrebleu's paired test, keyed bleu/chrf/ter."""
    n_samples = _check(test, n_samples)
    if not (len(hypotheses) == len(baseline) == len(references)):
        raise ValueError("system, baseline and references must have the same number of segments")
    metrics = make_metrics()
    signatures, results = PairedTest(
        [("baseline", list(baseline)), ("system", list(hypotheses))],
        metrics,
        [list(references), *(list(r) for r in more_references)],
        test_type=test,
        n_samples=n_samples,
    )()
    # results are keyed by sacrebleu's score names (BLEU, chrF2, TER) in the order of ``metrics``
    names = [name for name in results if name != "System"]
    seed = sacrebleu_seed()
    out = {}
    for key, name in zip(metrics, names):
        base, system = results[name]
        out[key] = PairedComparison(
            key,
            float(system.score),
            float(base.score),
            _tie_aware(system.score, base.score, system.p_value),
            test,
            n_samples,
            seed,
            signatures[name].format(),
        )
    return out


def _tie_aware(system: float, baseline: float, p_value: float) -> float:
    """p = 1 for equal scores: sacrebleu's rule yields 1/(n+1) for a tie, which would read as significant."""
    return 1.0 if system == baseline else float(p_value)


def _accuracy(found: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """Row-wise found/expected; a sample without terms counts as 1.0 for both systems."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(expected > 0, found / np.maximum(expected, 1), 1.0)


def paired_term_test(
    system: TermAccuracy, baseline: TermAccuracy, test: str = "bs", n_samples: int = 0
) -> PairedComparison | None:
    """Term accuracy of two systems on the same sources; None when the sources hold no glossary term."""
    n_samples = _check(test, n_samples)
    if system.expected != baseline.expected:
        raise ValueError("system and baseline were not scored on the same sources")
    if system.accuracy is None or baseline.accuracy is None:
        return None
    seed = sacrebleu_seed()
    rng = np.random.default_rng(seed)
    sys_f, bl_f = np.array(system.found, float), np.array(baseline.found, float)
    exp = np.array(system.expected, float)  # same sources, so the same expected counts
    diff = abs(system.accuracy - baseline.accuracy)
    n = len(exp)
    if test == "bs":
        idx = rng.choice(n, size=(n_samples, n), replace=True)
        e = exp[idx].sum(1)
        sample = np.abs(_accuracy(sys_f[idx].sum(1), e) - _accuracy(bl_f[idx].sum(1), e))
        stats = sample - sample.mean()
    else:
        pos = rng.integers(2, size=(n_samples, n), dtype=bool)
        a = np.where(pos, bl_f, sys_f).sum(1)
        b = np.where(pos, sys_f, bl_f).sum(1)
        total = exp.sum()
        stats = np.abs(a - b) / total
    p = (int(np.sum(stats > diff)) + 1) / (n_samples + 1)  # sacrebleu's (and multeval's) rule
    p = _tie_aware(system.accuracy, baseline.accuracy, p)
    return PairedComparison(
        "term_accuracy",
        system.accuracy,
        baseline.accuracy,
        p,
        test,
        n_samples,
        seed,
        f"{test}:{n_samples}|seed:{str(seed).lower()}",
    )
