"""`translate-kit glossary add | remove | show | find` through the click group."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_kit.cli import cli, main
from translate_kit.glossary.pofile import load_glossary


def invoke(*args: str):
    return CliRunner().invoke(cli, ["glossary", *args])


@pytest.fixture
def gdir(tmp_path: Path) -> Path:
    d = tmp_path / "glossary"
    d.mkdir()
    for args in (
        [
            "Korut",
            "North Korea",
            "--variant",
            "Korea Utara",
            "--forbid",
            "Korea North",
            "--case-sensitive",
            "--file",
            "places.po",
            "--note",
            "Abbreviation used by Indonesian media.",
        ],
        ["AS", "US", "--case-sensitive", "--file", "abbreviations.po"],
        [
            "Departemen Luar Negeri AS",
            "US State Department",
            "--admit",
            "State Department",
            "--file",
            "organizations.po",
        ],
    ):
        result = invoke("add", *args, "--glossary", str(d))
        assert result.exit_code == 0, result.output
    return d


def test_add_writes_the_entry_where_asked(gdir):
    korut = load_glossary(gdir / "places.po").entries[0]
    assert (korut.source, korut.target, korut.variants, korut.forbidden, korut.flags, korut.notes) == (
        "Korut",
        "North Korea",
        ["Korea Utara"],
        ["Korea North"],
        ["case-sensitive"],
        ["Abbreviation used by Indonesian media."],
    )
    assert invoke("lint", str(gdir), "--strict").exit_code == 0


def test_add_reports_the_location(gdir):
    result = invoke("add", "Korsel", "South Korea", "--file", "places.po", "--glossary", str(gdir))
    # a new file's header is 8 lines and a blank; Korsel sorts before Korut, taking its line 10
    assert result.output == f"{gdir / 'places.po'}:10: added Korsel → South Korea\n"


def test_add_refuses_a_claimed_form_with_exit_2(gdir, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["glossary", "add", "korea utara", "DPRK", "--file", "other.po", "--glossary", str(gdir)])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(
        f"translate-kit: error: {gdir / 'places.po'}:10: source form 'korea utara' is already "
        "claimed by 'Korut → North Korea'"
    )
    assert not (gdir / "other.po").exists()


def test_remove_finds_the_file_holding_the_entry(gdir):
    before = (gdir / "organizations.po").read_bytes()
    result = invoke("remove", "as", "--glossary", str(gdir))
    assert result.exit_code == 0
    assert result.output == f"{gdir / 'abbreviations.po'}: removed AS → US\n"
    assert [e.source for e in load_glossary(gdir)] == ["Departemen Luar Negeri AS", "Korut"]  # files by name
    assert (gdir / "organizations.po").read_bytes() == before


def test_show_prints_the_entry_and_its_corpus_matches(gdir, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Korut menembakkan rudal.\nAS dan Korea Utara.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Tidak ada.\nDepartemen Luar Negeri AS dan Korutnya.\n", encoding="utf-8")
    result = invoke("show", "korea utara", "--in", str(corpus), "--glossary", str(gdir))
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"{gdir / 'places.po'}:10: Korut → North Korea\n"
        "  variants: Korea Utara\n"
        "  forbidden: Korea North\n"
        "  flags: case-sensitive\n"
        "  note: Abbreviation used by Indonesian media.\n"
        "3 match(es) in the corpus\n"
        f"  {corpus / 'a.txt'}:1: 'Korut' (source 'Korut')\n"
        f"  {corpus / 'a.txt'}:2: 'Korea Utara' (variant 'Korea Utara')\n"
        f"  {corpus / 'b.txt'}:2: 'Korutnya' (source 'Korut')\n"
    )


def test_show_respects_longer_entries(gdir, tmp_path):
    corpus = tmp_path / "c.txt"
    corpus.write_text("AS menolak.\nDepartemen Luar Negeri AS menolak.\n", encoding="utf-8")
    result = invoke("show", "AS", "--in", str(corpus), "--glossary", str(gdir))
    # line 2's "AS" belongs to the longer organisation entry
    assert result.output.endswith(f"1 match(es) in the corpus\n  {corpus}:1: 'AS' (source 'AS')\n")


def test_show_by_english_form_and_unknown_term(gdir):
    result = invoke("show", "State Department", "--glossary", str(gdir))
    assert result.output.startswith(f"{gdir / 'organizations.po'}:10: Departemen Luar Negeri AS → US State Department")
    missing = invoke("show", "Kemlu", "--glossary", str(gdir))
    assert missing.exit_code == 1


def test_find_indonesian_and_english(gdir):
    text = "Departemen Luar Negeri AS mengecam Korut"
    result = invoke("find", text, "--lang", "id", "--glossary", str(gdir))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    # every occurrence, overlapping ones included: the organisation (0-25), its "AS" (23-25), Korut (35-40)
    assert [line.split(":")[0] for line in lines] == ["0-25", "23-25", "35-40"]
    assert "(source 'Korut')" in lines[2]
    english = invoke("find", "The State Department said Korea North", "--lang", "en", "--glossary", str(gdir))
    out = english.output.splitlines()
    assert "→ Departemen Luar Negeri AS → US State Department (admitted 'State Department')" in out[0]
    assert "(forbidden 'Korea North')" in out[1]


def test_find_nothing_exits_1(gdir):
    assert invoke("find", "tidak ada apa-apa", "--glossary", str(gdir)).exit_code == 1
