"""Running ``eval`` on one test-set split: translate the Indonesian side, score it, check it — one result."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..corpus.pairing import Segment, SegmentPair
from ..errors import Diagnostic, InputError, option
from ..glossary.model import Glossary
from ..metrics.inputs import ScoreInputs, load_lines
from ..metrics.scoring import EarlierRun, ScoreOptions, ScoreResult, resolve_glossary, score_inputs
from .testset import TestSet, find_testset


@dataclass
class EvalResult:
    """Scores and checker report of one model + glossary on one test-set split."""

    testset: TestSet
    limit: int | None
    model: dict
    score: ScoreResult
    check: object  # translate_kit.checks.model.CheckReport
    flagged: int = 0  # segments whose glossary terms the pipeline could not verify
    fail_on: str = "never"
    hypothesis_file: str = ""  # the name the translations go by in the report (in memory unless saved)

    @property
    def check_passed(self) -> bool:
        return not self.check.fails(self.fail_on)

    @property
    def passed(self) -> bool:
        return self.score.passed and self.check_passed


def load_testset(testset: TestSet, limit: int | None = None) -> tuple[list[Segment], list[Segment], int]:
    """Aligned source and reference segments (first ``limit``), and how many lines blank on both sides."""
    if limit is not None and limit < 1:
        raise InputError(f"{option('limit')} must be at least 1, not {limit}")
    src, ref = load_lines(testset.source, "source"), load_lines(testset.reference)
    if len(src) != len(ref):
        longer = src if len(src) > len(ref) else ref
        raise InputError(
            f"{len(src)} source lines but {len(ref)} reference lines; the split is not aligned",
            longer[0].file,
            min(len(src), len(ref)) + 1,
        )
    keep = [i for i in range(len(src)) if src[i].text or ref[i].text]
    skipped = len(src) - len(keep)
    if limit is not None:
        keep = keep[:limit]
    return [src[i] for i in keep], [ref[i] for i in keep], skipped


def _translator_and_model(translator, package):
    """The translator to use (default: a ``BatchTranslator`` of ``package`` or the installed package) and its
    model description, labelled."""
    from .. import engine

    if translator is None:
        package = package if package is not None else engine.find_package()
        translator = engine.BatchTranslator(package)
    model = dict(getattr(translator, "describe", translator.identity)())
    model["label"] = engine.model_label(model)
    return translator, model


def _score_labels(hyp_file, testset, against, glossary_dir, glossary) -> dict:
    """The file names the score report shows for hypotheses, reference, source, earlier run and glossary."""
    return {
        "hyp": hyp_file,
        "ref": str(testset.reference),
        "src": str(testset.source),
        "against": against.path if against else None,
        "glossary": str(glossary_dir or "glossary") if glossary is not None else None,
    }


def run_eval(
    directory: str | Path,
    *,
    split: str | None = None,
    limit: int | None = None,
    glossary_dir: str | Path | None = None,
    options: ScoreOptions | None = None,
    against: EarlierRun | None = None,
    fail_on: str = "never",
    hypothesis_path: str | None = None,
    translator=None,
    package=None,
    progress=None,
) -> EvalResult:
    """Translate, score and check a test set split (see the module docstring).

    ``translator``/``package``: an engine ``BatchTranslator`` or package to use (default: the installed id→en
    package). ``fail_on``: checker severity that fails the run (``error``, ``warning``, ``info`` or ``never``).
    ``hypothesis_path``: the name to give the translations in the report (the caller saves them there).
    """
    from ..checks import CheckConfig, run_check
    from ..translation import TranslateOptions, translate_segments

    if fail_on not in ("error", "warning", "info", "never"):
        raise InputError(f"{option('fail_on')} must be error, warning, info or never, not {fail_on!r}")
    testset = find_testset(directory, split)
    src, ref, skipped = load_testset(testset, limit)
    diags: list[Diagnostic] = []
    glossary = resolve_glossary(glossary_dir, diags)  # None: no glossary/ and none given

    translator, model = _translator_and_model(translator, package)
    results = translate_segments(
        [s.text for s in src],
        glossary=glossary or Glossary(),
        translator=translator,
        options=TranslateOptions(progress=progress),
    )
    hyps = [r.text for r in results]

    hyp_file = hypothesis_path or f"{testset.directory / testset.split}.hyp.en"
    inputs = ScoreInputs(
        hypotheses=hyps, references=[s.text for s in ref], sources=[s.text for s in src], skipped_blank=skipped
    )
    labels = _score_labels(hyp_file, testset, against, glossary_dir, glossary)
    score = score_inputs(inputs, glossary, options, against, labels, diags)

    pairs = [SegmentPair(s, Segment(hyp_file, s.line, h), str(testset.source)) for s, h in zip(src, hyps)]
    check = run_check(pairs, glossary, CheckConfig())
    return EvalResult(
        testset,
        limit,
        model,
        score,
        check,
        flagged=sum(1 for r in results if r.flagged),
        fail_on=fail_on,
        hypothesis_file=hyp_file,
    )
