#!/usr/bin/env python
"""Throughput of ``translate-kit translate`` against argostranslate's own per-paragraph loop (DESIGN.md §4).

Builds the perf model (../shared/tools/perfmodel.py: a copy transformer with a real model's cost profile,
6+6 layers, FFN 2048, int8) into bench/out/, installs it into a private argos packages directory, then times
in ONE run, each in a fresh subprocess so that peak RSS figures are separate:

- ``argos``     argostranslate.translate.apply_packaged_translation per paragraph (argos's own settings: beam 4,
                32-token batches), with a trivial sentence splitter (MiniSBD needs a download);
- ``batched``   translate_kit.translation.run.translate_documents with an empty glossary;
- ``glossary``  the same with the project glossary (glossary/).

on the seed corpus (corpus/id) and on the first N sentences of ../shared/eval (ntrex128 test.id, then
guntara2020_news test.id). The argos loop runs on a sample (``--argos-sentences``; ~1-2 sentences/s here).
A fourth subprocess times the engine alone on that sample, argostranslate's calls against the pipeline's
batched calls (no translate-kit code timed): the most batching can give on the machine at hand.

Prints sentences/s, the ratios (targets: batched ≥ 3× argos; glossary overhead ≤ 10% of batched) and peak
RSS per run (target ≤ 1.5 GB). usage: bench/bench_translate.py [--sentences 2000] [--argos-sentences 300]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SHARED = REPO.parent / "shared"
OUT = BENCH / "out"
EVAL_FILES = [SHARED / "eval/ntrex128/test.id", SHARED / "eval/guntara2020_news/test.id"]
_SENTENCE = re.compile(r"\S.*?(?:[.!?]+[\"'”’)]*(?=\s|$)|$)")


def trivial_split(text: str) -> list[str]:
    """Split at ., ! or ? followed by a space: what a trivial splitter in front of argos would do."""
    return [m.group(0).strip() for m in _SENTENCE.finditer(text) if m.group(0).strip()]


def count_sentences(text: str) -> int:
    """Sentences as the pipeline counts them (translate_kit's segmenter), the unit of every rate printed."""
    from translate_kit.corpus.segment import split_sentences

    return len(split_sentences(text))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- workers (one per subprocess) -----------------------------------------------------------------------------
def worker_argos(input_dir: Path, limit: int) -> dict:
    from argostranslate import package, translate

    class Splitter:
        def split_sentences(self, text):
            return trivial_split(text)

    import ctranslate2
    from argostranslate import settings

    pkg = next(p for p in package.get_installed_packages() if p.from_code == "id" and p.to_code == "en")
    translator = ctranslate2.Translator(
        str(pkg.package_path / "model"),
        device=settings.device,
        inter_threads=settings.inter_threads,
        intra_threads=settings.intra_threads,
    )
    sample = argos_sample(input_dir, limit)
    t0 = time.perf_counter()
    for paragraph in sample:
        translate.apply_packaged_translation(pkg, paragraph, translator, Splitter(), num_hypotheses=1)
    return {
        "sentences": sum(map(count_sentences, sample)),
        "seconds": time.perf_counter() - t0,
        "peak_rss_mb": peak_rss_mb(),
    }


def argos_sample(input_dir: Path, limit: int) -> list[str]:
    """Paragraphs spread evenly over the input (so their sentence lengths match the whole batch's) until they
    hold ``limit`` sentences: what the argos loop translates, and the engine-alone timing too."""
    paragraphs = [
        line
        for f in sorted(input_dir.glob("*.txt"))
        for line in f.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    total = sum(count_sentences(p) for p in paragraphs)
    step = max(1, round(total / max(limit, 1)))
    sample, done = [], 0
    for paragraph in paragraphs[::step]:
        if done >= limit:
            break
        sample.append(paragraph)
        done += count_sentences(paragraph)
    return sample


def worker_engine(input_dir: Path, limit: int) -> dict:
    """The engine's own ceiling, no translate-kit code timed: the argos loop's sample sentences decoded by
    CTranslate2 (1) as argostranslate calls it (each paragraph's sentences, 32-token batches, argos's thread
    settings) and (2) all at once as the pipeline calls it (length-sorted, 2,048-token batches, two batches
    side by side). Same sentences, same beam 4 and length penalty 0.2; only the batching differs."""
    import ctranslate2
    from argostranslate import package, settings

    from translate_kit.engine.translator import default_threads

    pkg = next(p for p in package.get_installed_packages() if p.from_code == "id" and p.to_code == "en")
    paragraphs = argos_sample(input_dir, limit)
    sample = [[pkg.tokenizer.encode(s) for s in trivial_split(p)] for p in paragraphs]
    done = sum(map(count_sentences, paragraphs))
    options = dict(beam_size=4, length_penalty=0.2, replace_unknowns=True, batch_type="tokens")
    model = str(pkg.package_path / "model")
    argos_way = ctranslate2.Translator(
        model, device="cpu", inter_threads=settings.inter_threads, intra_threads=settings.intra_threads
    )
    t0 = time.perf_counter()
    for sentences in sample:
        argos_way.translate_batch(sentences, max_batch_size=settings.batch_size, **options)
    argos_seconds = time.perf_counter() - t0
    del argos_way
    inter, intra = default_threads()
    batched_way = ctranslate2.Translator(model, device="cpu", inter_threads=inter, intra_threads=intra)
    flat = sorted((s for sentences in sample for s in sentences), key=len)
    t0 = time.perf_counter()
    batched_way.translate_batch(flat, max_batch_size=2048, max_input_length=0, **options)
    batched_seconds = time.perf_counter() - t0
    return {
        "sentences": done,
        "argos_seconds": argos_seconds,
        "batched_seconds": batched_seconds,
        "peak_rss_mb": peak_rss_mb(),
    }


def worker_pipeline(input_dir: Path, glossary_dir: Path | None) -> dict:
    from translate_kit.engine import BatchTranslator, find_package
    from translate_kit.glossary.model import Glossary
    from translate_kit.glossary.pofile import load_glossary
    from translate_kit.translation import TranslateOptions, translate_documents

    glossary = load_glossary(glossary_dir) if glossary_dir else Glossary()
    translator = BatchTranslator(find_package())  # loaded before timing, as the argos loop's translator is
    # time spent inside the model vs. around it: the glossary's own cost is the part around it; every engine
    # method the enforcement ladder may call is timed and its input tokens counted
    model_seconds, tokens, calls = [0.0], [0], {}

    def timed(name, method):
        def call(sentences, *args, **kwargs):
            t0 = time.perf_counter()
            out = method(sentences, *args, **kwargs)
            model_seconds[0] += time.perf_counter() - t0
            tokens[0] += sum(len(translator.tokenize(s)) for s in sentences if s.strip())
            calls[name] = calls.get(name, 0) + 1
            return out

        return call

    for name in (
        "translate",
        "translate_nbest",
        "translate_with_attention",
        "translate_with_prefix",
        "translate_suppressed",
    ):
        setattr(translator, name, timed(name, getattr(translator, name)))
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        report = translate_documents(
            [input_dir], Path(out), glossary=glossary, options=TranslateOptions(force=True), translator=translator
        )
        seconds = time.perf_counter() - t0
    return {
        "sentences": report.sentences,
        "seconds": seconds,
        "peak_rss_mb": peak_rss_mb(),
        "model_seconds": model_seconds[0],
        "model_tokens": tokens[0],
        "calls": calls,
        "verdicts": dict(report.verdicts),
        "methods": dict(report.methods),
        "terms": report.terms_applied,
        "flags": len(report.flags),
        "repaired": report.repaired,
        "timings": report.timings,
        "failed": report.count("failed"),
    }


# -- driver ---------------------------------------------------------------------------------------------------
def build_model(env: dict) -> None:
    model = OUT / "translate-id_en-perf.argosmodel"
    if not model.exists():
        train = OUT / "train.txt"
        texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus/id").glob("*.txt"))]
        texts += [f.read_text(encoding="utf-8") for f in EVAL_FILES]
        train.write_text("\n".join(texts), encoding="utf-8")
        print("building the perf model (6+6 layers, FFN 2048, int8) …", flush=True)
        subprocess.run(
            [sys.executable, str(SHARED / "tools/perfmodel.py"), str(train), str(model)], check=True, env=env
        )
    if not any(Path(env["ARGOS_PACKAGES_DIR"]).glob("*")):
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from argostranslate import package; package.install_from_path(sys.argv[1])",
                str(model),
            ],
            check=True,
            env=env,
        )


def make_inputs(n: int) -> Path:
    """An input directory of eval lines (one paragraph per line), at least ``n`` sentences."""
    d = OUT / f"eval-{n}-v2"
    if not d.exists():
        lines, count = [], 0
        for f in EVAL_FILES:
            for line in f.read_text(encoding="utf-8").splitlines():
                if count >= n:
                    break
                if line.strip():
                    lines.append(line)
                    count += count_sentences(line)
        d.mkdir(parents=True)
        (d / "eval.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return d


def run_worker(env: dict, *args: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--worker", *args], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"worker {args} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=2000, help="eval sentences for the batched runs")
    ap.add_argument("--argos-sentences", type=int, default=300, help="sentences for the (slow) argos loop")
    ap.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.worker:
        kind, input_dir = args.worker[0], Path(args.worker[1])
        if kind == "argos":
            result = worker_argos(input_dir, int(args.worker[2]))
        elif kind == "engine":
            result = worker_engine(input_dir, int(args.worker[2]))
        else:
            result = worker_pipeline(input_dir, REPO / "glossary" if kind == "glossary" else None)
        print(json.dumps(result))
        return

    OUT.mkdir(parents=True, exist_ok=True)
    env = dict(
        os.environ,
        ARGOS_PACKAGES_DIR=str(OUT / "packages"),
        XDG_DATA_HOME=str(OUT / "xdg-data"),
        XDG_CONFIG_HOME=str(OUT / "xdg-config"),
        XDG_CACHE_HOME=str(OUT / "xdg-cache"),
        PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    )
    (OUT / "packages").mkdir(exist_ok=True)
    build_model(env)
    print(f"machine: {os.cpu_count()} CPUs (shared machines give noisy figures)")

    rows = []
    for name, input_dir in (
        ("seed corpus", REPO / "corpus/id"),
        (f"eval {args.sentences}", make_inputs(args.sentences)),
    ):
        argos = run_worker(env, "argos", str(input_dir), str(args.argos_sentences))
        batched = run_worker(env, "batched", str(input_dir))
        gloss = run_worker(env, "glossary", str(input_dir))
        engine = run_worker(env, "engine", str(input_dir), str(args.argos_sentences))
        rows.append((name, argos, batched, gloss, engine))

    print(f"\n{'corpus':<14} {'run':<10} {'sentences':>9} {'seconds':>8} {'sent/s':>7} {'peak RSS MB':>11}")
    for name, argos, batched, gloss, _engine in rows:
        for run, r in (("argos loop", argos), ("batched", batched), ("glossary", gloss)):
            rate = r["sentences"] / r["seconds"] if r["seconds"] else float("inf")
            r["rate"] = rate
            print(
                f"{name:<14} {run:<10} {r['sentences']:>9} {r['seconds']:>8.1f} {rate:>7.2f} {r['peak_rss_mb']:>11.0f}"
            )
    print()
    for name, argos, batched, gloss, engine in rows:
        speedup = gloss["rate"] / argos["rate"]
        overhead = gloss["seconds"] / gloss["sentences"] / (batched["seconds"] / batched["sentences"]) - 1
        peak = max(argos["peak_rss_mb"], batched["peak_rss_mb"], gloss["peak_rss_mb"])
        print(
            f"{name}: glossary pipeline {speedup:.1f}× the argos loop (target ≥ 3×), batched without "
            f"glossary {batched['rate'] / argos['rate']:.1f}×; glossary overhead {overhead * 100:+.1f}% "
            f"(target ≤ 10%); peak RSS {peak:.0f} MB (target ≤ 1536); glossary run: {gloss['terms']} terms, "
            f"{gloss['flags']} flags, {gloss['repaired']} repaired"
        )
        around = (gloss["seconds"] - gloss["model_seconds"]) - (batched["seconds"] - batched["model_seconds"])
        factor = gloss["model_tokens"] / batched["model_tokens"]
        print(
            f"  noise-free view of the glossary overhead: outside the model it adds {around:.2f} s "
            f"({around / gloss['seconds'] * 100:+.2f}% of the glossary run; target < 5%); engine-token factor "
            f"{factor:.2f}× ({gloss['model_tokens']} vs {batched['model_tokens']} tokens; copy perf model, where "
            f"nothing is natural and every sentence with a term escalates: target ≤ 2×)"
        )
        print(
            f"  glossary run: verdicts {gloss['verdicts']}, enforced by {gloss['methods']}, engine calls "
            f"{gloss['calls']}"
        )
        print("  stage seconds (glossary run): " + ", ".join(f"{k} {v:.2f}" for k, v in gloss["timings"].items()))
        e_argos = engine["sentences"] / engine["argos_seconds"]
        e_batched = engine["sentences"] / engine["batched_seconds"]
        print(
            f"  engine alone on the argos sample ({engine['sentences']} sentences, no translate-kit code): "
            f"argos's calls {e_argos:.2f} sent/s, the pipeline's calls {e_batched:.2f} sent/s = "
            f"{e_batched / e_argos:.1f}× (what batching alone gives on this machine; a sample under a few "
            f"hundred sentences fills too few batches to show it)"
        )


if __name__ == "__main__":
    main()
