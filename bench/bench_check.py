"""Speed of ``translate-kit check``: segments per second on one core, and how it scales with glossary size.

Segments are real human translation pairs from ../shared/eval (read in place), a third of them with
glossary terms inserted (mostly rendered correctly, some forbidden, missing or left untranslated). The
glossary is synthetic but shaped like a real one: abbreviations (case-sensitive), person names with a
forbidden hyphenated spelling, ministries, agencies, cities and islands, with variants and admitted forms.

    .venv/bin/python bench/bench_check.py [--segments 20000] [--sizes 100,10000,100000] [--repeat 3] [--breakdown]

Prints glossary build time, check time and segments/s per glossary size, and the ratio to the smallest.
Times are CPU seconds of this process (time.process_time, pinned to one core), so that other work on a
shared machine does not distort them; wall-clock seconds are printed beside them.
Target: >= 20,000 segments/s with 10,000 entries, nearly flat from 100 to 100,000 entries.
``--breakdown`` times each part of a run alone (10,000 entries) and prints what the whole run adds beyond them.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translate_kit.checks import CheckConfig, Checker  # noqa: E402
from translate_kit.corpus.pairing import Segment, SegmentPair, pair  # noqa: E402
from translate_kit.glossary.model import Entry, Glossary  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"
SETS = [
    "ntrex128/test",
    "flores200/devtest",
    "ud_pud/test",
    "tico19/test",
    "panl_bppt/eco",
    "panl_bppt/int",
    "panl_bppt/sci",
    "panl_bppt/spo",
]
ONSETS = "b c d f g h j k l m n p r s t w y ng ny kh sy".split()
VOWELS = "a i u e o a a i".split()


def word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables)).capitalize()


def make_glossary(n: int, seed: int = 7) -> Glossary:
    """``n`` distinct synthetic entries of realistic shapes."""
    rng = random.Random(seed)
    entries, seen = [], set()
    while len(entries) < n:
        shape = rng.random()
        a, b = word(rng, rng.randint(2, 3)), word(rng, rng.randint(2, 4))
        if shape < 0.15:
            src = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUW") for _ in range(rng.randint(3, 5)))
            e = Entry(src, f"{a} {b} Agency", flags=["case-sensitive"], admitted=[src])
        elif shape < 0.45:
            name = f"{a} {b}"
            e = Entry(name, name, forbidden=[f"{a}-{b.lower()}"])
        elif shape < 0.65:
            e = Entry(
                f"Kementerian {a} {b}",
                f"{a} {b} Ministry",
                variants=[f"Kemen{a.lower()}"],
                admitted=[f"Ministry of {a} {b}"],
            )
        elif shape < 0.8:
            e = Entry(f"Badan {a} {b}", f"{a} {b} Board", forbidden=[f"Board {a} {b}"])
        elif shape < 0.92:
            e = Entry(f"Kota {a}{b.lower()}", f"{a}{b.lower()} City", admitted=[f"{a}{b.lower()}"])
        else:
            e = Entry(f"Pulau {a}", f"{a} Island", forbidden=[f"Island {a}"])
        if e.source in seen:
            continue
        seen.add(e.source)
        e.path, e.line = Path("glossary/synthetic.po"), 5 * len(entries) + 1
        entries.append(e)
    return Glossary(entries=entries)


def make_pairs(n: int, terms: list[Entry], seed: int = 11) -> list[SegmentPair]:
    """``n`` real pairs (cycled), a third with a term inserted (5% of them misspelt); 100 pairs per document."""
    rng = random.Random(seed)
    real = []
    for name in SETS:
        for p in pair(SHARED / f"{name}.id", SHARED / f"{name}.en"):
            if p.source and p.target and p.target.text:
                real.append((p.source.text, p.target.text))
    out = []
    for i in range(n):
        src, tgt = real[i % len(real)]
        if rng.random() < 1 / 3:
            e = rng.choice(terms)
            r = rng.random()
            rendering = (
                e.preferred if r < 0.85 else e.forbidden[0] if e.forbidden and r < 0.9 else e.source if r < 0.95 else ""
            )
            term = e.source
            if rng.random() < 0.05 and len(term) >= 6:  # a misspelt source term now and then
                k = len(term) // 2
                term = term[:k] + term[k + 1] + term[k] + term[k + 2 :]
            src, tgt = f"{src} Menurut {term}.", f"{tgt} According to {rendering}."
        doc = f"doc{i // 100:05d}.txt"
        out.append(SegmentPair(Segment(doc, i % 100 + 1, src), Segment(doc, i % 100 + 1, tgt), doc))
    return out


def one_core() -> None:
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass


def breakdown(pairs: list[SegmentPair], glossary: Glossary, repeat: int) -> None:
    """Microseconds per pair of each part of a run, each timed alone over all pairs (best of ``repeat``);
    what a whole run spends beyond their sum is the runner's own work and the parts evicting each other's
    tables from the processor caches."""
    from translate_kit.checks import REGISTRY
    from translate_kit.checks.context import PairContext, account
    from translate_kit.checks.numbers import compare

    repeat = max(repeat, 3)  # a first pass warms regexes and caches up
    checker = Checker(glossary, CheckConfig())
    analyzer = checker.analyzer
    sources = [p.source.text for p in pairs]
    targets = [p.target.text for p in pairs]
    found = [analyzer.source.find(s) for s in sources]

    def contexts(cold: bool = False):
        if cold:
            analyzer.typos.clear_cache()
        out = [PairContext(p, analyzer) for p in pairs]
        for ctx in out:
            _ = (ctx.terms, ctx.numbers, ctx.target_words)  # shared data first: the checks are timed alone
        return out

    def best(run, setup=lambda: None) -> float:
        times = []
        for _ in range(repeat):
            arg = setup()
            t0 = time.process_time()
            run(arg)
            times.append(time.process_time() - t0)
        return min(times) / len(pairs) * 1e6

    # every pair check, grouped by its module (so a new check is never left out of the breakdown); the
    # shared data is computed before them, and the typo index starts cold, as in a run
    by_module: dict[str, list] = {}
    for check in REGISTRY.values():
        if check.scope == "pair":
            by_module.setdefault(check.func.__module__.rsplit(".", 1)[-1], []).append(check)
    parts = {
        "source terms (matcher over the source)": best(lambda _: [analyzer.source.find(s) for s in sources]),
        "term accounting (untranslated terms, renderings)": best(
            lambda _: [account(f, t, analyzer.target, analyzer.untranslated) for f, t in zip(found, targets)]
        ),
        "number comparison": best(lambda _: [compare(s, t) for s, t in zip(sources, targets)]),
        "the translation's words (lower-cased, split)": best(lambda _: [t.lower().split() for t in targets]),
    }
    for module, checks in by_module.items():
        funcs = [c.func for c in checks]
        names = ", ".join(c.name for c in checks)
        label = names if len(names) <= 48 else f"{module} checks ({len(checks)})"
        parts[label] = best(lambda cs, funcs=funcs: [f(c) for f in funcs for c in cs], lambda: contexts(cold=True))
    docs = [c.func for c in REGISTRY.values() if c.scope == "document"]
    parts["document checks (inconsistent-term)"] = best(
        lambda cs: [f(cs[i : i + 100]) for f in docs for i in range(0, len(cs), 100)], contexts
    )
    whole = best(lambda _: checker.run(pairs), analyzer.typos.clear_cache)
    print(f"\nmicroseconds per pair, {len(glossary):,} entries (each part timed alone, best of {repeat})")
    for name, us in parts.items():
        print(f"  {name:<50} {us:6.1f}")
    print(f"  {'runner, report, cache interplay (the rest)':<50} {whole - sum(parts.values()):6.1f}")
    print(f"  {'whole run':<50} {whole:6.1f}  ({1e6 / whole:,.0f} segments/s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--segments", type=int, default=20000)
    ap.add_argument("--sizes", default="100,1000,10000,100000")
    ap.add_argument("--repeat", type=int, default=3, help="best of N timings")
    ap.add_argument("--profile", action="store_true", help="cProfile the 10,000-entry run")
    ap.add_argument(
        "--breakdown", action="store_true", help="microseconds per pair spent in each check (10,000 entries)"
    )
    args = ap.parse_args()
    one_core()
    gc.disable()  # as `translate-kit check` runs its checks (cli.process.gc_paused); the library never does
    sizes = [int(s) for s in args.sizes.split(",")]
    base = make_glossary(100)
    pairs = make_pairs(args.segments, base.entries)
    print(f"{len(pairs)} segment pairs from {len(SETS)} real test sets, a third with inserted terms; one core")
    print(
        f"{'entries':>8} {'build s':>8} {'check s':>8} {'segments/s':>11} {'vs first':>9} {'wall s':>7} "
        f"{'violations':>11}"
    )
    first = None
    for n in sizes:
        glossary = make_glossary(n)  # the first 100 entries are the same in every size
        t0 = time.process_time()
        checker = Checker(glossary, CheckConfig())  # matchers and typo index, built once
        build = time.process_time() - t0
        best, wall, report = None, None, None
        for _ in range(args.repeat):
            checker.analyzer.typos.clear_cache()  # every timed run starts cold, like a real batch
            t0, w0 = time.process_time(), time.perf_counter()
            report = checker.run(pairs)
            dt = time.process_time() - t0
            if best is None or dt < best:
                best, wall = dt, time.perf_counter() - w0
        rate = len(pairs) / best
        first = first or rate
        print(
            f"{n:>8} {build:>8.2f} {best:>8.2f} {rate:>11,.0f} {rate / first:>9.2f} {wall:>7.2f} "
            f"{len(report.violations):>11}"
        )
    if args.breakdown:
        breakdown(pairs, make_glossary(10000), args.repeat)
    if args.profile:
        import cProfile
        import pstats

        from translate_kit.checks import run_check  # noqa: F401  (named in the profiled statement)

        glossary = make_glossary(10000)
        cProfile.runctx("run_check(pairs, glossary, CheckConfig())", globals(), locals(), "/tmp/bench_check.prof")
        pstats.Stats("/tmp/bench_check.prof").sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
