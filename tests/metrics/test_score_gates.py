"""Gate decisions: thresholds, and --against failing only on significant drops (TER: higher is worse)."""

from __future__ import annotations

from translate_kit.metrics.gates import against_gates, threshold_gates
from translate_kit.metrics.significance import PairedComparison


def _cmp(key, system, baseline, p):
    return PairedComparison(key, system, baseline, p, "bs", 1000, 12345)


def test_thresholds():
    gates = threshold_gates(
        {"bleu": 30.0, "chrf": 55.0, "term_accuracy": None}, {"bleu": 30.0, "chrf": 60.0, "term_accuracy": 0.9}
    )
    assert [(g.name, g.passed) for g in gates] == [("min-bleu", True), ("min-chrf", False), ("min-term-accuracy", True)]
    assert "not measured" in gates[2].message
    assert threshold_gates({"bleu": 1.0}, {"bleu": None}) == []


def test_against_fails_only_on_significant_drops():
    gates = against_gates(
        {
            "bleu": _cmp("bleu", 30.0, 32.0, 0.01),  # significant drop
            "chrf": _cmp("chrf", 55.0, 55.5, 0.40),  # drop, not significant
            "ter": _cmp("ter", 50.0, 48.0, 0.01),  # TER rose: a significant drop in quality
            "term_accuracy": _cmp("term_accuracy", 0.95, 0.90, 0.01),  # significant improvement
        },
        alpha=0.05,
    )
    result = {g.name: g.passed for g in gates}
    assert result == {"against:bleu": False, "against:chrf": True, "against:ter": False, "against:term_accuracy": True}
    msgs = {g.name: g.message for g in gates}
    assert msgs["against:chrf"].startswith("drop not significant")
    assert msgs["against:term_accuracy"].startswith("improved")


def test_alpha_decides():
    cmp = {"bleu": _cmp("bleu", 30.0, 31.0, 0.03)}
    assert not against_gates(cmp, alpha=0.05)[0].passed
    assert against_gates(cmp, alpha=0.01)[0].passed
