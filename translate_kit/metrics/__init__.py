"""Quality metrics: sacrebleu scores with signatures, term accuracy, paired significance and CI gates.

One module per concern, in the style of sacrebleu: :mod:`corpus_scores` (BLEU/chrF/TER), :mod:`terms`
(term exact-match accuracy, per-term recall), :mod:`significance` (paired bootstrap / approximate
randomization), :mod:`gates` (thresholds, ``--against``), :mod:`inputs` (aligned segments) and
:mod:`scoring` (one run, tying them together). ``eval`` lives in :mod:`translate_kit.evaluation`.
"""

from .corpus_scores import CorpusScore, corpus_scores
from .gates import GateResult, against_gates, threshold_gates
from .inputs import ScoreInputs, load_inputs
from .scoring import Comparison, EarlierRun, ScoreOptions, ScoreResult, score_inputs, score_paths
from .significance import PairedComparison, paired_corpus_test, paired_term_test
from .terms import TermAccuracy, TermRecall, TermScorer, term_accuracy

__all__ = [
    "Comparison",
    "CorpusScore",
    "EarlierRun",
    "GateResult",
    "PairedComparison",
    "ScoreInputs",
    "ScoreOptions",
    "ScoreResult",
    "TermAccuracy",
    "TermRecall",
    "TermScorer",
    "against_gates",
    "corpus_scores",
    "load_inputs",
    "paired_corpus_test",
    "paired_term_test",
    "score_inputs",
    "score_paths",
    "term_accuracy",
    "threshold_gates",
]
