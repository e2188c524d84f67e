"""Unit tests of translate_kit.translation.constrain: protect/restore/verify/repair with plain functions as translators.

These translators are ordinary string functions (identity, word replacements) standing in for the model in
*unit* tests of the pure module; the end-to-end tests (test_translate_*.py) use the real demo model.
"""

from __future__ import annotations

import re

import pytest

from translate_kit.translation.constrain import (INLINE, PLACEHOLDER, SUBSTITUTE, protect, restore, translate_constrained,
                                     translate_unique)
from translate_kit.glossary.model import Entry
from translate_kit.glossary.matching import source_matcher

KORUT = Entry("Korut", "North Korea", variants=["Korea Utara"], forbidden=["Korea North"])
RUSIA = Entry("Rusia", "Russia")
KIM = Entry("Kim Jong Un", "Kim Jong Un", forbidden=["Kim Jong-un"])
PYONG = Entry("Pyongyang", "Pyongyang", variants=["Pyeongyang"])
KREMLIN = Entry("Kremlin", "the Kremlin")
AS = Entry("AS", "US", flags=["case-sensitive"])
RODONG = Entry("Rodong Sinmun", "Workers' Newspaper", flags=["no-translate"])
RUDAL = Entry("rudal balistik", "ballistic missile")
ENTRIES = [KORUT, RUSIA, KIM, PYONG, KREMLIN, AS, RODONG, RUDAL]
MATCHER = source_matcher(ENTRIES)


def identity(texts):
    return list(texts)


def words(table):
    """A translator replacing whole phrases (longest first) — a stand-in for a model in unit tests."""
    keys = sorted(table, key=len, reverse=True)
    rx = re.compile("|".join(re.escape(k) for k in keys))

    def translate(texts):
        return [rx.sub(lambda m: table[m.group(0)], t) for t in texts]
    return translate


def run(sentence, translate=identity):
    [outcome] = translate_constrained([sentence], [MATCHER.find(sentence)], translate)
    return outcome


@pytest.mark.parametrize("source, expected", [
    ("Korut meluncurkan rudal.", "North Korea meluncurkan rudal."),  # term at the start
    ("Rudal diluncurkan oleh Korut", "Rudal diluncurkan oleh North Korea"),  # at the end
    ("Hubungan Korut-Rusia memanas.", "Hubungan North Korea-Russia memanas."),  # hyphenated compound
    ("Sikap Korutnya keras.", "Sikap North Korea keras."),  # clitic -nya dropped, never glued
    ("Korut-lah yang menembak.", "North Korea yang menembak."),  # hyphenated particle dropped
    ("KORUT UJI RUDAL BARU", "NORTH KOREA UJI RUDAL BARU"),  # ALL-CAPS headline
    ("Kim\u00a0Jong\u00a0Un tiba.", "Kim Jong Un tiba."),  # across non-breaking spaces
    ("Ia tiba di Pyeongyang.", "Ia tiba di Pyongyang."),  # listed typo variant
    ("Korea Utara dan AS.", "North Korea dan US."),  # variant; case-sensitive acronym
    ("Mereka as usual.", "Mereka as usual."),  # "as" is not AS: untouched, no term
    ("Kremlin menolak.", "The Kremlin menolak."),  # a form starting with "the", capitalised at the start
    ("rudal balistik diluncurkan.", "Ballistic missile diluncurkan."),  # lower-case form at the start
    ("Menurut Rodong Sinmun, Korut siap.", "Menurut Rodong Sinmun, North Korea siap."),  # no-translate
])
def test_terms_come_out_in_their_preferred_form(source, expected):
    outcome = run(source)
    assert outcome.text == expected
    assert not outcome.flagged


def test_no_the_the_and_articles_follow_the_form():
    translate = words({"Juru bicara": "the spokesman of the", "menolak": "refused"})
    assert run("Juru bicara Kremlin menolak.", translate).text == "The spokesman of the Kremlin refused."
    assert run("Kremlin menolak.", translate).text == "The Kremlin refused."


def test_restore_tolerates_spacing_case_and_reordering():
    p = protect("Korut dan Rusia bertemu.", MATCHER.find("Korut dan Rusia bertemu."))
    assert p.text == "ZX1 dan ZX2 bertemu."
    r = restore("zx 2 and ZX1 met.", p)
    assert r.ok and r.text == "Russia and North Korea met."


def test_restore_reports_missing_and_duplicated_placeholders():
    p = protect("Korut dan Rusia bertemu.", MATCHER.find("Korut dan Rusia bertemu."))
    r = restore("ZX1 and ZX1 met.", p)
    assert not r.ok
    assert sorted((pr.reason, pr.entry.source) for pr in r.problems) == [("duplicated", "Korut"),
                                                                         ("missing", "Rusia")]


def test_mangled_placeholder_is_repaired_with_the_inline_protection():
    mangle = words({"ZX1": "XX"})
    outcome = run("Korut meluncurkan rudal.", mangle)
    assert outcome.text == "North Korea meluncurkan rudal."
    assert outcome.scheme == INLINE and not outcome.flagged and outcome.entries == [KORUT]


def test_repair_by_substituting_the_models_rendering():
    # the model destroys both protections but renders the bare term consistently
    model = words({"ZX1": "", "North Korea": "", "Korut": "the DPRK regime", "meluncurkan": "launched"})
    outcome = run("Korut meluncurkan rudal.", model)
    assert outcome.text == "North Korea launched rudal."  # the whole rendering "the DPRK regime" is replaced
    assert outcome.scheme == SUBSTITUTE and not outcome.flagged


def test_forbidden_form_in_unprotected_output_is_replaced():
    model = words({"ZX1": "", "Kim Jong Un": "Kim Jong-un"})
    outcome = run("Kim Jong Un tiba.", model)
    assert outcome.text == "Kim Jong Un tiba."
    assert outcome.scheme == SUBSTITUTE


def test_unrepairable_sentence_is_flagged_never_silently_wrong():
    model = words({"ZX1": "", "North Korea": "", "Korut": ""})
    outcome = run("Korut meluncurkan rudal.", model)
    assert outcome.flagged
    assert [(p.reason, p.entry) for p in outcome.problems] == [("not-found", KORUT)]
    assert outcome.entries == []


def test_literal_placeholder_lookalike_in_source_uses_the_inline_scheme():
    outcome = run("Kode ZX1 milik Korut.")
    assert outcome.text == "Kode ZX1 milik North Korea."
    assert outcome.scheme == INLINE


def test_sentence_without_terms_passes_through():
    outcome = run("Cuaca cerah hari ini.")
    assert outcome.text == "Cuaca cerah hari ini." and outcome.scheme == "" and outcome.entries == []


def test_identical_sentences_are_translated_once():
    calls = []

    def counting(texts):
        calls.append(list(texts))
        return list(texts)
    sents = ["Korut siap.", "Cuaca cerah.", "Korut siap.", "", "Cuaca cerah."]
    outcomes = translate_constrained(sents, [MATCHER.find(s) for s in sents], counting)
    assert [o.text for o in outcomes] == ["North Korea siap.", "Cuaca cerah.", "North Korea siap.", "",
                                          "Cuaca cerah."]
    assert calls == [["ZX1 siap.", "Cuaca cerah."]]


def test_translate_unique_rejects_a_short_answer():
    with pytest.raises(RuntimeError):
        translate_unique(lambda texts: texts[:-1], ["a", "b"])


def test_protect_schemes_differ():
    m = MATCHER.find("Kremlin dan Korut")
    assert protect("Kremlin dan Korut", m, PLACEHOLDER).text == "ZX1 dan ZX2"
    assert protect("Kremlin dan Korut", m, INLINE).text == "Kremlin dan North Korea"
