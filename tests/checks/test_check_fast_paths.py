"""The checker's cheap paths give exactly what the plain definitions give: they only make a run faster.

Each fast path (digit and white-space tests by character searches, patterns compiled for ASCII text, text
folding without an object, DFA automata, one automaton for both case modes, the common-word exits of the typo
index, the link gate, the one-sided structural checks) is compared with the slower definition it replaces, on
generated and real text.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate_kit.checks import REGISTRY, form
from translate_kit.checks.context import Analyzer, PairContext
from translate_kit.checks.numbers import _QUICK, has_digits
from translate_kit.checks.runner import CheckConfig
from translate_kit.checks.typo_index import CAP_RUN, CAP_RUN_ASCII, TypoIndex
from translate_kit.corpus import lexicon
from translate_kit.corpus.pairing import Segment, SegmentPair
from translate_kit.glossary import matching
from translate_kit.glossary.model import Entry
from translate_kit.glossary.pofile import load_glossary

# texts made of the characters the paths care about: digits, separators, all kinds of white space
# (the ASCII separators \x1c-\x1f count as white space for str.split and Unicode patterns), letters, scale words
ASCII_PIECES = st.sampled_from(
    ["5", "12", "2.500", "1,5", "10:30", " ", "  ", "\t", "\n", "\x1c", "\x1f", "-", "juta", "ribu", "Juta", "million",
     "bn", "nya", "Korut", "AS", "Kim Jong Un", "abc", "'s", "."]
)  # fmt: skip
ANY_PIECES = st.one_of(ASCII_PIECES, st.sampled_from(["٣", "５", "é", "İ", "’", "\u00a0", "\u2011", "\u2028", "“"]))


def _text(pieces):
    return st.lists(pieces, max_size=12).map("".join)


@given(_text(ANY_PIECES))
@settings(max_examples=300, deadline=None)
def test_has_digits_is_a_digit_search(text):
    assert has_digits(text) == (re.search(r"\d", text) is not None)


@given(_text(ASCII_PIECES).map(str.lower), st.sampled_from(["id", "en"]))
@settings(max_examples=300, deadline=None)
def test_the_ascii_number_pattern_finds_what_the_unicode_one_finds(text, lang):
    unicode_rx, ascii_rx, _ = _QUICK[lang]
    assert [m.groups() + (m.span(),) for m in ascii_rx.finditer(text)] == [
        m.groups() + (m.span(),) for m in unicode_rx.finditer(text)
    ]


@given(_text(ASCII_PIECES))
@settings(max_examples=300, deadline=None)
def test_the_ascii_capitalised_run_pattern_finds_what_the_unicode_one_finds(text):
    assert CAP_RUN_ASCII.findall(text) == CAP_RUN.findall(text)


LINK_PIECES = st.sampled_from(
    ["www.", "WWW.", "Www.", "http://", "://", "@", "#", ".", ". ", "a", "kemlu", "go", "id", "com", "1", " ", "/", ":",
     "-", "é", "info@kemlu.go.id", "tribunnews.com/x"]
)  # fmt: skip


@given(_text(LINK_PIECES))
@settings(max_examples=400, deadline=None)
def test_links_behind_the_cheap_gate_are_the_links_of_the_pattern(text):
    """links() asks the pattern only where the link hints occur, and its cheap tests before the hint automaton
    (character searches, a full stop only at the end) let through every text where the pattern finds a link."""
    reference = []
    hinted = bool(form._LINK_HINTS.find_matches_as_indexes(text))
    for m in form._LINKS.finditer(text) if hinted else ():
        s, e = m.span()
        while e > s and text[e - 1] in form._TRAILING:
            e -= 1
        if e - s > 1:
            reference.append((text[s:e], s, e))
    assert form.links(text) == reference


def _reference_fold(original):
    """The folding as the module docstring defines it, the slow way."""
    text = re.sub(r"\s+", " ", original.translate(matching._CHAR_MAP))
    low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return text, low


@given(_text(ANY_PIECES))
@settings(max_examples=300, deadline=None)
def test_the_white_space_test_is_the_regex_search(text):
    assert matching._needs_space_fold(text) == (matching._NEEDS_SPACE_FOLD.search(text) is not None)


@given(_text(ANY_PIECES))
@settings(max_examples=300, deadline=None)
def test_folding_matches_its_definition_and_maps_offsets_back(original):
    text, index, low = matching._fold_text(original)
    assert (text, low) == _reference_fold(original)
    if index is None:
        assert len(text) == len(original)
    else:  # every folded character comes from the original character it maps to (a space from a space run)
        assert len(index) == len(text)
        for i, j in enumerate(index):
            assert text[i] == " " if original[j].isspace() else text[i] == original[j].translate(matching._CHAR_MAP)


def test_dfa_and_nfa_automata_find_the_same_terms(monkeypatch, repo):
    entries = load_glossary(repo / "glossary").entries
    corpus_texts = [line for f in sorted((repo / "corpus" / "id").glob("*.txt")) for line in f.read_text().splitlines()]
    corpus_texts += ["Korut, AS dan Kemlu: kemlu.go.id", "North Korea's U.S. envoy met Kim Jong-un"]
    built = {}
    for limit in (0, 10**9):  # every automaton an NFA, then every one a DFA
        monkeypatch.setattr(matching, "DFA_MAX_KEYS", limit)
        built[limit] = (matching.source_matcher(entries), matching.target_matcher(entries))
        for m in built[limit]:
            m.find("Korut")  # the automata are built on the first scan, under this limit
    found = 0
    for text in corpus_texts:
        for nfa, dfa in zip(built[0], built[10**9]):
            found += len(nfa.find_all(text))
            assert dfa.find_all(text) == nfa.find_all(text)
            assert dfa.find(text) == nfa.find(text)
    assert found > 100  # the corpus holds many of the glossary's terms


CASE_PIECES = st.sampled_from(
    ["AS", "as", "As", "aS", "KTT", "ktt", "Ktt", "\u212aTT", "Korut", "korut", "Kim Jong Un", "kim jong un", "PBB",
     "pbb", "nya", "-", " ", "  ", "\n", ".", "x", "İ", "’", "\u00a0"]
)  # fmt: skip
CASE_ENTRIES = [
    Entry("AS", "US", flags=["case-sensitive"], variants=["As"]),  # two exact spellings of one lower-cased key
    Entry("as", "ace"),  # a lower-cased key that an exact one shares
    Entry("KTT", "summit", flags=["case-sensitive"]),
    Entry("PBB", "UN", flags=["case-sensitive"]),
    Entry("Korut", "North Korea"),
    Entry("Kim Jong Un", "Kim Jong Un"),
]


def _both_ways(monkeypatch, make):
    """``make()`` built with the case-sensitive keys in the lower-cased automaton, and with one per mode."""
    out = []
    for limit in (10**6, 0):  # merged, then one automaton per mode
        monkeypatch.setattr(matching, "MERGE_MAX_EXACT_KEYS", limit)
        m = make()
        m.build()
        out.append(m)
    return out


@settings(max_examples=300, deadline=None)
@given(_text(CASE_PIECES))
def test_one_automaton_for_both_case_modes_finds_what_two_find(text):
    with pytest.MonkeyPatch.context() as mp:
        merged, separate = _both_ways(mp, lambda: matching.source_matcher(CASE_ENTRIES))
    assert len(merged._automata) == 1 and len(separate._automata) == 2
    assert merged.find_all(text) == separate.find_all(text)
    assert merged.find(text) == separate.find(text)


def test_one_automaton_for_both_case_modes_on_the_corpus(monkeypatch, repo):
    entries = load_glossary(repo / "glossary").entries
    texts = [line for f in sorted((repo / "corpus" / "id").glob("*.txt")) for line in f.read_text().splitlines()]
    found = 0
    for make in (lambda: matching.source_matcher(entries), lambda: matching.target_matcher(entries)):
        merged, separate = _both_ways(monkeypatch, make)
        for text in texts:
            found += len(separate.find_all(text))
            assert merged.find_all(text) == separate.find_all(text)
            assert merged.find(text) == separate.find(text)
    assert found > 100


def test_the_common_word_exit_gives_the_same_answer_as_the_look_ups(monkeypatch):
    entries = [Entry("Bahama", "Bahamas"), Entry("Pyongyang", "Pyongyang")]
    candidates = ["Bahasa", "Pyeongyang", "Pyongyangg", "Bahamas", "Rumah", "Bahana"]
    lexicon.common_words.cache_clear()  # not read yet: the look-ups decide alone
    cold = [TypoIndex(entries)._suggest(c) for c in candidates]
    assert lexicon.common_words_if_read() is not None  # a candidate within one edit reads the list
    warm = [TypoIndex(entries)._suggest(c) for c in candidates]
    assert warm == cold
    assert cold[0] is None and cold[1] is not None  # "bahasa" is a word; "Pyeongyang" a typo of Pyongyang


def test_the_common_word_exit_of_a_plan_gives_the_same_plan():
    """A plan skips the typo look-up of a common word or a glossary form once the common-word list is read."""
    entries = [Entry("Bahama", "Bahamas"), Entry("Pyongyang", "Pyongyang"), Entry("Kim Jong Un", "Kim Jong Un")]
    runs = ["Bahasa", "Pyeongyang", "Bahasa Pyeongyang", "Rumah Bahama", "Kim Jong Um", "Pyongyang Bahana", "Sudah"]
    lexicon.common_words.cache_clear()
    cold = [TypoIndex(entries).plan(r) for r in runs]  # the first plans run before the list is read
    assert lexicon.common_words_if_read() is not None
    warm = [TypoIndex(entries).plan(r) for r in runs]
    assert [[(s, e, x.source, lone) for s, e, x, lone in p] for p in warm] == [
        [(s, e, x.source, lone) for s, e, x, lone in p] for p in cold
    ]
    assert [len(p) for p in warm] == [0, 1, 1, 0, 1, 0, 0]  # ("bahana", an echo, is an Indonesian word)


@pytest.mark.parametrize("kind", [k for k, c in REGISTRY.items() if c.one_sided])
def test_one_sided_checks_never_fire_on_a_pair_with_both_sides(kind):
    analyzer = Analyzer(None, CheckConfig())
    for counterpart in (None, "other/a.txt"):
        pair = SegmentPair(
            Segment("a.txt", 1, "Halo."), Segment("a.txt", 1, "Hello."), "a.txt", counterpart=counterpart
        )
        assert not REGISTRY[kind].func(PairContext(pair, analyzer))


def test_the_structural_checks_are_the_one_sided_ones():
    assert {k for k, c in REGISTRY.items() if c.one_sided} == {
        "missing-file",
        "extra-file",
        "missing-segment",
        "extra-segment",
    }


def test_a_later_word_of_a_run_after_a_closing_quote_opens_a_sentence():
    index = TypoIndex([Entry("Pyongyang", "Pyongyang")])
    assert [(s, e) for s, e, _, _ in index.plan("Kata Pyeongyang")] == [(5, 15)]
    assert index.plan("Kata' Pyeongyang") == ()  # as opens_sentence says of the word after "Kata'"


# -- shared match data computed a chunk at a time ---------------------------------------------------------
def test_the_shared_data_a_check_needs_is_shared_data_of_a_pair():
    assert {n for c in REGISTRY.values() for n in c.needs} <= set(PairContext.SHARED)
    for name in ("missing-term", "forbidden-term", "untranslated-term", "inconsistent-term"):
        assert REGISTRY[name].needs == ("source_terms", "terms")
    assert REGISTRY["number-mismatch"].needs == ("numbers",)


def _corpus_pairs(repo, entries) -> list[SegmentPair]:
    """The seed articles' lines with made-up English beside them: glossary renderings (some forbidden or
    left out), the source's numbers (some changed), doubled words now and then: every kind of finding."""
    import random

    rng = random.Random(5)
    source_m = matching.source_matcher(entries)
    pairs = []
    for f in sorted((repo / "corpus" / "id").glob("*.txt")):
        for i, line in enumerate(f.read_text().splitlines(), 1):
            if not line.strip():
                continue
            words = ["Officials", "said"]
            for m in source_m.find(line):
                r = rng.random()
                e = m.entry
                if r < 0.9:  # (else left out)
                    words.append(e.preferred if r < 0.6 else e.forbidden[0] if e.forbidden and r < 0.75 else m.text)
            numbers = re.findall(r"\d+", line)
            words += [str(int(n) + 1) if rng.random() < 0.2 else n for n in numbers]
            if rng.random() < 0.1:
                words += ["the", "the"]
            pairs.append(SegmentPair(Segment(f.name, i, line), Segment(f.name, i, " ".join(words) + "."), f.name))
    return pairs


def test_a_run_finds_the_same_with_its_shared_data_computed_ahead_or_on_first_use(monkeypatch, repo):
    from translate_kit.checks import Checker

    glossary = load_glossary(repo / "glossary")
    pairs = _corpus_pairs(repo, glossary.entries)
    ahead = Checker(glossary).run(pairs).violations
    monkeypatch.setattr(PairContext, "SHARED", ())  # no stages: each check computes what it reads
    on_first_use = Checker(glossary).run(pairs).violations
    assert ahead == on_first_use
    kinds = {v.kind for v in ahead}
    assert {"missing-term", "forbidden-term", "untranslated-term", "number-mismatch", "doubled-word"} <= kinds


def test_the_runner_computes_only_the_shared_data_of_the_enabled_checks(monkeypatch, repo):
    from translate_kit.checks import Checker, runner

    glossary = load_glossary(repo / "glossary")
    pairs = _corpus_pairs(repo, glossary.entries)[:50]
    seen = []
    real = runner._check_chunk

    def spy(chunk, stages, funcs, extend):
        real(chunk, stages, funcs, extend)
        seen.append((list(stages), [(c[0]._terms is not None, c[0]._numbers is not None) for c in chunk if c[2]]))

    monkeypatch.setattr(runner, "_check_chunk", spy)
    term_checks = ["missing-term", "forbidden-term", "untranslated-term", "inconsistent-term"]
    for disabled, stages in (([], ["source_terms", "terms", "numbers"]), (term_checks, ["numbers"])):
        seen.clear()
        Checker(glossary, CheckConfig(disabled=frozenset(disabled))).run(pairs)
        assert seen and all(s == stages for s, _ in seen)
        computed = [flags for _, chunk in seen for flags in chunk]
        assert computed and all(flags == ("terms" in stages, True) for flags in computed)


@given(st.lists(st.sampled_from(["the", "The", "the,", "thе", "them", "to", "to.", "t", "Iraq", "iraq's", "’s", "-", ""]),
                max_size=8))  # fmt: skip
@settings(max_examples=300, deadline=None)
def test_the_doubled_word_gate_is_a_prefix_test_of_each_word_and_the_one_before(words):
    words = [w for w in words if w]  # (str.split gives no empty word)
    expected = any(b.startswith(a) for a, b in zip(words, words[1:]))
    assert form.starts_with_the_word_before(words) == expected
    copies = [w[:1] + w[1:] for w in words]  # (equal strings that may be other objects)
    assert form.starts_with_the_word_before(copies) == expected
