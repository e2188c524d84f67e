"""Unit tests of translate_kit.translation.constrain (protect/restore and the grammar around inserted forms),
run through the whole procedure (translation.enforce, via translate_texts) with plain functions as translators.

These translators are ordinary string functions (identity, word replacements) standing in for the model in
*unit* tests of the pure module; the end-to-end tests (test_translate_*.py) use the real demo model. With the
identity "engine" no term is natural (the Indonesian stays), so every one escalates to the placeholder rung.
"""

from __future__ import annotations

import re

import pytest

import translate_kit
from translate_kit.glossary.matching import source_matcher
from translate_kit.glossary.model import Entry, Glossary
from translate_kit.translation.constrain import (
    INLINE,
    KEEP,
    PLACEHOLDER,
    adjective_form,
    protect,
    restore,
)

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
    [result] = translate_kit.translate_texts([sentence], glossary=Glossary(entries=ENTRIES), translate=translate)
    return result


@pytest.mark.parametrize(
    "source, expected",
    [
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
    ],
)
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
    assert sorted((pr.reason, pr.entry.source) for pr in r.problems) == [("duplicated", "Korut"), ("missing", "Rusia")]


def test_mangled_placeholder_is_repaired_with_the_inline_protection():
    mangle = words({"ZX1": "XX"})
    result = run("Korut meluncurkan rudal.", mangle)
    assert result.text == "North Korea meluncurkan rudal."
    assert [(o.verdict, o.method) for o in result.terms] == [("enforced", INLINE)] and not result.flagged


def test_forbidden_form_in_the_output_is_replaced():
    # verify-first: the name is translated unconstrained (not protected up front as a verbatim name would be)
    model = words({"ZX1": "", "Kim Jong Un": "Kim Jong-un"})
    kim = Entry("Kim Jong Un", "Kim Jong Un", forbidden=["Kim Jong-un"], flags=["verify-first"])
    [result] = translate_kit.translate_texts(["Kim Jong Un tiba."], glossary=Glossary(entries=[kim]), translate=model)
    assert result.text == "Kim Jong Un tiba."
    assert [(o.verdict, o.method) for o in result.terms] == [("enforced", "substitute")]


def test_literal_placeholder_lookalike_in_source_uses_the_inline_scheme():
    result = run("Kode ZX1 milik Korut.")
    assert result.text == "Kode ZX1 milik North Korea."
    assert [(o.verdict, o.method) for o in result.terms] == [("enforced", INLINE)]


def test_sentence_without_terms_passes_through():
    result = run("Cuaca cerah hari ini.")
    assert result.text == "Cuaca cerah hari ini." and result.terms == [] and not result.flagged


def test_adjective_form_is_an_admitted_form_on_the_preferred_stem():
    assert adjective_form(Entry("Korut", "North Korea", admitted=["DPRK", "North Korean"])) == "North Korean"
    assert adjective_form(Entry("Rusia", "Russia", admitted=["Russian"])) == "Russian"
    assert adjective_form(Entry("Tiongkok", "China", admitted=["Chinese"])) == "Chinese"
    assert adjective_form(Entry("AS", "US", admitted=["United States"])) is None
    assert adjective_form(Entry("Korut", "North Korea", admitted=["North Korea's"])) is None


def test_keep_leaves_a_match_as_it_is_and_records_where_it_sits():
    m = MATCHER.find("Kremlin dan Korut")
    p = protect("Kremlin dan Korut", m, [KEEP, PLACEHOLDER])
    assert p.text == "Kremlin dan ZX1" and p.where == ((0, 7), (12, 15)) and len(p.slots) == 1


def test_protect_schemes_differ():
    m = MATCHER.find("Kremlin dan Korut")
    assert protect("Kremlin dan Korut", m, PLACEHOLDER).text == "ZX1 dan ZX2"
    assert protect("Kremlin dan Korut", m, INLINE).text == "Kremlin dan North Korea"
