"""Normalisation for the MT input, and the map back to the original offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate_kit.corpus import normalize
from translate_kit.corpus.normalize import QUOTES, SPACES


@pytest.mark.parametrize("text, expected", [
    ("Korea,”kata dia.", 'Korea," kata dia.'),  # seed 000 style: no space after the closing quote
    ('dengan tepat,"tegas John Kirby.', 'dengan tepat," tegas John Kirby.'),  # seed 004, line 35
    ("Network,a subsidiary", "Network, a subsidiary"),  # seed 004, line 52
    ("tujuan  pertemuan", "tujuan pertemuan"),  # seed 001, line 31: double space
    ("Kim\u00a0Jong\u202fUn\u2009tiba", "Kim Jong Un tiba"),
    ("Pyong\u200byang\u00ad", "Pyongyang"),
    ("  “Halo,” katanya.\t", '"Halo," katanya.'),
    ("‘Kesepakatan Setan’", "'Kesepakatan Setan'"),
    ("senjata.Pindah ke Moskow", "senjata. Pindah ke Moskow"),
    ("Siapa?Dia datang!Ya", "Siapa? Dia datang! Ya"),
])
def test_normalised_forms(text, expected):
    assert normalize(text).text == expected


@pytest.mark.parametrize("text", [
    "naik 2,5 persen dan 11.000 kontainer", "fin.co.id dan Liputan6.com", "TRIBUNNEWS.COM", "pukul 02.45",
    "Putin tiba di Pyongyang.", "U.S. Army", ""])
def test_clean_text_is_untouched(text):
    result = normalize(text)
    assert result.text == text and result.to_original(len(text)) == len(text)


def test_curly_quotes_can_be_kept():
    assert normalize("“Ya,”kata dia", straight_quotes=False).text == "“Ya,” kata dia"


def test_inserted_space_maps_to_the_next_character():
    result = normalize("Korea,”kata dia")
    # normalised 'Korea," kata dia': the space at 7 was inserted before original 'k' at 7
    assert result.to_original(7) == 7 and result.to_original(8) == 7
    assert result.span_to_original(8, 12) == (7, 11)
    assert result.original[7:11] == "kata"


def test_term_span_across_collapsed_spaces_maps_back():
    original = "Kim\u00a0Jong  Un tiba"
    result = normalize(original)
    start = result.text.index("Jong Un")
    assert result.span_to_original(start, start + len("Jong Un")) == (4, 12)
    assert original[4:12] == "Jong  Un"
    assert result.span_to_original(0, len(result.text)) == (0, len(original))


def test_zero_width_inside_a_word_stays_inside_its_span():
    result = normalize("Pyong\u200byang tiba")
    assert result.text == "Pyongyang tiba"
    assert result.span_to_original(0, 9) == (0, 10)


def test_stripped_edges():
    result = normalize("  Halo  ")
    assert result.text == "Halo"
    assert result.to_original(0) == 2 and result.to_original(4) == 6
    with pytest.raises(IndexError):
        result.to_original(5)


ALPHABET = st.sampled_from(list("abAB .,;?!\"'“”‘’12\t") + list(SPACES) + ["\u200b", "\u00ad", "\ufeff"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_every_normalised_character_comes_from_the_original(text):
    result = normalize(text)
    origin = result.origin or tuple(range(len(text)))
    assert list(origin) == sorted(origin)
    for i, ch in enumerate(result.text):
        source = text[origin[i]]
        inserted = ch == " " and i + 1 < len(origin) and origin[i + 1] == origin[i]
        assert ch == source or ch == QUOTES.get(source) or (ch == " " and source in SPACES) or inserted
    assert "  " not in result.text and result.text == result.text.strip(" ")
    assert normalize(result.text).text == result.text  # idempotent
