"""How quiet and how sharp ``translate-kit check`` is: its findings on professional translations, and precision
and recall on labelled sets of injected errors.

    .venv/bin/python bench/bench_precision.py [--list] [--one-document]

1. ntrex128 test (../shared/eval/ntrex128: 1,997 professional Indonesian–English pairs) checked against the
   project glossary (glossary/), each article (test.docids) its own document as ``check`` treats articles;
   ``--one-document`` also checks the two files as one document, as ``check test.id test.en`` does. Prints
   the counts per severity and kind, and with ``--list`` every error and warning.
   Targets: <= 25 errors, each a real discrepancy; <= 40 warnings.
2. The labelled set of injected glossary and number violations of tests/checks/test_check_quality.py
   (target: precision and recall >= 0.98), and the injected doubled words, unbalanced brackets and changed
   end punctuation of tests/checks/test_check_form_quality.py (target: recall >= 0.95 per kind, precision
   >= 0.9), built by the tests' own functions, so the figures are the ones the tests assert.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translate_kit.checks import CheckConfig, run_check  # noqa: E402
from translate_kit.corpus.boilerplate import BoilerplateRules  # noqa: E402
from translate_kit.corpus.pairing import SegmentPair, pair  # noqa: E402
from translate_kit.glossary.pofile import load_glossary  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"
NTREX = SHARED / "ntrex128"


def _test_module(name: str):
    path = ROOT / "tests" / "checks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # (dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


def ntrex(list_all: bool, one_document: bool) -> None:
    glossary = load_glossary(ROOT / "glossary")
    docids = (NTREX / "test.docids").read_text(encoding="utf-8").split("\n")
    pairs = pair(NTREX / "test.id", NTREX / "test.en", boilerplate=BoilerplateRules())
    by_article = [SegmentPair(p.source, p.target, docids[p.source.line - 1], boilerplate=p.boilerplate) for p in pairs]
    runs = [("per article (test.docids)", by_article)]
    if one_document:
        runs.append(("one document (check test.id test.en)", pairs))
    for label, ps in runs:
        report = run_check(ps, glossary, CheckConfig())
        sev = report.counts_by_severity()
        print(
            f"ntrex128 test, {report.segments} pairs, {label}, {len(glossary)} glossary entries: "
            f"{sev['error']} errors (target <= 25), {sev['warning']} warnings (target <= 40), {sev['info']} info"
        )
        for kind, n in report.counts_by_kind().items():
            print(f"  {kind:<22} {n:>4}  ({report.severities[kind]})")
        if list_all and label.startswith("per article"):
            for level in ("error", "warning"):
                print(f"  -- {level}s")
                for v in report.violations:
                    if v.severity == level:
                        print(f"  test.en:{v.line}  {v.kind}: {v.message}")


def labelled_sets() -> None:
    quality = _test_module("test_check_quality")
    glossary_dir = Path(__import__("tempfile").mkdtemp(prefix="bench-precision-"))
    (glossary_dir / "countries.po").write_text(quality._po(quality.TEST_GLOSSARY), encoding="utf-8")
    glossary = load_glossary(glossary_dir)
    pool = []
    for name in quality.SETS:
        for p in pair(SHARED / f"{name}.id", SHARED / f"{name}.en"):
            if p.source is None or p.target is None or not p.target.text:
                continue
            src, en = p.source.text, p.target.text
            present = quality.clean_terms(src, en)
            if present is not None and quality.same_numbers(src, en) and src != en:
                pool.append((f"{name}:{p.source.line}", src, en, present))
    docs, labels = quality.build_labelled_set(pool)
    report = run_check(quality._pairs(docs), glossary, CheckConfig(disabled={"length-ratio"}))
    predicted = Counter((v.document, v.kind) for v in report.violations)
    expected = Counter(labels)
    tp = sum((predicted & expected).values())
    print(
        f"injected glossary/number violations: {len(labels)} labels {dict(Counter(k for _, k in labels))}, "
        f"{sum(1 for d in docs if d.startswith('clean/'))} clean documents: precision "
        f"{tp / max(1, sum(predicted.values())):.4f}, recall {tp / len(labels):.4f} (targets >= 0.98)"
    )

    form = _test_module("test_check_form_quality")
    form_pool = form.clean_pool(SHARED)
    pairs, form_labels = form.build_form_set(form_pool)
    scores = form.form_scores(pairs, form_labels)
    print(
        f"injected form errors: {len(form_labels)} labels, {len(pairs) - len(form_labels)} clean pairs "
        f"(pool {len(form_pool)}): precision {scores['precision']:.4f} (target >= 0.9), recall "
        + ", ".join(f"{k} {v:.4f}" for k, v in scores["recall"].items())
        + " (targets >= 0.95)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list every ntrex128 error and warning")
    parser.add_argument("--one-document", action="store_true", help="also check ntrex128 as one document")
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"bench_precision: needs ../shared/eval beside the checkout ({SHARED} not found)")
    ntrex(args.list, args.one_document)
    labelled_sets()


if __name__ == "__main__":
    main()
