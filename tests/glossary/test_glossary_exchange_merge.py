"""Importing into an existing glossary: new / identical / additions / conflicts, all-or-nothing writes, and
byte stability of everything the import does not touch."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_kit.cli.glossary_exchange_cmd import export_cmd, import_cmd
from translate_kit.errors import InputError
from translate_kit.glossary.merge import plan_import
from translate_kit.glossary.model import Entry
from translate_kit.glossary.pofile import load_glossary

HEADER = """msgid ""
msgstr ""
"Language: id\\n"
"X-Target-Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"""

ABBREVIATIONS = (
    HEADER
    + """
#, case-sensitive
msgid "AS"
msgstr "US"

#. note: hand-written entry, kept byte for byte
msgid "Korut"
msgstr "North Korea"
"""
)

PEOPLE = (
    HEADER
    + """
#. forbidden: Kim Jong-un
msgid "Kim Jong Un"
msgstr "Kim Jong Un"
"""
)

IMPORT_CSV = (
    "Korut,North Korea\n"  # 1 identical
    "AS,United States\n"  # 2 conflict: the glossary says US
    "Korsel,South Korea\n"  # 3 new
    "Kemhan,Defence Ministry\n"  # 4 new
    "korsel,South Korea\n"
)  # 5 identical to line 3 (case-insensitive source)


@pytest.fixture()
def gdir(tmp_path):
    d = tmp_path / "glossary"
    d.mkdir()
    (d / "abbreviations.po").write_text(ABBREVIATIONS, encoding="utf-8")
    (d / "people.po").write_text(PEOPLE, encoding="utf-8")
    return d


def snapshot(d: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir())}


def run(*args):
    return CliRunner().invoke(import_cmd, [str(a) for a in args])


def test_plan_classifies_new_identical_conflict(gdir, tmp_path):
    csv = tmp_path / "in.csv"
    csv.write_text(IMPORT_CSV, encoding="utf-8")
    from translate_kit.glossary.exchange import read_exchange

    _, imported = read_exchange(csv)
    plan = plan_import(load_glossary(gdir).entries, imported, Path("imported.po"))
    assert [e.source for e in plan.added] == ["Korsel", "Kemhan"]
    assert [(i.line, e.source) for i, e in plan.identical] == [(1, "Korut"), (5, "Korsel")]
    assert [(c.imported.line, c.existing.source) for c in plan.conflicts] == [(2, "AS")]
    assert plan.additions == []


def test_conflicts_block_the_import_and_nothing_is_written(gdir, tmp_path):
    csv = tmp_path / "in.csv"
    csv.write_text(IMPORT_CSV, encoding="utf-8")
    before = snapshot(gdir)
    result = run(csv, "--glossary", gdir)
    assert result.exit_code == 1
    assert f"{csv}:2: conflict: 'AS → United States' but the glossary has 'AS → US'" in result.output
    assert "2 new, 2 identical, 0 with new forms, 1 conflicts" in result.output
    assert snapshot(gdir) == before


def test_dry_run_writes_nothing(gdir, tmp_path):
    csv = tmp_path / "in.csv"
    csv.write_text("Korsel,South Korea\n", encoding="utf-8")
    before = snapshot(gdir)
    result = run(csv, "--glossary", gdir, "--dry-run")
    assert result.exit_code == 0 and "nothing written (dry run)" in result.output
    assert snapshot(gdir) == before


def test_allow_conflicts_adds_the_new_entries_only(gdir, tmp_path):
    csv = tmp_path / "in.csv"
    csv.write_text(IMPORT_CSV, encoding="utf-8")
    before = snapshot(gdir)
    result = run(csv, "--glossary", gdir, "--allow-conflicts", "--into", "news.po")
    assert result.exit_code == 0, result.output
    after = snapshot(gdir)
    assert {k: after[k] for k in before} == before  # existing files untouched, byte for byte
    g = load_glossary(gdir)
    added = [(e.source, e.target, e.path.name) for e in g if e.path.name == "news.po"]
    assert sorted(added) == [("Kemhan", "Defence Ministry", "news.po"), ("Korsel", "South Korea", "news.po")]
    assert [e.target for e in g.lookup("AS")] == ["US"]  # the conflict did not overwrite
    # importing the same file again: everything already there
    again = run(csv, "--glossary", gdir, "--allow-conflicts", "--into", "news.po")
    assert "0 new, 4 identical" in again.output and snapshot(gdir) == after


def test_new_entries_go_into_an_existing_file_keeping_its_other_bytes(gdir, tmp_path):
    csv = tmp_path / "in.csv"
    csv.write_text("Kemlu,Foreign Ministry\n", encoding="utf-8")
    result = run(csv, "--glossary", gdir, "--into", "abbreviations.po")
    assert result.exit_code == 0, result.output
    text = (gdir / "abbreviations.po").read_text(encoding="utf-8")
    # the new entry is inserted in canonical order (after AS, before Korut); the rest is unchanged
    assert text == ABBREVIATIONS.replace(
        "#. note: hand-written", 'msgid "Kemlu"\nmsgstr "Foreign Ministry"\n\n#. note: hand-written'
    )


TBX_WITH_NEW_FORMS = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body>
    <conceptEntry id="k">
      <note>Used by Indonesian media.</note>
      <langSec xml:lang="id">
        <termSec><term>Korut</term></termSec>
        <termSec><term>Korea Utara</term></termSec>
      </langSec>
      <langSec xml:lang="en">
        <termSec><term>North Korea</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        <termSec><term>DPRK</term>
          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_new_forms_are_reported_and_merged_only_on_request(gdir, tmp_path):
    tbx = tmp_path / "in.tbx"
    tbx.write_text(TBX_WITH_NEW_FORMS, encoding="utf-8")
    before = snapshot(gdir)
    result = run(tbx, "--glossary", gdir)
    assert result.exit_code == 0
    assert (
        "adds to 'Korut → North Korea'" in result.output
        and "variant 'Korea Utara'; admitted 'DPRK'; note 'Used by Indonesian media.'" in result.output
        and "not merged" in result.output
    )
    assert snapshot(gdir) == before

    result = run(tbx, "--glossary", gdir, "--merge-forms")
    assert result.exit_code == 0, result.output
    assert (gdir / "people.po").read_bytes() == before["people.po"]
    [korut] = load_glossary(gdir).lookup("Korut")
    assert (korut.variants, korut.admitted, korut.notes) == (
        ["Korea Utara"],
        ["DPRK"],
        ["hand-written entry, kept byte for byte", "Used by Indonesian media."],
    )
    text = (gdir / "abbreviations.po").read_text(encoding="utf-8")
    assert text.startswith(HEADER + '\n#, case-sensitive\nmsgid "AS"\nmsgstr "US"\n')  # AS entry untouched


def test_conflicting_forms_within_a_concept():
    existing = [
        Entry("Kim Jong Un", "Kim Jong Un", forbidden=["Kim Jong-un"]),
        Entry("Korut", "North Korea", variants=["Korea Utara"]),
    ]
    imported = [
        Entry("Kim Jong Un", "Kim Jong Un", admitted=["Kim Jong-un"]),  # accepts a forbidden form
        Entry("Korsel", "South Korea", variants=["Korea Utara"]),  # takes Korut's variant
        Entry("Korea Utara", "North Korea"),  # a known variant: identical
        Entry("Korut", "North Korea", context="newspaper"),
    ]  # another sense: new
    plan = plan_import(existing, imported, Path("x.po"))
    assert [c.imported.source for c in plan.conflicts] == ["Kim Jong Un", "Korsel"]
    assert "'Kim Jong-un' is accepted by one side and forbidden by the other" in plan.conflicts[0].message
    assert "variant 'Korea Utara'" in plan.conflicts[1].message
    assert [(i.source, e.source) for i, e in plan.identical] == [("Korea Utara", "Korut")]
    assert [(e.source, e.context) for e in plan.added] == [("Korut", "newspaper")]


def test_bad_import_file_is_an_input_error_and_writes_nothing(gdir, tmp_path):
    csv = tmp_path / "bad.csv"
    csv.write_text("Korsel,South Korea\nKemhan\n", encoding="utf-8")
    before = snapshot(gdir)
    result = run(csv, "--glossary", gdir)
    assert isinstance(result.exception, InputError)
    assert (
        str(result.exception) == f"{csv}:2: expected 2 columns (source, target) or 4 (source, target, "
        "source_lang, target_lang), found 1"
    )
    assert snapshot(gdir) == before


def test_export_command_reports_losses_on_stderr(gdir, tmp_path):
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(export_cmd, ["--format", "deepl-csv", "--glossary", str(gdir), "-o", str(out)])
    assert result.exit_code == 0
    assert "deepl-csv: forbidden not exported: 1 (Kim Jong Un → Kim Jong Un: Kim Jong-un)" in result.stderr
    assert "deepl-csv: flag:case-sensitive not exported: 1 (AS → US: case-sensitive)" in result.stderr
    assert out.read_text(encoding="utf-8") == "AS,US,id,en\nKorut,North Korea,id,en\nKim Jong Un,Kim Jong Un,id,en\n"


def test_tbx_export_then_import_into_a_copy_is_all_identical(gdir, tmp_path):
    out = tmp_path / "g.tbx"
    assert CliRunner().invoke(export_cmd, ["--format", "tbx", "--glossary", str(gdir), "-o", str(out)]).exit_code == 0
    before = snapshot(gdir)
    result = run(out, "--glossary", gdir)
    assert "0 new, 3 identical, 0 with new forms, 0 conflicts" in result.output
    assert snapshot(gdir) == before


@pytest.mark.parametrize("fmt", ["deepl-csv", "deepl-tsv", "google-csv", "google-sets", "amazon-csv", "amazon-tsv"])
def test_flat_export_then_import_is_all_identical(gdir, tmp_path, fmt):
    """The flat formats lose the case-sensitive flag of AS; that does not make "AS" a new variant of AS."""
    out = tmp_path / "g.txt"
    assert CliRunner().invoke(export_cmd, ["--format", fmt, "--glossary", str(gdir), "-o", str(out)]).exit_code == 0
    result = run(out, "--format", fmt, "--glossary", gdir)
    assert "0 new, 3 identical, 0 with new forms, 0 conflicts" in result.output, result.output


def test_cli_bad_input_is_one_line_and_exit_2(gdir, tmp_path, capsys):
    from translate_kit.cli import main

    bad = tmp_path / "bad.tbx"
    bad.write_text("<tbx>\n<text>\n</tbx>\n", encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["glossary", "import", str(bad), "--glossary", str(gdir)])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err == f"translate-kit: error: {bad}:3: malformed TBX: mismatched tag\n"
    with pytest.raises(SystemExit) as info:
        main(["glossary", "import", str(tmp_path / "in.csv"), "--glossary", str(gdir), "--into", "x.txt"])
    assert info.value.code == 2
