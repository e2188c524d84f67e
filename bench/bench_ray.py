#!/usr/bin/env python
"""What the Ray Data backend costs and gives: ``translate`` locally vs ``--backend ray`` with 1 and 2 workers.

On the perf model of DESIGN.md §4 (built and installed as bench_translate.py does, under bench/out/), over the
first N eval sentences (ntrex128 test.id, then guntara2020_news), each run in a fresh subprocess through the
same library path as ``translate-kit translate`` (translate_documents with the engine from open_engine, no
glossary, so only the engine differs):

- ``local``          BatchTranslator on this machine's CPUs (two batches side by side);
- ``ray, 1 worker``  a Ray started for the run, one worker with all CPUs;
- ``ray, 2 workers`` the same with two workers sharing the CPUs.

Prints per run: wall seconds (including Ray's start and the workers' model load), the seconds until the first
batch came back, sentences/s and tokens/s over the whole run and over the decoding part, per-worker
throughput, Ray's overhead against the local run, and whether the outputs are byte-identical to the local
run's. Needs the ray extra (pip install -e '.[ray]'). On a GPU machine, ``--device cuda`` times the GPU.
usage: bench/bench_ray.py [--sentences 300] [--device auto|cpu|cuda]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import bench_translate as bt  # noqa: E402  (the perf model and eval inputs, built the same way)


def worker(input_dir: Path, backend: str, workers: int, device: str) -> dict:
    from translate_kit.engine import EngineConfig, find_package, open_engine
    from translate_kit.engine.ray_backend import RayOptions
    from translate_kit.glossary.model import Glossary
    from translate_kit.translation import TranslateOptions, translate_documents

    t0 = time.perf_counter()
    config = EngineConfig(device=device, backend=backend, ray=RayOptions(workers=workers) if backend == "ray" else None)
    first: list[float] = []
    with open_engine(find_package(), config) as engine, tempfile.TemporaryDirectory() as out:

        def progress(done: int, total: int) -> None:
            if not first:
                first.append(time.perf_counter() - t0)

        tokens = [0]
        translate = engine.translate

        def counted(sentences, progress=None, **kwargs):  # kwargs: on_batch (the memory streams batches)
            tokens[0] += sum(len(engine.tokenize(s)) for s in sentences if s.strip())
            return translate(sentences, progress=progress, **kwargs)

        engine.translate = counted
        report = translate_documents(
            [input_dir],
            Path(out),
            glossary=Glossary(),
            options=TranslateOptions(force=True, progress=progress),
            translator=engine,
        )
        seconds = time.perf_counter() - t0
        digest = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(Path(out).rglob("*.txt")))).hexdigest()
        describe = engine.describe()
    return {
        "sentences": report.sentences,
        "tokens": tokens[0],
        "seconds": seconds,
        "first": first[0] if first else seconds,
        "translate": report.timings.get("translate", 0.0),
        "digest": digest,
        "device": describe.get("device"),
        "compute_type": describe.get("compute_type"),
        "resources": [describe.get("cpus_per_worker"), describe.get("gpus_per_worker")],
    }


def run(env: dict, *args: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--worker", *args], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"run {args} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=300, help="eval sentences per run")
    ap.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    ap.add_argument("--worker", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        input_dir, backend, workers, device = args.worker
        print(json.dumps(worker(Path(input_dir), backend, int(workers), device)))
        return

    bt.OUT.mkdir(parents=True, exist_ok=True)
    env = dict(
        os.environ,
        ARGOS_PACKAGES_DIR=str(bt.OUT / "packages"),
        XDG_DATA_HOME=str(bt.OUT / "xdg-data"),
        XDG_CONFIG_HOME=str(bt.OUT / "xdg-config"),
        XDG_CACHE_HOME=str(bt.OUT / "xdg-cache"),
        PYTHONPATH=str(bt.REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    )
    (bt.OUT / "packages").mkdir(exist_ok=True)
    bt.build_model(env)
    input_dir = bt.make_inputs(args.sentences)
    print(f"machine: {os.cpu_count()} CPUs (shared machines give noisy figures); device {args.device}")
    runs = [("local", "local", 1), ("ray, 1 worker", "ray", 1), ("ray, 2 workers", "ray", 2)]
    results = [
        (name, workers, run(env, str(input_dir), backend, str(workers), args.device)) for name, backend, workers in runs
    ]
    base = results[0][2]
    print(
        f"\n{'run':<15} {'sent':>5} {'tokens':>7} {'wall s':>7} {'1st s':>6} {'sent/s':>7} {'tok/s':>6} "
        f"{'decode s':>8} {'sent/s':>7} {'per worker':>10} {'identical':>9}"
    )
    for name, workers, r in results:
        decode = max(r["translate"] - max(0.0, r["first"] - base["first"]), 1e-9)
        print(
            f"{name:<15} {r['sentences']:>5} {r['tokens']:>7} {r['seconds']:>7.1f} {r['first']:>6.1f} "
            f"{r['sentences'] / r['seconds']:>7.2f} {r['tokens'] / r['seconds']:>6.0f} {decode:>8.1f} "
            f"{r['sentences'] / decode:>7.2f} {r['sentences'] / decode / workers:>10.2f} "
            f"{'yes' if r['digest'] == base['digest'] else 'NO':>9}"
        )
    print(
        f"\n(device {base['device']}, compute type {base['compute_type']}; 'decode s': the translate stage "
        "less the extra wait for the first batch over the local run: Ray's start, the workers' start and model load)"
    )
    for name, _workers, r in results[1:]:
        print(
            f"{name}: wall {r['seconds'] / base['seconds']:.2f}× the local run ({r['seconds'] - base['seconds']:+.1f} s); "
            f"first batch back after {r['first']:.1f} s (local {base['first']:.1f} s); CPUs/GPUs per worker "
            f"{r['resources']}"
        )


if __name__ == "__main__":
    main()
