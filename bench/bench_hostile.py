"""Planning cost of hostile input: MB of text with no sentence end, through segmentation, term matching and the
cutting to the model's input limit (what `translate` does before the model runs; no model involved).

    .venv/bin/python bench/bench_hostile.py [--mb 5]

Prints seconds per stage and MB/s. Before issue 15 the cutting scanned every term of a 1,000-character piece
for every position in it (38.6 s for 5 MB in the attack run); it is linear now.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from translate_kit.corpus.segment import split_sentences
from translate_kit.glossary.matching import source_matcher
from translate_kit.glossary.pofile import load_glossary
from translate_kit.translation.plan import _chunks

REPO = Path(__file__).resolve().parent.parent


class WordTokens:
    """One token per word, 256-token limit: the cutting needs counts only."""

    def tokenize(self, text: str) -> list[str]:
        return text.split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    args = parser.parse_args()
    rng = random.Random(1)
    words = [
        "korut",
        "dan",
        "as",
        "menlu",
        "pbb",
        "yang",
        "akan",
        "kemlu",
        "di",
        "ke",
        "dari",
        "presiden",
        "kim",
        "jong",
        "un",
        "dalam",
        "rangka",
    ]
    parts, size = [], 0
    while size < args.mb * 1e6:
        w = rng.choice(words)
        parts.append(w)
        size += len(w) + 1
    text = " ".join(parts)
    matcher = source_matcher(load_glossary(REPO / "glossary").entries)
    t0 = time.perf_counter()
    sentences = split_sentences(text)
    t1 = time.perf_counter()
    found = [matcher.find(s.text) for s in sentences]
    t2 = time.perf_counter()
    pieces = sum(
        len(_chunks(s.text, WordTokens(), 256, [(m.start, m.end + len(m.suffix), 2) for m in f]))
        for s, f in zip(sentences, found)
    )
    t3 = time.perf_counter()
    print(f"{len(text) / 1e6:.1f} MB, {len(sentences):,} pieces of <= 1,000 chars, {pieces:,} model inputs")
    print(
        f"segment {t1 - t0:.2f} s, match {t2 - t1:.2f} s, cut to the model limit {t3 - t2:.2f} s; "
        f"total {t3 - t0:.2f} s = {len(text) / 1e6 / (t3 - t0):.2f} MB/s"
    )


if __name__ == "__main__":
    main()
