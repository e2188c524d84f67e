"""The scores file: the JSON record of a scoring run (stable schema ``translate-kit/scores/1``, suitable to
commit). It keeps the hypotheses it was computed from and the sha256 of its reference and source, so a later
run can rerun the paired test against it on the same test set (:func:`read_scores`)."""

from __future__ import annotations

import json
from pathlib import Path

import sacrebleu

from .. import __version__
from ..corpus.pairing import read_text
from ..errors import InputError
from .scoring import EarlierRun, ScoreResult

SCHEMA = "translate-kit/scores/1"


def score_to_dict(result: ScoreResult) -> dict:
    """The JSON object of a scoring run (schema ``translate-kit/scores/1``)."""
    return {
        "schema": SCHEMA,
        "tool": {"translate_kit": __version__, "sacrebleu": sacrebleu.__version__},
        "inputs": dict(result.inputs),
        "segments": result.n_segments,
        "skipped_blank_lines": result.skipped_blank,
        "scores": {k: s.to_dict() for k, s in result.scores.items()},
        "term_accuracy": result.terms.to_dict() if result.terms is not None else None,
        "glossary": (
            None
            if result.glossary_digest is None
            else {"sha256": result.glossary_digest, "entries": result.glossary_entries}
        ),
        "baseline": result.baseline.to_dict() if result.baseline else None,
        "against": result.against.to_dict() if result.against else None,
        "gates": [g.to_dict() for g in result.gates],
        "passed": result.passed,
        "diagnostics": [d.to_dict() for d in result.diagnostics],
        "reference_sha256": result.reference_digest,
        "source_sha256": result.source_digest,
        "hypotheses": list(result.hypotheses),
    }


def read_scores(path: str | Path) -> EarlierRun:
    """An earlier scores file; InputError with file:line when it is not one."""
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg})", path, exc.lineno) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise InputError(
            f'not a translate-kit scores file (expected "schema": "{SCHEMA}"); write one as the JSON scores of a run',
            path,
        )
    hyps, ref = data.get("hypotheses"), data.get("reference_sha256")
    if not isinstance(hyps, list) or not all(isinstance(h, str) for h in hyps) or not isinstance(ref, str):
        raise InputError("scores file lacks its hypotheses or reference_sha256", path)
    scores = {k: v.get("score") for k, v in (data.get("scores") or {}).items() if isinstance(v, dict)}
    term = data.get("term_accuracy")
    scores["term_accuracy"] = term.get("accuracy") if isinstance(term, dict) else None
    return EarlierRun(str(path), hyps, ref, data.get("source_sha256"), scores)
