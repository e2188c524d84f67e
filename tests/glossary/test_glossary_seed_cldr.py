"""translate_kit.glossary.cldr: country and territory names from CLDR through babel, and the generated
glossary/countries.po."""

from __future__ import annotations

import pytest

from translate_kit.glossary import load_glossary
from translate_kit.glossary.cldr import country_entries, hand_written_sources, main, render
from translate_kit.glossary.matching import source_matcher


@pytest.fixture(scope="module")
def entries():
    return country_entries()


def by_source(entries):
    return {e.source: e for e in entries}


def test_countries_po_is_what_the_generator_writes_today(repo, tmp_path):
    out = tmp_path / "countries.po"
    assert main([str(out), "--exclude", str(repo / "glossary")]) == 0
    assert out.read_bytes() == (repo / "glossary" / "countries.po").read_bytes()


def test_exclusion_reads_the_hand_written_files_only(repo):
    forms = hand_written_sources(repo / "glossary", skip_name="countries.po")
    assert {"Korea Utara", "Korea Selatan", "Amerika Serikat", "Rusia", "Kora Utara"} <= forms
    assert "Jepang" not in forms  # only countries.po has it
    text = render(country_entries(forms))
    assert text == (repo / "glossary" / "countries.po").read_text(encoding="utf-8")


def test_spot_checks(entries):
    names = by_source(entries)
    assert names["Jepang"].target == "Japan"
    assert names["Jerman"].target == "Germany"
    assert names["Belanda"].target == "Netherlands"
    assert names["Korea Utara"].target == "North Korea"  # present when nothing is excluded
    assert names["Puerto Riko"].target == "Puerto Rico"  # territories too
    assert names["Hong Kong"].target == "Hong Kong"  # "Hong Kong DAK Tiongkok" / "SAR China" shortened
    assert names["Myanmar"].target == "Myanmar" and names["Myanmar"].admitted == ["Burma", "Burmese"]
    assert names["Pantai Gading"].target == "Ivory Coast"
    assert names["Republik Demokratik Kongo"].target == "Democratic Republic of the Congo"
    assert names["Turki"].target == "Turkey" and "Türkiye" in names["Turki"].admitted
    assert names["Antigua dan Barbuda"].target == "Antigua and Barbuda"
    assert names["Kepulauan Virgin Amerika Serikat"].target == "US Virgin Islands"
    for e in entries:
        assert e.context == "country"
        assert e.notes[0].startswith("CLDR ") and len(e.notes[0]) == len("CLDR XX")
        for form in (e.source, e.target):
            assert "&" not in form and "(" not in form and " - " not in form, e


def test_groupings_and_unknown_regions_are_left_out(entries):
    codes = {e.notes[0].split()[1] for e in entries}
    assert not codes & {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
    assert {"ID", "JP", "PR", "HK", "GL", "AQ"} <= codes
    assert len(codes) == len(entries) >= 240
    targets = {e.target for e in entries}
    assert not targets & {"European Union", "United Nations", "Unknown Region", "Eurozone"}


def test_same_name_in_both_languages_is_no_translate(entries):
    names = by_source(entries)
    assert names["Indonesia"].no_translate
    assert not names["Jepang"].no_translate
    assert all(e.no_translate == (e.source == e.target) for e in entries)


def test_exclusion_is_case_insensitive(entries):
    kept = by_source(country_entries({"jepang", "KOREA UTARA"}))
    assert "Jepang" not in kept and "Korea Utara" not in kept
    assert len(kept) == len(entries) - 2


def test_common_word_names_are_case_sensitive(entries):
    names = by_source(entries)
    assert names["Kamboja"].case_sensitive and names["Jersey"].case_sensitive
    matcher = source_matcher(entries)
    text = "Bunga kamboja dan jersey baru dikirim ke Kamboja."
    assert [(m.text, m.entry.target) for m in matcher.find(text)] == [("Kamboja", "Cambodia")]


def test_generated_file_never_conflicts_with_the_hand_written_ones(repo):
    glossary = load_glossary(repo / "glossary")
    hand = {f.casefold() for e in glossary if e.path.name != "countries.po" for f in e.source_forms}
    generated = [e for e in glossary if e.path.name == "countries.po"]
    assert generated and not [e for e in generated if e.source.casefold() in hand]


def test_missing_exclude_directory_is_a_one_line_error(tmp_path, capsys):
    out = tmp_path / "countries.po"
    assert main([str(out), "--exclude", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nope" in err[0] and err[0].startswith("translate-kit: error:")
    assert not out.exists()


def test_broken_glossary_in_exclude_directory_names_file_and_line(tmp_path, capsys):
    gdir = tmp_path / "glossary"
    gdir.mkdir()
    (gdir / "bad.po").write_text('msgid "Korut"\nmsgstr "North Korea\n', encoding="utf-8")
    out = gdir / "countries.po"
    assert main([str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert "bad.po:2" in err
    assert not out.exists()


def test_default_exclude_is_the_output_directory(repo, tmp_path):
    gdir = tmp_path / "glossary"
    gdir.mkdir()
    for path in (repo / "glossary").glob("*.po"):
        if path.name != "countries.po":
            (gdir / path.name).write_bytes(path.read_bytes())
    assert main([str(gdir / "countries.po")]) == 0
    assert (gdir / "countries.po").read_bytes() == (repo / "glossary" / "countries.po").read_bytes()
    assert main([str(gdir / "countries.po")]) == 0  # a second run reads its own output as generated
    assert (gdir / "countries.po").read_bytes() == (repo / "glossary" / "countries.po").read_bytes()


def test_every_country_admits_its_adjective_from_the_countryinfo_data(entries):
    names = by_source(entries)
    expected = {
        "Jerman": "German",
        "Indonesia": "Indonesian",
        "Spanyol": "Spanish",
        "Prancis": "French",
        "Belanda": "Dutch",
        "Swiss": "Swiss",
        "Filipina": "Filipino",
        "Belgia": "Belgian",
        "Korea Utara": "North Korean",
        "Islandia": "Icelandic",
        "Meksiko": "Mexican",
        "Suriah": "Syrian",
    }
    for source, adjective in expected.items():
        assert adjective in names[source].admitted, (source, names[source].admitted)
    # a demonym several regions' data share stays with its owner: French is France's, not Réunion's
    assert "French" not in names["Réunion"].admitted and "Chinese" not in names["Hong Kong"].admitted
    # a demonym equal to the name is not repeated as an admitted form
    djibouti = next(e for e in entries if e.target == "Djibouti")
    assert "Djibouti" not in djibouti.admitted
    with_adjective = sum(1 for e in entries if e.admitted)
    assert with_adjective >= 200, with_adjective


def test_demonyms_split_lists_and_keep_shared_ones_for_their_owners():
    from translate_kit.glossary.cldr import demonyms

    data = demonyms()
    assert data["BA"][:2] == ["Bosnian", "Herzegovinian"]  # "Bosnian,Herzegovinian" in the data
    assert data["US"] == ["American"] and "American" not in data.get("MP", [])
    assert data["CD"] == data["CG"] == ["Congolese"]  # both countries keep a genuinely shared demonym
