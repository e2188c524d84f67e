"""`glossary suggest` on the seed corpus (corpus/id) with a small temporary glossary of obvious terms: the names
and acronyms a reviewer expects are proposed (once is enough for multi-word names and acronyms), glued and
credit forms are not, and short forms are folded into the longer name."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_kit.cli.glossary_exchange_cmd import suggest_cmd
from translate_kit.glossary.pofile import load_glossary

SEED_GLOSSARY = """msgid ""
msgstr ""
"Language: id\\n"

#. variant: Korut
#. variant: Kora Utara
msgid "Korea Utara"
msgstr "North Korea"

#. variant: Korsel
msgid "Korea Selatan"
msgstr "South Korea"

msgid "Rusia"
msgstr "Russia"

msgid "Ukraina"
msgstr "Ukraine"

#. variant: Amerika
msgid "Amerika Serikat"
msgstr "United States"

#, case-sensitive
msgid "AS"
msgstr "US"

#, case-sensitive
msgid "PBB"
msgstr "UN"

#. variant: Kim Jong-un
msgid "Kim Jong Un"
msgstr "Kim Jong Un"
"""

# every one of these is written in the seed articles; the comment says where the single occurrences are
EXPECTED = {
    "Vladimir Putin": "name",
    "Kosmodrom Vostochny": "name",
    "John Kirby": "name",
    "Matthew Miller": "name",
    "Kim Jong Il": "name",
    "Lapangan Kim Il Sung": "name",
    "Semenanjung Korea": "name",
    "Dewan Keamanan Nasional": "name",
    "Departemen Luar Negeri": "name",
    "Timur Jauh": "name",
    "Moskow": "name",
    "Washington": "name",
    "Vietnam": "name",
    "WIB": "acronym",
    "AP": "acronym",
    "KCNA": "acronym",  # 001: "(KCNA via Reuters)", a credit line
    "Hwasong-11": "model",  # 002: "rudal balistik Korea Utara seri Hwasong-11"
    "NK Pro": "name",
    "Kurt Campbell": "name",
    "Kim Hong Kyun": "name",  # 002, once each
    "Rodong Sinmun": "name",
    "Andrei Belousov": "name",
    "Sergei Lavrov": "name",
    "Hotel Kumsusan": "name",  # 000
    "Wisma Negara Kumsusan": "name",  # 003
    "Mark Fitzpatrick": "name",
    "Institut Internasional untuk Studi Strategis": "name",  # 004, with "untuk"
    "Yonhap": "name",  # 002: "kepada kantor berita Yonhap"
    "Vedomosti": "name",  # 002: "surat kabar Rusia, Vedomosti,"
    "Dmitry Peskov": "name",  # 002: "juru bicara Kremlin Dmitry Peskov"
    "Xi Jinping": "name",  # 000: "pemimpin Tiongkok Xi Jinping"
    "Sejong Institute": "name",
    "Cheong Seong Chang": "name",  # 002: "Direktur Sejong Institute Cheong Seong Chang"
    "Yuri Ushakov": "spelling-variants",
    "Pyongyang": "spelling-variants",
}
ABSENT = (
    # glued: a seat of government, a country, a title or an institution in front of a name
    "Kremlin Dmitry Peskov",
    "Tiongkok Xi Jinping",
    "Direktur Sejong Institute Cheong Seong Chang",
    "Sejong Institute Cheong Seong Chang",
    "Presiden Rusia Vladimir Putin",
    "Institut Internasional",
    "Studi Strategis",
    # short forms of a longer name ("Kim" of several), credit words, the acronym inside "NK Pro"
    "Kim",
    "Putin",
    "Vostochny",
    "Kremlin Pool Photo",
    "Pool Photo",
    "Getty Images",
    "NK",
    # covered by the glossary, function words, months, a byline ("oleh Khairisa Ferida diperbarui")
    "Korea Utara",
    "Kim Jong Un",
    "AS",
    "PBB",
    "Rusia",
    "Para",
    "Dalam",
    "Juni",
    "September",
    "Khairisa Ferida",
)


@pytest.fixture(scope="module")
def seed_suggestions(repo, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("seed")
    (tmp / "glossary").mkdir()
    (tmp / "glossary" / "seed.po").write_text(SEED_GLOSSARY, encoding="utf-8")
    out = tmp / "suggested.po"
    result = CliRunner().invoke(
        suggest_cmd, [str(repo / "corpus" / "id"), "--glossary", str(tmp / "glossary"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    g = load_glossary(out)
    assert g.diagnostics == []
    return {e.source: e for e in g}


def kind(entry) -> str:
    return entry.notes[0].rsplit("kind: ", 1)[1]


def test_seed_corpus_proposes_the_names_and_acronyms_a_reviewer_expects(seed_suggestions):
    missing = sorted(set(EXPECTED) - set(seed_suggestions))
    assert missing == []
    assert {form: kind(seed_suggestions[form]) for form in EXPECTED} == EXPECTED
    assert seed_suggestions["Yuri Ushakov"].variants == ["Yuri Ushakob"]  # 000 spells it -v, 001 -b
    assert seed_suggestions["Pyongyang"].variants == ["Pyeongyang"]
    assert all(e.fuzzy and e.target == "" for e in seed_suggestions.values())


def test_seed_corpus_has_no_glued_or_noise_forms(seed_suggestions):
    assert sorted(set(ABSENT) & set(seed_suggestions)) == []


def test_seed_corpus_folds_short_forms_and_gives_sentence_examples(seed_suggestions):
    putin = seed_suggestions["Vladimir Putin"]
    assert any(n.startswith("short forms: Putin (") for n in putin.notes)
    assert "short forms: Vostochny (2×)" in seed_suggestions["Kosmodrom Vostochny"].notes  # "kosmodrom Vostochny"
    # 000 line 9 holds two sentences; the example is the one with the name
    first = next(n for n in seed_suggestions["Moskow"].notes if n.startswith("example"))
    assert Path(first.split("(", 1)[1].split(":", 1)[0]).name == "000_c30b8bd215a98e92.txt"
    assert first.endswith(":9): Pindah ke Moskow karena sanksi Barat.")
