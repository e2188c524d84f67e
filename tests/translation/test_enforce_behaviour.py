"""Behaviour of glossary enforcement (issue 10) through the public ``translate_kit.translate_texts``, with
scripted engines: plain callables that answer like a real NMT system would (an adjective, a wrong rendering,
a forbidden variant, a placeholder dropped, duplicated, translated, lower-cased, split or moved, an inflected
term, a decimal comma kept) — what no tiny model shows (DESIGN.md §4). Each expected output is worked out
by hand from the engine's scripted answer and the rules of translation/enforce.py and constrain.py."""

from __future__ import annotations

import re

import pytest

import translate_kit
from translate_kit.glossary.model import Entry, Glossary
from translate_kit.translation.policy import enforcement_warnings

KORUT = Entry("Korut", "North Korea", variants=["Korea Utara"], admitted=["North Korean"], forbidden=["Korea North"])
RUSIA = Entry("Rusia", "Russia", admitted=["Russian"])
KIM = Entry("Kim Jong Un", "Kim Jong Un", forbidden=["Kim Jong-un"], flags=["no-translate"])
KREMLIN = Entry("Kremlin", "the Kremlin")
RUDAL = Entry("rudal balistik", "ballistic missile")
KEMLU = Entry("Kemlu", "Foreign Ministry")
GLOSSARY = Glossary(entries=[KORUT, RUSIA, KIM, KREMLIN, RUDAL, KEMLU])


class Scripted:
    """An engine answering from a table of exact inputs (anything else is echoed), recording its calls."""

    def __init__(self, table: dict[str, str], default: str | None = None):
        self.table, self.default, self.calls = table, default, []

    def __call__(self, texts: list[str]) -> list[str]:
        self.calls.append(list(texts))
        return [self.table.get(t, t if self.default is None else self.default) for t in texts]


def run(engine, *texts, glossary=GLOSSARY):
    return translate_kit.translate_texts(list(texts), glossary=glossary, translate=engine)


def verdicts(result):
    return [(o.source, o.verdict, o.method or o.reason) for o in result.terms]


def test_a_correct_adjective_is_natural_and_the_sentence_is_kept_exactly():
    engine = Scripted({"Pejabat Korut tiba di Moskow.": "North Korean officials arrived in Moscow."})
    [r] = run(engine, "Pejabat Korut tiba di Moskow.")
    assert r.text == "North Korean officials arrived in Moscow." and not r.flagged
    assert verdicts(r) == [("Korut", "natural", "")]
    assert engine.calls == [["Pejabat Korut tiba di Moskow."]]  # verified first: nothing else sent
    assert r.terms[0].entry is KORUT


def test_a_wrong_rendering_escalates_to_a_placeholder_restored_as_the_adjective_the_english_needs():
    engine = Scripted(
        {
            "Pejabat Korut tiba di Moskow.": "South Korean officials arrived in Moscow.",
            "Pejabat ZX1 tiba di Moskow.": "ZX1 officials arrived in Moscow.",
        }
    )
    [r] = run(engine, "Pejabat Korut tiba di Moskow.")
    assert r.text == "North Korean officials arrived in Moscow."
    assert verdicts(r) == [("Korut", "enforced", "placeholder")]
    assert engine.calls == [["Pejabat Korut tiba di Moskow."], ["Pejabat ZX1 tiba di Moskow."]]


def test_the_noun_is_kept_where_the_placeholder_is_no_modifier():
    engine = Scripted(
        {
            "ZX1 meluncurkan rudal.": "ZX1 launched a missile.",
            "Rudal ditembakkan dari ZX1.": "The missile was fired from ZX1.",
            "Sikap ZX1 keras.": "ZX1's stance is tough.",
        }
    )
    results = run(engine, "Korut meluncurkan rudal.", "Rudal ditembakkan dari Korut.", "Sikap Korut keras.")
    assert [r.text for r in results] == [
        "North Korea launched a missile.",
        "The missile was fired from North Korea.",
        "North Korea's stance is tough.",
    ]


def test_a_forbidden_variant_is_never_kept():
    engine = Scripted({"Korut menolak.": "Korea North refused.", "ZX1 menolak.": "ZX1 refused."})
    [r] = run(engine, "Korut menolak.")
    assert r.text == "North Korea refused." and verdicts(r) == [("Korut", "enforced", "placeholder")]


@pytest.mark.parametrize(
    "answer, expected, method",
    [
        ("zx1 refused.", "North Korea refused.", "placeholder"),  # lower-cased
        ("Z X 1 refused.", "North Korea refused.", "placeholder"),  # split
        ("ZX 1 refused.", "North Korea refused.", "placeholder"),  # split once
        ("He refused.", "North Korea refused.", "inline"),  # dropped: the inline rung writes the form in
        ("ZX1 refused ZX1.", "North Korea refused.", "inline"),  # duplicated
        ("Zedex one refused.", "North Korea refused.", "inline"),  # translated
    ],
)
def test_a_mangled_placeholder_is_restored_or_repaired(answer, expected, method):
    engine = Scripted(
        {"Korut menolak.": "Korut refused.", "ZX1 menolak.": answer, "North Korea menolak.": "North Korea refused."}
    )
    [r] = run(engine, "Korut menolak.")
    assert r.text == expected and verdicts(r) == [("Korut", "enforced", method)]


def test_a_moved_placeholder_pair_is_restored_in_the_engines_order():
    engine = Scripted({"Korut dan Rusia bertemu.": "Korut and Rusia met.", "ZX1 dan ZX2 bertemu.": "ZX2 met ZX1."})
    [r] = run(engine, "Korut dan Rusia bertemu.")
    assert r.text == "Russia met North Korea."
    assert verdicts(r) == [("Korut", "enforced", "placeholder"), ("Rusia", "enforced", "placeholder")]


def test_only_the_failing_term_is_constrained_and_the_natural_one_keeps_its_rendering():
    # the retry writes the engine's own rendering of the natural term ("Russian") into the source, so a
    # re-translation cannot lose it
    engine = Scripted(
        {
            "Korut dan Rusia bertemu.": "Korut and Russian envoys met.",
            "ZX1 dan Russian bertemu.": "ZX1 and Russian envoys met.",
        }
    )
    [r] = run(engine, "Korut dan Rusia bertemu.")
    assert r.text == "North Korea and Russian envoys met."
    assert verdicts(r) == [("Korut", "enforced", "placeholder"), ("Rusia", "natural", "")]
    assert engine.calls[1] == ["ZX1 dan Russian bertemu."]


def test_an_inflected_term_is_natural():
    engine = Scripted({"Korut menguji rudal balistik.": "North Korea tested ballistic missiles."})
    [r] = run(engine, "Korut menguji rudal balistik.")
    assert r.text == "North Korea tested ballistic missiles."
    assert verdicts(r) == [("Korut", "natural", ""), ("rudal balistik", "natural", "")]


def test_a_decimal_comma_kept_by_the_engine_is_rendered_the_english_way():
    engine = Scripted(
        {
            "Inflasi naik 2,5 persen pada 18-19 Juni 2024.": "Inflation rose 2,5 persen on 18-19 Juni 2024.",
            "Harga 11.000 rupiah pukul 02.45.": "The price was 11.000 rupiah at 02.45.",
            "Rp 5 juta.": "Rp 5 juta.",
            "Senilai £11juta.": "Worth £11juta.",
        }
    )
    a, b, c, d = run(
        engine,
        "Inflasi naik 2,5 persen pada 18-19 Juni 2024.",
        "Harga 11.000 rupiah pukul 02.45.",
        "Rp 5 juta.",
        "Senilai £11juta.",
    )
    assert a.text == "Inflation rose 2.5 percent on June 18-19, 2024."
    assert b.text == "The price was 11,000 rupiah at 02:45."
    assert c.text == "Rp 5 million."
    assert d.text == "Worth £11 million."  # a scale word glued to the number
    assert [(o.source, o.verdict, o.method) for o in a.numbers] == [
        ("2,5", "enforced", "number-rendering"),
        ("18", "natural", ""),
        ("19", "natural", ""),
        ("2024", "natural", ""),
    ]
    assert not (a.flagged or b.flagged or c.flagged or d.flagged)


def test_a_wrong_number_is_flagged_and_number_rendering_can_be_turned_off():
    engine = Scripted({"Korut menembak 3 rudal.": "North Korea fired 4 missiles."})
    [r] = run(engine, "Korut menembak 3 rudal.")
    assert r.flagged and [(o.source, o.reason) for o in r.flags] == [("3", "number")]
    options = translate_kit.translation.TranslateOptions(number_rendering=False)
    [r] = translate_kit.translate_texts(
        ["Korut menembak 3 rudal."], glossary=GLOSSARY, translate=engine, options=options
    )
    assert not r.flagged and r.numbers == []


def test_substitution_of_the_terms_own_rendering_when_both_protections_fail():
    # placeholder dropped, inline form translated away; the term alone is rendered "the DPRK regime"
    engine = Scripted(
        {
            "Korut meluncurkan rudal.": "The DPRK regime launched a missile.",
            "ZX1 meluncurkan rudal.": "It launched a missile.",
            "North Korea meluncurkan rudal.": "The northern regime launched a missile.",
            "Korut": "the DPRK regime",
        }
    )
    [r] = run(engine, "Korut meluncurkan rudal.")
    assert r.text == "North Korea launched a missile."
    assert verdicts(r) == [("Korut", "enforced", "substitute")]


def test_nothing_holds_so_the_sentence_is_flagged_with_the_unconstrained_output():
    engine = Scripted(
        {
            "Korut meluncurkan rudal.": "Pyongyang launched a missile.",
            "North Korea meluncurkan rudal.": "The northern regime launched a missile.",
            "Korut": "Korut",
        },
        default="It launched a missile.",
    )
    [r] = run(engine, "Korut meluncurkan rudal.")
    assert r.flagged and r.text == "Pyongyang launched a missile."
    # first round, placeholder, inline, the term alone, then every term behind a fresh placeholder (ZX2)
    assert engine.calls[1:] == [
        ["ZX1 meluncurkan rudal."],
        ["North Korea meluncurkan rudal."],
        ["Korut"],
        ["ZX2 meluncurkan rudal."],
    ]
    assert verdicts(r) == [("Korut", "flagged", "missing")]


class PrefixEngine:
    """translate + translate_with_prefix + translate_suppressed, like a CTranslate2 engine without attention.
    Its sentence repeats the forbidden form, so substituting one span does not hold."""

    def __init__(self, continuation: str):
        self.continuation, self.calls = continuation, []

    def translate(self, texts, progress=None):
        self.calls.append("translate")
        table = {"Korut menolak.": "Korea North refused, Korea North said.", "Korut": "Korea North"}
        return [table.get(t, "It refused.") for t in texts]

    def translate_with_prefix(self, texts, prefixes, progress=None):
        self.calls.append(("prefix", tuple(prefixes)))
        return [p + self.continuation for p in prefixes]

    def translate_suppressed(self, texts, suppress, progress=None):
        self.calls.append(("suppress", tuple(suppress)))
        return ["The DPRK refused." if "Korea North" in suppress else "Korea North refused." for _ in texts]


STRICT = Glossary(entries=[Entry("Korut", "North Korea", admitted=["DPRK"], forbidden=["Korea North"])])


def test_target_prefix_forcing_at_the_aligned_position():
    engine = PrefixEngine(" refused.")
    [r] = run(engine, "Korut menolak.", glossary=STRICT)
    assert r.text == "North Korea refused." and verdicts(r) == [("Korut", "enforced", "prefix")]
    # first round, placeholder, inline, the term alone (substitute), then the prefix: one call each
    assert engine.calls == ["translate", "translate", "translate", "translate", ("prefix", ("North Korea",))]


def test_suppressing_the_forbidden_forms_when_the_prefix_does_not_hold():
    engine = PrefixEngine(" refused, Korea North said.")
    [r] = run(engine, "Korut menolak.", glossary=STRICT)
    assert r.text == "The DPRK refused." and verdicts(r) == [("Korut", "enforced", "suppress")]
    assert engine.calls[-1] == ("suppress", ("Korea North",))


def test_each_round_is_one_batched_call_and_identical_texts_go_once():
    engine = Scripted(
        {"Korut siap.": "Korut is ready.", "ZX1 siap.": "ZX1 is ready.", "Rusia siap.": "Russia is ready."}
    )
    results = run(engine, "Korut siap.", "Rusia siap.", "Korut siap.", "Cuaca cerah.", "")
    assert [r.text for r in results] == [
        "North Korea is ready.",
        "Russia is ready.",
        "North Korea is ready.",
        "Cuaca cerah.",
        "",
    ]
    assert engine.calls == [["Korut siap.", "Rusia siap.", "Cuaca cerah."], ["ZX1 siap."]]


def test_verbatim_names_are_protected_up_front_unless_the_entry_says_verify_first():
    engine = Scripted({"ZX1 tiba.": "ZX1 arrived.", "Kim Jong Un tiba.": "Kim Jong-un arrived."})
    [r] = run(engine, "Kim Jong Un tiba.")
    assert r.text == "Kim Jong Un arrived." and verdicts(r) == [("Kim Jong Un", "enforced", "protected")]
    free = Entry("Kim Jong Un", "Kim Jong Un", flags=["no-translate", "verify-first"])
    engine = Scripted({"Kim Jong Un tiba.": "Kim Jong Un arrived."})
    [r] = run(engine, "Kim Jong Un tiba.", glossary=Glossary(entries=[free]))
    assert verdicts(r) == [("Kim Jong Un", "natural", "")] and engine.calls == [["Kim Jong Un tiba."]]
    protected = Entry("Kemlu", "Foreign Ministry", flags=["protect"])
    engine = Scripted({"ZX1 menolak.": "The ZX1 refused."})
    [r] = run(engine, "Kemlu menolak.", glossary=Glossary(entries=[protected]))
    assert r.text == "The Foreign Ministry refused." and verdicts(r) == [("Kemlu", "enforced", "protected")]


def test_urls_emails_handles_and_hashtags_come_out_verbatim():
    source = "Lihat www.kemlu.go.id, tulis ke info@kemlu.go.id atau @Kemlu_RI #DiplomasiRI."
    engine = Scripted({"Lihat ZX1, tulis ke ZX2 atau ZX3 ZX4.": "See ZX1, write to ZX2 or ZX3 ZX4."})
    [r] = run(engine, source)
    assert r.text == "See www.kemlu.go.id, write to info@kemlu.go.id or @Kemlu_RI #DiplomasiRI."
    assert [(o.source, o.kind, o.verdict) for o in r.terms] == [
        ("www.kemlu.go.id", "verbatim", "enforced"),
        ("info@kemlu.go.id", "verbatim", "enforced"),
        ("@Kemlu_RI", "verbatim", "enforced"),
        ("#DiplomasiRI", "verbatim", "enforced"),
    ]


def test_a_glossary_directory_and_a_loaded_glossary_are_both_accepted(glossary_dir):
    directory = glossary_dir('msgid "Korut"\nmsgstr "North Korea"\n')
    [r] = translate_kit.translate_texts(["Korut siap."], glossary=directory, translate=lambda t: t)
    assert r.text == "North Korea siap." and r.terms[0].entry.path is not None
    with pytest.raises(TypeError):
        translate_kit.translate_texts(["Korut siap."], glossary=directory, translate=42)


# -- bad input ------------------------------------------------------------------------------------------------
def test_admitted_equal_to_preferred_and_an_empty_preferred_form_are_warnings_and_every_sentence_comes_back():
    same = Entry("Rusia", "Russia", admitted=["Russia"])
    empty = Entry("Kemlu", "")
    usable, warnings = enforcement_warnings([same, empty])
    assert usable == [same]
    assert [w.code for w in warnings] == ["admitted-is-preferred", "empty-preferred"]
    results = run(lambda t: t, "Rusia siap.", "Kemlu siap.", glossary=Glossary(entries=[same, empty]))
    assert [r.text for r in results] == ["Russia siap.", "Kemlu siap."]
    assert results[1].terms == []  # the entry with no English form is not enforced


def test_a_term_that_reads_like_a_placeholder_is_protected_inline():
    code = Entry("ZX1", "Zone X1")
    [w] = enforcement_warnings([code])[1]
    assert w.code == "placeholder-like-term"
    engine = Scripted({"ZX1 dan Korut siap.": "ZX1 and Korut ready."})
    [r] = run(engine, "ZX1 dan Korut siap.", glossary=Glossary(entries=[code, KORUT]))
    assert r.text == "Zone X1 dan North Korea siap." and not r.flagged
    assert [c for c in engine.calls if any("ZX2" in t for t in c)] == []  # never a placeholder


def test_a_sentence_made_only_of_terms():
    engine = Scripted({"ZX1": "ZX1"})
    [r] = run(engine, "Korut")
    assert r.text == "North Korea" and verdicts(r) == [("Korut", "enforced", "placeholder")]


def test_two_hundred_terms_in_one_sentence_each_get_a_verdict():
    sentence = " dan ".join(["Korut", "Rusia"] * 100) + "."
    engine = Scripted({})

    def translate(texts):
        return [re.sub(r"\bdan\b", "and", t) for t in engine(texts)]

    [r] = run(translate, sentence)
    assert len(r.terms) == 200 and all(o.verdict == "enforced" for o in r.terms)
    assert r.text == " and ".join(["North Korea", "Russia"] * 100) + "."
