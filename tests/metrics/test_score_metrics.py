"""Corpus scores, term accuracy and paired tests on hand-made data with values known by reasoning."""

from __future__ import annotations

import json
import math

import pytest

from translate_kit.glossary.model import Entry
from translate_kit.metrics import corpus_scores, paired_corpus_test, paired_term_test, term_accuracy
from translate_kit.metrics.terms import TermScorer


# -- corpus scores -------------------------------------------------------------------------------------------
def test_identical_hypotheses_score_perfectly():
    refs = ["The cat sat on the mat .", "North Korea fired two missiles on Tuesday ."]
    scores = corpus_scores(refs, refs)
    assert scores["bleu"].score == pytest.approx(100.0)
    assert scores["chrf"].score == pytest.approx(100.0)
    assert scores["ter"].score == pytest.approx(0.0)


def test_bleu_hand_computed():
    # hyp: the cat sat on the mat / ref: the cat sat on a mat (same length, BP = 1)
    # clipped n-gram precisions: 1-gram 5/6 ("the" twice, once in ref), 2-gram 3/5, 3-gram 2/4, 4-gram 1/3
    scores = corpus_scores(["the cat sat on the mat"], ["the cat sat on a mat"])
    expected = 100 * (5 / 6 * 3 / 5 * 2 / 4 * 1 / 3) ** 0.25
    assert scores["bleu"].score == pytest.approx(expected, abs=1e-6)


def test_ter_one_substitution_in_four_words():
    scores = corpus_scores(["a b c e"], ["a b c d"])
    assert scores["ter"].score == pytest.approx(25.0)


def test_nothing_in_common_scores_zero():
    scores = corpus_scores(["xyz"], ["abc"])
    assert scores["bleu"].score == pytest.approx(0.0)
    assert scores["chrf"].score == pytest.approx(0.0)
    assert scores["ter"].score == pytest.approx(100.0)  # one substitution for one reference word


def test_scores_carry_sacrebleu_signatures():
    scores = corpus_scores(["a b"], ["a b"])
    assert scores["bleu"].signature.startswith("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:")
    assert "nc:6|nw:0" in scores["chrf"].signature
    assert "tok:tercom" in scores["ter"].signature
    assert scores["chrf"].name == "chrF2"


def test_unequal_lengths_rejected():
    with pytest.raises(ValueError):
        corpus_scores(["a", "b"], ["a"])


# -- term accuracy -------------------------------------------------------------------------------------------
KORUT = Entry("Korut", "North Korea", variants=["Korea Utara"], admitted=["DPRK"])
AS = Entry("AS", "US", flags=["case-sensitive"])
DEPLU_AS = Entry("Departemen Luar Negeri AS", "US State Department")
KIM = Entry("Kim Jong Un", "Kim Jong Un", forbidden=["Kim Jong-un"])
PROPOSED = Entry("Kemlu", "Foreign Ministry", flags=["fuzzy"])
GLOSSARY = [KORUT, AS, DEPLU_AS, KIM, PROPOSED]


def test_preferred_and_admitted_forms_count_variants_are_terms():
    acc = term_accuracy(
        ["Korut dan AS berunding .", "Korea Utara menolak ."],
        ["North Korea and the US negotiate .", "The DPRK refuses ."],
        GLOSSARY,
    )
    assert (acc.total_expected, acc.total_found) == (3, 3)
    assert acc.accuracy == 1.0
    assert acc.expected == [2, 1] and acc.found == [2, 1]


def test_missing_and_forbidden_forms_do_not_count():
    acc = term_accuracy(["Kim Jong Un bertemu Korut ."], ["Kim Jong-un met Pyongyang ."], GLOSSARY)
    assert (acc.total_expected, acc.total_found) == (2, 0)
    assert acc.accuracy == 0.0


def test_one_rendering_cannot_pay_for_two_occurrences():
    acc = term_accuracy(["Korut , Korut , Korut"], ["North Korea , North Korea"], GLOSSARY)
    assert acc.expected == [3] and acc.found == [2]
    assert acc.accuracy == pytest.approx(2 / 3)


def test_case_sensitive_term_ignores_lowercase_word_and_extra_target_terms():
    # "as" is not the acronym AS; "US" in the hypothesis without a source term is not counted
    acc = term_accuracy(["Harga naik , as roda patah ."], ["The US prices rose ."], GLOSSARY)
    assert acc.total_expected == 0
    assert acc.accuracy is None


def test_multiword_entry_wins_over_the_word_inside():
    acc = term_accuracy(["Departemen Luar Negeri AS menyatakan ."], ["The US State Department said ."], GLOSSARY)
    assert (acc.total_expected, acc.total_found) == (1, 1)
    assert [r.entry for r in acc.per_term] == [DEPLU_AS]


def test_multiword_rendering_does_not_also_pay_for_the_word_inside():
    # source: the State Department entry and a separate AS; "US" exists only inside the long rendering
    acc = term_accuracy(["Departemen Luar Negeri AS dan AS ."], ["The US State Department and Washington ."], GLOSSARY)
    assert {r.entry.source: (r.found, r.expected) for r in acc.per_term} == {
        "Departemen Luar Negeri AS": (1, 1),
        "AS": (0, 1),
    }


def test_english_form_shared_by_two_entries_counts_for_the_one_in_the_source():
    tiongkok = Entry("Tiongkok", "China", variants=["Cina"])
    rrt = Entry("RRT", "China", flags=["case-sensitive"])  # first in the glossary: owns "China" for find()
    entries = [rrt, tiongkok]
    assert term_accuracy(["Petani Cina tewas ."], ["A China farmer died ."], entries).found == [1]
    two = term_accuracy(["RRT dan Tiongkok"], ["China and China"], entries)
    assert (two.total_expected, two.total_found) == (2, 2)
    one = term_accuracy(["RRT dan Tiongkok"], ["China and Beijing"], entries)
    assert (one.total_expected, one.total_found) == (2, 1)


def test_fuzzy_entries_are_not_measured():
    acc = term_accuracy(["Kemlu menyatakan ."], ["The ministry said ."], GLOSSARY)
    assert acc.total_expected == 0


def test_per_term_recall_counts_per_entry():
    acc = term_accuracy(
        ["Korut dan AS .", "Korut lagi .", "AS lagi ."],
        ["North Korea and the US .", "Pyongyang again .", "US again ."],
        GLOSSARY,
    )
    recall = {r.entry.source: (r.found, r.expected) for r in acc.per_term}
    assert recall == {"Korut": (1, 2), "AS": (2, 2)}
    assert acc.accuracy == pytest.approx(3 / 4)
    assert [r.entry for r in acc.per_term] == [KORUT, AS]  # glossary order


# -- paired tests --------------------------------------------------------------------------------------------
REFS = [f"s{i} the quick brown fox jumps over the lazy dog" for i in range(120)]


def _drop_last(line: str) -> str:
    return line.rsplit(" ", 1)[0]


def test_identical_systems_are_not_significantly_different():
    res = paired_corpus_test(REFS, REFS, REFS)
    for key in ("bleu", "chrf", "ter"):
        assert res[key].delta == 0
        assert res[key].p_value == 1.0
        assert not res[key].significant(0.05)


def test_destroyed_system_is_significantly_worse():
    garbage = [" ".join(reversed(r.split())) for r in REFS]
    res = paired_corpus_test(garbage, REFS, REFS, test="bs", n_samples=200)
    assert res["bleu"].worse and res["bleu"].significant(0.05)
    assert res["ter"].worse and res["ter"].delta > 0  # TER: higher is worse
    # nothing of 200 resamples beats the real difference: p = 1 / 201
    assert res["bleu"].p_value == pytest.approx(1 / 201)
    assert res["bleu"].n_samples == 200 and res["bleu"].seed == 12345
    assert "bs:200" in res["bleu"].signature and "seed:12345" in res["bleu"].signature


def test_one_segment_worse_among_many_changes_is_not_significant():
    # the baseline damages the even segments, the system the odd ones (same damage, same lengths)
    # plus one more word in segment 0: strictly worse, but by far less than the resampling noise
    baseline = [_drop_last(r) if i % 2 == 0 else r for i, r in enumerate(REFS)]
    system = [_drop_last(r) if i % 2 == 1 else r for i, r in enumerate(REFS)]
    system[0] = _drop_last(system[0])
    for test in ("bs", "ar"):
        res = paired_corpus_test(system, baseline, REFS, test=test, n_samples=300)
        assert res["bleu"].worse and res["chrf"].worse and res["ter"].worse
        assert not res["bleu"].significant(0.05), res["bleu"]


def test_term_accuracy_paired_test():
    scorer = TermScorer(GLOSSARY)
    srcs = ["Korut menembak ."] * 60
    good = scorer.score(srcs, ["North Korea fired ."] * 60)
    bad = scorer.score(srcs, ["Pyongyang fired ."] * 60)
    for test in ("bs", "ar"):
        drop = paired_term_test(bad, good, test=test, n_samples=200)
        assert drop.system == 0.0 and drop.baseline == 1.0
        assert drop.worse and drop.significant(0.05)
        same = paired_term_test(good, good, test=test, n_samples=200)
        assert same.p_value == 1.0 and not same.significant(0.05)
    # the system misses the term in segments 0 and 1, the baseline in segment 2: one miss more, which the
    # resampling noise of three differing segments easily exceeds
    hyps = ["North Korea fired ."] * 60
    system = scorer.score(srcs, ["Pyongyang fired ."] * 2 + hyps[2:])
    baseline = scorer.score(srcs, hyps[:2] + ["Pyongyang fired ."] + hyps[3:])
    small = paired_term_test(system, baseline, n_samples=500)
    assert small.delta == pytest.approx(-1 / 60)
    assert small.worse and not small.significant(0.05)


def test_term_test_needs_terms_and_same_sources():
    scorer = TermScorer(GLOSSARY)
    none = scorer.score(["tanpa istilah ."], ["no term ."])
    assert paired_term_test(none, none) is None
    a = scorer.score(["Korut ."], ["North Korea ."])
    b = scorer.score(["Korut dan AS ."], ["North Korea ."])
    with pytest.raises(ValueError):
        paired_term_test(a, b)
    assert math.isclose(a.accuracy, 1.0)


# -- --term-match: lenient (the checker's matching) and wmt21 (the official WMT21 exact-match scorer) --------
KORUT_ONLY = [Entry("Korut", "North Korea", variants=["Korea Utara"])]
#: five sentences, four source occurrences of Korut; the expectation is worked out by hand:
#: 1 "North Korea fired" — both count it; 2 "North Korea-backed" — lenient (hyphen compound) yes, wmt21 no (no
#: space after "Korea"); 3 no rendering — neither; 4 "North Korea said" — both; 5 no term at all.
#: lenient 3/4 = 0.75, wmt21 2/4 = 0.50
FIVE_SOURCES = [
    "Korut menembakkan rudal.",
    "Peretas yang didukung Korut menyerang.",
    "Korut diam saja.",
    "Kata Korut kemarin.",
    "Cuaca cerah hari ini.",
]
FIVE_HYPOTHESES = [
    "North Korea fired a missile .",
    "North Korea-backed hackers attacked .",
    "The North kept quiet .",
    "North Korea said yesterday .",
    "The weather is fine today .",
]


def test_wmt21_and_lenient_term_match_on_the_five_sentence_example():
    lenient = term_accuracy(FIVE_SOURCES, FIVE_HYPOTHESES, KORUT_ONLY)
    wmt21 = term_accuracy(FIVE_SOURCES, FIVE_HYPOTHESES, KORUT_ONLY, match="wmt21")
    assert (lenient.total_found, lenient.total_expected, lenient.accuracy) == (3, 4, 0.75)
    assert (wmt21.total_found, wmt21.total_expected, wmt21.accuracy) == (2, 4, 0.5)
    assert wmt21.found == [1, 0, 0, 1, 0] and wmt21.to_dict()["match"] == "wmt21"


def test_wmt21_is_case_sensitive_token_delimited_and_credits_each_occurrence_once():
    entries = [Entry("Korut", "North Korea", admitted=["DPRK"]), Entry("AS", "US", flags=["case-sensitive"])]
    got = term_accuracy(
        ["Korut dan Korut.", "KORUT!", "AS dan Korut.", "Korut."],
        ["North Korea and North Korea .", "NORTH KOREA !", "US and the DPRK .", "North Korea."],
        entries,
        match="wmt21",
    )
    # 2 of 2 (two positions); all-caps not counted; "US" and an admitted form; "Korea." is no token
    assert got.found == [2, 0, 2, 0]
    one = term_accuracy(["Korut dan Korut."], ["North Korea and the North ."], entries, match="wmt21")
    assert one.found == [1]  # one rendering cannot pay for two occurrences


def test_score_cli_term_match_option(tmp_path, capsys):
    from translate_kit.cli import main

    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "t.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: id\\n"\n\nmsgid "Korut"\nmsgstr "North Korea"\n', encoding="utf-8"
    )
    for name, lines in (("src", FIVE_SOURCES), ("hyp", FIVE_HYPOTHESES), ("ref", FIVE_HYPOTHESES)):
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    for match, expected in (("lenient", 0.75), ("wmt21", 0.5)):
        with pytest.raises(SystemExit) as exc:
            main(
                [
                    "score",
                    "--hyp",
                    str(tmp_path / "hyp"),
                    "--ref",
                    str(tmp_path / "ref"),
                    "--src",
                    str(tmp_path / "src"),
                    "--glossary",
                    str(tmp_path / "g"),
                    "--format",
                    "json",
                    "--term-match",
                    match,
                ]
            )
        assert exc.value.code == 0
        data = json.loads(capsys.readouterr().out)
        assert data["term_accuracy"]["accuracy"] == expected and data["term_accuracy"]["match"] == match
