"""Issue 15 cases 11, 12 and the TBX part of 14: CSV exports warn about cells a spreadsheet would run as
formulas; every XML written (JUnit, TBX) is well-formed whatever characters names and terms hold; a TBX file
with a DTD that defines entities is refused instead of silently losing them."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from translate_kit.errors import InputError
from translate_kit.glossary.exchange import export_text, read_exchange
from translate_kit.glossary.model import Entry

REPO = Path(__file__).resolve().parents[2]

GLOSSARY = """\
msgid ""
msgstr ""
"Language: id\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "=HYPERLINK(\\"http://x\\")"
msgstr "+1 risk"

msgid "Kemlu"
msgstr "Foreign Ministry"

#. variant: @Kemlu
msgid "Menlu"
msgstr "-Foreign Minister"
"""


def _run(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "translate_kit", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("fmt", ["deepl-csv", "google-csv", "amazon-csv", "deepl-tsv"])
def test_csv_exports_warn_about_formula_cells_naming_the_entries(tmp_path, fmt):
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "a.po").write_text(GLOSSARY, encoding="utf-8")
    result = _run("glossary", "export", "--format", fmt, "--glossary", "g", "-o", "out.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    warning = next(line for line in result.stderr.splitlines() if "run as formulas" in line)
    assert warning.startswith(f"{fmt}: warning: ")
    assert "=HYPERLINK" in warning and "Menlu → -Foreign Minister: -Foreign Minister" in warning
    assert "Kemlu → Foreign Ministry" not in warning
    assert "=HYPERLINK(" in (tmp_path / "out.csv").read_text(encoding="utf-8")  # written raw: engines need it


def test_junit_is_well_formed_with_control_characters_in_file_names(tmp_path):
    src, tgt = tmp_path / "src\x1b[31m.txt", tmp_path / "tgt\x0b.txt"
    src.write_text("Korut dan Kemlu.\n", encoding="utf-8")
    tgt.write_text("Korut and Kemlu.\x07\n", encoding="utf-8")
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "a.po").write_text(GLOSSARY, encoding="utf-8")
    for per in ("file", "segment"):
        result = _run(
            "check",
            src.name,
            tgt.name,
            "--glossary",
            "g",
            "--format",
            "junit",
            "--junit-per",
            per,
            "-o",
            f"r-{per}.xml",
            cwd=tmp_path,
        )
        assert result.returncode == 1, result.stderr  # a missing-term violation
        root = ET.parse(tmp_path / f"r-{per}.xml").getroot()  # expat: fails on any forbidden character
        text = ET.tostring(root, encoding="unicode")
        assert "src\\x1b[31m.txt" in text  # the character, visibly escaped


def test_tbx_export_escapes_what_xml_cannot_hold_and_says_so():
    entry = Entry(source="Korut\x1b", target="North Korea", notes=["bell \x07 here"])
    text, losses = export_text([entry], "tbx")
    ET.fromstring(text.encode("utf-8"))
    assert "Korut\\x1b" in text and "bell \\x07 here" in text
    assert {(x.kind, x.detail) for x in losses} == {
        ("xml-forbidden-character", repr("Korut\x1b")),
        ("xml-forbidden-character", repr("bell \x07 here")),
    }


TBX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif [ <!ENTITY nk "North Korea"> ]>
<martif type="TBX"><text><body><termEntry>
<langSet xml:lang="id"><tig><term>Korut</term></tig></langSet>
<langSet xml:lang="en"><tig><term>&nk;</term></tig></langSet>
</termEntry></body></text></martif>
"""


def test_tbx_with_an_internal_dtd_is_refused(tmp_path):
    path = tmp_path / "x.tbx"
    path.write_text(TBX, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_exchange(path)
    assert str(info.value).startswith(f"{path}:2: TBX file has an internal DTD")
    external = TBX.replace('[ <!ENTITY nk "North Korea"> ]', 'SYSTEM "TBXcoreStructV02.dtd"')
    path.write_text(external, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_exchange(path)
    assert str(info.value) == (
        f"{path}:5: entity reference &nk; needs the file's DTD, which translate-kit "
        "does not read: refused (write the text itself instead)"
    )
    path.write_text(external.replace("&nk;", "North Korea"), encoding="utf-8")
    assert [(e.source, e.target) for e in read_exchange(path)[1]] == [("Korut", "North Korea")]
