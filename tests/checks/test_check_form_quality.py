"""Precision and recall of the form checks (doubled-word, unbalanced-brackets, end-punctuation) on a labelled
set: real human translation pairs from ../shared/eval, one form error injected into each of some, the rest
left as they are.

A pair is *clean* by criteria that do not use the checker: no word of the translation repeats the word
before it, every bracket and quotation-mark pair is balanced on both sides, and both sides end with the
same punctuation mark (or none). Injected errors: a word of the translation doubled ("to to"); a closing
bracket or quotation mark deleted or an opening one inserted; the final mark changed (a full stop to a
question mark, a question or exclamation mark to a full stop, a mark added where there was none).
``bench/bench_precision.py`` prints the same figures.
"""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from translate_kit.checks import CheckConfig, run_check
from translate_kit.corpus.pairing import Segment, SegmentPair, pair

SETS = [
    "ntrex128/test",
    "flores200/devtest",
    "ud_pud/test",
    "tico19/test",
    "panl_bppt/eco",
    "panl_bppt/int",
    "panl_bppt/sci",
    "panl_bppt/spo",
]
KINDS = ("doubled-word", "unbalanced-brackets", "end-punctuation")
_PAIRS = ("()", "[]", "“”")
_WORD = re.compile(r"[A-Za-z]{2,}")


def _end(text: str) -> str:
    t = text.rstrip(" \"'”’)]")
    return t[-1] if t[-1:] in ".?!:;…" else ""


def is_clean(src: str, en: str) -> bool:
    """No doubled word, balanced brackets and quotes on both sides, the same final mark."""
    words = en.lower().split()
    if any(a == b for a, b in zip(words, words[1:])):
        return False
    for text in (src, en):
        if any(text.count(o) != text.count(c) for o, c in _PAIRS) or text.count('"') % 2:
            return False
    return _end(src) == _end(en)


def clean_pool(eval_dir) -> list[tuple[str, str, str]]:
    """(id, source, translation) of every clean human pair of the sets."""
    out = []
    for name in SETS:
        for p in pair(eval_dir / f"{name}.id", eval_dir / f"{name}.en"):
            if p.source and p.target and p.target.text and is_clean(p.source.text, p.target.text):
                out.append((f"{name}:{p.source.line}", p.source.text, p.target.text))
    return out


#: doubles English grammar allows ("he had had enough"): doubling them is no error to find
_GRAMMATICAL = {"had", "that", "is"}
_TOKEN = re.compile(r"(?<!\S)[A-Za-z]{2,}(?=[\s,.;:!?]|$)")


def _double(rng, en):
    """Double one whitespace-delimited word of the translation."""
    words = [m for m in _TOKEN.finditer(en) if m.group().lower() not in _GRAMMATICAL]
    m = rng.choice(words)
    return en[: m.end()] + " " + m.group() + en[m.end() :]


def _unbalance(rng, en):
    closers = [i for i, c in enumerate(en) if c in ")]”"] + [i for i, c in enumerate(en) if c == '"']
    if closers and rng.random() < 0.5:
        i = rng.choice(closers)
        return en[:i] + en[i + 1 :]
    m = rng.choice(list(_WORD.finditer(en)))
    return en[: m.start()] + rng.choice("([“") + en[m.start() :]


def _change_end(rng, en):
    t = en.rstrip()
    mark = _end(t)
    if mark == ".":
        return t[:-1] + "?" if t.endswith(".") else t + "?"
    if mark in ("?", "!"):
        i = t.rindex(mark)
        return t[:i] + "." + t[i + 1 :]
    return t + "?"


def build_form_set(pool, seed=20240619, per_kind=150, clean=400):
    """(pairs, labels {pair id: kind}) with ``per_kind`` injected errors of each kind and ``clean`` untouched
    pairs, each pair its own document."""
    rng = random.Random(seed)
    items = [it for it in pool if len(_TOKEN.findall(it[2])) >= 3]
    rng.shuffle(items)
    labels, pairs = {}, []
    injectors = {"doubled-word": _double, "unbalanced-brackets": _unbalance, "end-punctuation": _change_end}
    pos = 0
    for kind in KINDS:
        for iid, src, en in items[pos : pos + per_kind]:
            did = f"{kind}/{iid}"
            labels[did] = kind
            pairs.append(
                SegmentPair(Segment(f"{did}.id", 1, src), Segment(f"{did}.en", 1, injectors[kind](rng, en)), did)
            )
        pos += per_kind
    for iid, src, en in items[pos : pos + clean]:
        did = f"clean/{iid}"
        pairs.append(SegmentPair(Segment(f"{did}.id", 1, src), Segment(f"{did}.en", 1, en), did))
    return pairs, labels


def form_scores(pairs, labels) -> dict:
    """Precision over all the form violations reported, recall per injected kind."""
    report = run_check(pairs, None, CheckConfig())
    predicted = Counter((v.document, v.kind) for v in report.violations if v.kind in KINDS)
    expected = Counter(labels.items())
    tp = sum((predicted & expected).values())
    recall = {
        k: sum(1 for d, kind in expected if kind == k and predicted[(d, kind)])
        / sum(1 for kind in labels.values() if kind == k)
        for k in KINDS
    }
    return {
        "precision": tp / max(1, sum(predicted.values())),
        "recall": recall,
        "false": sorted(predicted - expected),
        "missed": sorted(expected - predicted),
    }


@pytest.fixture(scope="module")
def form_pool(shared):
    return clean_pool(shared / "eval")


def test_form_checks_find_injected_errors_and_stay_quiet_on_clean_pairs(form_pool):
    assert len(form_pool) >= 1000
    pairs, labels = build_form_set(form_pool)
    scores = form_scores(pairs, labels)
    print(
        f"\nform checks: precision {scores['precision']:.4f}, recall "
        + ", ".join(f"{k} {v:.4f}" for k, v in scores["recall"].items())
    )
    assert scores["precision"] >= 0.9, scores["false"][:20]
    for kind, recall in scores["recall"].items():
        assert recall >= 0.95, (kind, [m for m in scores["missed"] if m[1] == kind][:20])
