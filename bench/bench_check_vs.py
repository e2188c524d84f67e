"""``translate-kit check`` speed against another checkout, on the same machine in the same minutes.

Seconds depend on the machine (one host here runs the same code at half the speed of another) and on its
neighbours, so a figure such as "20,000 segments/s" compares only with a figure from the same host. This
script runs ``bench/bench_check.py`` of this tree and of ``--tree`` (e.g. a git worktree of an older
commit) alternately, each in a fresh interpreter pinned to one core, and prints every run's segments/s,
each tree's median and the ratio of the medians: a before/after figure that the host does not move.

    git worktree add ../before <commit>          # the other tree needs ../shared beside it, as this one
    .venv/bin/python bench/bench_check_vs.py --tree ../before [--rounds 5] [--entries 10000]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rate(tree: Path, entries: int, repeat: int) -> float:
    """Segments/s of ``tree``'s bench_check at ``entries`` (best of ``repeat`` runs, CPU time, one core)."""
    cmd = [sys.executable, str(tree / "bench" / "bench_check.py"), "--sizes", str(entries), "--repeat", str(repeat)]
    proc = subprocess.run(cmd, cwd=tree, capture_output=True, text=True, check=False)
    for line in proc.stdout.splitlines():
        cells = line.split()
        if len(cells) >= 4 and cells[0] == str(entries):
            return float(cells[3].replace(",", ""))
    sys.exit(f"{tree}: bench_check printed no figure for {entries} entries (exit {proc.returncode}):\n"
             f"{(proc.stderr or proc.stdout).strip()[-2000:]}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", type=Path, required=True, help="the other checkout of translate-kit")
    ap.add_argument("--rounds", type=int, default=5, help="runs of each tree, alternating")
    ap.add_argument("--entries", type=int, default=10000, help="glossary size (bench_check's target: 10,000)")
    ap.add_argument("--repeat", type=int, default=3, help="bench_check's best of N within a run")
    args = ap.parse_args()
    other = args.tree.resolve()
    trees = {"this": ROOT, "other": other}
    rates: dict[str, list[float]] = {name: [] for name in trees}
    print(f"bench_check, {args.entries:,} entries, one core: this tree ({ROOT}) and the other ({other}), alternating")
    for i in range(args.rounds):
        for name, tree in trees.items() if i % 2 == 0 else reversed(trees.items()):
            rates[name].append(rate(tree, args.entries, args.repeat))
            print(f"  round {i + 1}  {name:<5} {rates[name][-1]:>9,.0f} segments/s", flush=True)
    mine, theirs = statistics.median(rates["this"]), statistics.median(rates["other"])
    print(f"median: this {mine:,.0f}, other {theirs:,.0f} segments/s; ratio this / other {mine / theirs:.3f}")


if __name__ == "__main__":
    main()
