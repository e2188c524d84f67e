"""Quality gates for CI: minimum scores, and no significant drop against a committed earlier result."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .corpus_scores import DISPLAY
from .significance import PairedComparison

DEFAULT_ALPHA = 0.05


@dataclass(frozen=True)
class GateResult:
    """One gate: its name (e.g. ``min-bleu``, ``against:chrf``), whether it passed, and why."""

    name: str
    passed: bool
    message: str

    def to_dict(self) -> dict:
        return {"name": self.name, "passed": self.passed, "message": self.message}


def _fmt(key: str, value: float) -> str:
    return f"{value:.4f}" if key == "term_accuracy" else f"{value:.2f}"


def threshold_gates(scores: Mapping[str, float | None], minimums: Mapping[str, float | None]) -> list[GateResult]:
    """``min-<metric>`` gates: fail when the score is under the threshold (None thresholds are skipped).

    A missing score (term accuracy of a source without glossary terms) passes with a note.
    """
    out = []
    for key, minimum in minimums.items():
        if minimum is None:
            continue
        name = "min-" + key.replace("_", "-")
        label = DISPLAY[key]
        value = scores.get(key)
        if value is None:
            out.append(
                GateResult(
                    name,
                    True,
                    f"{label} not measured (no glossary term in the source); gate {_fmt(key, minimum)} not applied",
                )
            )
        elif value < minimum:
            out.append(GateResult(name, False, f"{label} {_fmt(key, value)} is below the minimum {_fmt(key, minimum)}"))
        else:
            out.append(GateResult(name, True, f"{label} {_fmt(key, value)} ≥ {_fmt(key, minimum)}"))
    return out


def against_gates(comparisons: Mapping[str, PairedComparison], alpha: float = DEFAULT_ALPHA) -> list[GateResult]:
    """``against:<metric>`` gates: fail only on a drop that is significant (p < alpha)."""
    out = []
    for key, cmp in comparisons.items():
        label = DISPLAY[key]
        change = (
            f"{label} {_fmt(key, cmp.baseline)} → {_fmt(key, cmp.system)} "
            f"({cmp.delta:+.4g}, p = {cmp.p_value:.4g}, {cmp.test} n={cmp.n_samples})"
        )
        if cmp.worse and cmp.significant(alpha):
            out.append(GateResult(f"against:{key}", False, f"significant drop (p < {alpha:g}): {change}"))
        elif cmp.worse:
            out.append(GateResult(f"against:{key}", True, f"drop not significant (p ≥ {alpha:g}): {change}"))
        elif cmp.delta == 0:
            out.append(GateResult(f"against:{key}", True, f"unchanged: {label} {_fmt(key, cmp.system)}"))
        else:
            out.append(GateResult(f"against:{key}", True, f"improved: {change}"))
    return out
