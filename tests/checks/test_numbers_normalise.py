"""Indonesian/English number, amount, percentage, date and time normalisation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate_kit.checks.numbers import EN_MONTHS, ID_MONTHS, compare, extract, parse_number

ID_MONTH_NAMES = [
    m.capitalize() for m, i in sorted(ID_MONTHS.items(), key=lambda x: x[1]) if m not in ("pebruari", "nopember")
]
EN_MONTH_NAMES = [m.capitalize() for m in list(EN_MONTHS)[:12]]


def id_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@pytest.mark.parametrize(
    "token,lang,value",
    [
        ("11.000", "id", "11000"),
        ("2,5", "id", "2.5"),
        ("1.234.567,89", "id", "1234567.89"),
        ("2.5", "id", "2.5"),
        ("11,000", "en", "11000"),
        ("2.5", "en", "2.5"),
        ("1,234,567.89", "en", "1234567.89"),
        ("2024", "en", "2024"),
    ],
)
def test_parse_number(token, lang, value):
    assert parse_number(token, lang)[0] == Decimal(value)


@pytest.mark.parametrize(
    "src,tgt",
    [
        ("Harga naik menjadi Rp 11.000.", "The price rose to Rp 11,000."),
        ("Inflasi 2,5 persen.", "Inflation was 2.5 percent."),
        ("Pertemuan pada 18-19 Juni 2024.", "The meeting on June 18-19, 2024."),
        ("Ledakan terjadi pukul 02.45 WIB.", "The blast happened at 02:45."),
        ("Ledakan terjadi pukul 14.30.", "The blast happened at 2:30 p.m."),
        ("Surat bertanggal 14/6/2024.", "The letter is dated June 14, 2024."),
        ("Dana Rp 5 juta disiapkan.", "Funds of 5 million rupiah were prepared."),
        ("Naik 20 persen.", "Up 20%."),
        ("Naik 20 persen.", "Up 20 percent."),
        ("Sebanyak 1,5 juta orang.", "As many as 1.5 million people."),
        ("Ia tinggal dua hari.", "He stayed two days."),
        ("Ia tinggal 2 hari.", "He stayed two days."),
        ("32 persen mendukung.", "Thirty-two percent supported."),
        ("Nilainya £125 juta.", "It was worth £125m."),
        ("Ia berbicara pukul 23.45.", "She spoke at 23.45."),
        ("Pada 1 Mei 2024 ia pergi.", "On May 1, 2024 he left."),
    ],
)
def test_equivalent_renderings_agree(src, tgt):
    assert not compare(src, tgt), compare(src, tgt)


@pytest.mark.parametrize(
    "src,tgt,missing,extra",
    [
        ("Ada 12 orang.", "There were 13 people.", "12", "13"),
        ("Harga Rp 11.000.", "Price Rp 11,500.", "11.000", "11,500"),
        ("Pukul 02.45.", "At 03:45.", "02.45", "03:45"),
        ("Pada 18 Juni.", "On July 18.", "Juni", "July"),
        ("Naik 2,5 persen.", "Up 25 percent.", "2,5", "25"),
    ],
)
def test_differences_are_reported_with_their_text(src, tgt, missing, extra):
    diff = compare(src, tgt)
    assert [q.text for q in diff.missing] == [missing]
    assert [q.text for q in diff.extra] == [extra]


def test_may_the_verb_is_not_a_month():
    assert [q.kind for q in extract("You may go on May 5.", "en")] == ["month", "number"]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_integer_written_both_ways_normalises_to_the_same_value(n):
    src, tgt = f"Jumlahnya {id_int(n)} orang.", f"There are {n:,} people."
    assert [q.key for q in extract(src, "id")] == [Decimal(n)]
    assert [q.key for q in extract(tgt, "en")] == [Decimal(n)]
    assert not compare(src, tgt)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_decimal_written_both_ways_normalises_to_the_same_value(whole, frac):
    fs = f"{frac:02d}".rstrip("0") or "0"
    value = Decimal(f"{whole}.{fs}")
    src, tgt = f"Naik {id_int(whole)},{fs} persen.", f"Up {whole:,}.{fs} percent."
    assert [q.key for q in extract(src, "id")] == [value]
    assert [q.key for q in extract(tgt, "en")] == [value]


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6))
def test_a_changed_integer_is_reported(a, b):
    diff = compare(f"Ada {id_int(a)} orang.", f"There are {b:,} people.")
    assert bool(diff) == (a != b)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 23), st.integers(0, 59))
def test_times_24h_and_12h_agree(h, m):
    h12, ampm = (h % 12 or 12), ("a.m." if h < 12 else "p.m.")
    assert not compare(f"pukul {h:02d}.{m:02d} WIB", f"at {h:02d}:{m:02d}")
    assert not compare(f"pukul {h}.{m:02d}", f"at {h12}:{m:02d} {ampm}")


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 28), st.integers(1, 12), st.integers(1950, 2100))
def test_dates_agree_across_formats(d, mo, y):
    en = f"on {EN_MONTH_NAMES[mo - 1]} {d}, {y}"
    assert not compare(f"pada {d} {ID_MONTH_NAMES[mo - 1]} {y}", en)
    assert not compare(f"pada {d}/{mo}/{y}", en)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Rp",
                "11.000",
                "2,5",
                "persen",
                "pukul",
                "02.45",
                "Juni",
                "14/6/2024",
                "juta",
                "  ",
                "-",
                "kata",
                "$3.5bn",
                "May",
                "10 a.m.",
                "1.234,5",
                "%",
            ]
        ),
        max_size=12,
    ),
    st.sampled_from(["id", "en"]),
)
def test_spans_slice_back_to_the_reported_text(pieces, lang):
    text = " ".join(pieces)
    for q in extract(text, lang):
        assert text[q.start : q.end] == q.text
        assert q.text.strip() == q.text and q.text


_PIECES = [
    "Rp",
    "11.000",
    "11,000",
    "2,5",
    "2.5",
    "2,500",
    "persen",
    "percent",
    "pukul",
    "at",
    "02.45",
    "2:45",
    "Juni",
    "June",
    "18",
    "2024",
    "14/6/2024",
    "6/14/2024",
    "juta",
    "jutanya",
    "million",
    "miliar",
    "billion",
    "dua",
    "two",
    "May",
    "10",
    "a.m.",
    "1.234,5",
    "1,234.5",
    "%",
    "kata",
    "the",
    "of",
    "the 28th of",
    "Oktober",
    "WIB",
    "-",
    "£125m",
    "125",
    "$2bn",
    "2024-06-14",
    "(5)",
    "5-million",
    "2019-2020",
    "5m.",
    "1,5-06-14",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10), st.lists(st.sampled_from(_PIECES), max_size=10))
def test_the_shortcut_never_hides_a_difference(src_pieces, tgt_pieces):
    src, tgt = " ".join(src_pieces), " ".join(tgt_pieces)
    if not compare(src, tgt):
        assert not compare(src, tgt, shortcut=False)


def test_shortcut_declines_iso_dates():
    """The middle group of "2024-06-14" is a month, so plain digit groups "14 06 2024" do not match it."""
    for src, tgt in [("2024-06-14", "14 06 2024"), ("tanggal 2024-06-14", "on 2024, 06, 14")]:
        assert compare(src, tgt) == compare(src, tgt, shortcut=False)
        assert [q.kind for q in compare(src, tgt).missing] == ["month"]
    assert not compare("2024-06-14", "on 2024-06-14")


def test_the_quick_pattern_marks_the_numbers_no_shortcut_may_take():
    """An ISO date's year and, in English, a scale letter glued to a number stop the shortcut; a year range,
    a scale word and an Indonesian letter after a number do not."""
    from translate_kit.checks.numbers import _quick_tokens

    assert _quick_tokens("tanggal 2024-06-14", "id") is None
    assert _quick_tokens("a £125m deal", "en") is None
    assert _quick_tokens("a 5k run", "en") is None
    assert _quick_tokens("pada 2019-2020", "id") == ([("2019", 1), ("2020", 1)], "pada 2019-2020")
    assert _quick_tokens("$2bn and 5 million", "en") == ([("2", 10**9), ("5", 10**6)], "$2bn and 5 million")
    assert _quick_tokens("Rp 125m", "id") == ([("125", 1)], "rp 125m")


def test_shortcut_agrees_on_ambiguous_groups_in_either_order():
    """Indonesian "2,500" may be 2.5 or 2,500: the plain "2,5" takes the 2.5, the ambiguous one the 2500."""
    assert not compare("2,500 2,5", "2,5 2,500", shortcut=False)
    assert not compare("2,5 2.500", "2.500 2,5", shortcut=False)


def test_shortcut_sees_a_month_glued_to_its_day():
    """ "18juni" is 18 June for extraction; the shortcut must not take it for a plain 18."""
    assert compare("pada 18juni 2024", "on 18 2024") == compare("pada 18juni 2024", "on 18 2024", shortcut=False)
    assert [q.kind for q in compare("pada 18juni 2024", "on 18 2024").missing] == ["month"]
    assert not compare("pada 18juni 2024", "on June 18, 2024")


_WORD_PIECES = {
    "id": [
        "dua",
        "tiga",
        "sembilan",
        "belas",
        "puluh",
        "ratus",
        "ribu",
        "juta",
        "setengah",
        "seribu",
        "sejuta",
        "miliar",
        "nol",
        "satu",
        "sebelas",
        "orang",
        "dua-tiga",
        "triliun",
        "nya",
    ],
    "en": [
        "two",
        "thirty-two",
        "ninety-nine",
        "a",
        "an",
        "half",
        "dozen",
        "hundred",
        "thousand",
        "million",
        "bn",
        "one-half",
        "twice",
        "first",
        "people",
        "twenty",
        "of",
        "tn",
    ],
}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["id", "en"]), st.data())
def test_every_number_word_reading_is_known_in_advance(lang, data):
    """The forgiving step reads the other side's number words only when one of them could say a missing
    value; the values words can say are listed in advance, so that list must hold every reading."""
    from translate_kit.checks.numbers import _word_readable, word_values

    text = " ".join(data.draw(st.lists(st.sampled_from(_WORD_PIECES[lang]), max_size=8)))
    assert set(word_values(text, lang)) <= _word_readable(lang)


def test_a_number_in_words_still_forgives_a_digit():
    assert not compare("dua ribu orang", "2,000 people")
    assert not compare("25 orang", "twenty-five people")
    assert [q.text for q in compare("2019 orang", "two thousand people").missing] == ["2019"]
