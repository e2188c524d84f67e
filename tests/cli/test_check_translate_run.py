"""``check`` knows what ``translate`` did: the README's generic CI step on the project's own sample with the
demo model (real argostranslate + CTranslate2), boilerplate passed through or dropped, the run report, and
the small input rules (a lone CR, missing counterparts, no glossary)."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import pytest

from translate_kit.cli import main
from translate_kit.corpus.boilerplate import BoilerplateRules
from translate_kit.corpus.pairing import pair
from translate_kit.corpus.runinfo import read_run


def run(capsys, *args):
    with pytest.raises(SystemExit) as exc:
        main(list(map(str, args)))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


@pytest.fixture
def sample(repo, tmp_path, monkeypatch, demo_package):
    """The repository's corpus/id and glossary/ copied to a fresh directory, the working directory."""
    shutil.copytree(repo / "corpus", tmp_path / "corpus")
    shutil.copytree(repo / "glossary", tmp_path / "glossary")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CI", "1")
    return tmp_path


def test_the_readme_generic_ci_step_passes_on_the_sample(sample, capsys):
    code, _, err = run(capsys, "translate", "corpus/id", "-o", "build/en")
    assert code == 0, err
    code, out, err = run(
        capsys, "check", "corpus/id", "build/en", "--format", "junit", "-o", "reports/check.xml", "--fail-on", "error"
    )
    assert code == 0, (out, err, (sample / "reports/check.xml").read_text())
    root = ET.parse(sample / "reports/check.xml").getroot()
    assert root.iter("testcase") and not [f for f in root.iter("failure") if "error" in (f.get("type") or "")]
    # the chrome lines translate passed through were recognised, not judged
    code, out, _ = run(capsys, "check", "corpus/id", "build/en", "--format", "json")
    report = json.loads(out)
    translated = json.loads((sample / "build/en/report.json").read_text())
    assert report["summary"]["boilerplate"] == sum(translated["boilerplate"].values()) > 0
    assert report["summary"]["by_severity"]["error"] == 0

    # with --drop-boilerplate the outputs are shorter; check aligns them from the run report
    code, _, err = run(capsys, "translate", "corpus/id", "-o", "build/dropped", "--drop-boilerplate")
    assert code == 0, err
    code, out, err = run(capsys, "check", "corpus/id", "build/dropped", "--fail-on", "error")
    assert code == 0, (out, err)
    assert "not line-aligned" not in err


def test_dropped_boilerplate_aligns_from_the_run_report_or_the_line_counts(tmp_path):
    (tmp_path / "id").mkdir()
    (tmp_path / "en").mkdir()
    (tmp_path / "id" / "a.txt").write_text(
        "Korut menembak.\nBaca Juga: Korut lagi\n\nLalu pergi.\nLoading\nAkhir.\n", encoding="utf-8"
    )
    (tmp_path / "en" / "a.txt").write_text("North Korea fired.\n\nThen left.\nEnd.\n", encoding="utf-8")
    run_info = read_run(tmp_path / "en")
    assert run_info.report is None and run_info.dropped is None  # no report: the line counts tell
    pairs = pair(tmp_path / "id", tmp_path / "en", boilerplate=run_info.rules, dropped=run_info.dropped)
    checked = [(p.source.line, p.target.line if p.target else None) for p in pairs if not p.boilerplate]
    assert checked == [(1, 1), (4, 3), (6, 4)]
    assert [p.source.text for p in pairs if p.boilerplate] == ["Baca Juga: Korut lagi", "Loading"]
    # the run report says so explicitly
    (tmp_path / "en" / "report.json").write_text(
        json.dumps(
            {"schema": 1, "tool": {"name": "translate-kit"}, "options": {"drop_boilerplate": True, "boilerplate": None}}
        )
    )
    assert read_run(tmp_path / "en").dropped is True


def test_passed_through_chrome_is_not_a_violation(tmp_path, capsys, repo):
    (tmp_path / "a.id").write_text(
        "Korut menembak.\nBaca Juga: Rusia dan Turki bertemu\nVideo Pilihan Hari Ini\n", encoding="utf-8"
    )
    (tmp_path / "a.en").write_text(
        "North Korea fired.\nBaca Juga: Rusia dan Turki bertemu\nVideo Pilihan Hari Ini\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, "check", tmp_path / "a.id", tmp_path / "a.en", "--glossary", repo / "glossary")
    assert code == 0, out
    assert "2 boilerplate line(s)" in out


def test_extra_boilerplate_rules_as_translate_takes_them(tmp_path):
    rules = tmp_path / "rules.txt"
    rules.write_text("# our site's footer\nredaksi kami\n", encoding="utf-8")
    (tmp_path / "a.id").write_text("Korut menembak.\nRedaksi Kami\n", encoding="utf-8")
    (tmp_path / "a.en").write_text("North Korea fired.\nRedaksi Kami\n", encoding="utf-8")
    info = read_run(tmp_path / "a.en", extra_rules=rules)
    assert [p.boilerplate for p in pair(tmp_path / "a.id", tmp_path / "a.en", boilerplate=info.rules)] == [False, True]


def test_a_lone_cr_inside_a_line_is_no_line_break(tmp_path):
    src, tgt = tmp_path / "a.id", tmp_path / "a.en"
    src.write_bytes(b"Satu.\nDua\rtiga.\nEmpat.\nLima ada\r\nEnam.\n")
    tgt.write_bytes(b"One.\nTwo\rthree.\nFour.\nFive is\r\nSix.\n")
    pairs = pair(src, tgt, boilerplate=BoilerplateRules())
    assert [(p.source.line, p.target.line) for p in pairs] == [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5)]
    assert pairs[1].source.text == "Dua\rtiga."


def test_a_missing_counterpart_is_a_violation_for_that_file_and_the_rest_is_checked(tmp_path, capsys, repo):
    for d in ("id", "en"):
        (tmp_path / d).mkdir()
    (tmp_path / "id" / "a.txt").write_text("Korut menembak.\n", encoding="utf-8")
    (tmp_path / "id" / "b.txt").write_text("Rusia diam.\n", encoding="utf-8")
    (tmp_path / "en" / "a.txt").write_text("Korea North fired.\n", encoding="utf-8")
    (tmp_path / "en" / "c.txt").write_text("Stray.\n", encoding="utf-8")
    out_file = tmp_path / "check.xml"
    code, _, err = run(
        capsys,
        "check",
        tmp_path / "id",
        tmp_path / "en",
        "--glossary",
        repo / "glossary",
        "--format",
        "junit",
        "-o",
        out_file,
    )
    assert code == 1, err
    text = out_file.read_text()
    assert "[missing-file]" in text or "missing-file" in text
    code, out, _ = run(capsys, "check", tmp_path / "id", tmp_path / "en", "--glossary", repo / "glossary")
    assert f"no translation of this article: {tmp_path / 'en' / 'b.txt'} is missing [missing-file]" in out
    assert f"translation without a source article: {tmp_path / 'id' / 'c.txt'} does not exist [extra-file]" in out
    assert "[forbidden-term]" in out  # a.txt was still checked


def test_check_without_a_glossary_warns(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no glossary/ here
    (tmp_path / "a.id").write_text("Korut menembak.\n", encoding="utf-8")
    (tmp_path / "a.en").write_text("North Korea fired.\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "a.id", "a.en")
    assert code == 0
    assert "warning: no --glossary and no glossary/ directory" in err and "[no-glossary]" in err
    code, out, err = run(capsys, "check", "a.id", "a.en", "--format", "json")
    assert [d["code"] for d in json.loads(out)["diagnostics"]] == ["no-glossary"]


def test_a_given_run_report_that_is_not_one_is_a_one_line_error(tmp_path, capsys):
    (tmp_path / "a.id").write_text("Korut.\n", encoding="utf-8")
    (tmp_path / "a.en").write_text("North Korea.\n", encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, "check", tmp_path / "a.id", tmp_path / "a.en", "--run-report", tmp_path / "bad.json")
    assert code == 2 and err.count("\n") == 1 and "bad.json" in err


def test_docids_judge_consistency_per_article(tmp_path, capsys):
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "t.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: id\\n"\n\n#. admitted: DPRK\nmsgid "Korut"\nmsgstr "North Korea"\n',
        encoding="utf-8",
    )
    (tmp_path / "a.id").write_text("Korut menembak.\nKorut diam.\nKorut lagi.\n", encoding="utf-8")
    (tmp_path / "a.en").write_text("North Korea fired.\nThe DPRK kept quiet.\nNorth Korea again.\n", encoding="utf-8")
    args = ["check", tmp_path / "a.id", tmp_path / "a.en", "--glossary", tmp_path / "g", "--format", "json"]
    code, out, _ = run(capsys, *args)
    assert [v["kind"] for v in json.loads(out)["violations"]] == ["inconsistent-term"]  # one document
    (tmp_path / "ids").write_text("art1\nart2\nart3\n", encoding="utf-8")
    code, out, _ = run(capsys, *args, "--docids", tmp_path / "ids")
    report = json.loads(out)
    assert code == 0 and report["violations"] == [] and report["summary"]["documents"] == 3
    (tmp_path / "short").write_text("art1\n", encoding="utf-8")
    code, _, err = run(capsys, *args, "--docids", tmp_path / "short")
    assert code == 2 and f"{tmp_path / 'short'}:2: no document id for line 2" in err
