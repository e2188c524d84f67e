"""Speed of ``translate-kit check``: segments per second on one core, and how it scales with glossary size.

Segments are real human translation pairs from ../shared/eval (read in place), a third of them with
glossary terms inserted (mostly rendered correctly, some forbidden, missing or left untranslated). The
glossary is synthetic but shaped like a real one: abbreviations (case-sensitive), person names with a
forbidden hyphenated spelling, ministries, agencies, cities and islands, with variants and admitted forms.

    .venv/bin/python bench/bench_check.py [--segments 20000] [--sizes 100,10000,100000] [--profile]

Prints glossary build time, check time and segments/s per glossary size, and the ratio to the smallest.
Times are CPU seconds of this process (time.process_time, pinned to one core), so that other work on a
shared machine does not distort them; wall-clock seconds are printed beside them.
Target: >= 20,000 segments/s with 10,000 entries, nearly flat from 100 to 100,000 entries.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translate_kit.align import Segment, SegmentPair, pair  # noqa: E402
from translate_kit.checks import CheckConfig, Checker, run_check  # noqa: E402
from translate_kit.glossary.model import Entry, Glossary  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"
SETS = ["ntrex128/test", "flores200/devtest", "ud_pud/test", "tico19/test", "panl_bppt/eco", "panl_bppt/int",
        "panl_bppt/sci", "panl_bppt/spo"]
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
            e = Entry(f"Kementerian {a} {b}", f"{a} {b} Ministry", variants=[f"Kemen{a.lower()}"],
                      admitted=[f"Ministry of {a} {b}"])
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
            rendering = (e.preferred if r < 0.85 else e.forbidden[0] if e.forbidden and r < 0.9
                         else e.source if r < 0.95 else "")
            term = e.source
            if rng.random() < 0.05 and len(term) >= 6:  # a misspelt source term now and then
                k = len(term) // 2
                term = term[:k] + term[k + 1] + term[k] + term[k + 2:]
            src, tgt = f"{src} Menurut {term}.", f"{tgt} According to {rendering}."
        doc = f"doc{i // 100:05d}.txt"
        out.append(SegmentPair(Segment(doc, i % 100 + 1, src), Segment(doc, i % 100 + 1, tgt), doc))
    return out


def one_core() -> None:
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass


def breakdown(pairs: list[SegmentPair], glossary: Glossary) -> None:
    """Time the shared match data and each pair check separately (document checks are negligible)."""
    from translate_kit.checks import REGISTRY
    from translate_kit.checks.context import PairContext

    analyzer = Checker(glossary, CheckConfig()).analyzer
    spent: dict[str, float] = {}
    clock = time.process_time
    for p in pairs:
        ctx = PairContext(p, analyzer)
        for name, compute in (("(source terms)", lambda: ctx.source_terms), ("(term accounting)", lambda: ctx.terms),
                              ("(number comparison)", lambda: ctx.numbers)):
            t0 = clock()
            compute()
            spent[name] = spent.get(name, 0.0) + clock() - t0
        for name, check in REGISTRY.items():
            if check.scope == "pair":
                t0 = clock()
                list(check.func(ctx))
                spent[name] = spent.get(name, 0.0) + clock() - t0
    print("\nmicroseconds per pair (10,000 entries; parenthesised: shared data computed once per pair; the timers "
          "themselves add a little to each)")
    for name, sec in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<22} {sec / len(pairs) * 1e6:7.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--segments", type=int, default=20000)
    ap.add_argument("--sizes", default="100,1000,10000,100000")
    ap.add_argument("--repeat", type=int, default=3, help="best of N timings")
    ap.add_argument("--profile", action="store_true", help="cProfile the 10,000-entry run")
    ap.add_argument("--breakdown", action="store_true", help="microseconds per pair spent in each check (10,000 entries)")
    args = ap.parse_args()
    one_core()
    sizes = [int(s) for s in args.sizes.split(",")]
    base = make_glossary(100)
    pairs = make_pairs(args.segments, base.entries)
    print(f"{len(pairs)} segment pairs from {len(SETS)} real test sets, a third with inserted terms; one core")
    print(f"{'entries':>8} {'build s':>8} {'check s':>8} {'segments/s':>11} {'vs first':>9} {'wall s':>7} "
          f"{'violations':>11}")
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
        print(f"{n:>8} {build:>8.2f} {best:>8.2f} {rate:>11,.0f} {rate / first:>9.2f} {wall:>7.2f} "
              f"{len(report.violations):>11}")
    if args.breakdown:
        breakdown(pairs, make_glossary(10000))
    if args.profile:
        import cProfile
        import pstats
        glossary = make_glossary(10000)
        cProfile.runctx("run_check(pairs, glossary, CheckConfig())", globals(), locals(), "/tmp/bench_check.prof")
        pstats.Stats("/tmp/bench_check.prof").sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
