"""Benchmark: `glossary lint` on a generated 50,000-entry glossary (target: under 5 s on one core).

Usage: .venv/bin/python bench/bench_glossary_lint.py [--entries N] [--files K]

Entries are synthetic but shaped like the real glossary: multi-word names, variants, admitted and forbidden
forms, notes, some case-sensitive acronyms, some contexts and fuzzy entries, plus a sprinkling of real
problems (conflicts, unreachable forms, whitespace) so every check does its work. Also times ``--fix``.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from translate_kit.glossary.lint import fix, lint  # noqa: E402
from translate_kit.glossary.model import Entry  # noqa: E402
from translate_kit.glossary.pofile import entry_to_po, new_po_file  # noqa: E402

SYLLABLES = ["ka", "ri", "mu", "to", "se", "la", "ng", "po", "an", "di", "ku", "ba", "ra", "ne", "sa", "ja"]


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def make_entry(i: int, rng: random.Random) -> Entry:
    words = [word(rng).capitalize() for _ in range(rng.randint(1, 3))] + [f"N{i}"]
    source = " ".join(words)
    target = " ".join(w[::-1].capitalize() for w in words)
    e = Entry(source=source, target=target)
    if rng.random() < 0.5:
        e.variants = [source.replace(" ", "-"), f"{source} Raya"][: rng.randint(1, 2)]
    if rng.random() < 0.3:
        e.admitted = [f"the {target}"]
    if rng.random() < 0.3:
        e.forbidden = [f"{target} of"]
    if rng.random() < 0.4:
        e.notes = [f"Generated entry number {i} for the lint benchmark."]
    r = rng.random()
    if r < 0.1:
        e.source = f"{words[0][:3].upper()}{i}"
        e.flags = ["case-sensitive"]
    elif r < 0.13:
        e.flags = ["fuzzy"]
    elif r < 0.15:
        e.context = "domain"
    if rng.random() < 0.002:  # a few real problems
        e.target = ""
    if rng.random() < 0.002:
        e.variants.append(f"{source}  ")
    return e


def generate(directory: Path, n: int, files: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    pos = [new_po_file() for _ in range(files)]
    for i in range(n):
        pos[i % files].append(entry_to_po(make_entry(i, rng)))
    for k, po in enumerate(pos):
        (directory / f"domain{k:02d}.po").write_text(str(po), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--files", type=int, default=8)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    tmp = Path(tempfile.mkdtemp(prefix="bench-glossary-lint-"))
    try:
        generate(tmp, args.entries, args.files)
        size = sum(p.stat().st_size for p in tmp.glob("*.po"))
        print(f"glossary: {args.entries} entries in {args.files} files, {size / 1e6:.1f} MB")

        t0, c0 = time.perf_counter(), time.process_time()
        result = lint(tmp)
        lint_s, cpu_s = time.perf_counter() - t0, time.process_time() - c0
        print(
            f"lint:       {lint_s:6.2f} s wall, {cpu_s:.2f} s CPU  {result.entries / lint_s:9.0f} entries/s  "
            f"({len(result.errors)} errors, {len(result.warnings)} warnings)  "
            f"target 5 s: {'OK' if lint_s < 5 else 'MISSED'} ({lint_s / 5:.2f} of the budget)"
        )

        t0 = time.perf_counter()
        changed = fix(tmp)
        fix_s = time.perf_counter() - t0
        print(f"fix:        {fix_s:6.2f} s  {args.entries / fix_s:9.0f} entries/s  ({len(changed)} files rewritten)")

        t0 = time.perf_counter()
        changed = fix(tmp)
        refix_s = time.perf_counter() - t0
        print(f"fix again:  {refix_s:6.2f} s  ({len(changed)} files rewritten: canonical form is a fixed point)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
