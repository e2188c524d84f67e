"""One scoring run: corpus scores, term accuracy, paired tests against a baseline or an earlier run, gates.

Everything ``translate-kit score`` (and the scoring half of ``eval``) reports is computed here from aligned
segment texts; :mod:`translate_kit.render.scores` renders and stores the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Diagnostic, InputError, option
from ..glossary import pofile
from ..glossary.model import Glossary
from ..glossary.pofile import DEFAULT_DIR
from .corpus_scores import CorpusScore, corpus_scores
from .gates import DEFAULT_ALPHA, GateResult, against_gates, threshold_gates
from .inputs import ScoreInputs, load_inputs, text_digest
from .significance import PairedComparison, paired_corpus_test, paired_term_test
from .terms import TERM_MATCHES, TermAccuracy, TermScorer


@dataclass
class ScoreOptions:
    """Gates and significance settings."""

    min_bleu: float | None = None
    min_chrf: float | None = None
    min_term_accuracy: float | None = None  # a fraction, 0–1
    alpha: float = DEFAULT_ALPHA
    test: str = "bs"  # bs (paired bootstrap) | ar (approximate randomization)
    n_samples: int = 0  # 0: sacrebleu's default (1000 for bs, 10000 for ar)
    term_match: str = "lenient"  # how term accuracy counts a rendering: lenient | wmt21 (metrics.terms)

    def __post_init__(self):
        if self.term_match not in TERM_MATCHES:
            raise InputError(f"unknown term match {self.term_match!r} (use one of: {', '.join(TERM_MATCHES)})")
        if self.min_term_accuracy is not None and not 0 <= self.min_term_accuracy <= 1:
            raise InputError(
                f"{option('min_term_accuracy')} is a fraction between 0 and 1, not {self.min_term_accuracy:g}"
            )
        if not 0 < self.alpha < 1:
            raise InputError(f"{option('alpha')} must be between 0 and 1, not {self.alpha:g}")
        if self.test not in ("bs", "ar"):
            raise InputError(f"unknown paired test {self.test!r} (bs or ar)")
        if self.n_samples < 0:
            raise InputError("the number of resamples must be positive")


@dataclass
class EarlierRun:
    """A committed earlier result (``--against``): its hypotheses and what they were scored against."""

    path: str
    hypotheses: list[str]
    reference_digest: str
    source_digest: str | None = None
    scores: dict[str, float | None] = field(default_factory=dict)


@dataclass
class Comparison:
    """Paired tests of this run against another system (``--baseline``) or an earlier run (``--against``)."""

    label: str  # path of the baseline hypotheses or of the scores file
    metrics: dict[str, PairedComparison]

    def to_dict(self) -> dict:
        return {"label": self.label, "metrics": {k: v.to_dict() for k, v in self.metrics.items()}}


@dataclass
class ScoreResult:
    """Everything one scoring run found."""

    inputs: dict[str, str | None]
    n_segments: int
    skipped_blank: int
    scores: dict[str, CorpusScore]
    terms: TermAccuracy | None
    glossary_digest: str | None
    glossary_entries: int
    reference_digest: str
    source_digest: str | None
    hypotheses: list[str]
    baseline: Comparison | None = None
    against: Comparison | None = None
    gates: list[GateResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def term_accuracy(self) -> float | None:
        return self.terms.accuracy if self.terms else None

    def values(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {k: s.score for k, s in self.scores.items()}
        out["term_accuracy"] = self.term_accuracy
        return out

    @property
    def passed(self) -> bool:
        return all(g.passed for g in self.gates)


def resolve_glossary(directory: str | Path | None, diagnostics: list[Diagnostic]) -> Glossary | None:
    """The glossary for term accuracy (the one rule of :func:`~translate_kit.glossary.pofile.resolve_glossary`)."""
    glossary, found = pofile.resolve_glossary(directory, "term accuracy not measured")
    diagnostics.extend(found)
    return glossary


def score_inputs(
    inputs: ScoreInputs,
    glossary: Glossary | None = None,
    options: ScoreOptions | None = None,
    against: EarlierRun | None = None,
    labels: dict[str, str | None] | None = None,
    diagnostics: list[Diagnostic] | None = None,
) -> ScoreResult:
    """Score aligned inputs; compare with ``inputs.baseline`` and ``against`` when given; apply the gates."""
    options = options or ScoreOptions()
    labels = dict(labels or {})
    diags = list(diagnostics or []) + list(inputs.diagnostics)
    if options.min_term_accuracy is not None and (inputs.sources is None or glossary is None):
        raise InputError(
            f"{option('min_term_accuracy')} needs the source ({option('src')}) and a glossary "
            f"({option('glossary_dir')})"
        )
    hyps, refs, srcs = inputs.hypotheses, inputs.references, inputs.sources
    scorer = TermScorer(glossary.entries, options.term_match) if glossary is not None and srcs is not None else None
    terms = scorer.score(srcs, hyps) if scorer else None
    if terms is not None and terms.accuracy is None:
        diags.append(
            Diagnostic("info", "no-terms", "no glossary term occurs in the source: term accuracy not measured")
        )
    result = ScoreResult(
        inputs=labels,
        n_segments=len(hyps),
        skipped_blank=inputs.skipped_blank,
        scores=corpus_scores(hyps, refs, inputs.more_references),
        terms=terms,
        glossary_digest=glossary.digest if glossary is not None else None,
        glossary_entries=len(glossary.enforced) if glossary is not None else 0,
        reference_digest=text_digest(refs)
        if not inputs.more_references
        else text_digest([text_digest(r) for r in (refs, *inputs.more_references)]),
        source_digest=text_digest(srcs) if srcs is not None else None,
        hypotheses=list(hyps),
        diagnostics=diags,
    )

    def compare(other: list[str], label: str) -> Comparison:
        metrics = paired_corpus_test(hyps, other, refs, options.test, options.n_samples, inputs.more_references)
        if scorer is not None and terms is not None:
            term_cmp = paired_term_test(terms, scorer.score(srcs, other), options.test, options.n_samples)
            if term_cmp is not None:
                metrics["term_accuracy"] = term_cmp
        return Comparison(label, metrics)

    if inputs.baseline is not None:
        result.baseline = compare(inputs.baseline, labels.get("baseline") or "baseline")
    if against is not None:
        _check_comparable(against, result)
        result.against = compare(against.hypotheses, against.path)
    result.gates = threshold_gates(
        result.values(),
        {"bleu": options.min_bleu, "chrf": options.min_chrf, "term_accuracy": options.min_term_accuracy},
    )
    if result.against is not None:
        result.gates += against_gates(result.against.metrics, options.alpha)
    return result


def _check_comparable(earlier: EarlierRun, result: ScoreResult) -> None:
    if len(earlier.hypotheses) != result.n_segments:
        raise InputError(
            f"holds {len(earlier.hypotheses)} segments but this run scores {result.n_segments}; "
            "it was made on another test set",
            earlier.path,
        )
    if earlier.reference_digest != result.reference_digest:
        raise InputError(
            "was scored against a different reference (sha256 differs); regenerate it as "
            "the JSON scores of this test set",
            earlier.path,
        )


def score_paths(
    hyp: str | Path,
    ref,
    src: str | Path | None = None,
    glossary_dir: str | Path | None = None,
    baseline: str | Path | None = None,
    against: EarlierRun | None = None,
    options: ScoreOptions | None = None,
) -> ScoreResult:
    """Load the inputs (and the glossary when a source is given), then :func:`score_inputs`."""
    inputs = load_inputs(hyp, ref, src, baseline)
    diags: list[Diagnostic] = []
    glossary = resolve_glossary(glossary_dir, diags) if inputs.sources is not None else None
    if glossary_dir is not None and inputs.sources is None:
        diags.append(Diagnostic("info", "no-source", f"term accuracy needs the source ({option('src')}); not measured"))
    labels = {
        "hyp": str(hyp),
        "ref": str(ref) if isinstance(ref, (str, Path)) else " + ".join(map(str, ref)),
        "src": str(src) if src is not None else None,
        "baseline": str(baseline) if baseline is not None else None,
        "against": against.path if against is not None else None,
        "glossary": str(glossary_dir or DEFAULT_DIR) if glossary is not None else None,
    }
    return score_inputs(inputs, glossary, options, against, labels, diags)
