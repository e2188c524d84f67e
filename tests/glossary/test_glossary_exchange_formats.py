"""Exchange formats: PO → format → entries round trips, reported losses, and bad input with file:line."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from translate_kit.errors import InputError
from translate_kit.glossary.exchange import FORMATS, detect_format, export_glossary, export_text, read_exchange
from translate_kit.glossary.exchange.base import summarize_losses
from translate_kit.glossary.pofile import load_glossary

GLOSSARY_PO = r"""msgid ""
msgstr ""
"Language: id\n"
"X-Target-Language: en\n"
"Content-Type: text/plain; charset=UTF-8\n"

# reviewed by the desk, 2024
#. note: Abbreviation used by Indonesian media for North Korea.
#. note: Second note with "quotes" & <angle brackets>.
#. variant: Korea Utara
#. variant: Kora Utara
#. admitted: DPRK
#. forbidden: Korea North
#. legacy: kept unknown comment line
#, case-sensitive
msgctxt "country"
msgid "Korut"
msgstr "North Korea"

#, no-translate
msgid "Rodong Sinmun"
msgstr ""

#, fuzzy
msgid "Kemlu"
msgstr "Foreign Ministry"

msgid "Kim Jong Un"
msgstr "Kim Jong Un"
"""

FIELDS = (
    "source",
    "target",
    "context",
    "variants",
    "admitted",
    "forbidden",
    "notes",
    "flags",
    "translator_comment",
    "unknown_comments",
)


@pytest.fixture()
def glossary(tmp_path):
    d = tmp_path / "glossary"
    d.mkdir()
    (d / "sample.po").write_text(GLOSSARY_PO, encoding="utf-8")
    return load_glossary(d)


def fields(entry):
    return {f: getattr(entry, f) for f in FIELDS}


# -- round trips -----------------------------------------------------------------------------------------------
def test_tbx_round_trip_is_lossless(glossary, tmp_path):
    out = tmp_path / "g.tbx"
    assert export_glossary(glossary.entries, "tbx", out) == []
    used, back = read_exchange(out)
    assert used == "tbx"
    assert [fields(e) for e in back] == [fields(e) for e in glossary.entries]
    korut = back[0]
    assert korut.translator_comment == "reviewed by the desk, 2024"
    assert korut.unknown_comments == ["legacy: kept unknown comment line"]
    assert korut.notes[1] == 'Second note with "quotes" & <angle brackets>.'


def test_tbx_structure_and_stable_ids(glossary, tmp_path):
    text, _ = export_text(glossary.entries, "tbx")
    assert text.count("<conceptEntry ") == 4
    assert '<descrip type="subjectField">country</descrip>' in text
    assert "deprecatedTerm-admn-sts" in text  # the forbidden "Korea North"
    assert text.count("preferredTerm-admn-sts") == 4 + 3  # 4 msgids, 3 non-empty msgstrs
    assert "&lt;angle brackets&gt;" in text and "&amp;" in text
    again, _ = export_text(glossary.entries, "tbx")
    assert again == text  # ids come from file name, context and msgid


def test_tbx_line_breaks_survive(tmp_path):
    from translate_kit.glossary.model import Entry

    e = Entry("Korsel", "South Korea", translator_comment="line one\nline two")
    out = tmp_path / "x.tbx"
    export_glossary([e], "tbx", out)
    assert read_exchange(out)[1][0].translator_comment == "line one\nline two"


@pytest.mark.parametrize("fmt", ["deepl-csv", "deepl-tsv", "google-csv", "google-sets", "amazon-csv", "amazon-tsv"])
def test_flat_formats_keep_pairs_and_report_the_rest(glossary, tmp_path, fmt):
    out = tmp_path / f"g.{'tsv' if fmt.endswith('tsv') else 'csv'}"
    losses = export_glossary(glossary.entries, fmt, out)
    used, back = read_exchange(out)
    # auto-detection recognises each file (a headerless two-column CSV reads the same as DeepL's)
    assert used == {"google-csv": "deepl-csv"}.get(fmt, fmt)
    # Kemlu is fuzzy (a proposal): not exported; Rodong Sinmun is no-translate: exported as itself; Korut's
    # variants are rows of their own with Korut's target.
    assert [(e.source, e.target) for e in back] == [
        ("Korut", "North Korea"),
        ("Korea Utara", "North Korea"),
        ("Kora Utara", "North Korea"),
        ("Rodong Sinmun", "Rodong Sinmun"),
        ("Kim Jong Un", "Kim Jong Un"),
    ]
    kinds = sorted((x.kind, x.detail) for x in losses)
    expected = [
        ("admitted", "DPRK"),
        ("context", "country"),
        ("flag:case-sensitive", "case-sensitive"),
        ("flag:no-translate", "no-translate"),
        ("forbidden", "Korea North"),
        ("fuzzy-entry", ""),
        ("translator-comment", "reviewed by the desk, 2024"),
        ("unknown-comment", "legacy: kept unknown comment line"),
    ]
    if fmt == "google-sets":  # notes travel in the description column (on every row of the entry)
        assert back[0].notes == back[1].notes == glossary.entries[0].notes
    else:
        expected += [
            ("note", "Abbreviation used by Indonesian media for North Korea."),
            ("note", 'Second note with "quotes" & <angle brackets>.'),
        ]
    assert kinds == sorted(expected)


def test_exact_file_contents(glossary):
    assert export_text(glossary.entries, "deepl-csv")[0] == (
        "Korut,North Korea,id,en\nKorea Utara,North Korea,id,en\nKora Utara,North Korea,id,en\n"
        "Rodong Sinmun,Rodong Sinmun,id,en\nKim Jong Un,Kim Jong Un,id,en\n"
    )
    assert export_text(glossary.entries, "deepl-tsv")[0] == (
        "Korut\tNorth Korea\nKorea Utara\tNorth Korea\nKora Utara\tNorth Korea\n"
        "Rodong Sinmun\tRodong Sinmun\nKim Jong Un\tKim Jong Un\n"
    )
    assert export_text(glossary.entries, "amazon-csv")[0] == (
        "id,en\nKorut,North Korea\nKorea Utara,North Korea\nKora Utara,North Korea\n"
        "Rodong Sinmun,Rodong Sinmun\nKim Jong Un,Kim Jong Un\n"
    )
    assert export_text(glossary.entries, "google-sets")[0].splitlines()[0] == "id,en,description"


def test_loss_summary_counts_and_examples(glossary):
    _, losses = export_text(glossary.entries, "deepl-csv")
    lines = summarize_losses("deepl-csv", losses, examples=1)
    note_line = next(line for line in lines if ": note " in line)
    assert note_line == (
        "deepl-csv: note not exported: 2 (Korut [country] → North Korea: Abbreviation used by "
        "Indonesian media for North Korea.; … 1 more)"
    )


def test_csv_quoting_round_trip(tmp_path):
    from translate_kit.glossary.model import Entry

    entries = [Entry('Presiden "RI"', "President, Indonesia"), Entry("a,b", 'say "x"')]
    out = tmp_path / "q.csv"
    export_glossary(entries, "deepl-csv", out)
    assert [(e.source, e.target) for e in read_exchange(out)[1]] == [
        ('Presiden "RI"', "President, Indonesia"),
        ("a,b", 'say "x"'),
    ]


def test_deepl_limits_and_duplicates_are_losses():
    from translate_kit.glossary.model import Entry

    long = "x" * 1025
    entries = [
        Entry("AS", "US", context="country"),
        Entry("AS", "United States", context="other"),
        Entry(long, "y"),
        Entry("tab\there", "t"),
    ]
    text, losses = export_text(entries, "deepl-tsv")
    assert text == "AS\tUS\n"
    assert sorted(x.kind for x in losses) == ["context", "duplicate-source", "too-long", "unrepresentable"]


def test_third_party_tbx_v2_martif(tmp_path):
    p = tmp_path / "old.tbx"
    p.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd">
<martif type="TBX" xml:lang="en">
  <text><body>
    <termEntry id="t1">
      <langSet xml:lang="id-ID"><tig><term>Kemlu</term></tig></langSet>
      <langSet xml:lang="en-US">
        <tig><term>Foreign Ministry</term></tig>
        <tig><term>Ministry of <hi>Foreign</hi> Affairs</term></tig>
        <tig><term>Foreign Office</term>
             <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
      </langSet>
    </termEntry>
  </body></text>
</martif>
""",
        encoding="utf-8",
    )
    [e] = read_exchange(p)[1]
    assert (e.source, e.target, e.admitted, e.forbidden, e.line) == (
        "Kemlu",
        "Foreign Ministry",
        ["Ministry of Foreign Affairs"],
        ["Foreign Office"],
        5,
    )


# -- bad input: one line, file:line ----------------------------------------------------------------------------
def _error(tmp_path, name, data, fmt="auto"):
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    with pytest.raises(InputError) as info:
        read_exchange(p, fmt)
    return info.value


def test_malformed_tbx_names_the_line(tmp_path):
    err = _error(tmp_path, "bad.tbx", '<?xml version="1.0"?>\n<tbx>\n<text><body>\n<conceptEntry>\n</body>\n')
    assert (err.line, "malformed TBX" in err.message) == (5, True)  # </body> closes the unclosed conceptEntry
    assert str(err).startswith(f"{tmp_path / 'bad.tbx'}:5: malformed TBX")


def test_tbx_unknown_language_code(tmp_path):
    err = _error(
        tmp_path,
        "fr.tbx",
        """<tbx><text><body>
<conceptEntry id="a">
  <langSec xml:lang="id"><termSec><term>Kemlu</term></termSec></langSec>
  <langSec xml:lang="fr"><termSec><term>ministère</term></termSec></langSec>
</conceptEntry></body></text></tbx>""",
    )
    assert err.line == 4 and "'fr'" in err.message


def test_tbx_without_indonesian_or_english_section(tmp_path):
    err = _error(
        tmp_path,
        "noid.tbx",
        """<tbx><text><body>
<conceptEntry id="a">
  <langSec xml:lang="en"><termSec><term>Foreign Ministry</term></termSec></langSec>
</conceptEntry></body></text></tbx>""",
    )
    assert err.line == 2 and "no id" in err.message
    err = _error(
        tmp_path,
        "noen.tbx",
        """<tbx><text><body>
<conceptEntry id="a">
  <langSec xml:lang="ind"><termSec><term>Kemlu</term></termSec></langSec>
</conceptEntry></body></text></tbx>""",
    )
    assert err.line == 2 and "no English term" in err.message


def test_tbx_empty_term_and_wrong_root(tmp_path):
    err = _error(
        tmp_path,
        "empty.tbx",
        """<tbx><text><body>
<conceptEntry id="a">
  <langSec xml:lang="id"><termSec><term>Kemlu</term></termSec></langSec>
  <langSec xml:lang="en"><termSec>
    <term>  </term></termSec></langSec>
</conceptEntry></body></text></tbx>""",
    )
    assert err.line == 5 and "empty term" in err.message
    err = _error(tmp_path, "html.xml", "<html>\n<body/></html>")
    assert err.line == 1 and "not a TBX file" in err.message


def test_csv_wrong_column_count(tmp_path):
    err = _error(tmp_path, "g.csv", "Korut,North Korea\nKemlu,Foreign Ministry,extra\n")
    assert (err.line, "found 3" in err.message) == (2, True)


def test_csv_quoted_record_over_two_lines_reports_its_first_line(tmp_path):
    err = _error(tmp_path, "g.csv", 'Korut,North Korea\n"multi\nline",x,y\n')
    assert err.line == 2


def test_csv_empty_term(tmp_path):
    err = _error(tmp_path, "g.csv", "Korut,North Korea\n\nKemlu,\n")
    assert err.line == 3 and "empty target" in err.message


def test_csv_unknown_language_pair(tmp_path):
    err = _error(tmp_path, "g.csv", "Korut,North Korea,id,en\nKemlu,ministère,id,fr\n")
    assert err.line == 2 and "'fr'" in err.message


def test_header_formats_bad_headers(tmp_path):
    assert read_exchange(_write(tmp_path, "a.csv", "id,en\nKorut,North Korea\n"))[1][0].line == 2
    err = _error(tmp_path, "b.csv", "id,en\nKorut,North Korea\nid,en\nKemlu,Foreign Ministry\n", "amazon-csv")
    assert err.line == 3 and "duplicate header" in err.message
    err = _error(tmp_path, "c.csv", "id,de\nKorut,Nordkorea\n", "amazon-csv")
    assert err.line == 1 and "'de'" in err.message
    err = _error(tmp_path, "d.csv", "en,en-GB\nx,y\n", "google-sets")
    assert err.line == 1
    err = _error(tmp_path, "e.csv", "id,en\nKorut\n", "google-sets")
    assert err.line == 2 and "found 1" in err.message


def test_headerless_format_given_a_header(tmp_path):
    err = _error(tmp_path, "h.csv", "id,en\nKorut,North Korea\n", fmt="deepl-csv")
    assert err.line == 1 and "no header row" in err.message


def test_utf8_bom_is_stripped_and_utf16_decoded(tmp_path):
    p = _write(tmp_path, "bom.csv", b"\xef\xbb\xbfKorut,North Korea\n")
    assert read_exchange(p)[1][0].source == "Korut"
    p = _write(tmp_path, "u16.csv", codecs.BOM_UTF16_LE + "id,en\nKorut,Korea Utara\n".encode("utf-16-le"))
    assert [(e.source, e.target) for e in read_exchange(p)[1]] == [("Korut", "Korea Utara")]
    err = _error(tmp_path, "badu16.csv", codecs.BOM_UTF16_LE + b"K\x00\x00\xd8")
    assert "UTF-16" in err.message


def test_non_utf8_and_empty_files(tmp_path):
    err = _error(tmp_path, "latin1.csv", "Korut,North Korea\nJepang,Japan\nPerancis,Fran\xe7a\n".encode("latin-1"))
    assert err.line == 3 and "UTF-8" in err.message
    err = _error(tmp_path, "empty.csv", b"\n  \n")
    assert "empty" in err.message


def test_detect_format(tmp_path):
    cases = {
        "a.tbx": b"<tbx/>",
        "b.csv": b"Korut,North Korea\n",
        "c.csv": b"id,en\nx,y\n",
        "d.csv": b"id,en,description\nx,y,z\n",
        "e.tsv": b"Korut\tNorth Korea\n",
        "f.tsv": b"id\ten\nx\ty\n",
    }
    got = {name: detect_format(Path(name), data) for name, data in cases.items()}
    assert got == {
        "a.tbx": "tbx",
        "b.csv": "deepl-csv",
        "c.csv": "amazon-csv",
        "d.csv": "google-sets",
        "e.tsv": "deepl-tsv",
        "f.tsv": "amazon-tsv",
    }
    assert set(FORMATS) >= set(got.values())


def _write(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p
