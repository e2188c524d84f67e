"""Each violation kind on small hand-made pairs, with a glossary loaded from real PO files."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate_kit.checks import REGISTRY, CheckConfig, run_check
from translate_kit.checks.runner import ConfigError
from translate_kit.corpus.pairing import Segment, SegmentPair
from translate_kit.glossary.pofile import load_glossary

GLOSSARY = """msgid ""
msgstr ""
"Language: id\\n"

#. variant: Korea Utara
#. admitted: DPRK
#. forbidden: Korea North
msgid "Korut"
msgstr "North Korea"

#. variant: Amerika Serikat
#. admitted: United States
#, case-sensitive
msgid "AS"
msgstr "US"

#. forbidden: Kim Jong-un
msgid "Kim Jong Un"
msgstr "Kim Jong Un"

msgid "Pyongyang"
msgstr "Pyongyang"

msgid "Kemlu"
msgstr "Foreign Ministry"

#, fuzzy
msgid "Rodong Sinmun"
msgstr "Rodong Sinmun newspaper"
"""
# line numbers of the msgid lines above: Korut 8, AS 14, Kim Jong Un 18, Pyongyang 21, Kemlu 24, Rodong 28
# (Entry.ref is the entry's first line: Korut 5, AS 11, Kim Jong Un 17, Pyongyang 21, Kemlu 24, Rodong 27)


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    d = tmp_path_factory.mktemp("glossary")
    (d / "abbreviations.po").write_text(GLOSSARY, encoding="utf-8")
    return load_glossary(d)


def P(src, tgt, line=1, doc="doc.txt"):
    return SegmentPair(
        Segment("src.id", line, src) if src is not None else None,
        Segment("tgt.en", line, tgt) if tgt is not None else None,
        doc,
    )


def check(pairs, glossary, **cfg):
    return run_check(pairs, glossary, CheckConfig(**cfg)).violations


def kinds(violations):
    return [v.kind for v in violations]


def test_clean_pair_has_no_violation(glossary):
    assert (
        check(
            [
                P(
                    "Korut dan AS bertemu di Pyongyang pada 18 Juni 2024.",
                    "North Korea and the US met in Pyongyang on June 18, 2024.",
                )
            ],
            glossary,
        )
        == []
    )


def test_forbidden_term_names_entry_ref_and_spans(glossary):
    (v,) = check([P("Korut meluncurkan rudal.", "Korea North launched a missile.")], glossary)
    assert v.kind == "forbidden-term" and v.severity == "error"
    assert v.entry_ref.endswith("abbreviations.po:5")
    assert v.message == (
        f"'Korut' ({v.entry_ref}) should be rendered 'North Korea'; found 'Korea North', a forbidden form"
    )
    assert (v.source.span, v.source.text) == ((0, 5), "Korut")
    assert (v.target.span, v.target.text) == ((0, 11), "Korea North")
    assert v.where == "tgt.en:1"


def test_missing_term_counts_occurrences(glossary):
    vs = check([P("Korut dan Korut lagi.", "North Korea and again.")], glossary)
    assert kinds(vs) == ["missing-term"]
    assert vs[0].source.span == (10, 15)  # the second occurrence lacks a rendering
    assert check([P("Korut dan Korut lagi.", "North Korea and North Korea again.")], glossary) == []


def test_english_side_tolerates_case_possessive_plural_hyphen_and_line_breaks(glossary):
    pairs = [
        P("Korut mengecam.", "north korea condemned."),
        P("Rudal Korut.", "North Korea's missile."),
        P("Hubungan Korut-Rusia.", "North Korea-Russia ties."),
        P("Korut berkata.", "North\n  Korea said."),
    ]
    assert check(pairs, glossary, disabled={"inconsistent-term"}) == []


def test_variant_in_source_and_admitted_in_target_are_accepted(glossary):
    assert check([P("Amerika Serikat dan Korea Utara.", "The United States and the DPRK.")], glossary) == []


def test_case_sensitive_entry_does_not_match_lower_case(glossary):
    # "as" is not the acronym AS, so nothing is required of the translation
    assert check([P("Ia bekerja as usual.", "He works as usual.")], glossary) == []


def test_untranslated_term_is_one_violation_not_also_missing(glossary):
    vs = check([P("Kemlu menyatakan.", "Kemlu stated.")], glossary)
    assert kinds(vs) == ["untranslated-term"]
    assert vs[0].target.text == "Kemlu" and vs[0].source.text == "Kemlu"


def test_source_form_equal_to_english_form_is_never_untranslated(glossary):
    assert check([P("Kim Jong Un di Pyongyang.", "Kim Jong Un in Pyongyang.")], glossary) == []


def test_forbidden_spelling_of_a_name(glossary):
    vs = check([P("Kim Jong Un berpidato.", "Kim Jong-un gave a speech.")], glossary)
    assert kinds(vs) == ["forbidden-term"] and vs[0].target.text == "Kim Jong-un"


def test_inconsistent_term_within_a_document_and_batch_scope(glossary):
    pairs = [
        P("Korut menolak.", "North Korea refused.", 1, "a.txt"),
        P("Korut setuju.", "North Korea agreed.", 2, "a.txt"),
        P("Korut diam.", "The DPRK kept quiet.", 3, "a.txt"),
    ]
    vs = check(pairs, glossary)
    assert kinds(vs) == ["inconsistent-term"] and vs[0].line == 3 and vs[0].target.text == "DPRK"
    split = [
        P("Korut menolak.", "North Korea refused.", 1, "a.txt"),
        P("Korut diam.", "The DPRK kept quiet.", 1, "b.txt"),
    ]
    assert check(split, glossary) == []
    assert kinds(check(split, glossary, scope="batch")) == ["inconsistent-term"]


def test_fuzzy_entries_are_reported_as_info_never_enforced(glossary):
    vs = check([P("Menurut Rodong Sinmun.", "According to the party paper.")], glossary)
    assert [(v.kind, v.severity) for v in vs] == [("fuzzy-term", "info")]


def test_source_typo_suggests_the_entry(glossary):
    vs = check([P("Rudal ditembakkan dari Pyeongyang.", "A missile was fired from Pyongyang.")], glossary)
    assert kinds(vs) == ["source-typo"]
    assert vs[0].suggestion == "Pyongyang" and vs[0].source.text == "Pyeongyang" and vs[0].severity == "warning"


@pytest.mark.parametrize(
    "sentence",
    [
        "Presiden Joko Widodo bertemu Menteri Keuangan di Jakarta.",
        "Pyongyangnya sudah dikunjungi Korutnya.",
        "Pemerintah Korea Selatan dan Jepang berunding di Seoul.",
    ],
)
def test_no_typo_false_alarm_on_ordinary_capitalised_words(glossary, sentence):
    assert "source-typo" not in kinds(check([P(sentence, "x " * 20)], glossary, disabled={"length-ratio"}))


def test_number_mismatch(glossary):
    vs = check([P("Sebanyak 11.000 orang hadir pukul 02.45.", "As many as 12,000 people came at 02:45.")], glossary)
    assert kinds(vs) == ["number-mismatch"]
    assert (vs[0].source.text, vs[0].target.text) == ("11.000", "12,000")


def test_segment_kinds_block_the_other_checks(glossary):
    pairs = [
        P("Korut menembak.", ""),
        P("Korut menembak.", None, 2),
        P(None, "Extra line.", 3),
        P("Korut dan AS tidak akan bertemu di sana.", "Korut dan AS tidak akan bertemu di sana.", 4),
        P(
            "Ini adalah berita yang sangat penting bagi kita semua.",
            "Ini adalah berita yang sangat penting bagi kita semua, katanya.",
            5,
        ),
    ]
    assert kinds(check(pairs, glossary)) == [
        "empty-segment",
        "missing-segment",
        "extra-segment",
        "untranslated-segment",
        "untranslated-segment",
    ]


def test_length_ratio_band_and_minimum_length(glossary):
    long_src = "Pemerintah mengumumkan kebijakan baru tentang harga bahan bakar hari ini."
    assert kinds(check([P(long_src, "New fuel policy.")], glossary)) == ["length-ratio"]
    assert check([P(long_src, "New fuel policy.")], glossary, length_ratio=(0.2, 2.0)) == []
    assert check([P("Pendek.", "A much, much longer translation than the source.")], glossary) == []


def test_severity_override_and_disable(glossary):
    pair = [P("Korut meluncurkan rudal.", "Korea North launched a missile.")]
    (v,) = check(pair, glossary, severities={"forbidden-term": "warning"})
    assert v.severity == "warning"
    assert check(pair, glossary, disabled={"forbidden-term"}) == []


@pytest.mark.parametrize(
    "cfg",
    [
        {"severities": {"nope": "error"}},
        {"severities": {"missing-term": "fatal"}},
        {"disabled": {"nope"}},
        {"scope": "world"},
        {"length_ratio": (2.0, 1.0)},
    ],
)
def test_bad_config_is_a_one_line_error(cfg):
    with pytest.raises(ConfigError):
        CheckConfig(**cfg)


def test_registry_has_stable_names_and_default_severities():
    assert {k: c.severity for k, c in REGISTRY.items()} == {
        "missing-file": "error",
        "extra-file": "error",
        "missing-segment": "error",
        "extra-segment": "error",
        "empty-segment": "error",
        "untranslated-segment": "error",
        "length-ratio": "warning",
        "missing-term": "error",
        "forbidden-term": "error",
        "untranslated-term": "error",
        "fuzzy-term": "info",
        "inconsistent-term": "warning",
        "number-mismatch": "warning",
        "source-typo": "warning",
        "doubled-word": "warning",
        "unbalanced-brackets": "warning",
        "end-punctuation": "warning",
        "url-changed": "error",
    }


_FILLER = st.lists(
    st.sampled_from(["the", "said", "on", "Monday", "that", "talks", "will", "resume", ",", "."]), max_size=8
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(_FILLER, _FILLER, st.sampled_from(["Korea North", "korea  north", "KOREA\nNORTH", "Korea North's"]))
def test_reported_spans_slice_back_to_the_matched_text(glossary, before, after, form):
    target = f"{before} {form} {after}"
    source = f"Kata Korut {before}."
    vs = [v for v in check([P(source, target)], glossary) if v.kind == "forbidden-term"]
    assert len(vs) == 1
    v = vs[0]
    assert target[slice(*v.target.span)] == v.target.text
    assert " ".join(v.target.text.split()).lower() == "korea north"
    assert source[slice(*v.source.span)] == v.source.text == "Korut"


@pytest.mark.parametrize(
    "typo,entry_source",
    [
        ("Ushakob", "Yuri Ushakov"),
        ("Pyeongyang", "Pyongyang"),
        ("Kim Jong Eun", "Kim Jong Un"),
        ("Kourt", "Korut"),
        ("Kerja", None),
        ("Korean", None),
    ],
)
def test_typo_examples(typo, entry_source):
    from translate_kit.glossary.model import Entry, Glossary

    g = Glossary(
        [
            Entry("Yuri Ushakov", "Yuri Ushakov", variants=["Ushakov"]),
            Entry("Pyongyang", "Pyongyang"),
            Entry("Kim Jong Un", "Kim Jong Un"),
            Entry("Korut", "North Korea"),
            Entry("Korea", "Korea"),
        ]
    )
    vs = [v for v in check([P(f"Kata ajudan {typo} kepada wartawan.", "x " * 12)], g) if v.kind == "source-typo"]
    if entry_source is None:  # an ordinary word two edits away; a longer word built on a form
        assert vs == []
    else:
        assert [(v.source.text, v.entry_source) for v in vs] == [(typo, entry_source)]
