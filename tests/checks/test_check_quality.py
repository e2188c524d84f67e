"""Checker quality on real human translations: a labelled set of injected violations.

Pairs come from the human translations in ../shared/eval (read in place). A pair is *clean* by criteria that
do not use the checker: for every test-glossary entry whose Indonesian form occurs in the source, the
preferred English form occurs verbatim exactly as many times and no admitted or forbidden form occurs; no
Indonesian glossary form occurs in the English; and the number tokens (separators ignored), month names and scale words (juta/million…) of both sides are the
same multisets.
Into clean pairs we inject one violation each (swap a term for a forbidden form, drop it, leave the
Indonesian term, change a number, render one term two ways within a document), mix them with untouched
clean pairs, and measure precision and recall of the checker over the labels.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass

import pytest

from translate_kit.checks import CheckConfig, run_check
from translate_kit.corpus.pairing import Segment, SegmentPair, pair
from translate_kit.glossary.pofile import load_glossary

# (source, preferred, variants, admitted, forbidden, case-sensitive)
TEST_GLOSSARY = [
    ("Amerika Serikat", "United States", ["AS"], ["US", "U.S."], ["United State", "States United"], True),
    ("Korea Utara", "North Korea", ["Korut"], ["DPRK", "North Korean"], ["Korea North", "Nort Korea"], False),
    ("Korea Selatan", "South Korea", ["Korsel"], ["ROK", "South Korean"], ["Korea South"], False),
    (
        "PBB",
        "United Nations",
        ["Perserikatan Bangsa-Bangsa", "Perserikatan Bangsa Bangsa"],
        ["UN", "U.N."],
        ["Nations United", "UNO"],
        True,
    ),
    ("Uni Eropa", "European Union", [], ["EU"], ["Europe Union", "Union European"], False),
    ("Jepang", "Japan", [], ["Japanese"], ["Jepan", "Nippon"], False),
    ("Jerman", "Germany", [], ["German"], ["Germania", "Deutschland"], False),
    ("Rusia", "Russia", [], ["Russian"], ["Rusland", "Russland"], False),
    ("Tiongkok", "China", ["Cina"], ["Chinese"], ["Chine", "Sina"], False),
    ("Prancis", "France", ["Perancis"], ["French"], ["Francia", "Frankreich"], False),
    ("Arab Saudi", "Saudi Arabia", [], [], ["Saudi-Arabia", "Arabia Saudi"], False),
    ("Gedung Putih", "White House", [], [], ["Building White", "White Building"], False),
    ("Bank Dunia", "World Bank", [], [], ["Bank World", "Worlds Bank"], False),
    ("Timur Tengah", "Middle East", [], ["Mideast"], ["East Middle", "Middle-East"], False),
    ("Afrika Selatan", "South Africa", [], ["South African"], ["Africa South"], False),
    ("Irak", "Iraq", [], ["Iraqi"], ["Iraque"], False),
    ("Mesir", "Egypt", [], ["Egyptian"], ["Misr", "Egypte"], False),
    ("Dewan Keamanan", "Security Council", [], [], ["Council of Security", "Safety Council"], False),
    ("Selandia Baru", "New Zealand", [], ["New Zealander"], ["Zealand New", "New Zeeland"], False),
    ("Perdana Menteri", "Prime Minister", [], ["PM", "premier"], ["Minister Prime", "Perdana Minister"], False),
]
#: entries whose first admitted form is an equivalent noun, usable to render a term "two ways"
SECOND_WAY = {
    "Amerika Serikat": "US",
    "PBB": "UN",
    "Uni Eropa": "EU",
    "Korea Utara": "DPRK",
    "Timur Tengah": "Mideast",
    "Perdana Menteri": "PM",
}
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
GLOSSARY_KINDS = {
    "missing-term",
    "forbidden-term",
    "untranslated-term",
    "inconsistent-term",
    "source-typo",
    "fuzzy-term",
}


def _po(entries) -> str:
    out = ['msgid ""', 'msgstr ""', '"Language: id\\n"', ""]
    for src, pref, variants, admitted, forbidden, cs in entries:
        out += [f"#. variant: {v}" for v in variants]
        out += [f"#. admitted: {a}" for a in admitted]
        out += [f"#. forbidden: {f}" for f in forbidden]
        if cs:
            out.append("#, case-sensitive")
        out += [f'msgid "{src}"', f'msgstr "{pref}"', ""]
    return "\n".join(out)


def _rx(form: str, cs: bool, suffix: str) -> re.Pattern:
    """``form`` on word boundaries, optionally followed by ``suffix``; the match covers the form only."""
    return re.compile(r"(?<!\w)" + re.escape(form) + r"(?=" + suffix + r"(?!\w))", 0 if cs else re.IGNORECASE)


@dataclass
class Rule:
    source: str
    preferred: str
    cs: bool
    src_rx: list
    pref_rx: re.Pattern
    other_rx: list  # admitted + forbidden
    indonesian_rx: list


RULES = [
    Rule(
        s,
        p,
        cs,
        [_rx(f, cs, r"(?:nya|lah|kah|pun)?") for f in (s, *v)],
        _rx(p, cs, r"(?:'s|s)?"),
        [_rx(f, cs, r"(?:'s|s)?") for f in (*a, *fb)],
        [_rx(f, cs, "") for f in (s, *v)],
    )
    for s, p, v, a, fb, cs in TEST_GLOSSARY
]
_DIGITS = re.compile(r"\d+")


def _count(rxs, text):
    return sum(len(rx.findall(text)) for rx in rxs)


def clean_terms(src: str, en: str) -> list[Rule] | None:
    """The entries present in ``src`` when all of them are rendered by their preferred form only."""
    present = []
    for r in RULES:
        if _count(r.indonesian_rx, en):
            return None
        n = _count(r.src_rx, src)
        if not n:
            continue
        if len(r.pref_rx.findall(en)) != n or _count(r.other_rx, en):
            return None
        present.append(r)
    return present


_ID_MONTHS = "januari februari maret april mei juni juli agustus september oktober november desember".split()
_EN_MONTHS = "january february march april may june july august september october november december".split()
_SCALES = [("ribu", "thousand"), ("juta", "million"), ("miliar", "billion"), ("triliun", "trillion")]


def _words(text: str) -> Counter:
    return Counter(re.findall(r"[a-z]+", text.lower()))


_NUMBER_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*")


def _number_tokens(text: str) -> Counter:
    """Digit groups joined by any separator: "11.000" and "11,000" both give "11?0", "02.45" and "2:45" "2?45"."""
    return Counter("?".join(str(int(g)) for g in re.split(r"[.,:]", t)) for t in _NUMBER_TOKEN.findall(text))


def same_numbers(src: str, en: str) -> bool:
    """Same number tokens (separators ignored), month names and scale words on both sides (plain counts)."""
    if _number_tokens(src) != _number_tokens(en):
        return False
    ws, we = _words(src), _words(en)
    for i, e in zip(_ID_MONTHS, _EN_MONTHS):
        if ws[i] + (ws[e] if e != i else 0) != we[e]:
            return False
    return all(ws[i] == we[e] for i, e in _SCALES)


@pytest.fixture(scope="module")
def pool(shared):
    """(source, english, present rules) of every clean human pair, from several test sets."""
    out = []
    for name in SETS:
        for p in pair(shared / "eval" / f"{name}.id", shared / "eval" / f"{name}.en"):
            if p.source is None or p.target is None or not p.target.text:
                continue
            src, en = p.source.text, p.target.text
            present = clean_terms(src, en)
            if present is not None and same_numbers(src, en) and src != en:
                out.append((f"{name}:{p.source.line}", src, en, present))
    return out


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    d = tmp_path_factory.mktemp("quality-glossary")
    (d / "countries.po").write_text(_po(TEST_GLOSSARY), encoding="utf-8")
    return load_glossary(d)


def _replace_one(rng, rx, text, new):
    """Replace one occurrence of the term ``rx`` matches (a trailing 's / s stays in place)."""
    m = rng.choice(list(rx.finditer(text)))
    return text[: m.start()] + new + text[m.end() :]


def _change_number(rng, text):
    ms = list(_DIGITS.finditer(text))
    m = rng.choice(ms)
    run = m.group()
    first = int(run[0])
    choices = [d for d in range(10) if d != first and (d != 0 or len(run) == 1)]
    return text[: m.start()] + str(rng.choice(choices)) + run[1:] + text[m.end() :]


def build_labelled_set(pool, seed=20240618):
    """Items (document id → list of (source, english)) and labels [(document id, kind)]."""
    rng = random.Random(seed)
    items = list(pool)
    rng.shuffle(items)
    docs: dict[str, list[tuple[str, str]]] = {}
    labels: list[tuple[str, str]] = []
    with_terms = [it for it in items if it[3]]
    with_digits = [it for it in items if _DIGITS.search(it[2]) and it not in with_terms]
    used = set()

    def take(cands, n, pred=lambda it: True):
        got = []
        for it in cands:
            if len(got) == n:
                break
            if it[0] not in used and pred(it):
                used.add(it[0])
                got.append(it)
        return got

    for kind, n in (("forbidden-term", 60), ("missing-term", 60), ("untranslated-term", 60)):
        for iid, src, en, present in take(with_terms, n):
            r = rng.choice(present)
            entry = next(e for e in TEST_GLOSSARY if e[0] == r.source)
            new = {"forbidden-term": rng.choice(entry[4]), "missing-term": "", "untranslated-term": r.source}[kind]
            docs[f"{kind}/{iid}"] = [(src, _replace_one(rng, r.pref_rx, en, new))]
            labels.append((f"{kind}/{iid}", kind))
    for iid, src, en, _ in take(with_digits, 60):
        docs[f"number/{iid}"] = [(src, _change_number(rng, en))]
        labels.append((f"number/{iid}", "number-mismatch"))
    # render one term two ways: two clean pairs with the same entry form one document
    by_entry: dict[str, list] = {}
    for it in with_terms:
        if it[0] in used:
            continue
        for r in it[3]:
            if r.source in SECOND_WAY and len(r.pref_rx.findall(it[2])) == 1:
                by_entry.setdefault(r.source, []).append(it)
                break
    n_incons = 0
    for source, its in by_entry.items():
        r = next(x for x in RULES if x.source == source)
        while len(its) >= 2 and n_incons < 45:
            a, b = its.pop(), its.pop()
            if a[0] in used or b[0] in used:
                continue
            used.update((a[0], b[0]))
            did = f"inconsistent/{a[0]}+{b[0]}"
            docs[did] = [(a[1], a[2]), (b[1], _replace_one(rng, r.pref_rx, b[2], SECOND_WAY[source]))]
            labels.append((did, "inconsistent-term"))
            n_incons += 1
    for iid, src, en, _ in take(items, 400):
        docs[f"clean/{iid}"] = [(src, en)]
    return docs, labels


def _pairs(docs):
    out = []
    for did, segs in docs.items():
        for i, (src, en) in enumerate(segs, 1):
            out.append(SegmentPair(Segment(f"{did}.id", i, src), Segment(f"{did}.en", i, en), did))
    return out


def test_the_pool_is_large_enough(pool):
    assert sum(1 for it in pool if it[3]) >= 400


def test_precision_and_recall_on_injected_violations(pool, glossary):
    docs, labels = build_labelled_set(pool)
    counts = Counter(kind for _, kind in labels)
    assert len(labels) >= 200 and all(n >= 40 for n in counts.values()), counts
    report = run_check(_pairs(docs), glossary, CheckConfig(disabled={"length-ratio"}))
    predicted = Counter((v.document, v.kind) for v in report.violations)
    expected = Counter(labels)
    tp = sum((predicted & expected).values())
    precision = tp / max(1, sum(predicted.values()))
    recall = tp / len(labels)
    false_pos = sorted(predicted - expected)
    missed = sorted(expected - predicted)
    print(
        f"\nlabelled violations: {len(labels)} {dict(counts)}; clean documents: "
        f"{sum(1 for d in docs if d.startswith('clean/'))}; precision {precision:.4f}, recall {recall:.4f}"
    )
    assert precision >= 0.98, false_pos[:20]
    assert recall >= 0.98, missed[:20]


def test_no_glossary_violation_on_untouched_human_pairs(pool, glossary):
    pairs = [
        SegmentPair(Segment("h.id", 1, src), Segment("h.en", 1, en), iid) for iid, src, en, present in pool if present
    ]
    report = run_check(pairs, glossary)
    bad = [(v.document, v.kind, v.message) for v in report.violations if v.kind in GLOSSARY_KINDS]
    print(f"\nuntouched human pairs with glossary terms: {len(pairs)}; glossary violations: {len(bad)}")
    assert bad == []
