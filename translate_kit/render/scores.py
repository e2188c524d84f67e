"""Renderings of score and eval results: text, and the JSON of the scores file
(:mod:`translate_kit.metrics.scores_file` defines its schema and reads it back)."""

from __future__ import annotations

import json
from pathlib import Path

from ..engine.packages import model_label
from ..metrics.corpus_scores import DISPLAY
from ..metrics.scores_file import SCHEMA, read_scores, score_to_dict  # noqa: F401  (re-exported)
from ..metrics.scoring import Comparison, ScoreResult
from ..textio import atomic_write_text

TEST_NAMES = {"bs": "paired bootstrap resampling", "ar": "approximate randomization"}


# -- JSON ----------------------------------------------------------------------------------------------------
def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_json(path: str | Path, data: dict) -> None:
    """Write a report object atomically (never a half-written file)."""
    atomic_write_text(path, dumps(data))


# -- text ----------------------------------------------------------------------------------------------------
def _value(key: str, value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.4f}" if key == "term_accuracy" else f"{value:.2f}"


def _comparison_lines(title: str, cmp: Comparison) -> list[str]:
    any_metric = next(iter(cmp.metrics.values()), None)
    if any_metric is None:
        return []
    head = (
        f"{title} {cmp.label} ({TEST_NAMES[any_metric.test]}, {any_metric.n_samples} samples, seed {any_metric.seed}):"
    )
    lines = [head]
    for key, c in cmp.metrics.items():
        lines.append(
            f"  {DISPLAY[key]:<14} {_value(key, c.system):>8} vs {_value(key, c.baseline):>8}  "
            f"{c.delta:+.4g}  p = {c.p_value:.4f}"
        )
    return lines


def render_score_text(result: ScoreResult, max_terms: int = 10) -> str:
    """A readable summary: scores with signatures, term accuracy, comparisons, gates, warnings."""
    ins = result.inputs
    lines = [f"{ins.get('hyp') or 'hypotheses'} vs {ins.get('ref') or 'references'}: {result.n_segments} segments"]
    for key, s in result.scores.items():
        lines.append(f"{DISPLAY[key]:<14} {s.score:8.2f}  {s.signature}")
    if result.terms is not None:
        t = result.terms
        gl = f"glossary sha256 {result.glossary_digest[:12]}, {result.glossary_entries} entries"
        lines.append(
            f"{'term accuracy':<14} {_value('term_accuracy', t.accuracy):>8}  "
            f"{t.total_found}/{t.total_expected} source terms rendered ({gl}; {t.match} match)"
        )
        missed = sorted((r for r in t.per_term if r.found < r.expected), key=lambda r: (r.recall, -r.expected))
        if missed:
            lines.append("  lowest per-term recall:")
            for r in missed[:max_terms]:
                lines.append(f"    {r.entry.label()}: {r.found}/{r.expected} ({r.recall:.2f})  {r.entry.ref}")
            if len(missed) > max_terms:
                lines.append(f"    … and {len(missed) - max_terms} more terms below 1.0")
    if result.baseline:
        lines += _comparison_lines("against baseline", result.baseline)
    if result.against:
        lines += _comparison_lines("against earlier run", result.against)
    if result.gates:
        lines.append("gates:")
        lines += [f"  {'PASS' if g.passed else 'FAIL'} {g.name}: {g.message}" for g in result.gates]
    lines += [str(d) for d in result.diagnostics]
    return "\n".join(lines) + "\n"


# -- eval ----------------------------------------------------------------------------------------------------
def eval_to_dict(result) -> dict:
    """An eval report: the scores file (usable with ``--against``) plus test set, model and checker report."""
    data = score_to_dict(result.score)
    ts = result.testset
    data["eval"] = {
        "testset": {
            "directory": str(ts.directory),
            "name": ts.name,
            "split": ts.split,
            "source": str(ts.source),
            "reference": str(ts.reference),
            "limit": result.limit,
        },
        "model": dict(result.model),
        "demo": bool(result.model.get("demo")),
        "flagged_segments": result.flagged,
        "check": result.check.to_dict(),
        "check_fail_on": result.fail_on,
        "check_passed": result.check_passed,
    }
    data["passed"] = result.passed
    return data


def render_eval_text(result, max_violations: int = 20) -> str:
    """Test set and model, then the scores (as for ``score``), then a checker summary."""
    ts = result.testset
    limit = f", first {result.limit}" if result.limit else ""
    lines = [f"eval {ts.name}/{ts.split}{limit} with model {model_label(result.model)}"]
    if result.flagged:
        lines.append(f"{result.flagged} segment(s) flagged by the translator (unverified glossary terms)")
    lines.append(render_score_text(result.score).rstrip("\n"))
    check = result.check
    by_sev = ", ".join(f"{n} {s}" for s, n in check.counts_by_severity().items())
    lines.append(f"check: {len(check.violations)} violations in {check.segments} segments ({by_sev})")
    for kind, n in check.counts_by_kind().items():
        lines.append(f"  {kind}: {n}")
    for v in check.violations[:max_violations]:
        lines.append(f"  {v.where}: {v.severity}: {v.message} [{v.kind}]")
    if len(check.violations) > max_violations:
        lines.append(f"  … and {len(check.violations) - max_violations} more (see the JSON report)")
    if result.fail_on != "never":
        lines.append(f"  {'PASS' if result.check_passed else 'FAIL'} check --fail-on {result.fail_on}")
    return "\n".join(lines) + "\n"
