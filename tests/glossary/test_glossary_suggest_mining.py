"""`glossary suggest`: candidates reasoned from small hand-made corpora (the seed corpus: test_glossary_suggest_seed.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate_kit.errors import InputError
from translate_kit.glossary.pofile import load_glossary
from translate_kit.glossary.suggest import acronyms, looks_indonesian, name_sequences, suggest, write_suggestions

GLOSSARY = """msgid ""
msgstr ""
"Language: id\\n"

msgid "Pyongyang"
msgstr "Pyongyang"

msgid "Menteri Luar Negeri"
msgstr "Foreign Minister"
"""


def write(d: Path, name: str, text: str) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_text(text, encoding="utf-8")
    return d / name


@pytest.fixture()
def gdir(tmp_path):
    write(tmp_path / "glossary", "seed.po", GLOSSARY)
    return tmp_path / "glossary"


def test_name_sequences_strip_function_words_and_keep_particles():
    text = "Dalam laporan itu, Para pejabat menyebut Osama bin Laden dan Voice of America."
    assert [(f, initial) for _, f, initial in name_sequences(text)] == [
        ("Osama bin Laden", False),
        ("Voice of America", False),
    ]  # "Dalam", "Para" are not names


def test_acronyms_skip_shouting_domains_and_roman_numerals():
    text = "TRIBUN-MEDAN.COM - Wakil Menteri I bertemu pejabat KCNA (TANGKAPAN LAYAR VIDEO VOA) pukul 08.03 WIB."
    assert [a for _, a in acronyms(text)] == ["KCNA", "WIB"]


def test_looks_indonesian():
    assert [
        w
        for w in ["akan", "pesannya", "ditingkatkan", "menyampaikan", "dinner", "reporters", "the"]
        if looks_indonesian(w)
    ] == ["akan", "pesannya", "ditingkatkan", "menyampaikan"]


def test_small_corpus_candidates(gdir, tmp_path):
    corpus = tmp_path / "corpus"
    write(
        corpus,
        "a.txt",
        "Para pejabat KCNA mengatakan bahwa Menteri Luar Negeri Sergei Lavrov tiba di Pyongyang.\n"
        "Juru bicara KCNA, Yuri Ushakov, menolak berkomentar.\n"
        "Dalam wawancara, Yuri Ushakob mengatakan Lavrov akan kembali.\n",
    )
    write(
        corpus,
        "b.txt",
        "Osama bin Laden disebut dalam laporan KCNA.\n"
        "Sergei Lavrov bertemu Kim Hong Kyun di Seoul.\n"
        "Kemudian Kim Hong-kyun kembali ke Seoul.\n"
        "Laporan itu menyebut Osama bin Laden.\n",
    )
    result = suggest([corpus], load_glossary(gdir).entries, min_count=2)
    got = [(c.form, c.kind, c.count, len(c.files), c.variants) for c in result.candidates]
    assert got == [
        ("KCNA", "acronym", 3, 2, []),
        ("Sergei Lavrov", "name", 2, 2, []),
        ("Kim Hong Kyun", "spelling-variants", 2, 1, ["Kim Hong-kyun"]),
        ("Osama bin Laden", "name", 2, 1, []),
        ("Seoul", "name", 2, 1, []),
        ("Yuri Ushakov", "spelling-variants", 2, 1, ["Yuri Ushakob"]),
    ]
    kcna = result.candidates[0]
    assert [(Path(o.path).name, o.line) for o in kcna.examples] == [("a.txt", 1), ("a.txt", 2), ("b.txt", 1)]
    # Pyongyang and "Menteri Luar Negeri" are in the glossary; Lavrov alone occurs once
    assert not {"Pyongyang", "Menteri Luar Negeri", "Lavrov"} & {c.form for c in result.candidates}


def test_po_output_is_a_clean_fuzzy_glossary(gdir, tmp_path):
    corpus = tmp_path / "corpus"
    write(
        corpus, "a.txt", "Seorang pejabat KCNA menyebut Sergei Lavrov. " * 3 + "\nMenurut KCNA, Sergei Lavrov tiba.\n"
    )
    result = suggest([corpus], load_glossary(gdir).entries, min_count=2)
    out = tmp_path / "out" / "suggested.po"
    write_suggestions(result, out)
    g = load_glossary(out)
    assert g.diagnostics == []  # long example notes are not wrapped into stray comment lines
    assert [(e.source, e.target, e.flags) for e in g] == [("KCNA", "", ["fuzzy"]), ("Sergei Lavrov", "", ["fuzzy"])]
    assert g.entries[0].notes[0] == "suggested: 4× in 1 file; kind: acronym"
    assert g.entries[0].notes[1].startswith(f"example ({corpus / 'a.txt'}:1): Seorang pejabat KCNA")
    text = out.read_text(encoding="utf-8")
    assert f'#: {corpus / "a.txt"}:1 {corpus / "a.txt"}:2\n#, fuzzy\nmsgid "KCNA"' in text


def test_sentence_initial_common_word_is_not_part_of_a_name(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus, "a.txt", "Pejabat Kim Hong Kyun tiba.\nPara pejabat bertemu Kim Hong Kyun.\n")
    result = suggest([corpus], [], min_count=2)
    assert [(c.form, c.count) for c in result.candidates] == [("Kim Hong Kyun", 2)]


def test_translations_propose_targets_and_find_untranslated_words(gdir, tmp_path):
    corpus, english = tmp_path / "id", tmp_path / "en"
    write(
        corpus,
        "c.txt",
        "Kantor berita KCNA melaporkan bahwa Sergei Lavrov tiba.\n"
        "Presiden mengatakan bahwa kerja sama akan ditingkatkan.\n"
        "Menteri itu menyampaikan pesannya kepada wartawan.\n",
    )
    write(
        english,
        "c.txt",
        "The KCNA news agency reported that Sergei Lavrov arrived.\n"
        "The president said that cooperation akan ditingkatkan.\n"
        "The minister conveyed pesannya to reporters.\n",
    )
    result = suggest([corpus], load_glossary(gdir).entries, translations=english, min_count=1)
    by_form = {c.form: c for c in result.candidates}
    assert by_form["KCNA"].proposed == "KCNA" and by_form["Sergei Lavrov"].proposed == "Sergei Lavrov"
    untranslated = sorted((c.form, c.examples[0].line) for c in result.candidates if c.kind == "untranslated")
    assert untranslated == [("akan", 2), ("ditingkatkan", 2), ("pesannya", 3)]
    assert by_form["akan"].proposed == ""


def test_missing_translation_is_a_warning(gdir, tmp_path):
    corpus = tmp_path / "id"
    write(corpus, "a.txt", "Seorang pejabat KCNA dan KCNA.\n")
    result = suggest([corpus], [], translations=tmp_path / "en", min_count=1)
    assert [d.code for d in result.diagnostics] == ["no-translation"]
    assert [c.form for c in result.candidates] == ["KCNA"]


def test_bad_corpus_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as info:
        suggest([tmp_path / "nope"], [])
    assert str(info.value).startswith(str(tmp_path / "nope"))
