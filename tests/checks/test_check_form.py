"""The form checks (doubled-word, unbalanced-brackets, end-punctuation, url-changed), Indonesian number words
in number-mismatch, and the wording of term and number messages, on small hand-made pairs."""

from __future__ import annotations

import pytest

from translate_kit.checks import CheckConfig, run_check
from translate_kit.corpus.pairing import Segment, SegmentPair
from translate_kit.glossary.model import Entry, Glossary

FORM = {"doubled-word", "unbalanced-brackets", "end-punctuation", "url-changed", "number-mismatch"}


def found(src, tgt, glossary=None, only=FORM):
    pair = SegmentPair(Segment("a.id", 3, src), Segment("a.en", 3, tgt), "a.id")
    return [(v.kind, v.message) for v in run_check([pair], glossary, CheckConfig()).violations if v.kind in only]


def kinds(src, tgt):
    return [k for k, _ in found(src, tgt)]


# -- doubled-word ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "tgt",
    [
        "He went to to the market.",
        "The the market opened.",
        "access to the the towns was limited",
        "They said that it it was late.",
    ],
)
def test_doubled_words_are_found(tgt):
    assert kinds("Dia pergi ke pasar.", tgt) == ["doubled-word"]


def test_doubled_word_message_and_span():
    pair = SegmentPair(
        Segment("a.id", 1, "Dia pergi ke pasar."), Segment("a.en", 1, "He went to to the market."), "a.id"
    )
    (v,) = run_check([pair]).violations
    assert v.kind == "doubled-word" and v.severity == "warning"
    assert (v.target.span, v.target.text) == ((8, 13), "to to")
    assert v.message == "'to to': the word 'to' is doubled"


@pytest.mark.parametrize(
    "src,tgt",
    [
        ("Dia sudah muak.", "He had had enough."),
        ("Walla Walla adalah kota.", "Walla Walla is a city."),
        ("Tidak, tidak, tidak.", "No, no, no."),
        ("Skor 10 10.", "A 10 10 score."),
        ("Mereka menginap di Hotel Roa-Roa.", "They stayed at the Roa Roa Hotel."),
        ("Itu sebuah rencana.", "What it is is a plan."),
    ],
)
def test_allowed_doubles_names_and_numbers_are_not_reported(src, tgt):
    assert "doubled-word" not in kinds(src, tgt)


def test_a_doubled_name_or_possessive_is_reported_where_the_source_has_it_once():
    assert kinds("Mengapa Presiden Trump menyerah?", "Why has President Trump Trump given up?") == ["doubled-word"]
    assert kinds("Perbatasan Irak.", "Iraq Iraq's borders.") == ["doubled-word"]


# -- unbalanced-brackets ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "src,tgt",
    [
        ("Presiden (kiri) tiba.", "The president (left arrived."),
        ("Dia berkata, “kami siap”.", "He said, “we are ready."),
        ('Dia berkata, "kami siap".', 'He said, "we are ready.'),
        ("Data [2024] baru.", "New data 2024]."),
    ],
)
def test_unbalanced_brackets_and_quotes_are_found(src, tgt):
    assert kinds(src, tgt) == ["unbalanced-brackets"]


def test_brackets_unbalanced_in_the_source_too_are_not_reported():
    # a quotation running on past the segment, in both languages
    assert kinds("“Kami siap, kata dia.", "“We are ready, he said.") == []
    assert kinds("Presiden (kiri) tiba.", "The president arrived.") == []  # brackets dropped, not unbalanced


# -- end-punctuation -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "src,tgt",
    [
        ("Apakah dia datang?", "Did he come."),
        ("Dia datang.", "Did he come?"),
        ("Katanya:", "He said."),
        ("Tunggu…", "Wait?"),
    ],
)
def test_changed_end_punctuation_is_found(src, tgt):
    assert kinds(src, tgt) == ["end-punctuation"]


@pytest.mark.parametrize(
    "src,tgt",
    [
        ("Polisi menangkap pria.", "Police arrest man"),
        ("Gempa di Palu", "Earthquake in Palu."),
        ("Awas!", "Watch out."),
        ("“Apakah dia datang?”", '"Did he come?"'),
        ("Tunggu...", "Wait…"),
    ],
)
def test_full_stops_added_or_dropped_and_toned_down_exclamations_are_not_reported(src, tgt):
    assert kinds(src, tgt) == []


def test_end_punctuation_message():
    assert found("Apakah dia datang?", "Did he come.") == [
        ("end-punctuation", "the source ends with a question mark but the translation with a full stop")
    ]


# -- url-changed -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "src,tgt,link",
    [
        (
            "Lihat https://kemlu.go.id/berita/123.",
            "See https://kemlu.go.id/news/123.",
            "https://kemlu.go.id/berita/123",
        ),
        ("Kirim ke humas@kemlu.go.id segera.", "Write to humas@kemlu.co.id now.", "humas@kemlu.go.id"),
        ("Ikuti @KemluRI di Twitter.", "Follow @ForeignMinistry on Twitter.", "@KemluRI"),
        ("Tagar #SaveKPK ramai.", "The hashtag #SaveTheKPK trended.", "#SaveKPK"),
        ("Info di www.bnpb.go.id.", "Information at bnpb.go.id.", "www.bnpb.go.id"),
    ],
)
def test_changed_urls_e_mails_handles_and_hashtags_are_errors(src, tgt, link):
    got = found(src, tgt)
    assert got[0] == ("url-changed", f"{link!r} of the source is not in the translation as written")
    assert {k for k, _ in got} == {"url-changed"}


def test_links_carried_over_are_fine_handles_and_hosts_in_any_casing():
    assert (
        kinds("Lihat https://kemlu.go.id/Berita dan @MerPolCc.", "See https://KEMLU.go.id/Berita and @MerPolCC.") == []
    )
    assert kinds("Harga naik 5 persen. Kata #1 adalah", "Prices rose 5 percent. Word #1 is") == []


def test_a_link_only_in_the_translation_is_reported():
    assert found("Lihat situs resmi.", "See the official site www.example.com.") == [
        ("url-changed", "'www.example.com' in the translation is not in the source")
    ]


# -- Indonesian number words -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "src,tgt",
    [
        ("Lima orang tewas.", "Five people died."),
        ("Sebanyak dua puluh lima rumah rusak.", "As many as 25 houses were damaged."),
        ("Ada tiga ratus ribu pengungsi.", "There are 300,000 refugees."),
        ("Akhir pekan tiga hari.", "A three-day weekend."),
        ("Di lantai lima hotel.", "On the fifth floor of the hotel."),
        ("Kedua negara, dua sekutu.", "Both countries, allies both."),
        ("Dua per tiga suara.", "A two-thirds majority."),
        ("Dia tiba di Lima, Peru.", "He arrived in Lima, Peru."),
    ],
)
def test_number_words_rendered_in_words_or_digits_agree(src, tgt):
    assert kinds(src, tgt) == []


def test_a_number_word_rendered_as_another_number_is_a_mismatch():
    assert found("Lima orang tewas.", "Four people died.") == [
        ("number-mismatch", "number 'Lima' (5) in the source is rendered 'Four' (4) in the translation")
    ]
    assert found("Ada dua puluh lima korban.", "There were 24 victims.") == [
        ("number-mismatch", "number 'dua puluh lima' (25) in the source is rendered '24' in the translation")
    ]


def test_years_read_as_written():
    assert found("Pada tahun 2024.", "In 2025.") == [
        ("number-mismatch", "number '2024' in the source is rendered '2025' in the translation")
    ]


# -- term messages ---------------------------------------------------------------------------------------------
def test_missing_term_says_how_many_occurrences_are_missing():
    g = Glossary(entries=[Entry("Korut", "North Korea")])
    got = found("Korut dan Korut lagi.", "North Korea and again.", g, only={"missing-term"})
    message = (
        "'Korut' (Korut) should be rendered 'North Korea'; 1 of 2 occurrences missing in the "
        "translation (each needs a rendering)"
    )
    assert got == [("missing-term", message)]
    got = found("Korut lagi.", "Again.", g, only={"missing-term"})
    assert got == [("missing-term", "'Korut' (Korut) should be rendered 'North Korea'; not found in the translation")]


def test_a_noun_and_its_own_adjective_are_one_rendering():
    korut = Entry("Korut", "North Korea", admitted=["North Korean", "DPRK"])
    jerman = Entry("Jerman", "Germany", context="country", admitted=["German"])
    g = Glossary(entries=[korut, jerman])
    pairs = [
        SegmentPair(Segment("a.id", i, s), Segment("a.en", i, t), "a.id")
        for i, (s, t) in enumerate(
            [
                ("Korut menembak.", "North Korea fired."),
                ("Pejabat Korut.", "North Korean officials."),
                ("Pemerintah Jerman.", "The German government."),
                ("Jerman menolak.", "Germany refused."),
            ],
            1,
        )
    ]
    assert run_check(pairs, g).violations == []
    pairs.append(SegmentPair(Segment("a.id", 9, "Korut lagi."), Segment("a.en", 9, "The DPRK again."), "a.id"))
    assert [v.kind for v in run_check(pairs, g).violations] == ["inconsistent-term"]


@pytest.mark.parametrize(
    "text",
    [
        "dua puluh lima, tiga ratus ribu dan enam",
        "duapuluh lima-lima; Limapuluh. sepuluhan satu dua",
        "twenty-five thousand and three, one hundred and five, two and three",
        "the ninth and fifth-floor, both twins; twentieth-century, anyone, often",
        "i̇ki dua puluh İstanbul tiga",  # a character that lower-cases to two
        "",
    ],
)
def test_number_word_patterns_tried_at_automaton_hits_match_a_full_scan(text):
    """The number-word readers try their patterns only where an automaton finds a number word; that must find
    exactly what a scan of every position (``finditer``) finds."""
    from translate_kit.checks import number_words as w

    low = text.lower()
    for rx, starts in ((w._RUNS["id"], w._RUN_STARTS["id"]), (w._RUNS["en"], w._RUN_STARTS["en"])):
        assert [m.span() for m in w._matches(rx, starts, low)] == [m.span() for m in rx.finditer(low)]
    ordinals = w._matches(w._ORDINAL_OR_TWO, w._ORDINAL_OR_TWO_STARTS, low)
    assert [m.span() for m in ordinals] == [m.span() for m in w._ORDINAL_OR_TWO.finditer(low)]
