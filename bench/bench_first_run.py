"""The first run a newcomer makes: `translate-kit model install demo`, then the main job
`translate-kit translate corpus/id -o OUT`, each in a fresh subprocess with a private ARGOS_PACKAGES_DIR.

Prints wall-clock and CPU seconds (user + system of the subprocess) of both, the warning lines the main job
printed, and its own timings from report.json. Wall-clock figures are noisy on a shared machine; the CPU
seconds are what the run costs wherever it runs (two decoding workers: on 2 idle cores, wall ≈ CPU / 2 plus
the start-up).

    .venv/bin/python bench/bench_first_run.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "translate_kit"]


def timed(argv: list[str], env: dict) -> tuple[float, float, subprocess.CompletedProcess]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, cwd=REPO, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr.strip()}")
    return wall, cpu, proc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs of the main job (fresh output each time)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-first-run-") as tmp:
        env = {**os.environ, "ARGOS_PACKAGES_DIR": str(Path(tmp) / "packages"), "CI": "1"}
        wall, cpu, _ = timed([*CLI, "model", "install", "demo"], env)
        print(f"model install demo: {wall:.2f} s wall, {cpu:.2f} s CPU")
        for run in range(args.repeat):
            out = Path(tmp) / f"en{run}"
            wall, cpu, proc = timed([*CLI, "translate", "corpus/id", "-o", str(out)], env)
            warnings = [ln for ln in proc.stderr.splitlines() if "warning" in ln]
            timings = json.loads((out / "report.json").read_text(encoding="utf-8"))["timings"]
            print(
                f"translate corpus/id: {wall:.2f} s wall, {cpu:.2f} s CPU, {len(warnings)} warning line(s); "
                f"report timings: translate {timings['translate']:.2f} s, total {timings['total']:.2f} s"
            )
            for line in warnings:
                print(f"  {line}")
    print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
