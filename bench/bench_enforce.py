#!/usr/bin/env python
"""Glossary enforcement under injected faults (issue 10): ≥ 1,000 ../shared/eval sentences that hold project
glossary terms, translated through the public ``translate_kit.translate_texts`` by a scripted engine that acts
like an NMT system knowing the glossary — it copies what it does not know (like the demo model), renders
each glossary term in its preferred form (sometimes an admitted one) and writes numbers the English way —
with one failure mode injected at a set rate of the occurrences. Like a real (deterministic) model, the same
input always gets the same answer; a changed input (another protection) is a fresh draw per occurrence:

  wrong      the term rendered wrongly (left in Indonesian, or a wrong English word)
  forbidden  a forbidden form of the entry (a wrong word when it has none)
  drop / duplicate / translate / lower / split / move   what happens to a placeholder: dropped, written
             twice, "translated" into a word, lower-cased (zx1), split (Z X 1), moved to the sentence end
             (alone these meet only the entries protected up front; ``MODE+wrong`` also renders free terms
             wrongly at the same rate, so that every rung of the ladder is exercised: a harsher stress)
  inflect    a plural/possessive ending on the rendering ("North Koreas'"), which is still the term
  decimal    a decimal comma or grouping dot kept ("2,5", "11.000")

Per mode and rate (10%, 30%, 100%) it prints the verdicts, the share enforced among failed occurrences, the
*silent violations* (``translate-kit check``'s missing/forbidden/untranslated-term findings — run through
the checker's library entry point ``run_check`` on each output — on an occurrence not flagged: target 0; and
its number-mismatch findings where no number was flagged, ``num!``), the number verdicts, whether
every sentence whose terms were all natural kept the engine's output unchanged, and the engine-token factor
against one unconstrained call (target ≤ 1.3× at 20% wrong, i.e. 80% natural).
usage: bench/bench_enforce.py [--sentences 1000] [--modes wrong,drop,...] [--rates 0.1,0.3,1.0]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from translate_kit import translate_texts  # noqa: E402
from translate_kit.checks import CheckConfig, run_check  # noqa: E402
from translate_kit.corpus.pairing import Segment, SegmentPair  # noqa: E402
from translate_kit.corpus.segment import split_sentences  # noqa: E402
from translate_kit.glossary.matching import source_matcher  # noqa: E402
from translate_kit.glossary.pofile import load_glossary  # noqa: E402

MODES = (
    "wrong",
    "forbidden",
    "drop",
    "duplicate",
    "translate",
    "lower",
    "split",
    "move",
    "inflect",
    "decimal",
    "drop+wrong",
    "duplicate+wrong",
    "translate+wrong",
    "lower+wrong",
    "split+wrong",
    "move+wrong",
)
PLACEHOLDER_MODES = {"drop", "duplicate", "translate", "lower", "split", "move"}
TERM_KINDS = {"missing-term", "forbidden-term", "untranslated-term"}
_PLACEHOLDER = re.compile(r"ZX(\d+)")
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]*\d)")
_DECIMAL = re.compile(r"(?<![\d.,])\d+,\d+(?![\d,]*\d)")


def draw(*key) -> float:
    """A deterministic number in [0, 1) for ``key``."""
    return int.from_bytes(hashlib.blake2b(repr(key).encode(), digest_size=8).digest(), "big") / 2**64


class FaultyEngine:
    """``translate(list[str]) -> list[str]`` with one failure mode at ``rate``; counts tokens and calls."""

    def __init__(self, glossary, mode: str, rate: float):
        self.matcher = source_matcher(glossary.enforced)
        self.mode, _, extra = mode.partition("+")
        self.also_wrong, self.rate, self.key = extra == "wrong", rate, mode
        self.calls, self.tokens, self.first = 0, 0, {}

    def __call__(self, texts: list[str]) -> list[str]:
        self.calls += 1
        self.tokens += sum(len(t.split()) + 1 for t in texts)
        out = [self.one(t, 0) for t in texts]
        if self.calls == 1:
            self.first = dict(zip(texts, out))
        return out

    def hit(self, *key) -> bool:
        return draw(self.key, *key) < self.rate

    def one(self, text: str, round_: int) -> str:
        parts, pos = [], 0
        for i, m in enumerate(self.matcher.find(text)):
            parts += [text[pos : m.start], self.render(m, text, i, round_)]
            pos = m.end + len(m.suffix)
        out = "".join(parts) + text[pos:]
        out = self.placeholders(out, round_)
        if not (self.mode == "decimal" and self.hit("num", text, round_)):
            out = _GROUPED.sub(lambda g: g.group(0).replace(".", ","), out)
            out = _DECIMAL.sub(lambda g: g.group(0).replace(",", "."), out)
        return out

    def render(self, m, text: str, i: int, round_: int) -> str:
        e = m.entry
        fails = self.mode in ("wrong", "forbidden") or self.also_wrong
        if fails and self.hit("term", text, i, round_):
            if self.mode == "forbidden" and e.forbidden:
                return e.forbidden[0]
            return m.text if draw("how", text, i) < 0.5 else "the other side"
        form = e.preferred
        if e.admitted and draw("admitted", text, i) < 0.2:
            form = e.admitted[0]
        if self.mode == "inflect" and self.hit("inflect", text, i, round_) and form[-1:].isalpha():
            form += "'s" if draw("poss", text, i) < 0.5 else "s"
        return form

    def placeholders(self, out: str, round_: int) -> str:
        if self.mode not in PLACEHOLDER_MODES or "ZX" not in out:
            return out
        for token in sorted(set(_PLACEHOLDER.findall(out)), key=int):
            ph = f"ZX{token}"
            if not self.hit("ph", out, token, round_):
                continue
            if self.mode == "drop":
                out = out.replace(ph, "", 1)
            elif self.mode == "duplicate":
                out = out.replace(ph, f"{ph} {ph}", 1)
            elif self.mode == "translate":
                out = out.replace(ph, "Zedex", 1)
            elif self.mode == "lower":
                out = out.replace(ph, ph.lower(), 1)
            elif self.mode == "split":
                out = out.replace(ph, " ".join(ph), 1)
            else:  # move
                out = out.replace(ph, "", 1).rstrip(". ") + f" {ph}."
        return out


def eval_sentences(glossary, n: int) -> list[str]:
    """The first ``n`` sentences of ../shared/eval (every test.id, sorted) that hold an enforced term."""
    matcher = source_matcher(glossary.enforced)
    found = []
    for path in sorted((SHARED / "eval").glob("*/test.id")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for span in split_sentences(line):
                if matcher.find(span.text):
                    found.append(span.text)
                    if len(found) >= n:
                        return found
    return found


def silent_violations(glossary, sources, results) -> tuple[int, int, int]:
    """(term violations the checker finds on occurrences not flagged, all its term violations, its
    number-mismatch findings in sentences without a flagged number)."""
    pairs = [
        SegmentPair(Segment("src", i + 1, s), Segment("hyp", i + 1, r.text), "doc")
        for i, (s, r) in enumerate(zip(sources, results))
    ]
    report = run_check(pairs, glossary, CheckConfig())
    flagged = {(i + 1, o.entry.source) for i, r in enumerate(results) for o in r.terms if o.flagged}
    term = [v for v in report.violations if v.kind in TERM_KINDS]
    number_flagged = {i + 1 for i, r in enumerate(results) if any(o.flagged for o in r.numbers)}
    numbers = sum(
        1
        for v in report.violations
        if v.kind == "number-mismatch" and v.source is not None and v.source.line not in number_flagged
    )
    return sum(1 for v in term if (v.source.line, v.entry_source) not in flagged), len(term), numbers


def run_one(glossary, sources, mode: str, rate: float, base_tokens: int) -> dict:
    engine = FaultyEngine(glossary, mode, rate)
    t0 = time.perf_counter()
    results = translate_texts(sources, glossary=glossary, translate=engine)
    seconds = time.perf_counter() - t0
    occ = [o for r in results for o in r.terms if o.kind == "term"]
    counts = {v: sum(1 for o in occ if o.verdict == v) for v in ("natural", "enforced", "flagged")}
    failed = counts["enforced"] + counts["flagged"]
    silent, found, numbers = silent_violations(glossary, sources, results)
    nums = [o for r in results for o in r.numbers]
    rewritten = sum(
        1
        for s, r in zip(sources, results)
        if r.terms
        and all(o.verdict == "natural" for o in r.terms)
        and not r.numbers
        and r.text != engine.first.get(s, r.text)
    )
    return {
        "mode": mode,
        "rate": rate,
        **counts,
        "enforced_share": counts["enforced"] / failed if failed else 1.0,
        "silent": silent,
        "checker_term_violations": found,
        "natural_rewritten": rewritten,
        "numbers": "/".join(str(sum(1 for o in nums if o.verdict == v)) for v in ("natural", "enforced", "flagged")),
        "silent_numbers": numbers,
        "token_factor": engine.tokens / base_tokens,
        "calls": engine.calls,
        "seconds": seconds,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=1000)
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--rates", default="0.1,0.3,1.0")
    args = ap.parse_args()
    if not (SHARED / "eval").is_dir():
        sys.exit(f"bench_enforce: {SHARED / 'eval'} is missing")
    glossary = load_glossary(REPO / "glossary")
    sources = eval_sentences(glossary, args.sentences)
    base = FaultyEngine(glossary, "none", 0.0)
    base(list(dict.fromkeys(s for s in sources if s.strip())))  # the unconstrained run: one call, no glossary
    n_occ = sum(len(source_matcher(glossary.enforced).find(s)) for s in sources)
    print(f"{len(sources)} eval sentences with {n_occ} glossary term occurrences; {len(glossary.entries)} entries")
    print(
        f"{'mode':<16} {'rate':>5} {'natural':>8} {'enforced':>8} {'flagged':>7} {'enf%':>7} {'silent':>6} "
        f"{'chk':>5} {'rewr':>5} {'tokens×':>7} {'calls':>5} {'sec':>6} {'numbers n/e/f':>14} {'num!':>4}"
    )
    worst = []
    for mode in args.modes.split(","):
        for rate in (float(r) for r in args.rates.split(",")):
            r = run_one(glossary, sources, mode, rate, base.tokens)
            worst.append(r)
            print(
                f"{mode:<16} {rate:>5.0%} {r['natural']:>8} {r['enforced']:>8} {r['flagged']:>7} "
                f"{r['enforced_share'] * 100:>6.2f}% {r['silent']:>6} {r['checker_term_violations']:>5} "
                f"{r['natural_rewritten']:>5} {r['token_factor']:>7.2f} {r['calls']:>5} {r['seconds']:>6.1f} "
                f"{r['numbers']:>14} {r['silent_numbers']:>4}"
            )
    low = [r for r in worst if r["rate"] <= 0.3 and "+" not in r["mode"]]
    stress = [r for r in worst if r["rate"] <= 0.3 and "+" in r["mode"]]
    print(
        f"\nsilent violations: {sum(r['silent'] for r in worst)} (target 0); lowest enforced share at ≤ 30%: "
        f"{min(r['enforced_share'] for r in low) * 100:.2f}% (target ≥ 99%)"
        + (f", under the combined stress {min(r['enforced_share'] for r in stress) * 100:.2f}%" if stress else "")
        + f"; natural sentences rewritten: {sum(r['natural_rewritten'] for r in worst)} (target 0)"
    )
    eighty = run_one(glossary, sources, "wrong", 0.2, base.tokens)
    print(
        f"engine tokens with 80% of occurrences natural (wrong at 20%): {eighty['token_factor']:.2f}× the "
        f"unconstrained run (target ≤ 1.3×); {eighty['natural']} natural, {eighty['enforced']} enforced, "
        f"{eighty['flagged']} flagged"
    )


if __name__ == "__main__":
    main()
