"""Benchmark: `glossary diff` between two 50,000-entry git revisions (target 3 s) and `glossary diff --impact`
on 2,000 eval sentences (target 5 s).

Usage: .venv/bin/python bench/bench_glossary_diff.py [--entries N] [--files K] [--sentences N]

The 50,000-entry glossary is bench_glossary_lint's generator (entries shaped like the real glossary) committed
with the seed glossary's files in a temporary git repository; the second revision changes 250 msgstrs, adds a
variant to 250 entries, drops 100, adds 100 and moves 100 to another file, and edits the seed entries as below. Timed: the library call (git ls-tree/cat-file, diff, text
report) and the whole command in a fresh process (Python start-up and imports included), then after ``glossary
lint --fix`` of every file (entries reordered: blocks still shared) and after replacing every generated entry
(nothing shared: both revisions parsed whole, the worst case). ``--impact`` is timed on the seed glossary (glossary/) against an edited copy (a changed msgstr,
variants added, an entry added and one removed) over the first N sentences of ../shared/eval (ntrex128, then
guntara2020_news), and on the two 50,000-entry revisions (seed files included) over the same sentences.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_glossary_lint import generate  # noqa: E402

from translate_kit.cli.process import gc_paused  # noqa: E402
from translate_kit.glossary.diff import both_entries, diff_sides  # noqa: E402
from translate_kit.glossary.diff_report import to_text  # noqa: E402
from translate_kit.glossary.gitrev import read_side  # noqa: E402
from translate_kit.glossary.impact import corpus_impact  # noqa: E402
from translate_kit.glossary.lint import fix  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
ENV = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=ENV)


def edit_revision(gdir: Path, seed: int = 11) -> None:
    """Change, extend, drop, add and move entries across the files with polib (unchanged entries keep their
    exact text)."""
    import polib

    rng = random.Random(seed)
    files = sorted(gdir.glob("*.po"))
    pos = [polib.pofile(str(p), wrapwidth=78) for p in files]
    live = [(k, e) for k, po in enumerate(pos) for e in po if e.msgid]
    rng.shuffle(live)
    for _, e in live[:250]:
        e.msgstr = e.msgstr + " (new)"
    for _, e in live[250:500]:
        e.comment = (e.comment + "\n" if e.comment else "") + f"variant: {e.msgid} Baru"
    for k, e in live[500:600]:
        pos[k].remove(e)
    for k, e in live[600:700]:
        pos[k].remove(e)
        pos[(k + 1) % len(pos)].append(e)
    for i in range(100):
        pos[i % len(pos)].append(polib.POEntry(msgid=f"Entri Baru {i}", msgstr=f"New Entry {i}"))
    for po, path in zip(pos, files):
        path.write_text(str(po), encoding="utf-8")


def time_diff(repo: Path, a: str, b: str, label: str) -> None:
    t0, c0 = time.perf_counter(), time.process_time()
    with gc_paused():  # as the command runs it
        before, after = read_side(a, Path("glossary"), repo), read_side(b, Path("glossary"), repo)
        read_s = time.perf_counter() - t0
        diff = diff_sides(before, after)
        text = to_text(diff)
    lib_s, cpu_s = time.perf_counter() - t0, time.process_time() - c0
    t0, r0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-m", "translate_kit", "glossary", "diff", a, b],
        cwd=repo,
        check=True,
        capture_output=True,
        env=ENV,
    )
    cli_s, r1 = time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_CHILDREN)
    cli_cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)  # the command and its git calls
    print(
        f"diff {label:26s} {lib_s:5.2f} s in the library ({cpu_s:.2f} s CPU; {read_s:.2f} s reading both "
        "revisions with git), "
        f"{cli_s:5.2f} s as a command ({cli_cpu:.2f} s CPU); {diff.summary()}; {len(text.splitlines())} report "
        "lines  "
        f"target 3 s: {'OK' if cli_s <= 3 else 'MISSED'}"
    )


def eval_corpus(directory: Path, n: int) -> Path | None:
    lines: list[str] = []
    for name in ("ntrex128/test.id", "guntara2020_news/test.id", "guntara2020_news/valid.id"):
        path = EVAL / name
        if path.exists() and len(lines) < n:
            lines += [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()][: n - len(lines)]
    if not lines:
        return None
    out = directory / "eval.txt"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def edit_seed(gdir: Path) -> None:
    abbr = gdir / "abbreviations.po"
    text = abbr.read_text(encoding="utf-8").replace('msgstr "North Korea"', 'msgstr "DPRK"', 1)
    text = text.replace("#. variant: Korea Selatan\n", "#. variant: Korea Selatan\n#. variant: Korsel Raya\n", 1)
    abbr.write_text(text, encoding="utf-8")
    titles = gdir / "titles.po"
    titles.write_text(
        titles.read_text(encoding="utf-8") + '\nmsgid "Presiden Rusia"\nmsgstr "Russian President"\n', encoding="utf-8"
    )
    people = gdir / "people.po"
    blocks = people.read_text(encoding="utf-8").split("\n\n")
    people.write_text("\n\n".join(blocks[:1] + blocks[2:]), encoding="utf-8")  # the first entry removed


def time_impact(before_dir: Path, after_dir: Path, corpus: Path, label: str) -> None:
    t0, c0 = time.perf_counter(), time.process_time()
    with gc_paused():  # as the command runs it
        before, after = read_side(str(before_dir), Path("glossary")), read_side(str(after_dir), Path("glossary"))
        diff = diff_sides(before, after)
        impact = corpus_impact(diff, lambda: both_entries(before, after), [corpus])
    s, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"impact {label:24s} {s:5.2f} s wall, {cpu:.2f} s CPU  {impact.segments} segments, "
        f"{len(impact.changed)} would change, {len(impact.entries)} entries responsible; {diff.summary()}  "
        f"target 5 s: {'OK' if s <= 5 else 'MISSED'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--sentences", type=int, default=2_000)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-glossary-diff-"))
    try:
        repo = tmp / "repo"
        (repo / "glossary").mkdir(parents=True)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "config", "user.name", "bench")
        git(repo, "config", "user.email", "bench@example.org")
        generate(repo / "glossary", args.entries, args.files)
        for path in sorted((ROOT / "glossary").glob("*.po")):  # real terms, so that eval sentences match
            shutil.copy(path, repo / "glossary" / path.name)
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "A")
        shutil.copytree(repo / "glossary", tmp / "rev-a")
        edit_revision(repo / "glossary")
        edit_seed(repo / "glossary")
        git(repo, "commit", "-q", "-am", "B")
        shutil.copytree(repo / "glossary", tmp / "rev-b")
        size = sum(p.stat().st_size for p in (repo / "glossary").glob("*.po"))
        print(f"glossary: {args.entries} entries in {args.files} files, {size / 1e6:.1f} MB per revision")
        time_diff(repo, "HEAD~1", "HEAD", "(few hundred changes)")
        fix(repo / "glossary")
        git(repo, "commit", "-q", "-am", "C")
        time_diff(repo, "HEAD~1", "HEAD", "(lint --fix of every file)")
        for path in (repo / "glossary").glob("domain*.po"):
            path.unlink()
        generate(repo / "glossary", args.entries, args.files, seed=8)
        git(repo, "commit", "-q", "-am", "D")
        time_diff(repo, "HEAD~1", "HEAD", "(every entry replaced)")

        corpus = eval_corpus(tmp, args.sentences)
        if corpus is None:
            print(f"impact: skipped, {EVAL} is missing")
            return
        seed_a, seed_b = tmp / "seed-a", tmp / "seed-b"
        shutil.copytree(ROOT / "glossary", seed_a)
        shutil.copytree(ROOT / "glossary", seed_b)
        edit_seed(seed_b)
        time_impact(seed_a, seed_b, corpus, "(seed glossary)")
        time_impact(tmp / "rev-a", tmp / "rev-b", corpus, f"({args.entries} + seed entries)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
