"""What ``translate-kit check`` costs per segment pair in machine instructions: a figure that the machine's
load, clock and neighbours do not move (wall-clock and CPU seconds on a shared virtual machine vary by ±30%
from run to run; instruction counts by well under 1%).

Runs bench_check's pairs and synthetic glossary under valgrind's callgrind twice in fresh interpreters, once
checking ``--pairs`` pairs and once checking none (same imports, glossary build and warm-up), and prints the
difference divided by the pairs: the instructions the check itself executes per pair. ``--kinds`` adds one
line per check kind, run alone (each alone also pays the shared per-pair work it reads: term accounting for
the term checks, the number comparison for number-mismatch). ``--tree`` measures another checkout of the
project (e.g. a worktree of an older commit) with this script, for a before/after ratio.

    .venv/bin/python bench/bench_check_instructions.py                       # ~2 min; needs valgrind
    .venv/bin/python bench/bench_check_instructions.py --kinds doubled-word,number-mismatch
    .venv/bin/python bench/bench_check_instructions.py --tree ../old-checkout
    .venv/bin/python bench/bench_check_instructions.py --entries 10000    # bench_check's target size

Instructions are not time (cache misses and branch mispredictions are not counted), but for pure-Python work
like this they track it closely, so a change that removes instructions makes the check faster everywhere.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: the measured program, run in a fresh interpreter: argv = tree, pairs to check, kinds ("" for every kind),
#: pairs to make (the same number in both runs), glossary entries
PROGRAM = """
import gc, sys
tree, n, only, PAIRS, ENTRIES = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
sys.path.insert(0, tree + "/bench")
import bench_check as b  # (it puts its own tree first on sys.path)
import translate_kit
from translate_kit.checks import REGISTRY, CheckConfig, Checker
assert translate_kit.__file__.startswith(tree), translate_kit.__file__
gc.disable()
kinds = only.split(",") if only else list(REGISTRY)
config = CheckConfig(disabled=frozenset(k for k in REGISTRY if k not in kinds))
pairs = b.make_pairs(PAIRS, b.make_glossary(100).entries)  # the same pairs made in both runs
checker = Checker(b.make_glossary(ENTRIES), config)
checker.run(pairs[:200])  # compiles the regular expressions, fills caches of fixed size
try:  # loaded on first use (source-typo asks it about a candidate): load it before the measured run
    from translate_kit.corpus.lexicon import common_words
    common_words()
except ImportError:  # a tree without it
    pass
checker.analyzer.typos.clear_cache()  # the measured run starts cold, as in bench_check
if n:
    checker.run(pairs[:n])
"""


def instructions(tree: Path, pairs: int, kinds: str, measured: int, entries: int = 1000) -> int:
    """The instructions callgrind counts for PROGRAM (whole interpreter run)."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # the same set and dict orders in every run
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", PROGRAM]
        + [str(tree), str(pairs), kinds, str(max(measured, 200)), str(entries)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    found = re.search(r"Collected\s*:\s*(\d+)", proc.stderr)
    if proc.returncode != 0 or not found:
        sys.exit(f"callgrind run failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    return int(found.group(1))


def per_pair(tree: Path, pairs: int, kinds: str = "", entries: int = 1000) -> int:
    run = instructions(tree, pairs, kinds, pairs, entries)
    return (run - instructions(tree, 0, kinds, pairs, entries)) // pairs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=2000, help="pairs checked in the measured run")
    ap.add_argument("--kinds", default="", help="comma-separated check kinds to measure alone as well")
    ap.add_argument("--tree", type=Path, help="another checkout of translate-kit to measure the same way")
    ap.add_argument("--entries", type=int, default=1000, help="synthetic glossary entries")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    trees = [ROOT] + ([args.tree.resolve()] if args.tree else [])
    print(f"instructions per pair, {args.pairs} bench_check pairs, {args.entries:,}-entry glossary (callgrind)")
    totals = {}
    for tree in trees:
        totals[tree] = per_pair(tree, args.pairs, entries=args.entries)
        print(f"  {str(tree):<40} every check  {totals[tree]:>9,}")
        if args.kinds:
            none = per_pair(tree, args.pairs, "none-at-all", args.entries)
            print(f"  {'':<40} no check     {none:>9,}  (the runner and contexts)")
            for kind in args.kinds.split(","):
                alone = per_pair(tree, args.pairs, kind, args.entries)
                print(f"  {'':<40} {kind:<12} {alone:>9,}  (+{alone - none:,} over no check)")
    if args.tree:
        print(f"  ratio {ROOT.name} / {args.tree.name}: {totals[ROOT] / totals[trees[1]]:.3f}")


if __name__ == "__main__":
    main()
