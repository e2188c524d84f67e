"""The holes of issue 14: one source form one entry across contexts, add validating as lint does, exit codes
of show/remove, and exchange exports carrying variants as rows."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from translate_kit.cli import main
from translate_kit.glossary.exchange import export_text
from translate_kit.glossary.lint import lint
from translate_kit.glossary.pofile import load_glossary

REPO = Path(__file__).resolve().parents[2]


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    out = capsys.readouterr()
    return exit_.value.code, out.out, out.err


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    d = tmp_path / "glossary"
    shutil.copytree(REPO / "glossary", d)
    return d


def test_the_readme_korsel_example_is_refused_naming_the_seed_entry(seed, capsys):
    before = {p.name: p.read_bytes() for p in seed.glob("*.po")}
    code, _, err = run(
        capsys,
        "glossary",
        "add",
        "Korsel",
        "South Korea",
        "--variant",
        "Korea Selatan",
        "--forbid",
        "Korea South",
        "--case-sensitive",
        "--file",
        "abbreviations.po",
        "--glossary",
        str(seed),
    )
    korsel = next(e for e in load_glossary(seed) if e.source == "Korsel")
    assert code == 2
    assert err.startswith(
        f"translate-kit: error: {korsel.ref}: source form 'Korsel' is "
        "already claimed by 'Korsel [country] → South Korea' in context 'country'"
    )
    assert "(use --force to add it anyway)" in err
    assert {p.name: p.read_bytes() for p in seed.glob("*.po")} == before


def test_korut_in_a_new_context_is_refused_and_forced_it_is_a_lint_error(seed, capsys):
    code, _, err = run(capsys, "glossary", "add", "Korut", "N. Korea", "--context", "informal", "--glossary", str(seed))
    assert code == 2 and "already claimed by 'Korut [country] → North Korea'" in err
    assert not (seed / "glossary.po").exists()
    code, out, _ = run(
        capsys, "glossary", "add", "Korut", "N. Korea", "--context", "informal", "--force", "--glossary", str(seed)
    )
    assert code == 0 and out.startswith(f"{seed / 'glossary.po'}:10: added Korut [informal] → N. Korea")
    result = lint(seed)
    assert [(Path(f.path).name, f.code) for f in result.errors] == [
        ("abbreviations.po", "conflicting-source"),
        ("glossary.po", "conflicting-source"),
    ]


def test_add_never_writes_what_lint_rejects(seed, capsys):
    code, _, err = run(capsys, "glossary", "add", "kpk", "KPK", "--case-sensitive", "--glossary", str(seed))
    assert code == 2
    assert "not added: lint would reject the entry: case-sensitive entry 'kpk' has the form 'kpk'" in err
    assert "[case-mismatch]" in err
    code, _, err = run(capsys, "glossary", "add", "Zeta", "Zeta", "--forbid", "zeta", "--glossary", str(seed))
    assert code == 2 and "[forbidden-accepted]" in err
    assert not (seed / "glossary.po").exists()
    # what add accepts, lint accepts
    code, _, _ = run(capsys, "glossary", "add", "Zeta Raya", "Greater Zeta", "--glossary", str(seed))
    assert code == 0 and not lint(seed).failed(strict=True)


def test_show_with_a_missing_corpus_exits_2(seed, tmp_path, capsys):
    code, _, err = run(capsys, "glossary", "show", "Korut", "--in", str(tmp_path / "missing"), "--glossary", str(seed))
    assert code == 2
    assert f"{tmp_path / 'missing'}: error: no such file or directory" in err


def test_remove_nothing_exits_1_and_a_second_remove_spares_the_other_context(seed, capsys):
    code, _, err = run(capsys, "glossary", "remove", "Nonexistent", "--glossary", str(seed))
    assert code == 1 and "no entry for 'Nonexistent'" in err
    code, _, _ = run(capsys, "glossary", "add", "Korsel", "South Korea", "--force", "--glossary", str(seed))
    assert code == 0
    code, out, _ = run(capsys, "glossary", "remove", "Korsel", "--glossary", str(seed))
    assert code == 0 and out == f"{seed / 'glossary.po'}: removed Korsel → South Korea\n"
    before = (seed / "abbreviations.po").read_bytes()
    code, _, err = run(capsys, "glossary", "remove", "Korsel", "--glossary", str(seed))
    assert code == 2
    assert "'Korsel' has no entry without a context; its entries are in context 'country'" in err
    assert "--context" in err
    assert (seed / "abbreviations.po").read_bytes() == before
    code, out, _ = run(capsys, "glossary", "remove", "Korsel", "--context", "country", "--glossary", str(seed))
    assert code == 0 and "removed Korsel [country] → South Korea" in out
    code, _, _ = run(capsys, "glossary", "remove", "Korsel", "--context", "country", "--glossary", str(seed))
    assert code == 1


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize(
    "fmt, skip, cols", [("deepl-csv", 0, 2), ("google-csv", 0, 2), ("amazon-csv", 1, 2), ("google-sets", 1, 2)]
)
def test_exports_carry_variants_as_extra_rows(seed, fmt, skip, cols):
    entries = load_glossary(seed).entries
    text, losses = export_text(entries, fmt)
    pairs = [tuple(r[:cols]) for r in rows(text)[skip:]]
    assert ("Korut", "North Korea") in pairs
    assert ("Korea Utara", "North Korea") in pairs  # a variant of Korut: its own row, same target
    assert not [x for x in losses if x.kind == "variant"]
    sources = [p[0] for p in pairs]
    assert len(sources) == len(set(sources))  # one row per source term


def test_deepl_tsv_variants_and_a_variant_claimed_elsewhere_is_reported(tmp_path):
    d = tmp_path / "g"
    d.mkdir()
    (d / "a.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: id\\n"\n\n#. variant: Korea Utara\nmsgid "Korut"\n'
        'msgstr "North Korea"\n\nmsgid "Korea Utara"\nmsgstr "DPRK"\n',
        encoding="utf-8",
    )
    text, losses = export_text(load_glossary(d).entries, "deepl-tsv")
    assert text == "Korut\tNorth Korea\nKorea Utara\tNorth Korea\n"
    assert [(x.kind, x.detail) for x in losses if x.kind == "duplicate-source"] == [("duplicate-source", "Korea Utara")]
