"""``translate-kit eval`` end to end on the demo model (real CTranslate2 model, real argostranslate package).

The demo model copies its input and maps a few words ("Presiden"→"President", "di"→"in", "kemarin"→
"yesterday", "dan"→"and", "akan"→"will", "Menteri"→"Minister", "itu"→"that", "tidak"→"not"); the glossary
puts "North Korea" for Korut and "US" for AS. So the hypotheses of the test set below are known in advance.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_kit.cli import cli, main
from translate_kit.glossary.pofile import load_glossary

SOURCE = ["Presiden tiba di Jakarta kemarin .", "Korut dan AS akan bertemu .", "Menteri itu tidak datang ."]
PREDICTED = ["President tiba in Jakarta yesterday .", "North Korea and US will bertemu .", "Minister that not datang ."]
HUMAN = [
    "The president arrived in Jakarta yesterday .",
    "North Korea and the US will meet .",
    "The minister did not come .",
]
GLOSSARY_PO = """msgid ""
msgstr ""
"Language: id\\n"

#. variant: Korea Utara
msgid "Korut"
msgstr "North Korea"

#, case-sensitive
msgid "AS"
msgstr "US"
"""


def _testset(d: Path, source: list[str], reference: list[str], split: str = "test") -> Path:
    d.mkdir(parents=True, exist_ok=True)
    (d / f"{split}.id").write_text("".join(s + "\n" for s in source), encoding="utf-8")
    (d / f"{split}.en").write_text("".join(s + "\n" for s in reference), encoding="utf-8")
    return d


@pytest.fixture
def glossary(tmp_path) -> Path:
    d = tmp_path / "glossary"
    d.mkdir()
    (d / "terms.po").write_text(GLOSSARY_PO, encoding="utf-8")
    return d


def _eval(*args: str):
    return CliRunner().invoke(cli, ["eval", *args], catch_exceptions=False)


def test_eval_predicted_hypotheses_score_perfectly(demo_package, tmp_path, glossary):
    ts = _testset(tmp_path / "set", SOURCE, PREDICTED)
    report = tmp_path / "out" / "report.json"
    hyp = tmp_path / "out" / "test.hyp.en"
    res = _eval(
        str(ts),
        "--glossary",
        str(glossary),
        "-o",
        str(report),
        "--save-hyp",
        str(hyp),
        "--min-bleu",
        "99",
        "--min-term-accuracy",
        "1.0",
    )
    assert res.exit_code == 0, res.output
    assert "DEMO model" in res.output
    assert hyp.read_text(encoding="utf-8").splitlines() == PREDICTED
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["hypotheses"] == PREDICTED and data["inputs"]["hyp"] == str(hyp)
    assert data["scores"]["bleu"]["score"] == pytest.approx(100.0)
    assert data["scores"]["chrf"]["score"] == pytest.approx(100.0)
    assert data["scores"]["ter"]["score"] == pytest.approx(0.0)
    assert (data["term_accuracy"]["expected"], data["term_accuracy"]["found"]) == (2, 2)
    assert data["glossary"]["sha256"] == load_glossary(glossary).digest
    assert data["eval"]["demo"] is True and data["eval"]["model"]["demo"] is True
    assert data["eval"]["testset"]["split"] == "test"
    check = data["eval"]["check"]
    assert check["summary"]["segments"] == 3 and check["summary"]["violations"] == 0


def test_eval_gate_fails_against_human_references(demo_package, tmp_path, glossary):
    ts = _testset(tmp_path / "set", SOURCE, HUMAN)
    report = tmp_path / "report.json"
    res = _eval(str(ts), "--glossary", str(glossary), "--min-bleu", "90", "-o", str(report))
    assert res.exit_code == 1
    assert "FAIL min-bleu" in res.output
    data = json.loads(report.read_text(encoding="utf-8"))  # the report is written before the gate exits 1
    assert data["passed"] is False and data["scores"]["bleu"]["score"] < 90


def test_eval_limit_and_against_its_own_report(demo_package, tmp_path, glossary):
    ts = _testset(tmp_path / "set", SOURCE, HUMAN)
    first = tmp_path / "first.json"
    res = _eval(str(ts), "--glossary", str(glossary), "--limit", "2", "-o", str(first))
    assert res.exit_code == 0, res.output
    data = json.loads(first.read_text(encoding="utf-8"))
    assert data["segments"] == 2 and data["hypotheses"] == PREDICTED[:2]
    # the same model and glossary again: nothing changed, the --against gate passes
    res = _eval(str(ts), "--glossary", str(glossary), "--limit", "2", "--against", str(first))
    assert res.exit_code == 0, res.output
    assert "PASS against:bleu: unchanged" in res.output


def test_eval_without_glossary_leaves_terms_to_the_model(demo_package, tmp_path):
    empty = tmp_path / "empty-glossary"
    empty.mkdir()
    ts = _testset(tmp_path / "set", SOURCE[1:2], PREDICTED[1:2])
    res = _eval(str(ts), "--glossary", str(empty), "--format", "json")
    data = json.loads(res.output)
    assert data["hypotheses"] == ["Korut and AS will bertemu ."]  # copied, not translated
    assert data["term_accuracy"]["accuracy"] is None  # an empty glossary has no terms to measure


def test_eval_bad_inputs(demo_package, tmp_path, capsys):
    missing = tmp_path / "nope"
    with pytest.raises(SystemExit) as exc:
        main(["eval", str(missing)])
    assert exc.value.code == 2
    assert f"{missing}: test set directory does not exist" in capsys.readouterr().err

    ts = _testset(tmp_path / "set", SOURCE, HUMAN[:2])
    report = tmp_path / "report.json"
    with pytest.raises(SystemExit) as exc:
        main(["eval", str(ts), "-o", str(report)])
    assert exc.value.code == 2
    assert f"{ts / 'test.id'}:3: 3 source lines but 2 reference lines" in capsys.readouterr().err
    assert not report.exists()


def test_eval_without_a_model_is_a_clear_error(tmp_path, monkeypatch, capsys, glossary):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-packages"))
    ts = _testset(tmp_path / "set", SOURCE, HUMAN)
    with pytest.raises(SystemExit) as exc:
        main(["eval", str(ts), "--glossary", str(glossary)])
    assert exc.value.code == 2
    assert "no Indonesian→English package installed" in capsys.readouterr().err
