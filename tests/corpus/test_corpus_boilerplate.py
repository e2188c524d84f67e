"""Boilerplate rules: the seed articles' site chrome is recognised, their real sentences are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate_kit.corpus import BoilerplateRules, read_document
from translate_kit.errors import InputError

# (seed file, 1-based line) → rule name, read off the seed articles by eye: every chrome line of the batch.
SEED_CHROME = {
    ("000_c30b8bd215a98e92.txt", 24): "site-credit",  # (Tribunnews.com/Yunita Rahmayanti)
    ("000_c30b8bd215a98e92.txt", 25): "related-news",  # Berita lain terkait Rusia dan Ukraina
    ("001_6738c794eb8b6589.txt", 1): "site-name",  # bdadinfo.com
    ("001_6738c794eb8b6589.txt", 15): "read-also",
    ("001_6738c794eb8b6589.txt", 23): "read-also",  # a headline with its own colon
    ("001_6738c794eb8b6589.txt", 35): "more-latest",  # Terkini Lainnya
    ("001_6738c794eb8b6589.txt", 37): "partner-links",  # Tautan Sahabat
    ("002_a00ea6c7e7f3e76c.txt", 46): "continue-reading",  # Lanjutkan Membaca ↓
    ("002_a00ea6c7e7f3e76c.txt", 47): "loading",
    ("002_a00ea6c7e7f3e76c.txt", 49): "video-teaser",  # Video Pilihan Hari Ini
    ("002_a00ea6c7e7f3e76c.txt", 51): "video-teaser",  # Video Terkini
    ("002_a00ea6c7e7f3e76c.txt", 53): "popular",  # POPULER
    ("002_a00ea6c7e7f3e76c.txt", 55): "latest-news",  # Berita Terkini Selengkapnya
    ("004_534e002a09c98aca.txt", 31): "read-also",  # "Baca juga:" in lower case
    ("004_534e002a09c98aca.txt", 46): "page-number",  # Halaman 1/3
    ("004_534e002a09c98aca.txt", 47): "recommended",  # Rekomendasi untuk Anda
    ("004_534e002a09c98aca.txt", 48): "follow-us",  # "  • Ikuti kami di" (bullet, indented)
    ("004_534e002a09c98aca.txt", 50): "latest-news",  # indented "Berita Terkini"
    ("004_534e002a09c98aca.txt", 52): "copyright",  # © 2025 TRIBUNnews.com Network, …
    ("004_534e002a09c98aca.txt", 53): "all-rights-reserved",  # All Right Reserved
}


def test_seed_chrome_is_exactly_the_boilerplate(shared):
    """Every chrome line above is boilerplate with that rule, and no other line of the five articles is."""
    found = {}
    for path in sorted((shared / "seeds").glob("*.txt")):
        for unit in read_document(path, Path(path.name)).units:
            if unit.kind == "boilerplate":
                found[(path.name, unit.line)] = unit.meta["boilerplate"]
    assert found == SEED_CHROME


@pytest.mark.parametrize(
    "line",
    [
        # real lines of the seed articles that look a little like chrome
        "TRIBUNNEWS.COM – Amerika Serikat menyatakan ketidaksenangannya atas kunjungan Presiden Rusia.",
        "fin.co.id - 19/06/2024, 09:48 WIB",
        "Rusia: Hak Kami",
        "Viral Medsos",
        "Korea Utara Siap Menyambut Putin?",
        # sentences that start like a rule but are news text
        "Berita terkini menyebutkan bahwa Putin tiba di Pyongyang pada Selasa.",
        "Berita terkait kunjungan itu beredar luas di media sosial.",
        "Hak cipta lagu itu dimiliki oleh sebuah label rekaman.",
        "Simak juga penjelasan Kremlin soal kunjungan itu.",
        "Loading kapal berlangsung selama tiga jam.",
        "Halaman depan istana dipenuhi warga.",
        "Populer di kalangan anak muda, lagu itu terus diputar.",
        "Dr.Budi tiba.",
        "Iklan itu ditayangkan di televisi.",
    ],
)
def test_real_sentences_are_not_boilerplate(line):
    assert BoilerplateRules().match(line) is None


@pytest.mark.parametrize(
    "line, name",
    [
        ("Baca Juga : Rusia dan Korut teken pakta", "read-also"),
        ("SIMAK JUGA: Video Putin di Pyongyang", "see-also"),
        ("Simak juga video berikut", "see-also"),
        ("Loading...", "loading"),
        ("Halaman 2 dari 5", "page-number"),
        ("Copyright © 2024 Kompas.com", "copyright"),
        ("Hak Cipta 2024 Liputan6", "copyright"),
        ("Hak cipta dilindungi undang-undang.", "copyright"),
        ("ADVERTISEMENT", "advertisement"),
        ("SCROLL TO CONTINUE WITH CONTENT", "advertisement"),
        ("https://www.liputan6.com/news", "site-name"),
        ("Tribunnews.com", "site-name"),
    ],
)
def test_other_chrome_forms(line, name):
    assert BoilerplateRules().match(line) == name


def test_over_long_lines_are_never_boilerplate():
    assert BoilerplateRules().match("Baca Juga: " + "kata " * 100) is None


def test_user_file_extends_defaults_and_bad_regex_names_the_line(tmp_path):
    rules_file = tmp_path / "chrome.txt"
    rules_file.write_text("# house rules\n\nTonton juga:.*\nIKUTI KAMI\n", encoding="utf-8")
    rules = BoilerplateRules.from_file(rules_file)
    assert rules.match("Tonton juga: Putin di Vostochny") == "chrome.txt:3"
    assert rules.match("ikuti kami") == "chrome.txt:4"
    assert rules.match("Loading") == "loading"  # defaults still there
    only = BoilerplateRules.from_file(rules_file, defaults=False)
    assert len(only) == 2 and only.match("Loading") is None

    rules_file.write_text("# ok\nLoading\n(unclosed\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        BoilerplateRules.from_file(rules_file)
    assert str(info.value) == (
        f"{rules_file}:3: invalid boilerplate pattern '(unclosed': missing ), unterminated subpattern"
    )


def test_missing_rule_file(tmp_path):
    with pytest.raises(InputError) as info:
        BoilerplateRules.from_file(tmp_path / "none.txt")
    assert str(info.value) == f"{tmp_path / 'none.txt'}: no such boilerplate file"


def test_extra_patterns_and_no_rules():
    rules = BoilerplateRules().add([("sponsor", "konten sponsor")])
    assert rules.match("Konten Sponsor") == "sponsor"
    assert BoilerplateRules.none().match("Loading") is None
    with pytest.raises(InputError) as info:
        BoilerplateRules().add([("bad", "[a-")])
    assert str(info.value) == "invalid boilerplate pattern '[a-': unterminated character set"
