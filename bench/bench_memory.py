#!/usr/bin/env python
"""What the translation memory costs and saves, on the perf model (DESIGN.md §4) and N eval sentences.

Each run is the real command (``translate-kit translate IN -o OUT --glossary G``) in a subprocess, timed from
outside, its engine figures read from ``report.json``:

1. full run into a fresh directory (empty memory);
2. the same command again (everything from the memory; nothing rewritten);
3. after changing one entry's English form (the entry applied most often): target ≤ 5% of the full run's
   time and 0 engine tokens;
4. after adding an entry whose Indonesian word is in ~10% of the sentences: engine tokens ≈ those sentences';
5. resume: a fresh directory, the run killed (SIGKILL) once the memory holds half of the batch, then the same
   command: time ≈ the remaining part;
6. Ctrl-C: a fresh directory, SIGINT 20 s into the run (inside an engine call): seconds until the process has
   exited (target ≤ 2 s);

then the memory's size per segment and the lookup overhead (the memory's share of a full run: the translate
stage of run 2, where every engine input is a memory hit, plus the time to store every segment; target ≤ 2%).

usage: bench/bench_memory.py [--sentences 1000]   (builds the perf model into bench/out/ like bench_translate)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_translate import EVAL_FILES, OUT, REPO, build_model, count_sentences  # noqa: E402

WORK = OUT / "memory"


def make_inputs(n: int) -> Path:
    """Eval paragraphs (one per line) as articles of 20 lines each, at least ``n`` sentences in all."""
    d = WORK / f"in-{n}"
    if d.exists():
        return d
    lines, count = [], 0
    for f in EVAL_FILES:
        for line in f.read_text(encoding="utf-8").splitlines():
            if count < n and line.strip():
                lines.append(line)
                count += count_sentences(line)
    d.mkdir(parents=True)
    for i in range(0, len(lines), 20):
        (d / f"article{i // 20:03d}.txt").write_text("\n".join(lines[i : i + 20]) + "\n", encoding="utf-8")
    return d


def translate(
    env: dict, src: Path, out: Path, glossary: Path, *, kill_at: float | None = None, sigint_after: float | None = None
) -> dict:
    """One CLI run; ``kill_at``: SIGKILL once the memory holds that many segments; ``sigint_after``: seconds."""
    cmd = [
        sys.executable,
        "-c",
        "from translate_kit.cli import main; main()",
        "translate",
        str(src),
        "-o",
        str(out),
        "--glossary",
        str(glossary),
        "--no-progress",
    ]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    signalled = None
    while proc.poll() is None:
        time.sleep(0.05)
        if kill_at is not None and rows(out) >= kill_at:
            proc.send_signal(signal.SIGKILL)
            signalled = time.perf_counter()
            break
        if sigint_after is not None and time.perf_counter() - t0 >= sigint_after:
            proc.send_signal(signal.SIGINT)
            signalled = time.perf_counter()
            break
    _, err = proc.communicate()
    done = time.perf_counter()
    result = {"seconds": done - t0, "rc": proc.returncode, "stderr": err.strip().splitlines()[-1:] or [""]}
    if signalled is not None:
        result["after_signal"] = done - signalled
        result["rows"] = rows(out)
    elif proc.returncode != 0:
        sys.exit(f"translate failed ({proc.returncode}):\n{err[-3000:]}")
    else:
        result["report"] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return result


def rows(out: Path) -> int:
    path = out / ".translate-kit" / "memory.sqlite"
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT count(*) FROM segments").fetchone()[0]
    except sqlite3.Error:
        return 0


def most_applied_entry(report: dict) -> str:
    """The Indonesian form of the entry with an English form of its own applied most often (report 'terms':
    'Korut → North Korea'; 'NATO → NATO' is a no-translate entry, it has no English form to change)."""

    def source(label: str) -> str:  # "Meksiko [country] → Mexico": msgid "Meksiko" (msgctxt "country")
        return re.sub(r" \[[^\]]*\]$", "", label.split(" → ")[0])

    labels = [t for t in report["terms"] if source(t) != t.split(" → ")[-1]] or list(report["terms"])
    return source(max(labels, key=report["terms"].get))


def change_english(glossary: Path, source: str) -> None:
    for po in glossary.glob("*.po"):
        text = po.read_text(encoding="utf-8")
        m = re.search(r'(?m)^msgid "' + re.escape(source) + r'"\nmsgstr "([^"\n]*)"', text)
        if m:
            start, end = m.span(1)
            po.write_text(text[:start] + m.group(1) + " (changed)" + text[end:], encoding="utf-8")
            return
    raise SystemExit(f"entry {source!r} not found in {glossary}")


def word_in_tenth(src: Path, glossary: Path) -> tuple[str, int, int]:
    """A lower-case word of ≥ 5 letters in the sentences closest to 10% of them, not a glossary form."""
    from translate_kit.corpus.segment import split_sentences

    sentences = [s.text for p in sorted(src.glob("*.txt")) for s in split_sentences(p.read_text(encoding="utf-8"))]
    known = set(
        re.findall(r'(?m)^msgid "([^"]+)"', "".join(p.read_text(encoding="utf-8") for p in glossary.glob("*.po")))
    )
    counts = Counter(w for s in sentences for w in set(re.findall(r"\b[a-z]{5,}\b", s)) if w not in known)
    word = min(counts, key=lambda w: abs(counts[w] - len(sentences) / 10))
    return word, counts[word], len(sentences)


def store_seconds(out: Path) -> tuple[float, int]:
    """Seconds to store every segment of ``out``'s memory again, one chunk-sized transaction at a time."""
    from translate_kit.translation.memory import MemoryStore

    path = out / ".translate-kit" / "memory.sqlite"
    with sqlite3.connect(path) as db:
        pairs = db.execute("SELECT input, output FROM segments").fetchall()
    target = WORK / "store-test.sqlite"
    for p in WORK.glob("store-test.sqlite*"):
        p.unlink()
    t0 = time.perf_counter()
    with MemoryStore(target) as store:
        engine = store.engine_id("bench", {})
        for i in range(0, len(pairs), 250):
            store.put_many(engine, "translate", pairs[i : i + 250])
    return time.perf_counter() - t0, len(pairs)


def size_per_segment(out: Path) -> tuple[float, float, int]:
    path = out / ".translate-kit" / "memory.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        n, text = db.execute(
            "SELECT count(*), sum(length(CAST(input AS BLOB)) + length(CAST(output AS BLOB))) FROM segments"
        ).fetchone()
    size = sum(p.stat().st_size for p in path.parent.glob("memory.sqlite*"))
    return size / n, text / n, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=1000)
    ap.add_argument("--reuse-full", action="store_true", help="reuse the full run of an earlier bench run")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    env = dict(
        os.environ,
        ARGOS_PACKAGES_DIR=str(OUT / "packages"),
        XDG_DATA_HOME=str(OUT / "xdg-data"),
        XDG_CONFIG_HOME=str(OUT / "xdg-config"),
        XDG_CACHE_HOME=str(OUT / "xdg-cache"),
        CI="1",
        PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    )
    (OUT / "packages").mkdir(exist_ok=True)
    build_model(env)
    WORK.mkdir(parents=True, exist_ok=True)
    src = make_inputs(args.sentences)
    glossary = WORK / "glossary"
    for d in [glossary, *(p for p in WORK.glob("out-*") if not (args.reuse_full and p.name == "out-main"))]:
        shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(REPO / "glossary", glossary)
    print(f"machine: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f} (shared: noisy wall-clock figures)")
    run_all(env, src, glossary, args.reuse_full)


def line(name: str, r: dict, full: dict | None = None) -> None:
    mem = r["report"]["memory"]
    share = f" = {r['seconds'] / full['seconds'] * 100:.1f}% of the full run" if full else ""
    print(
        f"{name:<34} {r['seconds']:8.1f} s{share}; engine inputs {mem.get('missing', 0)}, engine tokens "
        f"{mem.get('engine_tokens', 0)}, memory hits {mem.get('hits', 0)}; files "
        f"{r['report']['totals']['translated']} rewritten, {r['report']['totals']['skipped']} unchanged"
    )


def run_all(env: dict, src: Path, glossary: Path, reuse: bool) -> None:
    out = WORK / "out-main"
    saved = WORK / f"full-{src.name}.json"
    if reuse and saved.exists() and out.exists():  # a full run of an earlier, interrupted bench run
        full = json.loads(saved.read_text(encoding="utf-8"))
        print("(full run reused from an earlier bench run of the same inputs)")
    else:
        full = translate(env, src, out, glossary)
        saved.write_text(json.dumps(full), encoding="utf-8")
    rep = full["report"]
    print(
        f"{rep['totals']['sentences']} sentences, {rep['totals']['files']} files, "
        f"{rep['totals']['terms_applied']} terms applied"
    )
    line("1 full run", full)
    line("2 same command again", translate(env, src, out, glossary), full)
    again = translate(env, src, out, glossary)
    entry = most_applied_entry(rep)
    change_english(glossary, entry)
    line(f"3 English of {entry!r} changed", translate(env, src, out, glossary), full)
    word, n, total = word_in_tenth(src, glossary)
    with open(glossary / "bench-added.po", "w", encoding="utf-8") as fh:
        fh.write(
            f'msgid ""\nmsgstr ""\n"Language: id\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            f'msgid "{word}"\nmsgstr "{word.upper()}"\n'
        )
    added = translate(env, src, out, glossary)
    line(f"4 entry {word!r} added ({n}/{total} sent.)", added, full)
    print(
        f"{'':<34} engine tokens {added['report']['memory']['engine_tokens']} = "
        f"{added['report']['memory']['engine_tokens'] / rep['memory']['engine_tokens'] * 100:.1f}% of the full "
        f"run's; the word is in {n / total * 100:.1f}% of the sentences"
    )
    (glossary / "bench-added.po").unlink()

    resume_dir = WORK / "out-resume"
    half = rep["memory"]["missing"] / 2
    killed = translate(env, src, resume_dir, glossary, kill_at=half)
    resumed = translate(env, src, resume_dir, glossary)
    print(
        f"5 killed at {killed['rows']} of {rep['memory']['missing']} engine inputs after {killed['seconds']:.1f} s;"
        f" resume {resumed['seconds']:.1f} s = {resumed['seconds'] / full['seconds'] * 100:.1f}% of the full run "
        f"for the {resumed['report']['memory']['missing']} engine inputs the memory lacked "
        f"({resumed['report']['memory']['engine_tokens'] / rep['memory']['engine_tokens'] * 100:.1f}% of the "
        "engine tokens: the longest sentences come last)"
    )
    interrupted = translate(env, src, WORK / "out-sigint", glossary, sigint_after=20)
    print(
        f"6 Ctrl-C 20 s into a run: exited {interrupted['after_signal']:.2f} s after SIGINT, rc "
        f"{interrupted['rc']}, {interrupted['rows']} segments kept; {interrupted['stderr'][0][:100]}"
    )

    per, text, n = size_per_segment(out)
    print(f"memory: {n} segments, {per:.0f} bytes per segment on disk ({text:.0f} bytes of input + output text)")
    put, m = store_seconds(out)
    lookup = again["report"]["timings"]["translate"]
    share = (lookup + put * rep["memory"]["missing"] / m) / full["report"]["timings"]["total"]
    print(
        f"lookup overhead: all-hit translate stage {lookup:.2f} s + storing {m} segments {put:.2f} s = "
        f"{share * 100:.2f}% of the full run's {full['report']['timings']['total']:.1f} s (target ≤ 2%)"
    )


if __name__ == "__main__":
    main()
